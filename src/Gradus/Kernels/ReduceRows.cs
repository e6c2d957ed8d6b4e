using System.Buffers;
using System.Numerics;
using System.Numerics.Tensors;

namespace Gradus.Kernels;

/// <summary>Products, moments, log-sum-exp and boolean tests of contiguous rows (each of <c>rows</c> rows has <c>len</c> elements).</summary>
internal static class ReduceRows
{
    /// <summary>The product of each row; 1 for empty rows.</summary>
    public static void Prod<T>(ReadOnlySpan<T> src, int rows, int len, Span<T> dst) where T : INumber<T>
    {
        for (int r = 0; r < rows; r++)
            dst[r] = len == 0 ? T.One : TensorPrimitives.Product(src.Slice(r * len, len));
    }

    /// <summary>
    /// The product of all other elements of the row for every element, from prefix and suffix products
    /// (no division, so zeros are exact): the gradient of a product.
    /// </summary>
    public static void ProdOthers<T>(ReadOnlySpan<T> src, int rows, int len, Span<T> dst) where T : INumber<T>
    {
        for (int r = 0; r < rows; r++)
        {
            var row = src.Slice(r * len, len);
            var d = dst.Slice(r * len, len);
            var acc = T.One;
            for (int i = 0; i < len; i++) { d[i] = acc; acc *= row[i]; }
            acc = T.One;
            for (int i = len - 1; i >= 0; i--) { d[i] *= acc; acc *= row[i]; }
        }
    }

    /// <summary>
    /// Variance of each row in two passes, sum of squared deviations divided by max(0, len - correction);
    /// NaN for an empty row.
    /// </summary>
    public static void Var(ReadOnlySpan<double> src, int rows, int len, double correction, Span<double> dst)
    {
        var tmp = ArrayPool<double>.Shared.Rent(Math.Max(len, 1));
        try
        {
            var t = tmp.AsSpan(0, len);
            double divisor = Math.Max(0, len - correction);
            for (int r = 0; r < rows; r++)
            {
                var row = src.Slice(r * len, len);
                double mean = TensorPrimitives.Sum(row) / len;
                TensorPrimitives.Subtract(row, mean, t);
                dst[r] = len == 0 ? double.NaN : TensorPrimitives.SumOfSquares<double>(t) / divisor;
            }
        }
        finally { ArrayPool<double>.Shared.Return(tmp); }
    }

    /// <summary>log(sum(exp(row))) computed stably by shifting by the row maximum (not when it is infinite); -inf for an empty row.</summary>
    public static void LogSumExp<T>(ReadOnlySpan<T> src, int rows, int len, Span<T> dst) where T : IFloatingPointIeee754<T>
    {
        var tmp = ArrayPool<T>.Shared.Rent(Math.Max(len, 1));
        try
        {
            var t = tmp.AsSpan(0, len);
            for (int r = 0; r < rows; r++)
            {
                if (len == 0) { dst[r] = T.NegativeInfinity; continue; }
                var row = src.Slice(r * len, len);
                var m = TensorPrimitives.Max(row);
                if (T.IsInfinity(m)) m = T.Zero;
                TensorPrimitives.Subtract(row, m, t);
                TensorPrimitives.Exp(t, t);
                dst[r] = T.Log(TensorPrimitives.Sum<T>(t)) + m;
            }
        }
        finally { ArrayPool<T>.Shared.Return(tmp); }
    }

    /// <summary>Whether every element of each row is true (true for an empty row).</summary>
    public static void All(ReadOnlySpan<bool> src, int rows, int len, Span<bool> dst)
    {
        for (int r = 0; r < rows; r++) dst[r] = !src.Slice(r * len, len).Contains(false);
    }

    /// <summary>Whether any element of each row is true (false for an empty row).</summary>
    public static void Any(ReadOnlySpan<bool> src, int rows, int len, Span<bool> dst)
    {
        for (int r = 0; r < rows; r++) dst[r] = src.Slice(r * len, len).Contains(true);
    }

    /// <summary>
    /// Running sums along the middle axis of (outer, len, inner) data, from the front or (when
    /// <paramref name="reverse"/>) from the back; whole inner rows are added with SIMD.
    /// </summary>
    public static void CumSum<T>(ReadOnlySpan<T> src, int outer, int len, int inner, Span<T> dst, bool reverse) where T : INumber<T>
    {
        for (int o = 0; o < outer; o++)
        {
            int baseIdx = o * len * inner;
            for (int k = 0; k < len; k++)
            {
                int l = reverse ? len - 1 - k : k;
                var s = src.Slice(baseIdx + l * inner, inner);
                var d = dst.Slice(baseIdx + l * inner, inner);
                if (k == 0) s.CopyTo(d);
                else if (inner == 1) d[0] = dst[baseIdx + (reverse ? l + 1 : l - 1)] + s[0];
                else TensorPrimitives.Add(dst.Slice(baseIdx + (reverse ? l + 1 : l - 1) * inner, inner), s, d);
            }
        }
    }
}
