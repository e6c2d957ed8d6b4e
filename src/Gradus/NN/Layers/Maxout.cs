using Gradus.Random;

namespace Gradus.NN;

/// <summary>
/// The course's maxout unit max(w₁ᵀx + b₁, w₂ᵀx + b₂, ...): one linear map to <c>outFeatures × pieces</c>
/// values, then the maximum over each group of <see cref="Pieces"/>. PyTorch has no built-in equivalent.
/// </summary>
public sealed class Maxout : Module
{
    private readonly Linear linear;

    /// <summary>Creates the unit with <paramref name="pieces"/> affine pieces per output (2 in the course's formula).</summary>
    public Maxout(int inFeatures, int outFeatures, int pieces = 2, Generator? generator = null)
    {
        if (pieces < 1) throw new ArgumentException($"Maxout: pieces must be at least 1, got {pieces}");
        InFeatures = inFeatures;
        OutFeatures = outFeatures;
        Pieces = pieces;
        linear = new Linear(inFeatures, outFeatures * pieces, generator: generator);
    }

    /// <summary>The size of each input sample.</summary>
    public int InFeatures { get; }

    /// <summary>The size of each output sample.</summary>
    public int OutFeatures { get; }

    /// <summary>The number of affine pieces whose maximum is taken.</summary>
    public int Pieces { get; }

    /// <summary>The affine pieces, output k·Pieces + j being piece j of output k.</summary>
    public Linear Linear => linear;

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input)
    {
        var z = linear.Call(input);
        return z.Unflatten(-1, OutFeatures, Pieces).Max(-1).Values;
    }

    /// <inheritdoc/>
    public override string ExtraRepr() => $"in_features={InFeatures}, out_features={OutFeatures}, pieces={Pieces}";
}
