namespace Gradus.Data.Samplers;

/// <summary>The indices 0, 1, ..., n-1 in order, as <c>torch.utils.data.SequentialSampler</c>.</summary>
public sealed class SequentialSampler : Sampler<int>
{
    private readonly Func<int> _count;

    /// <summary>Samples <paramref name="dataSource"/> in order (its size is read at each epoch).</summary>
    public SequentialSampler(Dataset dataSource)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        _count = () => dataSource.Count;
    }

    /// <summary>Samples 0..<paramref name="count"/>-1 in order, as <c>SequentialSampler(range(count))</c>.</summary>
    public SequentialSampler(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        _count = () => count;
    }

    /// <inheritdoc/>
    public override int Count => _count();

    /// <inheritdoc/>
    public override IEnumerator<int> GetEnumerator()
    {
        int n = Count;
        for (int i = 0; i < n; i++)
            yield return i;
    }
}
