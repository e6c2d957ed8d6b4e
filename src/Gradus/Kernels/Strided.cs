using System.Numerics;

namespace Gradus.Kernels;

/// <summary>Reads and writes strided views in row-major order: the slow path under every contiguous fast path.</summary>
internal static class Strided
{
    /// <summary>Copies a strided view of <paramref name="src"/> into contiguous <paramref name="dst"/>.</summary>
    public static void Gather<T>(T[] src, int offset, ReadOnlySpan<int> shape, ReadOnlySpan<int> strides, Span<T> dst)
    {
        int nd = shape.Length, n = dst.Length;
        if (n == 0) return;
        if (nd == 0) { dst[0] = src[offset]; return; }
        if (Shapes.IsContiguous(shape, strides)) { src.AsSpan(offset, n).CopyTo(dst); return; }
        int inner = shape[nd - 1], istr = strides[nd - 1];
        Span<int> idx = stackalloc int[nd];
        int pos = offset;
        for (int o = 0; o < n; o += inner)
        {
            if (istr == 1) src.AsSpan(pos, inner).CopyTo(dst.Slice(o, inner));
            else if (istr == 0) dst.Slice(o, inner).Fill(src[pos]);
            else for (int j = 0, p = pos; j < inner; j++, p += istr) dst[o + j] = src[p];
            for (int d = nd - 2; d >= 0; d--)
            {
                pos += strides[d];
                if (++idx[d] < shape[d]) break;
                pos -= strides[d] * shape[d];
                idx[d] = 0;
            }
        }
    }

    /// <summary>Writes contiguous <paramref name="src"/> (or one broadcast value when it has length 1) into a strided view.</summary>
    public static void Scatter<T>(ReadOnlySpan<T> src, T[] dst, int offset, ReadOnlySpan<int> shape, ReadOnlySpan<int> strides)
    {
        int nd = shape.Length, n = Shapes.Numel(shape);
        if (n == 0) return;
        bool one = src.Length == 1 && n != 1;
        if (nd == 0) { dst[offset] = src[0]; return; }
        if (Shapes.IsContiguous(shape, strides))
        {
            if (one) dst.AsSpan(offset, n).Fill(src[0]);
            else src[..n].CopyTo(dst.AsSpan(offset, n));
            return;
        }
        int inner = shape[nd - 1], istr = strides[nd - 1];
        Span<int> idx = stackalloc int[nd];
        int pos = offset;
        for (int o = 0; o < n; o += inner)
        {
            for (int j = 0, p = pos; j < inner; j++, p += istr) dst[p] = one ? src[0] : src[o + j];
            for (int d = nd - 2; d >= 0; d--)
            {
                pos += strides[d];
                if (++idx[d] < shape[d]) break;
                pos -= strides[d] * shape[d];
                idx[d] = 0;
            }
        }
    }

    /// <summary>Converts between numeric element types with truncation toward zero, vectorised.</summary>
    public static void Convert<TFrom, TTo>(ReadOnlySpan<TFrom> src, Span<TTo> dst)
        where TFrom : unmanaged, INumberBase<TFrom> where TTo : unmanaged, INumberBase<TTo>
        => System.Numerics.Tensors.TensorPrimitives.ConvertTruncating(src, dst);

    /// <summary>Bool to a number: false is 0, true is 1.</summary>
    public static void FromBool<TTo>(ReadOnlySpan<bool> src, Span<TTo> dst) where TTo : INumberBase<TTo>
    {
        for (int i = 0; i < src.Length; i++) dst[i] = src[i] ? TTo.One : TTo.Zero;
    }

    /// <summary>A number to bool: non-zero is true.</summary>
    public static void ToBool<TFrom>(ReadOnlySpan<TFrom> src, Span<bool> dst) where TFrom : INumberBase<TFrom>
    {
        for (int i = 0; i < src.Length; i++) dst[i] = !TFrom.IsZero(src[i]);
    }
}
