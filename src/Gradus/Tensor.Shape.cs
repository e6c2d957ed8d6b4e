using Gradus.Ops;

namespace Gradus;

public partial class Tensor
{
    /// <summary>The same data with another shape (one -1 is inferred); a view when possible, else a copy.</summary>
    public Tensor Reshape(params int[] shape) => Views.Reshape(this, shape, viewOnly: false);

    /// <summary>A view with another shape (one -1 is inferred); fails when the strides do not allow a view.</summary>
    public Tensor View(params int[] shape) => Views.Reshape(this, shape, viewOnly: true);

    /// <summary>Reshapes like <paramref name="other"/>.</summary>
    public Tensor ViewAs(Tensor other) => View(other.shape);

    /// <summary>Flattens dims startDim..endDim into one, as <c>torch.flatten</c>.</summary>
    public Tensor Flatten(int startDim = 0, int endDim = -1)
    {
        if (Dim == 0) return Reshape(1);
        int s = Shapes.WrapDim(startDim, Dim), e = Shapes.WrapDim(endDim, Dim);
        if (s > e) throw new ArgumentException("flatten() has invalid args: start_dim cannot come after end_dim");
        var ns = new List<int>();
        for (int i = 0; i < s; i++) ns.Add(shape[i]);
        int m = 1;
        for (int i = s; i <= e; i++) m *= shape[i];
        ns.Add(m);
        for (int i = e + 1; i < Dim; i++) ns.Add(shape[i]);
        return Reshape(ns.ToArray());
    }

    /// <summary>Splits one dim into the given sizes, as <c>torch.unflatten</c>.</summary>
    public Tensor Unflatten(int dim, params int[] sizes)
    {
        int d = Shapes.WrapDim(dim, Dim);
        var inner = Views.InferShape(sizes, shape[d]);
        return Reshape([.. shape[..d], .. inner, .. shape[(d + 1)..]]);
    }

    /// <summary>Removes all size-1 dims, as <c>squeeze()</c>.</summary>
    public Tensor Squeeze() => Views.Squeeze(this, null);

    /// <summary>Removes one dim if its size is 1, as <c>squeeze(dim)</c>.</summary>
    public Tensor Squeeze(int dim) => Views.Squeeze(this, dim);

    /// <summary>Inserts a size-1 dim, as <c>unsqueeze(dim)</c>.</summary>
    public Tensor Unsqueeze(int dim) => Views.Unsqueeze(this, dim);

    /// <summary>Swaps two dims (a view), as <c>transpose(d0, d1)</c>.</summary>
    public Tensor Transpose(int dim0, int dim1) => Views.Transpose(this, dim0, dim1);

    /// <summary>Reorders the dims (a view), as <c>permute(*dims)</c>.</summary>
    public Tensor Permute(params int[] dims) => Views.Permute(this, dims);

    /// <summary>The transpose of a matrix (dims reversed for 0-d and 1-d: unchanged), as <c>tensor.T</c>.</summary>
    public Tensor T => Dim < 2 ? this : Permute(Enumerable.Range(0, Dim).Reverse().ToArray());

    /// <summary>Broadcasts size-1 dims to larger sizes without copying (-1 keeps a size), as <c>expand</c>.</summary>
    public Tensor Expand(params int[] size) => Views.Expand(this, size);

    /// <summary>Expands to the shape of <paramref name="other"/>.</summary>
    public Tensor ExpandAs(Tensor other) => Expand(other.shape);

    /// <summary>Sum of all elements, as <c>tensor.sum()</c>.</summary>
    public Tensor Sum() => Reduction.Sum(this, null, false);

    /// <summary>Sum over one dim, as <c>tensor.sum(dim, keepdim)</c>.</summary>
    public Tensor Sum(int dim, bool keepDim = false) => Reduction.Sum(this, [dim], keepDim);

    /// <summary>Sum over several dims.</summary>
    public Tensor Sum(int[] dims, bool keepDim = false) => Reduction.Sum(this, dims, keepDim);

    /// <summary>Mean of all elements, as <c>tensor.mean()</c>.</summary>
    public Tensor Mean() => Reduction.Mean(this, null, false);

    /// <summary>Mean over one dim.</summary>
    public Tensor Mean(int dim, bool keepDim = false) => Reduction.Mean(this, [dim], keepDim);

    /// <summary>Mean over several dims.</summary>
    public Tensor Mean(int[] dims, bool keepDim = false) => Reduction.Mean(this, dims, keepDim);
}
