using Gradus.Random;

namespace Gradus.Distributions;

/// <summary>
/// Counts of <see cref="TotalCount"/> independent draws from categories with the given probabilities, as
/// <c>torch.distributions.Multinomial(total_count, probs)</c>. The last dim of the probabilities indexes the
/// categories; leading dims are a batch of independent distributions.
/// </summary>
public sealed class Multinomial
{
    /// <summary>A multinomial over the last dim of <paramref name="probs"/> (non-negative weights, normalised to sum to one).</summary>
    public Multinomial(int totalCount, Tensor probs)
    {
        if (totalCount < 0) throw new ArgumentException($"Multinomial: total_count must be non-negative, got {totalCount}");
        if (probs.Dim < 1) throw new ArgumentException("Multinomial: probs must be at least one-dimensional.");
        if (probs.Lt(0.0).Any().Item() != 0) throw new ArgumentException("Multinomial: probs must be non-negative");
        TotalCount = totalCount;
        var p = probs.Detach().To(DTypes.ToFloat(probs.DType));
        Probs = p / p.Sum(-1, keepDim: true);
    }

    /// <summary>The number of draws per sample, as <c>total_count</c>.</summary>
    public int TotalCount { get; }

    /// <summary>The normalised category probabilities, as <c>probs</c>.</summary>
    public Tensor Probs { get; }

    /// <summary>The expected counts <c>total_count * probs</c>, as <c>mean</c>.</summary>
    public Tensor Mean => Probs * TotalCount;

    /// <summary>The count variances <c>total_count * probs * (1 - probs)</c>, as <c>variance</c>.</summary>
    public Tensor Variance => TotalCount * Probs * (1 - Probs);

    /// <summary>
    /// Category counts of shape <c>sampleShape + batch + [categories]</c> in the probabilities' dtype, as
    /// <c>sample(sample_shape)</c>; with the same seed it draws PyTorch's numbers.
    /// </summary>
    public Tensor Sample(int[]? sampleShape = null, Generator? generator = null)
    {
        sampleShape ??= [];
        int k = Probs.Size(-1), rows = Probs.Numel / Math.Max(k, 1), draws = TotalCount * Shapes.Numel(sampleShape);
        var batch = Probs.Shape[..^1];
        var counts = new long[Shapes.Numel(sampleShape) * rows * k];
        if (draws > 0)
        {
            // PyTorch draws total_count * prod(sample_shape) categories per batch row with replacement; draw i of row b
            // belongs to sample i % prod(sample_shape).
            var drawn = Torch.Multinomial(Probs.Reshape(rows, k), draws, replacement: true, generator).ToArray<long>();
            int samples = Shapes.Numel(sampleShape);
            for (int b = 0; b < rows; b++)
                for (int i = 0; i < draws; i++)
                    counts[((i % samples) * rows + b) * k + drawn[b * draws + i]]++;
        }
        return new Tensor(counts, [.. sampleShape, .. batch, k], DType.Int64).To(Probs.DType);
    }
}
