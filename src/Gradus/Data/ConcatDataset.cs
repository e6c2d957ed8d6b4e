namespace Gradus.Data;

/// <summary>Several data sets one after the other, as <c>torch.utils.data.ConcatDataset</c>.</summary>
public sealed class ConcatDataset<T> : Dataset<T>
{
    private readonly Dataset<T>[] _datasets;
    private readonly int[] _cumulativeSizes;

    /// <summary>Concatenates <paramref name="datasets"/> (at least one) in order.</summary>
    public ConcatDataset(params IEnumerable<Dataset<T>> datasets)
    {
        ArgumentNullException.ThrowIfNull(datasets);
        _datasets = datasets.ToArray();
        if (_datasets.Length == 0)
            throw new ArgumentException("datasets should not be an empty iterable", nameof(datasets));
        _cumulativeSizes = new int[_datasets.Length];
        long total = 0;
        for (int i = 0; i < _datasets.Length; i++)
        {
            total += (_datasets[i] ?? throw new ArgumentNullException(nameof(datasets), $"ConcatDataset: dataset {i} is null")).Count;
            if (total > int.MaxValue)
                throw new ArgumentException($"ConcatDataset: the data sets hold {total} samples in all, more than {int.MaxValue}", nameof(datasets));
            _cumulativeSizes[i] = (int)total;
        }
    }

    /// <summary>The concatenated data sets.</summary>
    public IReadOnlyList<Dataset<T>> Datasets => _datasets;

    /// <summary>The running totals of the sizes (<c>cumulative_sizes</c>): sample i lies in the first data set whose total exceeds i.</summary>
    public IReadOnlyList<int> CumulativeSizes => _cumulativeSizes;

    /// <inheritdoc/>
    public override int Count => _cumulativeSizes[^1];

    /// <inheritdoc/>
    protected override T GetItem(int index)
    {
        // bisect_right: the first data set whose cumulative size is greater than index.
        int lo = 0, hi = _cumulativeSizes.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) / 2;
            if (index < _cumulativeSizes[mid]) hi = mid;
            else lo = mid + 1;
        }
        int sample = lo == 0 ? index : index - _cumulativeSizes[lo - 1];
        return _datasets[lo][sample];
    }
}
