using Gradus.Ops;

namespace Gradus;

public partial class Tensor
{
    /// <summary>Sum of all elements computed in <paramref name="dtype"/>, as <c>tensor.sum(dtype=)</c>.</summary>
    public Tensor Sum(DType dtype) => Reduction.Sum(this, null, false, dtype);

    /// <summary>Sum over one dim computed in <paramref name="dtype"/>.</summary>
    public Tensor Sum(int dim, bool keepDim, DType dtype) => Reduction.Sum(this, [dim], keepDim, dtype);

    /// <summary>Sum over several dims computed in <paramref name="dtype"/>.</summary>
    public Tensor Sum(int[] dims, bool keepDim, DType dtype) => Reduction.Sum(this, dims, keepDim, dtype);

    /// <summary>Product of all elements (integers and bools give int64), as <c>tensor.prod()</c>.</summary>
    public Tensor Prod(DType? dtype = null) => Product.Prod(this, null, false, dtype);

    /// <summary>Product over one dim, as <c>tensor.prod(dim, keepdim)</c>.</summary>
    public Tensor Prod(int dim, bool keepDim = false, DType? dtype = null) => Product.Prod(this, dim, keepDim, dtype);

    /// <summary>The largest element (NaN if any is NaN), as <c>tensor.max()</c>.</summary>
    public Tensor Max() => Extrema.All(this, max: true);

    /// <summary>The largest values along a dim and the index of the first of each, as <c>tensor.max(dim, keepdim)</c>.</summary>
    public ValuesAndIndices Max(int dim, bool keepDim = false) => Extrema.WithIndices(this, dim, keepDim, max: true);

    /// <summary>Elementwise maximum, as <c>tensor.max(other)</c> (same as <see cref="Maximum"/>).</summary>
    public Tensor Max(Tensor other) => Maximum(other);

    /// <summary>The smallest element (NaN if any is NaN), as <c>tensor.min()</c>.</summary>
    public Tensor Min() => Extrema.All(this, max: false);

    /// <summary>The smallest values along a dim and the index of the first of each, as <c>tensor.min(dim, keepdim)</c>.</summary>
    public ValuesAndIndices Min(int dim, bool keepDim = false) => Extrema.WithIndices(this, dim, keepDim, max: false);

    /// <summary>Elementwise minimum, as <c>tensor.min(other)</c> (same as <see cref="Minimum"/>).</summary>
    public Tensor Min(Tensor other) => Minimum(other);

    /// <summary>The largest values over dims (all when none), gradient shared among ties, as <c>tensor.amax(dim, keepdim)</c>.</summary>
    public Tensor Amax(int[]? dims = null, bool keepDim = false) => Extrema.Amax(this, dims, keepDim, max: true);

    /// <summary>The largest values over one dim, as <c>tensor.amax(dim, keepdim)</c>.</summary>
    public Tensor Amax(int dim, bool keepDim = false) => Extrema.Amax(this, [dim], keepDim, max: true);

    /// <summary>The smallest values over dims (all when none), gradient shared among ties, as <c>tensor.amin(dim, keepdim)</c>.</summary>
    public Tensor Amin(int[]? dims = null, bool keepDim = false) => Extrema.Amax(this, dims, keepDim, max: false);

    /// <summary>The smallest values over one dim, as <c>tensor.amin(dim, keepdim)</c>.</summary>
    public Tensor Amin(int dim, bool keepDim = false) => Extrema.Amax(this, [dim], keepDim, max: false);

    /// <summary>The int64 index of the first maximum along a dim, or in the flattened tensor when no dim is given, as <c>tensor.argmax</c>.</summary>
    public Tensor Argmax(int? dim = null, bool keepDim = false) => Extrema.Arg(this, dim, keepDim, max: true);

    /// <summary>The int64 index of the first minimum along a dim, or in the flattened tensor when no dim is given, as <c>tensor.argmin</c>.</summary>
    public Tensor Argmin(int? dim = null, bool keepDim = false) => Extrema.Arg(this, dim, keepDim, max: false);

    /// <summary>Variance of all elements, unbiased (divides by n - 1) unless told otherwise, as <c>tensor.var()</c>.</summary>
    public Tensor Var(bool unbiased = true) => Moments.Var(this, null, unbiased ? 1 : 0, false, std: false);

    /// <summary>Variance over one dim, as <c>tensor.var(dim, unbiased, keepdim)</c>.</summary>
    public Tensor Var(int dim, bool unbiased = true, bool keepDim = false) => Moments.Var(this, [dim], unbiased ? 1 : 0, keepDim, std: false);

    /// <summary>Variance over several dims.</summary>
    public Tensor Var(int[] dims, bool unbiased = true, bool keepDim = false) => Moments.Var(this, dims, unbiased ? 1 : 0, keepDim, std: false);

    /// <summary>Variance over one dim dividing by max(0, n - <paramref name="correction"/>), as <c>tensor.var(dim, correction=)</c>.</summary>
    public Tensor Var(int dim, int correction, bool keepDim = false) => Moments.Var(this, [dim], correction, keepDim, std: false);

    /// <summary>Variance over dims (all when null) dividing by max(0, n - <paramref name="correction"/>).</summary>
    public Tensor Var(int[]? dims, int correction, bool keepDim = false) => Moments.Var(this, dims, correction, keepDim, std: false);

    /// <summary>Standard deviation of all elements, unbiased unless told otherwise, as <c>tensor.std()</c>.</summary>
    public Tensor Std(bool unbiased = true) => Moments.Var(this, null, unbiased ? 1 : 0, false, std: true);

    /// <summary>Standard deviation over one dim, as <c>tensor.std(dim, unbiased, keepdim)</c>.</summary>
    public Tensor Std(int dim, bool unbiased = true, bool keepDim = false) => Moments.Var(this, [dim], unbiased ? 1 : 0, keepDim, std: true);

    /// <summary>Standard deviation over several dims.</summary>
    public Tensor Std(int[] dims, bool unbiased = true, bool keepDim = false) => Moments.Var(this, dims, unbiased ? 1 : 0, keepDim, std: true);

    /// <summary>Standard deviation over one dim with a correction, as <c>tensor.std(dim, correction=)</c>.</summary>
    public Tensor Std(int dim, int correction, bool keepDim = false) => Moments.Var(this, [dim], correction, keepDim, std: true);

    /// <summary>Standard deviation over dims (all when null) with a correction.</summary>
    public Tensor Std(int[]? dims, int correction, bool keepDim = false) => Moments.Var(this, dims, correction, keepDim, std: true);

    /// <summary>log(sum(exp(x))) over one dim, computed stably, as <c>tensor.logsumexp(dim, keepdim)</c>.</summary>
    public Tensor LogSumExp(int dim, bool keepDim = false) => LogSumExpOp.LogSumExp(this, [dim], keepDim);

    /// <summary>log(sum(exp(x))) over several dims.</summary>
    public Tensor LogSumExp(int[] dims, bool keepDim = false) => LogSumExpOp.LogSumExp(this, dims, keepDim);

    /// <summary>True when every element is non-zero, as a 0-dim Bool tensor (<c>tensor.all()</c>).</summary>
    public Tensor All() => LogicalReduction.Test(this, null, false, all: true);

    /// <summary>Whether every element along a dim is non-zero, as <c>tensor.all(dim, keepdim)</c>.</summary>
    public Tensor All(int dim, bool keepDim = false) => LogicalReduction.Test(this, dim, keepDim, all: true);

    /// <summary>True when any element is non-zero, as a 0-dim Bool tensor (<c>tensor.any()</c>).</summary>
    public Tensor Any() => LogicalReduction.Test(this, null, false, all: false);

    /// <summary>Whether any element along a dim is non-zero, as <c>tensor.any(dim, keepdim)</c>.</summary>
    public Tensor Any(int dim, bool keepDim = false) => LogicalReduction.Test(this, dim, keepDim, all: false);

    /// <summary>Running sums along a dim (integers and bools give int64), as <c>tensor.cumsum(dim, dtype=)</c>.</summary>
    public Tensor CumSum(int dim, DType? dtype = null) => Cumulative.CumSum(this, dim, dtype);
}

/// <summary>
/// The (values, indices) pair returned by <c>Max(dim)</c> and <c>Min(dim)</c>, as PyTorch's
/// <c>torch.return_types.max</c>; deconstructs as <c>var (values, indices) = x.Max(1);</c>.
/// </summary>
public sealed record ValuesAndIndices(Tensor Values, Tensor Indices)
{
    /// <summary>The op that produced the pair, used in the printed form.</summary>
    internal string Op { get; init; } = "max";

    /// <summary>Prints as PyTorch does: <c>torch.return_types.max(values=..., indices=...)</c> on three lines.</summary>
    public override string ToString() => $"torch.return_types.{Op}(\nvalues={Values},\nindices={Indices})";
}
