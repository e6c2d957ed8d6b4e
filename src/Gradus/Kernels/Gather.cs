using System.Numerics;
using System.Numerics.Tensors;

namespace Gradus.Kernels;

/// <summary>
/// Gathers and scatters through precomputed storage positions: advanced indexing reads
/// <c>src[major[i] + minor[j] + inner[k]]</c> (kept dims before the index, index offsets, kept dims after),
/// with a span copy when the inner block is dense.
/// </summary>
internal static class Gather
{
    /// <summary>The storage position of every element of a strided view, in row-major order.</summary>
    public static int[] Positions(int offset, ReadOnlySpan<int> shape, ReadOnlySpan<int> strides)
    {
        int n = Shapes.Numel(shape), nd = shape.Length;
        var pos = new int[n];
        if (n == 0) return pos;
        if (nd == 0) { pos[0] = offset; return pos; }
        int inner = shape[nd - 1], istr = strides[nd - 1];
        Span<int> idx = stackalloc int[nd];
        int p = offset;
        for (int o = 0; o < n; o += inner)
        {
            for (int j = 0, q = p; j < inner; j++, q += istr) pos[o + j] = q;
            for (int d = nd - 2; d >= 0; d--)
            {
                p += strides[d];
                if (++idx[d] < shape[d]) break;
                p -= strides[d] * shape[d];
                idx[d] = 0;
            }
        }
        return pos;
    }

    /// <summary>True when the positions of a block are 0, 1, 2, ...: the block can be copied as one span.</summary>
    public static bool IsDense(ReadOnlySpan<int> inner)
    {
        for (int i = 0; i < inner.Length; i++)
            if (inner[i] != inner[0] + i) return false;
        return true;
    }

    /// <summary>dst[(i, j, k)] = src[major[i] + minor[j] + inner[k]] for all i, j, k in row-major order.</summary>
    public static void Read<T>(T[] src, ReadOnlySpan<int> major, ReadOnlySpan<int> minor, ReadOnlySpan<int> inner, Span<T> dst)
    {
        int na = inner.Length, o = 0;
        if (na == 0) return;
        bool dense = na > 1 && IsDense(inner);
        int a = inner[0];
        foreach (int m in major)
            foreach (int n in minor)
            {
                int b = m + n;
                if (na == 1) dst[o++] = src[b + a];
                else if (dense) { src.AsSpan(b + a, na).CopyTo(dst.Slice(o, na)); o += na; }
                else for (int k = 0; k < na; k++) dst[o++] = src[b + inner[k]];
            }
    }

    /// <summary>dst[major[i] + minor[j] + inner[k]] = src[(i, j, k)] (or src[0] when <paramref name="one"/>); later writes win.</summary>
    public static void Write<T>(ReadOnlySpan<T> src, bool one, T[] dst, ReadOnlySpan<int> major, ReadOnlySpan<int> minor, ReadOnlySpan<int> inner)
    {
        int na = inner.Length, o = 0;
        if (na == 0) return;
        bool dense = na > 1 && IsDense(inner);
        int a = inner[0];
        foreach (int m in major)
            foreach (int n in minor)
            {
                int b = m + n;
                if (one) for (int k = 0; k < na; k++) dst[b + inner[k]] = src[0];
                else if (dense) { src.Slice(o, na).CopyTo(dst.AsSpan(b + a, na)); o += na; }
                else for (int k = 0; k < na; k++) dst[b + inner[k]] = src[o++];
            }
    }

    /// <summary>dst[major[i] + minor[j] + inner[k]] += src[(i, j, k)] (or src[0] when <paramref name="one"/>); duplicates accumulate.</summary>
    public static void Add<T>(ReadOnlySpan<T> src, bool one, T[] dst, ReadOnlySpan<int> major, ReadOnlySpan<int> minor, ReadOnlySpan<int> inner)
        where T : INumber<T>
    {
        int na = inner.Length, o = 0;
        if (na == 0) return;
        bool dense = na > 1 && IsDense(inner);
        int a = inner[0];
        foreach (int m in major)
            foreach (int n in minor)
            {
                int b = m + n;
                if (one) for (int k = 0; k < na; k++) dst[b + inner[k]] += src[0];
                else if (dense)
                {
                    var d = dst.AsSpan(b + a, na);
                    TensorPrimitives.Add(d, src.Slice(o, na), d);
                    o += na;
                }
                else for (int k = 0; k < na; k++) dst[b + inner[k]] += src[o++];
            }
    }

    /// <summary>dst[i] = src[pos[i]]: one element per position (gather along a dim, take).</summary>
    public static void ReadAt<T>(T[] src, ReadOnlySpan<int> pos, Span<T> dst)
    {
        for (int i = 0; i < pos.Length; i++) dst[i] = src[pos[i]];
    }

    /// <summary>dst[pos[i]] = src[i] (or src[0] when <paramref name="one"/>): scatter along a dim.</summary>
    public static void WriteAt<T>(ReadOnlySpan<T> src, bool one, T[] dst, ReadOnlySpan<int> pos)
    {
        for (int i = 0; i < pos.Length; i++) dst[pos[i]] = one ? src[0] : src[i];
    }

    /// <summary>dst[pos[i]] += src[i]: scatter-add along a dim, duplicates accumulate.</summary>
    public static void AddAt<T>(ReadOnlySpan<T> src, T[] dst, ReadOnlySpan<int> pos) where T : INumber<T>
    {
        for (int i = 0; i < pos.Length; i++) dst[pos[i]] += src[i];
    }
}
