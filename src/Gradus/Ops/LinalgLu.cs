using System.Numerics;
using System.Numerics.Tensors;

namespace Gradus.Ops;

/// <summary>
/// Span kernels for small dense square systems: LU factorization with partial pivoting (LAPACK getrf's
/// semantics, including its 1-based index of the first zero pivot), triangular solves and determinants.
/// Matrices are row-major and contiguous; right-hand sides are n x nrhs row-major.
/// </summary>
internal static class LinalgLu
{
    /// <summary>
    /// Factors <paramref name="a"/> (n x n) in place into unit-lower L and upper U with PA = LU; <paramref name="piv"/>[k]
    /// is the row swapped with row k. Returns 0, or the 1-based index of the first exactly-zero pivot (singular).
    /// </summary>
    public static int Factor<T>(Span<T> a, int n, Span<int> piv) where T : IFloatingPointIeee754<T>
    {
        int info = 0;
        for (int k = 0; k < n; k++)
        {
            int p = k;
            T best = T.Abs(a[k * n + k]);
            for (int i = k + 1; i < n; i++)
            {
                T v = T.Abs(a[i * n + k]);
                if (v > best) { best = v; p = i; }
            }
            piv[k] = p;
            if (best == T.Zero)
            {
                if (info == 0) info = k + 1;
                continue;
            }
            if (p != k) SwapRows(a, k, p, n);
            T inv = T.One / a[k * n + k];
            var pivotRow = a.Slice(k * n + k + 1, n - k - 1);
            for (int i = k + 1; i < n; i++)
            {
                T l = a[i * n + k] * inv;
                a[i * n + k] = l;
                if (l == T.Zero) continue;
                var row = a.Slice(i * n + k + 1, n - k - 1);
                TensorPrimitives.MultiplyAdd(pivotRow, -l, row, row);
            }
        }
        return info;
    }

    /// <summary>Solves A X = B in place in <paramref name="b"/> (n x nrhs) from the factors of <see cref="Factor{T}"/>.</summary>
    public static void Solve<T>(ReadOnlySpan<T> lu, int n, ReadOnlySpan<int> piv, Span<T> b, int nrhs) where T : IFloatingPointIeee754<T>
    {
        for (int k = 0; k < n; k++)
            if (piv[k] != k) SwapRows(b, k, piv[k], nrhs);
        for (int i = 1; i < n; i++)
        {
            var row = b.Slice(i * nrhs, nrhs);
            for (int k = 0; k < i; k++)
            {
                T l = lu[i * n + k];
                if (l != T.Zero) TensorPrimitives.MultiplyAdd(b.Slice(k * nrhs, nrhs), -l, row, row);
            }
        }
        for (int i = n - 1; i >= 0; i--)
        {
            var row = b.Slice(i * nrhs, nrhs);
            for (int k = i + 1; k < n; k++)
            {
                T u = lu[i * n + k];
                if (u != T.Zero) TensorPrimitives.MultiplyAdd(b.Slice(k * nrhs, nrhs), -u, row, row);
            }
            TensorPrimitives.Divide(row, lu[i * n + i], row);
        }
    }

    /// <summary>The determinant from the factors: the product of U's diagonal, negated once per row swap.</summary>
    public static T Det<T>(ReadOnlySpan<T> lu, int n, ReadOnlySpan<int> piv) where T : IFloatingPointIeee754<T>
    {
        T d = T.One;
        for (int k = 0; k < n; k++)
        {
            d *= lu[k * n + k];
            if (piv[k] != k) d = -d;
        }
        return d;
    }

    private static void SwapRows<T>(Span<T> x, int r1, int r2, int len)
    {
        var a = x.Slice(r1 * len, len);
        var b = x.Slice(r2 * len, len);
        for (int i = 0; i < len; i++) (a[i], b[i]) = (b[i], a[i]);
    }
}
