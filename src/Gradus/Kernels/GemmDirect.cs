using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;

namespace Gradus.Kernels;

/// <summary>
/// The GEMM paths that need no packing, for products where packing would cost more than the arithmetic:
/// tiny ones (the course's Linear(1, 1) on 80 points), one-row ones (a single sample through a layer) and
/// one-column ones (a layer with one output). Rows of B are used as vectors (C row += a·B row), or columns of
/// op(B) as dot products when they are contiguous.
/// </summary>
internal static unsafe class GemmDirect<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>
    /// Whether the direct loops beat packing for this call: tiny products, one row (or a few rows of a wide C, where
    /// packing B would cost more than using it), or a few contiguous columns of op(B) (dot products).
    /// </summary>
    public static bool Suits(in GemmCall<T> g) =>
        (long)g.M * g.N * g.K <= 2048 || g.M == 1 || (g.M <= 4 && g.N >= 64) || (g.N <= 4 && (g.TransB || g.Ldb == 1));

    /// <summary>C = alpha·op(A)·op(B) + beta·C with vector loops over unpacked, strided operands.</summary>
    public static void Run(in GemmCall<T> g)
    {
        // Element (p, j) of op(B) is at B[p * bRow + j * bCol].
        nint bRow = g.TransB ? 1 : g.Ldb;
        if (bRow == 1) ParallelFor.Range(g.M, 2L * g.N * g.K, new DotRows(g));
        else ParallelFor.Range((g.N + Block - 1) / Block, 2L * g.M * g.K * Block, new AxpyColumns(g));
    }

    /// <summary>Columns of C per task of the row-vector form.</summary>
    private const int Block = 256;

    /// <summary>C[i, j] = alpha·dot(op(A) row i, op(B) column j) + beta·C[i, j], op(B)'s columns being contiguous.</summary>
    private readonly struct DotRows(GemmCall<T> g) : IRangeBody
    {
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Invoke(int start, int end)
        {
            nint bCol = g.TransB ? g.Ldb : 1;
            T* gathered = g.TransA ? GemmBuffers<T>.Row(g.K) : null;
            bool accumulate = g.Beta != T.Zero;
            for (int i = start; i < end; i++)
            {
                T* row = g.A + i * (g.TransA ? 1 : g.Lda);
                if (g.TransA)
                {
                    for (int p = 0; p < g.K; p++) gathered[p] = row[p * g.Lda];
                    row = gathered;
                }
                var a = new ReadOnlySpan<T>(row, g.K);
                T* c = g.C + i * g.Ldc;
                for (int j = 0; j < g.N; j++)
                {
                    T dot = Dot(a, g.B + j * bCol);
                    c[j] = accumulate ? g.Alpha * dot + g.Beta * c[j] : g.Alpha * dot;
                }
            }
        }

        private static T Dot(ReadOnlySpan<T> a, T* b)
        {
            if (a.Length >= 16) return TensorPrimitives.Dot(a, new ReadOnlySpan<T>(b, a.Length));
            T sum = T.Zero;
            for (int p = 0; p < a.Length; p++) sum += a[p] * b[p];
            return sum;
        }
    }

    /// <summary>C[:, cols] = beta·C[:, cols] + Σp (alpha·op(A)[:, p]) ⊗ B[p, cols] on column blocks, B's rows being contiguous.</summary>
    private readonly struct AxpyColumns(GemmCall<T> g) : IRangeBody
    {
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Invoke(int start, int end)
        {
            int j0 = start * Block, width = Math.Min(end * Block, g.N) - j0;
            nint aRow = g.TransA ? 1 : g.Lda, aCol = g.TransA ? g.Lda : 1;
            for (int i = 0; i < g.M; i++)
            {
                var c = new Span<T>(g.C + i * g.Ldc + j0, width);
                if (g.Beta == T.Zero) c.Clear();
                else if (g.Beta != T.One) TensorPrimitives.Multiply(c, g.Beta, c);
            }
            // Each row of B is read once and applied to every row of C (which stay in cache).
            for (int p = 0; p < g.K; p++)
            {
                var b = new ReadOnlySpan<T>(g.B + p * g.Ldb + j0, width);
                for (int i = 0; i < g.M; i++)
                {
                    T s = g.Alpha * g.A[i * aRow + p * aCol];
                    T* c = g.C + i * g.Ldc + j0;
                    if (width >= 16) TensorPrimitives.MultiplyAdd(b, s, new ReadOnlySpan<T>(c, width), new Span<T>(c, width));
                    else for (int j = 0; j < width; j++) c[j] += s * b[j];
                }
            }
        }
    }

    /// <summary>C = beta·C (beta zero: C is zeroed, NaNs included), the whole update when the product is empty.</summary>
    public static void ScaleC(in GemmCall<T> g)
    {
        for (int i = 0; i < g.M; i++)
        {
            var row = new Span<T>(g.C + i * g.Ldc, g.N);
            if (g.Beta == T.Zero) row.Clear();
            else if (g.Beta != T.One) TensorPrimitives.Multiply(row, g.Beta, row);
        }
    }
}
