using System.Numerics;
using System.Numerics.Tensors;

namespace Gradus.Kernels;

/// <summary>
/// Maximum and minimum of contiguous rows as PyTorch computes them: NaN wins (propagates), ties and
/// signed zeros resolve to the first occurrence.
/// </summary>
internal static class ReduceExtrema
{
    /// <summary>The largest (or smallest) element of each of <paramref name="rows"/> rows; NaN when a row holds one.</summary>
    public static void ValueRows<T>(ReadOnlySpan<T> src, int rows, int len, Span<T> dst, bool max) where T : INumber<T>
    {
        for (int r = 0; r < rows; r++)
        {
            var row = src.Slice(r * len, len);
            dst[r] = max ? TensorPrimitives.Max(row) : TensorPrimitives.Min(row);
        }
    }

    /// <summary>The index of the first maximum (or minimum) of each row, with the value found there.</summary>
    public static void IndexRows<T>(ReadOnlySpan<T> src, int rows, int len, Span<T> values, Span<long> indices, bool max) where T : INumber<T>
    {
        for (int r = 0; r < rows; r++)
        {
            var row = src.Slice(r * len, len);
            int i = FirstIndex(row, max);
            indices[r] = i;
            if (!values.IsEmpty) values[r] = row[i];
        }
    }

    /// <summary>
    /// The first index of the extremum of a non-empty row: the first NaN if any, else the first element
    /// equal to the extremum (-0 and +0 count as equal, as in PyTorch's comparisons).
    /// </summary>
    public static int FirstIndex<T>(ReadOnlySpan<T> row, bool max) where T : INumber<T>
    {
        int i = max ? TensorPrimitives.IndexOfMax(row) : TensorPrimitives.IndexOfMin(row);
        if (T.IsZero(row[i]))
            for (int j = 0; j < i; j++)
                if (T.IsZero(row[j])) return j;
        return i;
    }
}
