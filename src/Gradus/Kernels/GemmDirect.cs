using System.Numerics;

namespace Gradus.Kernels;

/// <summary>
/// The GEMM paths that need no packing: plain loops for tiny products (where packing would cost more
/// than the arithmetic) and the C = beta·C update when the product is empty (k = 0 or alpha = 0).
/// </summary>
internal static unsafe class GemmDirect<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Products with at most this many multiply-adds (m·n·k) take the direct loops.</summary>
    public const long MaxWork = 4096;

    /// <summary>C = alpha·op(A)·op(B) + beta·C with direct loops over strided operands.</summary>
    public static void Run(in GemmCall<T> g)
    {
        // Element (i, p) of op(A) is at A[i * aRow + p * aCol]; element (p, j) of op(B) at B[p * bRow + j * bCol].
        nint aRow = g.TransA ? 1 : g.Lda, aCol = g.TransA ? g.Lda : 1;
        nint bRow = g.TransB ? 1 : g.Ldb, bCol = g.TransB ? g.Ldb : 1;
        bool accumulate = g.Beta != T.Zero;
        for (int i = 0; i < g.M; i++)
        {
            T* ai = g.A + i * aRow;
            T* ci = g.C + i * g.Ldc;
            for (int j = 0; j < g.N; j++)
            {
                T* bj = g.B + j * bCol;
                T sum = T.Zero;
                for (int p = 0; p < g.K; p++)
                    sum += ai[p * aCol] * bj[p * bRow];
                ci[j] = accumulate ? g.Alpha * sum + g.Beta * ci[j] : g.Alpha * sum;
            }
        }
    }

    /// <summary>C = beta·C (beta zero: C is zeroed, NaNs included), the whole update when the product is empty.</summary>
    public static void ScaleC(in GemmCall<T> g)
    {
        bool accumulate = g.Beta != T.Zero;
        for (int i = 0; i < g.M; i++)
        {
            var row = new Span<T>(g.C + i * g.Ldc, g.N);
            if (!accumulate) row.Clear();
            else if (g.Beta != T.One)
                for (int j = 0; j < row.Length; j++) row[j] *= g.Beta;
        }
    }
}
