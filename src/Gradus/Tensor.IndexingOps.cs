using Gradus.Ops;

namespace Gradus;

public partial class Tensor
{
    /// <summary>The view at one position of a dim, with the dim removed (negative index from the end), as <c>select(dim, index)</c>.</summary>
    public Tensor Select(int dim, int index)
    {
        if (Dim == 0) throw new IndexOutOfRangeException("select() cannot be applied to a 0-dim tensor.");
        int d = Shapes.WrapDim(dim, Dim), size = shape[d];
        if (index < -size || index >= size)
            throw new IndexOutOfRangeException($"select(): index {index} out of range for tensor of size {Shapes.Format(shape)} at dimension {dim}");
        return Indexing.Select(this, d, index < 0 ? index + size : index);
    }

    /// <summary>The view of <paramref name="length"/> positions of a dim from <paramref name="start"/>, as <c>narrow(dim, start, length)</c>.</summary>
    public Tensor Narrow(int dim, int start, int length)
    {
        if (Dim == 0) throw new IndexOutOfRangeException("narrow() cannot be applied to a 0-dim tensor.");
        int d = Shapes.WrapDim(dim, Dim), size = shape[d];
        if (length < 0) throw new ArgumentException("narrow(): length must be non-negative.");
        if (start < -size || start > size)
            throw new IndexOutOfRangeException($"start out of range (expected to be in range of [{-size}, {size}], but got {start})");
        if (start < 0) start += size;
        if (start + length > size)
            throw new ArgumentException($"start ({start}) + length ({length}) exceeds dimension size ({size}).");
        return Indexing.Slice(this, d, start, start + length, 1);
    }

    /// <summary>The slices at the int64 positions along a dim (a copy), as <c>index_select(dim, index)</c>.</summary>
    public Tensor IndexSelect(int dim, Tensor index) => IndexingDim.IndexSelect(this, dim, index);

    /// <summary>A copy with <c>alpha * source</c> slices added at the positions along a dim (duplicates accumulate), as <c>index_add</c>.</summary>
    public Tensor IndexAdd(int dim, Tensor index, Tensor source, double alpha = 1) => IndexingDim.IndexAdd(this, dim, index, source, alpha);

    /// <summary>In-place <see cref="IndexAdd"/>, as <c>index_add_</c>.</summary>
    public Tensor IndexAdd_(int dim, Tensor index, Tensor source, double alpha = 1) =>
        InPlace(source, (a, b) => IndexingDim.IndexAdd(a, dim, index, b, alpha));

    /// <summary>Picks one element per index entry along a dim (out[i][j] = x[i][index[i][j]] for dim 1), as <c>gather</c>.</summary>
    public Tensor Gather(int dim, Tensor index) => IndexingDim.Gather(this, dim, index);

    /// <summary>A copy with <paramref name="src"/>'s elements written at the index along a dim, as <c>scatter(dim, index, src)</c>.</summary>
    public Tensor Scatter(int dim, Tensor index, Tensor src) => IndexingDim.Scatter(this, dim, index, src, srcIsValue: false);

    /// <summary>A copy with <paramref name="value"/> written at the index along a dim, as <c>scatter(dim, index, value)</c>.</summary>
    public Tensor Scatter(int dim, Tensor index, double value) => IndexingDim.Scatter(this, dim, index, ScalarLike(value), srcIsValue: true);

    /// <summary>In-place <see cref="Scatter(int, Tensor, Tensor)"/>, as <c>scatter_</c>.</summary>
    public Tensor Scatter_(int dim, Tensor index, Tensor src) => InPlace(src, (a, b) => IndexingDim.Scatter(a, dim, index, b, srcIsValue: false));

    /// <summary>In-place <see cref="Scatter(int, Tensor, double)"/>, as <c>scatter_(dim, index, value)</c>.</summary>
    public Tensor Scatter_(int dim, Tensor index, double value) => InPlace(this, (a, _) => IndexingDim.Scatter(a, dim, index, a.ScalarLike(value), srcIsValue: true));

    /// <summary>A copy with <paramref name="src"/>'s elements added at the index along a dim (duplicates accumulate), as <c>scatter_add</c>.</summary>
    public Tensor ScatterAdd(int dim, Tensor index, Tensor src) => IndexingDim.ScatterAdd(this, dim, index, src);

    /// <summary>In-place <see cref="ScatterAdd"/>, as <c>scatter_add_</c>.</summary>
    public Tensor ScatterAdd_(int dim, Tensor index, Tensor src) => InPlace(src, (a, b) => IndexingDim.ScatterAdd(a, dim, index, b));

    /// <summary>A copy with <paramref name="value"/> where the bool mask (broadcast) is true, as <c>masked_fill(mask, value)</c>.</summary>
    public Tensor MaskedFill(Tensor mask, double value) => IndexingDim.MaskedFill(this, mask, ScalarLike(value), false);

    /// <summary>A copy with a 0-dim tensor's value where the mask is true (differentiable in the value too).</summary>
    public Tensor MaskedFill(Tensor mask, Tensor value) => IndexingDim.MaskedFill(this, mask, value, true);

    /// <summary>In-place <see cref="MaskedFill(Tensor, double)"/>, as <c>masked_fill_</c>.</summary>
    public Tensor MaskedFill_(Tensor mask, double value) => InPlace(this, (a, _) => IndexingDim.MaskedFill(a, mask, a.ScalarLike(value), false));

    /// <summary>In-place <see cref="MaskedFill(Tensor, Tensor)"/>.</summary>
    public Tensor MaskedFill_(Tensor mask, Tensor value) => InPlace(value, (a, v) => IndexingDim.MaskedFill(a, mask, v, true));

    /// <summary>The elements at flat row-major positions (negative from the end), shaped like the index, as <c>take</c>.</summary>
    public Tensor Take(Tensor index) => IndexingDim.Take(this, index);

    /// <summary>The coordinates of the non-zero elements as an (n, ndim) int64 tensor, as <c>nonzero()</c>.</summary>
    public Tensor Nonzero() => IndexingDim.Nonzero(this);
}
