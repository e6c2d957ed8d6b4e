namespace Gradus.Data;

/// <summary>
/// A map-style data set of known size, as <c>torch.utils.data.Dataset</c>: what samplers and
/// <see cref="RandomSplit{T}(Dataset{T}, IReadOnlyList{int}, Random.Generator?)"/> need to know of any data set.
/// </summary>
public abstract partial class Dataset
{
    /// <summary>The number of samples, as <c>len(dataset)</c>.</summary>
    public abstract int Count { get; }
}

/// <summary>
/// A map-style data set whose samples are <typeparamref name="T"/> (for tensors: <c>Tensor[]</c>, one tensor per
/// field, read with <c>var (x, y) = dataset[i]</c>), as <c>torch.utils.data.Dataset[T]</c>.
/// </summary>
public abstract class Dataset<T> : Dataset
{
    /// <summary>The sample at <paramref name="index"/> (negative counts from the end), as <c>dataset[index]</c>.</summary>
    public T this[int index] => GetItem(CheckIndex(index));

    /// <summary>The sample at a C# index (<c>dataset[^1]</c> is the last one).</summary>
    public T this[Index index] => index.IsFromEnd && index.Value == 0
        ? throw new IndexOutOfRangeException($"index ^0 is out of bounds for a dataset of size {Count}")
        : GetItem(CheckIndex(index.IsFromEnd ? -index.Value : index.Value));

    /// <summary>Loads one sample; <paramref name="index"/> is already checked to lie in [0, <see cref="Dataset.Count"/>).</summary>
    protected abstract T GetItem(int index);

    /// <summary>
    /// Loads the samples at <paramref name="indices"/> as one batch, already collated (exactly what the default
    /// collate makes of the samples), when this data set can do so faster than sample by sample; otherwise false.
    /// </summary>
    public virtual bool TryGetBatch(ReadOnlySpan<int> indices, out T batch)
    {
        batch = default!;
        return false;
    }

    /// <summary>The two data sets one after the other, as <c>dataset1 + dataset2</c> (a <see cref="ConcatDataset{T}"/>).</summary>
    public static ConcatDataset<T> operator +(Dataset<T> first, Dataset<T> second) => new(first, second);

    /// <summary>Wraps a negative index and checks the range, naming the data set's size.</summary>
    protected int CheckIndex(int index)
    {
        int count = Count;
        int wrapped = index < 0 ? index + count : index;
        if (wrapped < 0 || wrapped >= count)
            throw new IndexOutOfRangeException($"index {index} is out of bounds for a dataset of size {count}");
        return wrapped;
    }

    /// <summary>Checks every index of a batch against the size (no wrapping: samplers give indices in [0, Count)).</summary>
    protected void CheckBatchIndices(ReadOnlySpan<int> indices)
    {
        int count = Count;
        foreach (int i in indices)
        {
            if ((uint)i >= (uint)count)
                throw new IndexOutOfRangeException($"index {i} is out of bounds for a dataset of size {count}");
        }
    }
}
