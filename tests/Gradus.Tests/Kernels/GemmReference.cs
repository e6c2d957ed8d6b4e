using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Gradus.Kernels;

namespace Gradus.Tests.Kernels;

/// <summary>Which GEMM code path a test drives.</summary>
public enum GemmPath
{
    /// <summary>The public entry point (it picks the path itself).</summary>
    Public,
    /// <summary>The packed path with the AVX-512 micro-kernel.</summary>
    Packed512,
    /// <summary>The packed path with the AVX2 micro-kernel.</summary>
    Packed256,
    /// <summary>The packed path with the 128-bit micro-kernel.</summary>
    Packed128,
    /// <summary>The direct loops of the small-matrix path.</summary>
    Direct,
}

/// <summary>Random strided GEMM operands, a naive reference, and the comparison every GEMM test uses.</summary>
internal static class GemmReference
{
    /// <summary>
    /// Runs C = alpha·op(A)·op(B) + beta·C through <paramref name="path"/> on random operands whose row strides exceed
    /// their row lengths by the given pads, and checks every element of C against a naive double-precision reference
    /// (to <paramref name="rtol"/> of the magnitude bound), and that the padding between rows is untouched.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Check<T>(GemmPath path, bool transA, bool transB, int m, int n, int k, T alpha, T beta,
        int padA = 0, int padB = 0, int padC = 0, double rtol = 1e-4, int seed = 7, int maxChecked = int.MaxValue)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if ((path == GemmPath.Packed512 && !Vector512.IsHardwareAccelerated) || (path == GemmPath.Packed256 && !Vector256.IsHardwareAccelerated)
            || (path == GemmPath.Packed128 && !Vector128.IsHardwareAccelerated))
            path = GemmPath.Public;
        int aRows = transA ? k : m, aCols = transA ? m : k, bRows = transB ? n : k, bCols = transB ? k : n;
        int lda = aCols + padA, ldb = bCols + padB, ldc = n + padC;
        var random = new System.Random(seed);
        T[] a = RandomMatrix<T>(random, aRows, lda), b = RandomMatrix<T>(random, bRows, ldb), c = RandomMatrix<T>(random, m, ldc);
        if (beta == T.Zero)
            for (int i = 0; i < m; i++) for (int j = 0; j < n; j++) c[i * ldc + j] = T.NaN;
        T[] before = (T[])c.Clone();
        Run(path, transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);

        int stride = (int)Math.Max(1, (long)m * n / maxChecked);
        for (long index = 0; index < (long)m * n; index += stride)
        {
            int i = (int)(index / n), j = (int)(index % n);
            double sum = 0, bound = 0;
            for (int p = 0; p < k; p++)
            {
                double x = double.CreateTruncating(transA ? a[p * lda + i] : a[i * lda + p]);
                double y = double.CreateTruncating(transB ? b[j * ldb + p] : b[p * ldb + j]);
                sum += x * y;
                bound += Math.Abs(x * y);
            }
            double al = double.CreateTruncating(alpha), be = double.CreateTruncating(beta);
            double old = be == 0 ? 0 : double.CreateTruncating(before[i * ldc + j]);
            double expected = al * sum + be * old;
            double tolerance = rtol * (Math.Abs(al) * bound + Math.Abs(be * old)) + 1e-30;
            double actual = double.CreateTruncating(c[i * ldc + j]);
            Assert.True(Math.Abs(actual - expected) <= tolerance,
                $"{path} tA={transA} tB={transB} m={m} n={n} k={k}: C[{i},{j}] = {actual}, expected {expected} (tol {tolerance})");
        }
        for (int i = 0; i < m; i++)
            for (int j = n; j < ldc && i * ldc + j < c.Length; j++)
                Assert.Equal(before[i * ldc + j], c[i * ldc + j]);
    }

    /// <summary>Values uniform in [-1, 1), rows x ld elements.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static T[] RandomMatrix<T>(System.Random random, int rows, int ld) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var values = new T[Math.Max(0, rows * ld)];
        for (int i = 0; i < values.Length; i++) values[i] = T.CreateTruncating(random.NextDouble() * 2 - 1);
        return values;
    }

    private static unsafe void Run<T>(GemmPath path, bool transA, bool transB, int m, int n, int k, T alpha, T[] a, int lda,
        T[] b, int ldb, T beta, T[] c, int ldc) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (path == GemmPath.Public)
        {
            if (typeof(T) == typeof(float))
                Gemm.Sgemm(transA, transB, m, n, k, float.CreateTruncating(alpha), (float[])(object)a, lda, (float[])(object)b, ldb,
                    float.CreateTruncating(beta), (float[])(object)c, ldc);
            else
                Gemm.Dgemm(transA, transB, m, n, k, double.CreateTruncating(alpha), (double[])(object)a, lda, (double[])(object)b, ldb,
                    double.CreateTruncating(beta), (double[])(object)c, ldc);
            return;
        }
        fixed (T* pa = a, pb = b, pc = c)
        {
            var call = new GemmCall<T>(transA, transB, m, n, k, alpha, pa, lda, pb, ldb, beta, pc, ldc);
            switch (path)
            {
                case GemmPath.Packed512: GemmDriver<T, GemmKernel<T, Vector512<T>, Vector512Ops<T>>>.Run(call); break;
                case GemmPath.Packed256: GemmDriver<T, GemmKernel<T, Vector256<T>, Vector256Ops<T>>>.Run(call); break;
                case GemmPath.Packed128: GemmDriver<T, GemmKernel<T, Vector128<T>, Vector128Ops<T>>>.Run(call); break;
                default: GemmDirect<T>.Run(call); break;
            }
        }
    }
}
