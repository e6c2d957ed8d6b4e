using Gradus.Ops;

namespace Gradus;

public static partial class Torch
{
    /// <summary>Concatenates tensors along an existing dim, as <c>torch.cat(tensors, dim)</c>.</summary>
    public static Tensor Cat(IReadOnlyList<Tensor> tensors, int dim = 0) => Join.Cat(tensors, dim);

    /// <summary>Alias of <see cref="Cat"/>, as <c>torch.concat</c>.</summary>
    public static Tensor Concat(IReadOnlyList<Tensor> tensors, int dim = 0) => Join.Cat(tensors, dim);

    /// <summary>Joins equal-shaped tensors along a new dim, as <c>torch.stack(tensors, dim)</c>.</summary>
    public static Tensor Stack(IReadOnlyList<Tensor> tensors, int dim = 0) => Join.Stack(tensors, dim);

    /// <summary>Splits into pieces of <paramref name="splitSize"/>, as <c>torch.split(x, split_size, dim)</c>.</summary>
    public static Tensor[] Split(Gradus.Tensor x, int splitSize, int dim = 0) => x.Split(splitSize, dim);

    /// <summary>Splits into pieces of the given sizes, as <c>torch.split(x, [2, 3], dim)</c>.</summary>
    public static Tensor[] Split(Gradus.Tensor x, int[] splitSizes, int dim = 0) => x.Split(splitSizes, dim);

    /// <summary>Splits into at most <paramref name="chunks"/> pieces, as <c>torch.chunk</c>.</summary>
    public static Tensor[] Chunk(Gradus.Tensor x, int chunks, int dim = 0) => x.Chunk(chunks, dim);

    /// <summary>Removes a dim, returning one view per position, as <c>torch.unbind</c>.</summary>
    public static Tensor[] Unbind(Gradus.Tensor x, int dim = 0) => x.Unbind(dim);

    /// <summary>The view at one position of a dim, as <c>torch.select</c>.</summary>
    public static Tensor Select(Gradus.Tensor x, int dim, int index) => x.Select(dim, index);

    /// <summary>The view of a range of a dim, as <c>torch.narrow</c>.</summary>
    public static Tensor Narrow(Gradus.Tensor x, int dim, int start, int length) => x.Narrow(dim, start, length);

    /// <summary>Slices at int64 positions along a dim, as <c>torch.index_select</c>.</summary>
    public static Tensor IndexSelect(Gradus.Tensor x, int dim, Gradus.Tensor index) => x.IndexSelect(dim, index);

    /// <summary>Adds source slices at positions along a dim, as <c>torch.index_add</c>.</summary>
    public static Tensor IndexAdd(Gradus.Tensor x, int dim, Gradus.Tensor index, Gradus.Tensor source, double alpha = 1) => x.IndexAdd(dim, index, source, alpha);

    /// <summary>One element per index entry along a dim, as <c>torch.gather</c>.</summary>
    public static Tensor Gather(Gradus.Tensor x, int dim, Gradus.Tensor index) => x.Gather(dim, index);

    /// <summary>Writes src elements at the index along a dim, as <c>torch.scatter</c>.</summary>
    public static Tensor Scatter(Gradus.Tensor x, int dim, Gradus.Tensor index, Gradus.Tensor src) => x.Scatter(dim, index, src);

    /// <summary>Adds src elements at the index along a dim, as <c>torch.scatter_add</c>.</summary>
    public static Tensor ScatterAdd(Gradus.Tensor x, int dim, Gradus.Tensor index, Gradus.Tensor src) => x.ScatterAdd(dim, index, src);

    /// <summary>Fills where the mask is true, as <c>torch.masked_fill</c>.</summary>
    public static Tensor MaskedFill(Gradus.Tensor x, Gradus.Tensor mask, double value) => x.MaskedFill(mask, value);

    /// <summary>Elements at flat positions, as <c>torch.take</c>.</summary>
    public static Tensor Take(Gradus.Tensor x, Gradus.Tensor index) => x.Take(index);

    /// <summary>Coordinates of the non-zero elements, as <c>torch.nonzero</c>.</summary>
    public static Tensor Nonzero(Gradus.Tensor x) => x.Nonzero();
}
