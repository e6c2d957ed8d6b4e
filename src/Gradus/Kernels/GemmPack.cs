using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Gradus.Kernels;

/// <summary>
/// Packs blocks of the GEMM operands into the contiguous micro-panels the micro-kernels stream through,
/// reading transposed operands in place (a transpose costs no copy of the whole matrix) and padding
/// partial panels with zeros.
/// </summary>
internal static unsafe class GemmPack<T> where T : unmanaged
{
    /// <summary>
    /// Packs rows [i0, i0+mc) and depth [p0, p0+kc) of op(A) into panels of <paramref name="mr"/> rows:
    /// each panel holds, step after step, the mr values of one column of op(A).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void PackA(T* a, nint lda, bool trans, int i0, int mc, int p0, int kc, int mr, T* dst)
    {
        for (int ip = 0; ip < mc; ip += mr, dst += (nint)mr * kc)
        {
            int rows = Math.Min(mr, mc - ip);
            if (trans)
            {
                // op(A)[i, p] = a[p * lda + i]: the mr values of one step are contiguous.
                T* src = a + (nint)p0 * lda + i0 + ip;
                for (int p = 0; p < kc; p++, src += lda)
                    CopyPadded(src, dst + (nint)p * mr, rows, mr);
            }
            else
            {
                // op(A)[i, p] = a[i * lda + p]: read each row once, write it down the panel with stride mr.
                for (int r = 0; r < rows; r++)
                    Scatter(a + (i0 + ip + r) * lda + p0, dst + r, kc, mr);
                for (int r = rows; r < mr; r++)
                    Fill(dst + r, kc, mr);
            }
        }
    }

    /// <summary>
    /// Packs depth [p0, p0+kc) and columns [j0, j0+nc) of op(B) into panels of <paramref name="nr"/> columns:
    /// each panel holds, step after step, the nr values of one row of op(B).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void PackB(T* b, nint ldb, bool trans, int p0, int kc, int j0, int nc, int nr, T* dst)
    {
        for (int jp = 0; jp < nc; jp += nr, dst += (nint)nr * kc)
        {
            int cols = Math.Min(nr, nc - jp);
            if (trans)
            {
                // op(B)[p, j] = b[j * ldb + p]: read each row of b once, write it down the panel with stride nr.
                for (int c = 0; c < cols; c++)
                    Scatter(b + (j0 + jp + c) * ldb + p0, dst + c, kc, nr);
                for (int c = cols; c < nr; c++)
                    Fill(dst + c, kc, nr);
            }
            else
            {
                // op(B)[p, j] = b[p * ldb + j]: the nr values of one step are contiguous.
                T* src = b + (nint)p0 * ldb + j0 + jp;
                for (int p = 0; p < kc; p++, src += ldb)
                    CopyPadded(src, dst + (nint)p * nr, cols, nr);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void CopyPadded(T* src, T* dst, int count, int width)
    {
        if (count == width && width * sizeof(T) == 128 && Vector512.IsHardwareAccelerated)
        {
            Vector512.Load((byte*)src).Store((byte*)dst);
            Vector512.Load((byte*)src + 64).Store((byte*)dst + 64);
            return;
        }
        int i = 0;
        for (; i < count; i++) dst[i] = src[i];
        for (; i < width; i++) dst[i] = default;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Scatter(T* src, T* dst, int count, int stride)
    {
        int p = 0;
        for (; p + 4 <= count; p += 4, dst += 4 * (nint)stride)
        {
            dst[0] = src[p];
            dst[stride] = src[p + 1];
            dst[2 * stride] = src[p + 2];
            dst[3 * stride] = src[p + 3];
        }
        for (; p < count; p++, dst += stride) *dst = src[p];
    }

    private static void Fill(T* dst, int count, int stride)
    {
        for (int p = 0; p < count; p++, dst += stride) *dst = default;
    }
}
