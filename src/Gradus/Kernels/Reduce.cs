using System.Numerics;
using System.Numerics.Tensors;

namespace Gradus.Kernels;

/// <summary>Row reductions over contiguous data: each of <c>rows</c> rows of length <c>len</c> reduces to one value.</summary>
internal static class Reduce
{
    public static void SumRows<T>(ReadOnlySpan<T> src, int rows, int len, Span<T> dst) where T : INumber<T>
    {
        for (int r = 0; r < rows; r++) dst[r] = TensorPrimitives.Sum(src.Slice(r * len, len));
    }

    /// <summary>
    /// Sums columns: src is (outer, len, inner) and dst is (outer, inner); adds whole rows with SIMD,
    /// the fast path for reducing a leading or middle dim.
    /// </summary>
    public static void SumMiddle<T>(ReadOnlySpan<T> src, int outer, int len, int inner, Span<T> dst) where T : INumber<T>
    {
        dst.Clear();
        for (int o = 0; o < outer; o++)
        {
            var acc = dst.Slice(o * inner, inner);
            for (int l = 0; l < len; l++)
                TensorPrimitives.Add(acc, src.Slice((o * len + l) * inner, inner), acc);
        }
    }
}
