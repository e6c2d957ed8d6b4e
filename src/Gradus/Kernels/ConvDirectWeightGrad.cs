using System.Buffers;
using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;

namespace Gradus.Kernels;

/// <summary>
/// The weight gradient of the direct convolution: gw[o, k] = Σₙ Σₜ gflat[n, o, t]·frame(xₙ)[offset[k] + t], where
/// gflat holds the output gradient in the frame's flat row layout with zeros in the dropped columns. Blocks of
/// <see cref="ImagesPerBlock"/> images accumulate in registers (<see cref="GB"/> channels x <see cref="TB"/> taps);
/// the blocks' sums are then added in order.
/// </summary>
internal static unsafe partial class ConvDirect<T, TV, TOps>
{
    /// <summary>Taps per weight-gradient register block.</summary>
    private const int TB = 5;

    /// <summary>Output channels per weight-gradient register block.</summary>
    private const int GB = 3;

    /// <summary>Images per partial sum: fixed, so the result does not depend on the thread count.</summary>
    private const int ImagesPerBlock = 16;

    /// <summary>gw = the weight gradient of conv2d for input x and output gradient g.</summary>
    public static void WeightGrad(T* x, T* g, in ConvShape s, T* gw)
    {
        var win = s.Window;
        var frame = ConvFrame.For(s.Cin, s.H, s.W, win.PadH, win.PadW, s.OH, s.OW, win.KernelW, win.DilationW, W);
        int[] offsets = frame.Offsets(s.CinG, win, TB);
        int blocks = (s.N + ImagesPerBlock - 1) / ImagesPerBlock, size = s.Cout * s.KG;
        var result = new Span<T>(gw, size);
        if (blocks == 0)
        {
            result.Clear();
            return;
        }
        var partials = ArrayPool<T>.Shared.Rent(blocks * size);
        fixed (int* off = offsets)
        fixed (T* part = partials)
        {
            long work = (long)ImagesPerBlock * s.Cout * offsets.Length * frame.Lfp;
            ParallelFor.Range(blocks, work, new GradBody(frame, x, g, off, offsets.Length, s, part));
            new ReadOnlySpan<T>(part, size).CopyTo(result);
            for (int b = 1; b < blocks; b++) TensorPrimitives.Add(result, new ReadOnlySpan<T>(part + (nint)b * size, size), result);
        }
        ArrayPool<T>.Shared.Return(partials);
    }

    private readonly struct GradBody(ConvFrame frame, T* x, T* g, int* off, int kp, ConvShape s, T* partials) : IRangeBody
    {
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Invoke(int start, int end)
        {
            int outP = RoundUp(s.CoutG, GB), lfp = frame.Lfp, v = W, coutG = s.CoutG, kg = s.KG;
            nint xImage = (nint)s.Cin * s.H * s.W, gImage = (nint)s.Cout * s.OH * s.OW, gLen = (nint)s.Groups * outP * lfp;
            T* frames = ConvScratch<T>.Frames((long)ImagesPerBlock * frame.Length);
            T* rows = ConvScratch<T>.Rows(ImagesPerBlock * gLen);
            T* sums = stackalloc T[GB * TB * v];
            for (int b = start; b < end; b++)
            {
                int n0 = b * ImagesPerBlock, count = Math.Min(ImagesPerBlock, s.N - n0);
                for (int i = 0; i < count; i++)
                {
                    frame.Fill(x + (n0 + i) * xImage, frames + (nint)i * frame.Length);
                    FlatRows(g + (n0 + i) * gImage, rows + i * gLen, s, frame, outP);
                }
                T* part = partials + (nint)b * s.Cout * kg;
                for (int gr = 0; gr < s.Groups; gr++)
                    for (int o = 0; o < outP; o += GB)
                        for (int k = 0; k < kp; k += TB)
                        {
                            GradBlock(frames + (nint)gr * s.CinG * frame.Plane, frame.Length, rows + (nint)(gr * outP + o) * lfp, gLen, count,
                                off + k, lfp, sums);
                            for (int c = 0; c < GB && o + c < coutG; c++)
                                for (int j = 0; j < TB && k + j < kg; j++)
                                    part[(nint)(gr * coutG + o + c) * kg + k + j] = Sum(sums + (c * TB + j) * v, v);
                        }
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static T Sum(T* lanes, int count)
        {
            T sum = T.Zero;
            for (int i = 0; i < count; i++) sum += lanes[i];
            return sum;
        }
    }

    /// <summary>One image's output gradient in the flat row layout of <paramref name="frame"/>: [G·outP, lfp], zeros outside the valid columns.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void FlatRows(T* grad, T* rows, in ConvShape s, in ConvFrame frame, int outP)
    {
        new Span<T>(rows, s.Groups * outP * frame.Lfp).Clear();
        int ow = s.OW;
        for (int gr = 0; gr < s.Groups; gr++)
            for (int o = 0; o < s.CoutG; o++)
            {
                T* src = grad + (nint)(gr * s.CoutG + o) * s.OH * ow;
                T* dst = rows + (nint)(gr * outP + o) * frame.Lfp;
                for (int h = 0; h < s.OH; h++, src += ow, dst += frame.Ws)
                    new ReadOnlySpan<T>(src, ow).CopyTo(new Span<T>(dst, ow));
            }
    }

    /// <summary>sums[c·TB + j] (vectors) = Σ over count images and all flat positions of g row c · frame at off[j].</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void GradBlock(T* x, nint xStride, T* g, nint gStride, int count, int* off, nint lfp, T* sums)
    {
        int v = W;
        TV a0 = TOps.Zero, a1 = TOps.Zero, a2 = TOps.Zero, a3 = TOps.Zero, a4 = TOps.Zero;
        TV b0 = TOps.Zero, b1 = TOps.Zero, b2 = TOps.Zero, b3 = TOps.Zero, b4 = TOps.Zero;
        TV c0 = TOps.Zero, c1 = TOps.Zero, c2 = TOps.Zero, c3 = TOps.Zero, c4 = TOps.Zero;
        for (int i = 0; i < count; i++, x += xStride, g += gStride)
        {
            T* x0 = x + off[0], x1 = x + off[1], x2 = x + off[2], x3 = x + off[3], x4 = x + off[4];
            T* g1 = g + lfp, g2 = g1 + lfp;
            for (nint t = 0; t < lfp; t += v)
            {
                TV u = TOps.Load(g + t), w = TOps.Load(g1 + t), z = TOps.Load(g2 + t), p;
                p = TOps.Load(x0 + t); a0 = TOps.Fma(u, p, a0); b0 = TOps.Fma(w, p, b0); c0 = TOps.Fma(z, p, c0);
                p = TOps.Load(x1 + t); a1 = TOps.Fma(u, p, a1); b1 = TOps.Fma(w, p, b1); c1 = TOps.Fma(z, p, c1);
                p = TOps.Load(x2 + t); a2 = TOps.Fma(u, p, a2); b2 = TOps.Fma(w, p, b2); c2 = TOps.Fma(z, p, c2);
                p = TOps.Load(x3 + t); a3 = TOps.Fma(u, p, a3); b3 = TOps.Fma(w, p, b3); c3 = TOps.Fma(z, p, c3);
                p = TOps.Load(x4 + t); a4 = TOps.Fma(u, p, a4); b4 = TOps.Fma(w, p, b4); c4 = TOps.Fma(z, p, c4);
            }
        }
        Store5(sums, v, a0, a1, a2, a3, a4);
        Store5(sums + TB * v, v, b0, b1, b2, b3, b4);
        Store5(sums + 2 * TB * v, v, c0, c1, c2, c3, c4);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store5(T* p, int v, TV a0, TV a1, TV a2, TV a3, TV a4)
    {
        Unsafe.WriteUnaligned(p, a0); Unsafe.WriteUnaligned(p + v, a1); Unsafe.WriteUnaligned(p + 2 * v, a2);
        Unsafe.WriteUnaligned(p + 3 * v, a3); Unsafe.WriteUnaligned(p + 4 * v, a4);
    }
}
