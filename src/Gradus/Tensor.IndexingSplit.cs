using Gradus.Ops;

namespace Gradus;

public partial class Tensor
{
    /// <summary>Views of <paramref name="splitSize"/> positions along a dim (the last may be smaller), as <c>split(split_size, dim)</c>.</summary>
    public Tensor[] Split(int splitSize, int dim = 0) => Join.Split(this, splitSize, dim);

    /// <summary>Views with the given sizes along a dim (summing to its size), as <c>split([2, 3], dim)</c>.</summary>
    public Tensor[] Split(int[] splitSizes, int dim = 0) => Join.SplitWithSizes(this, splitSizes, dim);

    /// <summary>At most <paramref name="chunks"/> views of ceil(size / chunks) positions along a dim, as <c>chunk(chunks, dim)</c>.</summary>
    public Tensor[] Chunk(int chunks, int dim = 0) => Join.Chunk(this, chunks, dim);

    /// <summary>Views of every position along a dim, with the dim removed, as <c>unbind(dim)</c>.</summary>
    public Tensor[] Unbind(int dim = 0) => Join.Unbind(this, dim);
}
