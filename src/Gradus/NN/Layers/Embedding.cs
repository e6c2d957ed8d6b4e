using Gradus.Random;

namespace Gradus.NN;

/// <summary>
/// A lookup table of <see cref="NumEmbeddings"/> vectors of size <see cref="EmbeddingDim"/>, as <c>nn.Embedding</c>;
/// weights start N(0, 1) and the padding row, if any, starts at zero and is never trained.
/// </summary>
public sealed class Embedding : Module
{
    private readonly Parameter weight;

    /// <summary>Creates the table; weights are drawn from <paramref name="generator"/> (default: <see cref="Generator.Default"/>).</summary>
    public Embedding(int numEmbeddings, int embeddingDim, int? paddingIdx = null, Generator? generator = null)
    {
        if (paddingIdx is { } p && (p >= numEmbeddings || p < -numEmbeddings))
            throw new ArgumentException("Padding_idx must be within num_embeddings");
        NumEmbeddings = numEmbeddings;
        EmbeddingDim = embeddingDim;
        PaddingIdx = paddingIdx is { } q && q < 0 ? q + numEmbeddings : paddingIdx;
        weight = new Parameter(Torch.Empty([numEmbeddings, embeddingDim]));
        Init.Normal_(weight, generator: generator);
        if (PaddingIdx is { } row)
            using (Torch.NoGrad()) Init.Zeros_(weight.Select(0, row));
    }

    /// <summary>The number of rows.</summary>
    public int NumEmbeddings { get; }

    /// <summary>The size of each vector.</summary>
    public int EmbeddingDim { get; }

    /// <summary>The row that stays fixed (as a non-negative index), or null.</summary>
    public int? PaddingIdx { get; }

    /// <summary>The [num_embeddings, embedding_dim] table.</summary>
    public Parameter Weight => weight;

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => F.Embedding(input, weight, PaddingIdx);

    /// <inheritdoc/>
    public override string ExtraRepr() => $"{NumEmbeddings}, {EmbeddingDim}" + (PaddingIdx is { } p ? $", padding_idx={p}" : "");
}
