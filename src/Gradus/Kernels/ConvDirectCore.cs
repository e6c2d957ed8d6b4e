using System.Numerics;
using System.Runtime.CompilerServices;

namespace Gradus.Kernels;

/// <summary>
/// The direct convolution for one vector width (see <see cref="ConvDirect"/>): the forward as a flat-row
/// correlation, <see cref="CB"/> output channels x 4 vectors of positions per register block.
/// </summary>
internal static unsafe partial class ConvDirect<T, TV, TOps>
    where T : unmanaged, IFloatingPointIeee754<T>
    where TV : struct
    where TOps : struct, IGemmVectorOps<T, TV>
{
    /// <summary>Output channels per register block (their weights are packed side by side).</summary>
    private const int CB = 2;

    private static int W => TOps.Count;

    /// <summary>y = conv2d(x, w) + bias.</summary>
    public static void Forward(T* x, T* w, T* bias, in ConvShape s, T* y)
    {
        var win = s.Window;
        var frame = ConvFrame.For(s.Cin, s.H, s.W, win.PadH, win.PadW, s.OH, s.OW, win.KernelW, win.DilationW, W);
        int[] offsets = frame.Offsets(s.CinG, win, 1);
        int outP = RoundUp(s.CoutG, CB);
        // packed[g][block][k][c] = w[g·CoutG + block·CB + c, k]
        var packed = new T[s.Groups * outP * s.KG];
        for (int g = 0; g < s.Groups; g++)
            for (int o = 0; o < s.CoutG; o++)
                for (int k = 0; k < s.KG; k++)
                    packed[(g * outP + o / CB * CB) * s.KG + k * CB + o % CB] = w[(nint)(g * s.CoutG + o) * s.KG + k];
        Correlate(frame, x, offsets, packed, s.Groups, s.CoutG, bias, y, s.N);
    }

    /// <summary>dst[n, g·outC + o] = Σₖ packed weights · frame(src[n]) for every image, plus bias[o] when given.</summary>
    private static void Correlate(in ConvFrame frame, T* src, int[] offsets, T[] packed, int groups, int outC, T* bias, T* dst, int n)
    {
        fixed (int* off = offsets)
        fixed (T* wp = packed)
        {
            var body = new CorrelateBody(frame, src, off, offsets.Length, wp, groups, outC, bias, dst);
            ParallelFor.Range(n, (long)groups * RoundUp(outC, CB) * frame.Lfp * offsets.Length, body);
        }
    }

    private readonly struct CorrelateBody(ConvFrame frame, T* src, int* off, int k, T* packed, int groups, int outC, T* bias, T* dst) : IRangeBody
    {
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Invoke(int start, int end)
        {
            int outP = RoundUp(outC, CB), inC = frame.Channels / groups, lfp = frame.Lfp;
            nint srcImage = (nint)frame.Channels * frame.SrcH * frame.SrcW, outPlane = (nint)frame.OutH * frame.OutW;
            T* fr = ConvScratch<T>.Frames(frame.Length);
            T* rows = ConvScratch<T>.Rows((long)groups * outP * lfp);
            for (int n = start; n < end; n++)
            {
                frame.Fill(src + n * srcImage, fr);
                for (int g = 0; g < groups; g++)
                    for (int b = 0; b < outP; b += CB)
                        Rows(fr + (nint)g * inC * frame.Plane, off, k, packed + (nint)(g * outP + b) * k, rows + (nint)(g * outP + b) * lfp, lfp, lfp, false);
                T* image = dst + n * groups * outC * outPlane;
                for (int g = 0; g < groups; g++)
                    for (int o = 0; o < outC; o++)
                        Compact(rows + (nint)(g * outP + o) * lfp, bias is null ? T.Zero : bias[g * outC + o], image + (g * outC + o) * outPlane);
            }
        }

        /// <summary>Copies the valid columns of one flat output row set into an outH x outW plane, adding <paramref name="b"/>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void Compact(T* row, T b, T* plane)
        {
            int ow = frame.OutW;
            for (int h = 0; h < frame.OutH; h++, row += frame.Ws, plane += ow)
            {
                var from = new ReadOnlySpan<T>(row, ow);
                var to = new Span<T>(plane, ow);
                if (b == T.Zero) from.CopyTo(to);
                else System.Numerics.Tensors.TensorPrimitives.Add(from, b, to);
            }
        }
    }

    /// <summary>
    /// CB flat output rows (<paramref name="rowStride"/> apart) of lfp positions from one frame: whole blocks of 4 vectors,
    /// then single vectors; written, or added to what is there when <paramref name="accumulate"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Rows(T* frame, int* off, int k, T* w, T* rows, int lfp, nint rowStride, bool accumulate)
    {
        int step = 4 * W, t = 0;
        for (; t + step <= lfp; t += step) Block4(frame + t, off, k, w, rows + t, rowStride, accumulate);
        for (; t < lfp; t += W) Block1(frame + t, off, k, w, rows + t, rowStride, accumulate);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Block4(T* frame, int* off, int k, T* w, T* rows, nint rowStride, bool accumulate)
    {
        int v = W;
        TV a0 = TOps.Zero, a1 = TOps.Zero, a2 = TOps.Zero, a3 = TOps.Zero, b0 = TOps.Zero, b1 = TOps.Zero, b2 = TOps.Zero, b3 = TOps.Zero;
        for (int p = 0; p < k; p++, w += CB)
        {
            T* s = frame + off[p];
            TV x0 = TOps.Load(s), x1 = TOps.Load(s + v), x2 = TOps.Load(s + 2 * v), x3 = TOps.Load(s + 3 * v);
            TV w0 = TOps.Broadcast(w[0]), w1 = TOps.Broadcast(w[1]);
            a0 = TOps.Fma(w0, x0, a0); a1 = TOps.Fma(w0, x1, a1); a2 = TOps.Fma(w0, x2, a2); a3 = TOps.Fma(w0, x3, a3);
            b0 = TOps.Fma(w1, x0, b0); b1 = TOps.Fma(w1, x1, b1); b2 = TOps.Fma(w1, x2, b2); b3 = TOps.Fma(w1, x3, b3);
        }
        T* r = rows + rowStride;
        Put(rows, a0, accumulate); Put(rows + v, a1, accumulate); Put(rows + 2 * v, a2, accumulate); Put(rows + 3 * v, a3, accumulate);
        Put(r, b0, accumulate); Put(r + v, b1, accumulate); Put(r + 2 * v, b2, accumulate); Put(r + 3 * v, b3, accumulate);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Block1(T* frame, int* off, int k, T* w, T* rows, nint rowStride, bool accumulate)
    {
        TV a0 = TOps.Zero, b0 = TOps.Zero;
        for (int p = 0; p < k; p++, w += CB)
        {
            TV x0 = TOps.Load(frame + off[p]);
            a0 = TOps.Fma(TOps.Broadcast(w[0]), x0, a0);
            b0 = TOps.Fma(TOps.Broadcast(w[1]), x0, b0);
        }
        Put(rows, a0, accumulate);
        Put(rows + rowStride, b0, accumulate);
    }

    /// <summary>*p = v, or *p += v.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Put(T* p, TV v, bool accumulate) =>
        Unsafe.WriteUnaligned(p, accumulate ? TOps.Fma(TOps.Broadcast(T.One), v, TOps.Load(p)) : v);

    private static int RoundUp(int value, int multiple) => (value + multiple - 1) / multiple * multiple;
}
