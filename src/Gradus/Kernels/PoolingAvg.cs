using System.Numerics;

namespace Gradus.Kernels;

/// <summary>
/// Average pooling over NCHW planes, forward and backward: fixed windows (PyTorch's <c>avg_pool2d</c>, either
/// ceil_mode) and adaptive windows (<c>adaptive_avg_pool2d</c>), with PyTorch's CPU window and divisor formulas.
/// </summary>
internal static unsafe class PoolingAvg<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>The window shape: fixed (<see cref="Window2d"/>) or adaptive (output size given).</summary>
    public readonly struct Shape(int h, int w, int outH, int outW, Window2d? window, bool countIncludePad, int? divisorOverride = null)
    {
        /// <summary>Input height.</summary>
        public int H => h;
        /// <summary>Input width.</summary>
        public int W => w;
        /// <summary>Output height.</summary>
        public int OutH => outH;
        /// <summary>Output width.</summary>
        public int OutW => outW;

        /// <summary>Rows [h0, h1) of the input under output row <paramref name="o"/>, and the divisor's row count.</summary>
        public (int Start, int End, int Count) Rows(int o) => window is { } win
            ? Fixed(o, win.KernelH, win.StrideH, win.PadH, h)
            : (Start(o, outH, h), End(o, outH, h), End(o, outH, h) - Start(o, outH, h));

        /// <summary>Columns [w0, w1) of the input under output column <paramref name="o"/>, and the divisor's column count.</summary>
        public (int Start, int End, int Count) Cols(int o) => window is { } win
            ? Fixed(o, win.KernelW, win.StrideW, win.PadW, w)
            : (Start(o, outW, w), End(o, outW, w), End(o, outW, w) - Start(o, outW, w));

        /// <summary>Whether the divisor is one product (fixed windows) or two divisions (adaptive windows, as PyTorch).</summary>
        public bool Adaptive => window is null;

        /// <summary>The divisor every fixed window uses instead of its size (<c>divisor_override</c>), or null.</summary>
        public int? DivisorOverride => divisorOverride;

        private (int, int, int) Fixed(int o, int kernel, int stride, int pad, int size)
        {
            int start = o * stride - pad;
            int end = Math.Min(start + kernel, size + pad);
            int padded = end - start;
            start = Math.Max(start, 0);
            end = Math.Min(end, size);
            return (start, end, countIncludePad ? padded : end - start);
        }

        // PyTorch's adaptive pooling bounds: start = floor(o·in/out), end = ceil((o+1)·in/out).
        private static int Start(int o, int output, int input) => (int)((long)o / output * input + (long)o % output * input / output);

        private static int End(int o, int output, int input) => (int)(1 + ((long)(o + 1) * input - 1) / output);
    }

    /// <summary>Each output is the mean of its window (zero for a window wholly in the padding).</summary>
    public static void Forward(T* input, int planes, Shape shape, T* output) =>
        ParallelFor.Range(planes, WorkPerPlane(shape), new Body(false, input, output, shape));

    /// <summary>gradInput = 0, then every gradOutput is spread evenly (by the same divisor) over its window.</summary>
    public static void Backward(T* gradOutput, int planes, Shape shape, T* gradInput) =>
        ParallelFor.Range(planes, WorkPerPlane(shape), new Body(true, gradInput, gradOutput, shape));

    private static long WorkPerPlane(Shape s)
    {
        long windowArea = Math.Max(1, (long)((s.H + s.OutH - 1) / s.OutH + 1) * ((s.W + s.OutW - 1) / s.OutW + 1));
        return (long)s.OutH * s.OutW * windowArea + (long)s.H * s.W;
    }

    private readonly struct Body(bool backward, T* image, T* pooled, Shape s) : IRangeBody
    {
        public void Invoke(int start, int end)
        {
            nint plane = (nint)s.H * s.W, outPlane = (nint)s.OutH * s.OutW;
            for (int q = start; q < end; q++)
            {
                T* x = image + q * plane, y = pooled + q * outPlane;
                if (backward) new Span<T>(x, (int)plane).Clear();
                for (int oh = 0; oh < s.OutH; oh++)
                {
                    var (h0, h1, kh) = s.Rows(oh);
                    for (int ow = 0; ow < s.OutW; ow++, y++)
                    {
                        var (w0, w1, kw) = s.Cols(ow);
                        if (backward) Spread(x, *y, h0, h1, w0, w1, kh, kw);
                        else *y = Mean(x, h0, h1, w0, w1, kh, kw);
                    }
                }
            }
        }

        private T Mean(T* x, int h0, int h1, int w0, int w1, int kh, int kw)
        {
            if (h0 >= h1 || w0 >= w1) return T.Zero;
            T sum = T.Zero;
            for (int ih = h0; ih < h1; ih++)
                for (int iw = w0; iw < w1; iw++)
                    sum += x[(nint)ih * s.W + iw];
            return Divide(sum, kh, kw);
        }

        private void Spread(T* x, T grad, int h0, int h1, int w0, int w1, int kh, int kw)
        {
            T share = Divide(grad, kh, kw);
            for (int ih = h0; ih < h1; ih++)
                for (int iw = w0; iw < w1; iw++)
                    x[(nint)ih * s.W + iw] += share;
        }

        private T Divide(T value, int kh, int kw) =>
            s.DivisorOverride is { } d ? value / T.CreateTruncating(d)
            : s.Adaptive ? value / T.CreateTruncating(kh) / T.CreateTruncating(kw) : value / T.CreateTruncating(kh * kw);
    }
}
