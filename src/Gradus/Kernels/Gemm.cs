using System.Numerics;
using System.Runtime.Intrinsics;

namespace Gradus.Kernels;

/// <summary>
/// General matrix multiply on row-major spans, as BLAS's <c>?gemm</c> with C (row-major) layout:
/// C = alpha·op(A)·op(B) + beta·C, where op(X) is X or its transpose. Packed, SIMD and multi-threaded.
/// </summary>
public static class Gemm
{
    /// <summary>
    /// Single precision: C[m x n] = alpha·op(A)[m x k]·op(B)[k x n] + beta·C. A is stored m x k (k x m when
    /// <paramref name="transA"/>) with row stride <paramref name="lda"/>, likewise B and C. beta = 0 overwrites C (NaNs in C ignored).
    /// </summary>
    public static void Sgemm(bool transA, bool transB, int m, int n, int k, float alpha, ReadOnlySpan<float> a, int lda,
        ReadOnlySpan<float> b, int ldb, float beta, Span<float> c, int ldc)
        => Run(nameof(Sgemm), transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);

    /// <summary>
    /// Double precision: C[m x n] = alpha·op(A)[m x k]·op(B)[k x n] + beta·C. A is stored m x k (k x m when
    /// <paramref name="transA"/>) with row stride <paramref name="lda"/>, likewise B and C. beta = 0 overwrites C (NaNs in C ignored).
    /// </summary>
    public static void Dgemm(bool transA, bool transB, int m, int n, int k, double alpha, ReadOnlySpan<double> a, int lda,
        ReadOnlySpan<double> b, int ldb, double beta, Span<double> c, int ldc)
        => Run(nameof(Dgemm), transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);

    /// <summary>Which micro-kernel the packed path uses on this CPU: "512-bit", "256-bit" or "128-bit" vectors.</summary>
    internal static string KernelName =>
        Vector512.IsHardwareAccelerated ? "512-bit" : Vector256.IsHardwareAccelerated ? "256-bit" : "128-bit";

    private static unsafe void Run<T>(string op, bool transA, bool transB, int m, int n, int k, T alpha, ReadOnlySpan<T> a, int lda,
        ReadOnlySpan<T> b, int ldb, T beta, Span<T> c, int ldc) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (m < 0 || n < 0 || k < 0)
            throw new ArgumentException($"{op}: matrix sizes must be non-negative, got m={m}, n={n}, k={k}");
        Check(op, "A", "lda", a.Length, transA ? k : m, transA ? m : k, lda);
        Check(op, "B", "ldb", b.Length, transB ? n : k, transB ? k : n, ldb);
        Check(op, "C", "ldc", c.Length, m, n, ldc);
        if (m == 0 || n == 0) return;
        fixed (T* pa = a, pb = b, pc = c)
        {
            var call = new GemmCall<T>(transA, transB, m, n, k, alpha, pa, lda, pb, ldb, beta, pc, ldc);
            if (k == 0 || alpha == T.Zero) GemmDirect<T>.ScaleC(call);
            else if (GemmDirect<T>.Suits(call)) GemmDirect<T>.Run(call);
            else if (Vector512.IsHardwareAccelerated) GemmDriver<T, GemmKernel<T, Vector512<T>, Vector512Ops<T>>>.Run(call);
            else if (Vector256.IsHardwareAccelerated) GemmDriver<T, GemmKernel<T, Vector256<T>, Vector256Ops<T>>>.Run(call);
            else GemmDriver<T, GemmKernel<T, Vector128<T>, Vector128Ops<T>>>.Run(call);
        }
    }

    /// <summary>Checks that a span holds a rows x cols row-major matrix with row stride ld.</summary>
    private static void Check(string op, string name, string ldName, int length, int rows, int cols, int ld)
    {
        if (ld < Math.Max(1, cols))
            throw new ArgumentException($"{op}: {ldName} ({ld}) must be at least {Math.Max(1, cols)}, the row length of {name} ({rows}x{cols})", ldName);
        long needed = rows == 0 || cols == 0 ? 0 : (long)(rows - 1) * ld + cols;
        if (length < needed)
            throw new ArgumentException($"{op}: {name} ({rows}x{cols}, {ldName}={ld}) needs {needed} elements but the span has {length}", name.ToLowerInvariant());
    }
}
