namespace Gradus;

public static partial class Torch
{
    /// <summary>Product of all elements, as <c>torch.prod(x)</c>.</summary>
    public static Tensor Prod(Tensor x, DType? dtype = null) => x.Prod(dtype);

    /// <summary>Product over one dim, as <c>torch.prod(x, dim, keepdim)</c>.</summary>
    public static Tensor Prod(Tensor x, int dim, bool keepDim = false, DType? dtype = null) => x.Prod(dim, keepDim, dtype);

    /// <summary>The largest element, as <c>torch.max(x)</c>.</summary>
    public static Tensor Max(Tensor x) => x.Max();

    /// <summary>The largest values along a dim with their indices, as <c>torch.max(x, dim, keepdim)</c>.</summary>
    public static ValuesAndIndices Max(Tensor x, int dim, bool keepDim = false) => x.Max(dim, keepDim);

    /// <summary>Elementwise maximum, as <c>torch.max(a, b)</c>.</summary>
    public static Tensor Max(Tensor a, Tensor b) => a.Maximum(b);

    /// <summary>The smallest element, as <c>torch.min(x)</c>.</summary>
    public static Tensor Min(Tensor x) => x.Min();

    /// <summary>The smallest values along a dim with their indices, as <c>torch.min(x, dim, keepdim)</c>.</summary>
    public static ValuesAndIndices Min(Tensor x, int dim, bool keepDim = false) => x.Min(dim, keepDim);

    /// <summary>Elementwise minimum, as <c>torch.min(a, b)</c>.</summary>
    public static Tensor Min(Tensor a, Tensor b) => a.Minimum(b);

    /// <summary>The largest values over dims (all when none), as <c>torch.amax</c>.</summary>
    public static Tensor Amax(Tensor x, int[]? dims = null, bool keepDim = false) => x.Amax(dims, keepDim);

    /// <summary>The largest values over one dim, as <c>torch.amax(x, dim)</c>.</summary>
    public static Tensor Amax(Tensor x, int dim, bool keepDim = false) => x.Amax(dim, keepDim);

    /// <summary>The smallest values over dims (all when none), as <c>torch.amin</c>.</summary>
    public static Tensor Amin(Tensor x, int[]? dims = null, bool keepDim = false) => x.Amin(dims, keepDim);

    /// <summary>The smallest values over one dim, as <c>torch.amin(x, dim)</c>.</summary>
    public static Tensor Amin(Tensor x, int dim, bool keepDim = false) => x.Amin(dim, keepDim);

    /// <summary>Index of the first maximum, as <c>torch.argmax</c>.</summary>
    public static Tensor Argmax(Tensor x, int? dim = null, bool keepDim = false) => x.Argmax(dim, keepDim);

    /// <summary>Index of the first minimum, as <c>torch.argmin</c>.</summary>
    public static Tensor Argmin(Tensor x, int? dim = null, bool keepDim = false) => x.Argmin(dim, keepDim);

    /// <summary>Variance of all elements, as <c>torch.var(x, unbiased)</c>.</summary>
    public static Tensor Var(Tensor x, bool unbiased = true) => x.Var(unbiased);

    /// <summary>Variance over one dim, as <c>torch.var(x, dim, unbiased, keepdim)</c>.</summary>
    public static Tensor Var(Tensor x, int dim, bool unbiased = true, bool keepDim = false) => x.Var(dim, unbiased, keepDim);

    /// <summary>Variance over several dims.</summary>
    public static Tensor Var(Tensor x, int[] dims, bool unbiased = true, bool keepDim = false) => x.Var(dims, unbiased, keepDim);

    /// <summary>Variance over one dim with a correction, as <c>torch.var(x, dim, correction=)</c>.</summary>
    public static Tensor Var(Tensor x, int dim, int correction, bool keepDim = false) => x.Var(dim, correction, keepDim);

    /// <summary>Variance over dims (all when null) with a correction.</summary>
    public static Tensor Var(Tensor x, int[]? dims, int correction, bool keepDim = false) => x.Var(dims, correction, keepDim);

    /// <summary>Standard deviation of all elements, as <c>torch.std(x, unbiased)</c>.</summary>
    public static Tensor Std(Tensor x, bool unbiased = true) => x.Std(unbiased);

    /// <summary>Standard deviation over one dim, as <c>torch.std(x, dim, unbiased, keepdim)</c>.</summary>
    public static Tensor Std(Tensor x, int dim, bool unbiased = true, bool keepDim = false) => x.Std(dim, unbiased, keepDim);

    /// <summary>Standard deviation over several dims.</summary>
    public static Tensor Std(Tensor x, int[] dims, bool unbiased = true, bool keepDim = false) => x.Std(dims, unbiased, keepDim);

    /// <summary>Standard deviation over one dim with a correction, as <c>torch.std(x, dim, correction=)</c>.</summary>
    public static Tensor Std(Tensor x, int dim, int correction, bool keepDim = false) => x.Std(dim, correction, keepDim);

    /// <summary>Standard deviation over dims (all when null) with a correction.</summary>
    public static Tensor Std(Tensor x, int[]? dims, int correction, bool keepDim = false) => x.Std(dims, correction, keepDim);

    /// <summary>Stable log(sum(exp(x))) over one dim, as <c>torch.logsumexp(x, dim, keepdim)</c>.</summary>
    public static Tensor LogSumExp(Tensor x, int dim, bool keepDim = false) => x.LogSumExp(dim, keepDim);

    /// <summary>Stable log(sum(exp(x))) over several dims.</summary>
    public static Tensor LogSumExp(Tensor x, int[] dims, bool keepDim = false) => x.LogSumExp(dims, keepDim);

    /// <summary>Whether every element is non-zero, as <c>torch.all(x)</c>.</summary>
    public static Tensor All(Tensor x) => x.All();

    /// <summary>Whether every element along a dim is non-zero, as <c>torch.all(x, dim, keepdim)</c>.</summary>
    public static Tensor All(Tensor x, int dim, bool keepDim = false) => x.All(dim, keepDim);

    /// <summary>Whether any element is non-zero, as <c>torch.any(x)</c>.</summary>
    public static Tensor Any(Tensor x) => x.Any();

    /// <summary>Whether any element along a dim is non-zero, as <c>torch.any(x, dim, keepdim)</c>.</summary>
    public static Tensor Any(Tensor x, int dim, bool keepDim = false) => x.Any(dim, keepDim);

    /// <summary>Running sums along a dim, as <c>torch.cumsum(x, dim, dtype=)</c>.</summary>
    public static Tensor CumSum(Tensor x, int dim, DType? dtype = null) => x.CumSum(dim, dtype);
}
