namespace Gradus.Data;

/// <summary>
/// Tensors that share their first dimension, one sample per row, as <c>torch.utils.data.TensorDataset</c>:
/// sample i is <c>[t[i] for t in tensors]</c>, read with <c>var (x, y) = dataset[i]</c>. The data loader gathers
/// whole batches straight into one tensor per field (<see cref="TryGetBatch"/>), with no per-sample tensors.
/// </summary>
public class TensorDataset : Dataset<Tensor[]>
{
    private readonly Tensor[] _tensors;

    /// <summary>Wraps <paramref name="tensors"/> (at least one, each at least 1-D, all of the same first size).</summary>
    public TensorDataset(params Tensor[] tensors)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        if (tensors.Length == 0)
            throw new ArgumentException("TensorDataset needs at least one tensor", nameof(tensors));
        for (int i = 0; i < tensors.Length; i++)
        {
            var t = tensors[i] ?? throw new ArgumentNullException(nameof(tensors), $"TensorDataset: tensor {i} is null");
            if (t.Dim == 0)
                throw new ArgumentException($"TensorDataset: tensor {i} is 0-dimensional; every tensor needs a first dimension to index", nameof(tensors));
        }
        int n = tensors[0].Size(0);
        if (tensors.Any(t => t.Size(0) != n))
            throw new ArgumentException(
                $"Size mismatch between tensors (first dimensions: {string.Join(", ", tensors.Select(t => t.Size(0)))})", nameof(tensors));
        _tensors = tensors.ToArray();
    }

    /// <summary>The wrapped tensors, as <c>dataset.tensors</c>.</summary>
    public IReadOnlyList<Tensor> Tensors => _tensors;

    /// <inheritdoc/>
    public override int Count => _tensors[0].Size(0);

    /// <summary>Row <paramref name="index"/> of every tensor (views, as <c>tensor[index]</c>).</summary>
    protected override Tensor[] GetItem(int index)
    {
        var item = new Tensor[_tensors.Length];
        for (int i = 0; i < item.Length; i++)
            item[i] = _tensors[i].Select(0, index);
        return item;
    }

    /// <summary>
    /// The rows at <paramref name="indices"/> of every tensor, each gathered into one new tensor of shape
    /// [indices.Length, ...] (<c>index_select</c> on dim 0): the same values as stacking the samples.
    /// </summary>
    public override bool TryGetBatch(ReadOnlySpan<int> indices, out Tensor[] batch)
    {
        CheckBatchIndices(indices);
        var rows = new long[indices.Length];
        for (int k = 0; k < rows.Length; k++)
            rows[k] = indices[k];
        var index = Torch.Tensor(rows);
        batch = new Tensor[_tensors.Length];
        for (int i = 0; i < batch.Length; i++)
            batch[i] = _tensors[i].IndexSelect(0, index);
        return true;
    }
}
