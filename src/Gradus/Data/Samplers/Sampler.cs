namespace Gradus.Data.Samplers;

/// <summary>
/// An epoch's order of samples (or of batches of sample indices), as <c>torch.utils.data.Sampler</c>; every
/// enumeration is a new epoch, drawn afresh for the random samplers.
/// </summary>
public abstract class Sampler<T> : IEnumerable<T>
{
    /// <summary>How many values one epoch yields, as <c>len(sampler)</c>.</summary>
    public abstract int Count { get; }

    /// <summary>Starts an epoch.</summary>
    public abstract IEnumerator<T> GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
