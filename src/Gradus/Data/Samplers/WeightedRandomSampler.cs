using Gradus.Random;

namespace Gradus.Data.Samplers;

/// <summary>
/// Indices 0..len(weights)-1 drawn with probabilities proportional to <see cref="Weights"/>, as
/// <c>torch.utils.data.WeightedRandomSampler</c> (one <c>torch.multinomial</c> per epoch, in float64).
/// </summary>
public sealed class WeightedRandomSampler : Sampler<int>
{
    private readonly double[] _weights;

    /// <summary>Draws <paramref name="numSamples"/> indices per epoch from <paramref name="weights"/> (need not sum to 1).</summary>
    public WeightedRandomSampler(IReadOnlyList<double> weights, int numSamples, bool replacement = true, Generator? generator = null)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (numSamples <= 0)
            throw new ArgumentException($"num_samples should be a positive integer value, but got num_samples={numSamples}", nameof(numSamples));
        _weights = weights.ToArray();
        Count = numSamples;
        Replacement = replacement;
        Generator = generator;
    }

    /// <summary>Draws from the weights in a 1-D tensor, as <c>WeightedRandomSampler(tensor, ...)</c>.</summary>
    public WeightedRandomSampler(Tensor weights, int numSamples, bool replacement = true, Generator? generator = null)
        : this(Checked1D(weights), numSamples, replacement, generator) { }

    /// <summary>The sampling weights, as float64.</summary>
    public IReadOnlyList<double> Weights => _weights;

    /// <summary>Whether an index may be drawn more than once per epoch.</summary>
    public bool Replacement { get; }

    /// <summary>The generator the draws come from; null means <see cref="Generator.Default"/>.</summary>
    public Generator? Generator { get; }

    /// <inheritdoc/>
    public override int Count { get; }

    /// <inheritdoc/>
    public override IEnumerator<int> GetEnumerator()
    {
        long[] drawn = (Generator ?? Random.Generator.Default).Multinomial(_weights, Count, Replacement);
        foreach (long i in drawn)
            yield return (int)i;
    }

    private static double[] Checked1D(Tensor weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (weights.Dim != 1)
            throw new ArgumentException($"weights should be a 1d sequence but given weights have shape ({string.Join(", ", weights.Shape)})", nameof(weights));
        return weights.ToArray<double>();
    }
}
