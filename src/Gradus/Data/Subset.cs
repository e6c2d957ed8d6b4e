namespace Gradus.Data;

/// <summary>The samples of <see cref="Dataset"/> at <see cref="Indices"/>, in that order, as <c>torch.utils.data.Subset</c>.</summary>
public sealed class Subset<T> : Dataset<T>
{
    private readonly int[] _indices;

    /// <summary>A view of <paramref name="dataset"/> holding the samples at <paramref name="indices"/> (checked against its size).</summary>
    public Subset(Dataset<T> dataset, IReadOnlyList<int> indices)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(indices);
        Dataset = dataset;
        _indices = indices.ToArray();
        int count = dataset.Count;
        foreach (int i in _indices)
        {
            if (i < -count || i >= count)
                throw new IndexOutOfRangeException($"Subset: index {i} is out of bounds for a dataset of size {count}");
        }
        for (int k = 0; k < _indices.Length; k++)
        {
            if (_indices[k] < 0)
                _indices[k] += count;
        }
    }

    /// <summary>The data set the samples come from.</summary>
    public Dataset<T> Dataset { get; }

    /// <summary>The positions in <see cref="Dataset"/> of this subset's samples.</summary>
    public IReadOnlyList<int> Indices => _indices;

    /// <inheritdoc/>
    public override int Count => _indices.Length;

    /// <inheritdoc/>
    protected override T GetItem(int index) => Dataset[_indices[index]];

    /// <summary>Maps the indices into the underlying data set and lets it gather the batch, when it can.</summary>
    public override bool TryGetBatch(ReadOnlySpan<int> indices, out T batch)
    {
        CheckBatchIndices(indices);
        var mapped = new int[indices.Length];
        for (int k = 0; k < mapped.Length; k++)
            mapped[k] = _indices[indices[k]];
        return Dataset.TryGetBatch(mapped, out batch);
    }
}
