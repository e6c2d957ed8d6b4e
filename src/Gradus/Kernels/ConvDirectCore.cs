using System.Numerics;
using System.Runtime.CompilerServices;

namespace Gradus.Kernels;

/// <summary>
/// The direct convolution for one vector width (see <see cref="ConvDirect"/>): forward and input gradient as one
/// flat-row correlation, <see cref="CB"/> output channels x 4 vectors of positions per register block.
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
        int[] offsets = frame.Offsets(s.CinG, win, 1, flipped: false);
        int outP = RoundUp(s.CoutG, CB);
        // packed[g][block][k][c] = w[g·CoutG + block·CB + c, k]
        var packed = new T[s.Groups * outP * s.KG];
        for (int g = 0; g < s.Groups; g++)
            for (int o = 0; o < s.CoutG; o++)
                for (int k = 0; k < s.KG; k++)
                    packed[(g * outP + o / CB * CB) * s.KG + k * CB + o % CB] = w[(nint)(g * s.CoutG + o) * s.KG + k];
        Correlate(frame, x, offsets, packed, s.Groups, s.CoutG, bias, y, s.N);
    }

    /// <summary>gx = the transposed convolution of g: a stride-1 correlation of g, padded by dilation·(kernel − 1) − padding, with the flipped weights.</summary>
    public static void InputGrad(T* g, T* w, in ConvShape s, T* gx)
    {
        var win = s.Window;
        int padH = (win.KernelH - 1) * win.DilationH - win.PadH, padW = (win.KernelW - 1) * win.DilationW - win.PadW;
        var frame = ConvFrame.For(s.Cout, s.OH, s.OW, padH, padW, s.H, s.W, win.KernelW, win.DilationW, W);
        int[] offsets = frame.Offsets(s.CoutG, win, 1, flipped: true);
        int taps = win.KernelH * win.KernelW, k = s.CoutG * taps, outP = RoundUp(s.CinG, CB);
        // packed[g][block][(co, i, j)][c] = w[g·CoutG + co, block·CB + c, i, j]
        var packed = new T[s.Groups * outP * k];
        for (int gr = 0; gr < s.Groups; gr++)
            for (int ci = 0; ci < s.CinG; ci++)
                for (int p = 0; p < k; p++)
                    packed[(gr * outP + ci / CB * CB) * k + p * CB + ci % CB] = w[(nint)(gr * s.CoutG + p / taps) * s.KG + ci * taps + p % taps];
        Correlate(frame, g, offsets, packed, s.Groups, s.CinG, null, gx, s.N);
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
                        Rows(fr + (nint)g * inC * frame.Plane, off, k, packed + (nint)(g * outP + b) * k, rows + (nint)(g * outP + b) * lfp, lfp);
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

    /// <summary>CB flat output rows (row stride lfp) from one frame: whole blocks of 4 vectors, then single vectors.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Rows(T* frame, int* off, int k, T* w, T* rows, int lfp)
    {
        int step = 4 * W, t = 0;
        for (; t + step <= lfp; t += step) Block4(frame + t, off, k, w, rows + t, lfp);
        for (; t < lfp; t += W) Block1(frame + t, off, k, w, rows + t, lfp);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Block4(T* frame, int* off, int k, T* w, T* rows, nint lfp)
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
        Unsafe.WriteUnaligned(rows, a0); Unsafe.WriteUnaligned(rows + v, a1);
        Unsafe.WriteUnaligned(rows + 2 * v, a2); Unsafe.WriteUnaligned(rows + 3 * v, a3);
        T* r = rows + lfp;
        Unsafe.WriteUnaligned(r, b0); Unsafe.WriteUnaligned(r + v, b1);
        Unsafe.WriteUnaligned(r + 2 * v, b2); Unsafe.WriteUnaligned(r + 3 * v, b3);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Block1(T* frame, int* off, int k, T* w, T* rows, nint lfp)
    {
        TV a0 = TOps.Zero, b0 = TOps.Zero;
        for (int p = 0; p < k; p++, w += CB)
        {
            TV x0 = TOps.Load(frame + off[p]);
            a0 = TOps.Fma(TOps.Broadcast(w[0]), x0, a0);
            b0 = TOps.Fma(TOps.Broadcast(w[1]), x0, b0);
        }
        Unsafe.WriteUnaligned(rows, a0);
        Unsafe.WriteUnaligned(rows + lfp, b0);
    }

    private static int RoundUp(int value, int multiple) => (value + multiple - 1) / multiple * multiple;
}
