using Gradus.Ops;

namespace Gradus;

/// <summary>
/// The <c>torch.linalg</c> namespace: norms, solvers and inverses of (batches of) small dense matrices,
/// with PyTorch's argument rules, messages and gradients.
/// </summary>
public static class Linalg
{
    /// <summary>Vector or matrix norm by the shape of the input and <paramref name="dim"/>, as <c>torch.linalg.norm(A, ord, dim, keepdim)</c>; no ord is the 2-norm of the flattened input.</summary>
    public static Tensor Norm(Tensor a, double? ord = null, int[]? dim = null, bool keepDim = false) => NormMatrix.LinalgNorm(a, ord, dim, keepDim);

    /// <summary>Matrix norm with ord "fro" or "nuc", as <c>torch.linalg.norm(A, 'fro')</c>.</summary>
    public static Tensor Norm(Tensor a, string ord, int[]? dim = null, bool keepDim = false) => NormMatrix.LinalgNorm(a, ord, dim, keepDim);

    /// <summary>(sum |x|^ord)^(1/ord) over <paramref name="dim"/> (all dims when null); ord may be 0, ±inf or negative, as <c>torch.linalg.vector_norm</c>.</summary>
    public static Tensor VectorNorm(Tensor x, double ord = 2, int[]? dim = null, bool keepDim = false) => NormMatrix.VectorNorm(x, ord, dim, keepDim);

    /// <summary>Induced matrix norm for ord 1, -1, 2, -2, inf, -inf over two dims, as <c>torch.linalg.matrix_norm(A, ord)</c>.</summary>
    public static Tensor MatrixNorm(Tensor a, double ord, int[]? dim = null, bool keepDim = false) => NormMatrix.MatrixNorm(a, ord, dim ?? [-2, -1], keepDim);

    /// <summary>Frobenius ("fro", the default) or nuclear ("nuc") matrix norm, as <c>torch.linalg.matrix_norm(A)</c>.</summary>
    public static Tensor MatrixNorm(Tensor a, string ord = "fro", int[]? dim = null, bool keepDim = false) => NormMatrix.MatrixNorm(a, ord, dim ?? [-2, -1], keepDim);

    /// <summary>Singular values in descending order, as <c>torch.linalg.svdvals</c> (one-sided Jacobi, for small matrices).</summary>
    public static Tensor Svdvals(Tensor a) => LinalgSvd.Svdvals(a);

    /// <summary>The solution X of A X = B by LU with partial pivoting, batched and broadcast, as <c>torch.linalg.solve</c>; B may be a (batch of) vector(s).</summary>
    public static Tensor Solve(Tensor a, Tensor b) => LinalgSolve.Solve(a, b);

    /// <summary>The inverse of a (batch of) square matrix, as <c>torch.linalg.inv</c>; a singular matrix throws <see cref="LinAlgException"/>.</summary>
    public static Tensor Inv(Tensor a) => LinalgSolve.Inv(a);

    /// <summary>The determinant of a (batch of) square matrix, as <c>torch.linalg.det</c>.</summary>
    public static Tensor Det(Tensor a) => LinalgSolve.Det(a);

    /// <summary>
    /// The least-squares solution of A X = B (minimum-norm when A is wide), as <c>torch.linalg.lstsq(A, B).solution</c>.
    /// Computed by Householder QR in float64; A must have full rank.
    /// </summary>
    public static Tensor Lstsq(Tensor a, Tensor b) => LinalgLstsq.Lstsq(a, b);

    /// <summary>Matrix product with broadcasting, as <c>torch.linalg.matmul</c> (an alias of <c>torch.matmul</c>).</summary>
    public static Tensor Matmul(Tensor a, Tensor b) => MatmulBroadcast.Apply(a, b);
}

/// <summary>A linear-algebra failure on valid input, such as a singular matrix, as <c>torch.linalg.LinAlgError</c>.</summary>
public sealed class LinAlgException : InvalidOperationException
{
    /// <summary>Creates the exception with PyTorch's message.</summary>
    public LinAlgException(string message) : base(message) { }
}
