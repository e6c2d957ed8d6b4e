using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Gradus.Kernels;

/// <summary>
/// Packs blocks of the GEMM operands into the contiguous micro-panels the micro-kernels stream through,
/// reading transposed operands in place (a transpose costs no copy of the whole matrix) and padding
/// partial panels with zeros. Sources are always read row by row, the order hardware prefetchers follow.
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
        if (trans) PackContiguous(a + (nint)p0 * lda + i0, lda, kc, mc, mr, dst); // op(A)[i, p] = a[p * lda + i]
        else PackStrided(a + (nint)i0 * lda + p0, lda, mc, kc, mr, dst);           // op(A)[i, p] = a[i * lda + p]
    }

    /// <summary>
    /// Packs depth [p0, p0+kc) and columns [j0, j0+nc) of op(B) into panels of <paramref name="nr"/> columns:
    /// each panel holds, step after step, the nr values of one row of op(B).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void PackB(T* b, nint ldb, bool trans, int p0, int kc, int j0, int nc, int nr, T* dst)
    {
        if (trans) PackStrided(b + (nint)j0 * ldb + p0, ldb, nc, kc, nr, dst);     // op(B)[p, j] = b[j * ldb + p]
        else PackContiguous(b + (nint)p0 * ldb + j0, ldb, kc, nc, nr, dst);        // op(B)[p, j] = b[p * ldb + j]
    }

    /// <summary>
    /// The panel values of one step are contiguous in the source: source row p (<paramref name="steps"/> rows of
    /// <paramref name="length"/> values) is cut into pieces of <paramref name="width"/>, piece q going to step p of panel q.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void PackContiguous(T* src, nint ld, int steps, int length, int width, T* dst)
    {
        int full = length / width, rest = length - full * width;
        nint panel = (nint)width * steps;
        for (int p = 0; p < steps; p++, src += ld)
        {
            T* d = dst + (nint)p * width;
            T* s = src;
            for (int q = 0; q < full; q++, s += width, d += panel)
                CopyVectors(s, d, width * sizeof(T));
            if (rest > 0)
            {
                for (int i = 0; i < rest; i++) d[i] = s[i];
                for (int i = rest; i < width; i++) d[i] = default;
            }
        }
    }

    /// <summary>
    /// The panel values of one step lie one per source row: source rows r (<paramref name="rows"/> rows of
    /// <paramref name="steps"/> values) are transposed in 4 x 4 blocks, row r going down lane r mod width of its panel.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void PackStrided(T* src, nint ld, int rows, int steps, int width, T* dst)
    {
        nint panel = (nint)width * steps;
        for (int r0 = 0; r0 < rows; r0 += width, dst += panel)
        {
            int valid = Math.Min(width, rows - r0);
            int r = 0;
            for (; r + 4 <= valid; r += 4)
                Transpose4(src + (nint)(r0 + r) * ld, ld, steps, dst + r, width);
            for (; r < valid; r++)
            {
                T* s = src + (nint)(r0 + r) * ld;
                for (int p = 0; p < steps; p++) dst[(nint)p * width + r] = s[p];
            }
            for (; r < width; r++)
                for (int p = 0; p < steps; p++) dst[(nint)p * width + r] = default;
        }
    }

    /// <summary>Writes 4 source rows of <paramref name="steps"/> values down 4 adjacent lanes (dst[p·width + 0..3]).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Transpose4(T* s, nint ld, int steps, T* dst, int width)
    {
        T* s1 = s + ld, s2 = s1 + ld, s3 = s2 + ld;
        int p = 0;
        if (typeof(T) == typeof(float) && Sse.IsSupported)
        {
            for (; p + 4 <= steps; p += 4)
            {
                Vector128<float> r0 = Sse.LoadVector128((float*)s + p), r1 = Sse.LoadVector128((float*)s1 + p);
                Vector128<float> r2 = Sse.LoadVector128((float*)s2 + p), r3 = Sse.LoadVector128((float*)s3 + p);
                Vector128<float> t0 = Sse.UnpackLow(r0, r1), t1 = Sse.UnpackLow(r2, r3);
                Vector128<float> t2 = Sse.UnpackHigh(r0, r1), t3 = Sse.UnpackHigh(r2, r3);
                float* d = (float*)dst + (nint)p * width;
                Sse.Store(d, Sse.MoveLowToHigh(t0, t1));
                Sse.Store(d + width, Sse.MoveHighToLow(t1, t0));
                Sse.Store(d + 2 * width, Sse.MoveLowToHigh(t2, t3));
                Sse.Store(d + 3 * width, Sse.MoveHighToLow(t3, t2));
            }
        }
        else if (typeof(T) == typeof(double) && Avx.IsSupported)
        {
            for (; p + 4 <= steps; p += 4)
            {
                Vector256<double> r0 = Avx.LoadVector256((double*)s + p), r1 = Avx.LoadVector256((double*)s1 + p);
                Vector256<double> r2 = Avx.LoadVector256((double*)s2 + p), r3 = Avx.LoadVector256((double*)s3 + p);
                Vector256<double> t0 = Avx.UnpackLow(r0, r1), t1 = Avx.UnpackHigh(r0, r1);
                Vector256<double> t2 = Avx.UnpackLow(r2, r3), t3 = Avx.UnpackHigh(r2, r3);
                double* d = (double*)dst + (nint)p * width;
                Avx.Store(d, Avx.Permute2x128(t0, t2, 0x20));
                Avx.Store(d + width, Avx.Permute2x128(t1, t3, 0x20));
                Avx.Store(d + 2 * width, Avx.Permute2x128(t0, t2, 0x31));
                Avx.Store(d + 3 * width, Avx.Permute2x128(t1, t3, 0x31));
            }
        }
        for (; p < steps; p++)
        {
            T* d = dst + (nint)p * width;
            d[0] = s[p];
            d[1] = s1[p];
            d[2] = s2[p];
            d[3] = s3[p];
        }
    }

    /// <summary>Copies <paramref name="bytes"/> bytes (a whole number of 16-byte vectors when it can) from s to d.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void CopyVectors(T* s, T* d, int bytes)
    {
        byte* from = (byte*)s, to = (byte*)d;
        int i = 0;
        for (; i + 64 <= bytes && Vector512.IsHardwareAccelerated; i += 64)
            Vector512.Store(Vector512.Load(from + i), to + i);
        for (; i + 16 <= bytes; i += 16)
            Vector128.Store(Vector128.Load(from + i), to + i);
        for (; i < bytes; i++) to[i] = from[i];
    }
}
