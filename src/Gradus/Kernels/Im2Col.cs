using System.Numerics;

namespace Gradus.Kernels;

/// <summary>
/// im2col and col2im on NCHW spans, as PyTorch's <c>F.unfold</c> and <c>F.fold</c>: the patches a convolution
/// multiplies become the columns of a matrix, so convolution is one GEMM. Planes (N·C) run in parallel.
/// </summary>
/// <remarks>
/// The columns of image b are a (C·kh·kw) x L matrix (L = outH·outW): row (c·kh + i)·kw + j holds the input value
/// under window element (i, j) of channel c for every window position, zero where it falls in the padding.
/// </remarks>
public static class Im2Col
{
    /// <summary>im2col: writes the (N, C·kh·kw, L) columns of an (N, C, H, W) input (<c>F.unfold</c>).</summary>
    public static void Unfold<T>(ReadOnlySpan<T> input, int batch, int channels, int height, int width, Window2d window, Span<T> columns)
        where T : unmanaged, INumber<T>
        => Run(true, input, batch, channels, height, width, window, columns, nameof(Unfold));

    /// <summary>
    /// col2im: adds (N, C·kh·kw, L) columns back into the (N, C, H, W) <paramref name="output"/>, summing overlaps
    /// (<c>F.fold</c> when <paramref name="output"/> starts at zero; the backward of <see cref="Unfold{T}"/>).
    /// </summary>
    public static void Fold<T>(ReadOnlySpan<T> columns, int batch, int channels, int height, int width, Window2d window, Span<T> output)
        where T : unmanaged, INumber<T>
        => Run(false, columns, batch, channels, height, width, window, output, nameof(Fold));

    /// <summary>Rows of the column matrix of one image: C·kh·kw.</summary>
    public static int ColumnRows(int channels, Window2d window) => channels * window.KernelH * window.KernelW;

    /// <summary>Columns of the column matrix of one image: outH·outW (the number of window positions; 0 when the window does not fit).</summary>
    public static int ColumnCount(int height, int width, Window2d window) => Math.Max(0, window.OutputH(height)) * Math.Max(0, window.OutputW(width));

    private static unsafe void Run<T>(bool unfold, ReadOnlySpan<T> source, int batch, int channels, int height, int width, Window2d window,
        Span<T> destination, string op) where T : unmanaged, INumber<T>
    {
        if (batch < 0 || channels < 0)
            throw new ArgumentException($"{op}: batch and channels must be non-negative, got {batch} and {channels}");
        window.Validate(op, batch * channels, height, width);
        long planes = (long)batch * channels;
        long image = planes * height * width;
        long cols = planes * window.KernelH * window.KernelW * ColumnCount(height, width, window);
        Window2d.CheckLength(op, unfold ? "input" : "columns", source.Length, unfold ? image : cols);
        Window2d.CheckLength(op, unfold ? "columns" : "output", destination.Length, unfold ? cols : image);
        if (planes == 0) return;
        fixed (T* src = source, dst = destination)
        {
            var body = new PlaneBody<T>(unfold, unfold ? src : dst, unfold ? dst : src, height, width, window);
            ParallelFor.Range((int)planes, (long)window.KernelH * window.KernelW * ColumnCount(height, width, window), body);
        }
    }

    private readonly unsafe struct PlaneBody<T>(bool unfold, T* image, T* columns, int h, int w, Window2d win) : IRangeBody
        where T : unmanaged, INumber<T>
    {
        public void Invoke(int start, int end)
        {
            int outH = win.OutputH(h), outW = win.OutputW(w);
            nint planeCols = (nint)win.KernelH * win.KernelW * outH * outW;
            for (int q = start; q < end; q++)
                Plane(image + (nint)q * h * w, columns + q * planeCols, outH, outW);
        }

        /// <summary>Unfolds (or folds back) one plane: one column row per window element (i, j).</summary>
        private void Plane(T* x, T* col, int outH, int outW)
        {
            for (int i = 0; i < win.KernelH; i++)
            {
                int offH = i * win.DilationH - win.PadH;
                for (int j = 0; j < win.KernelW; j++, col += (nint)outH * outW)
                {
                    int offW = j * win.DilationW - win.PadW;
                    // Window positions ow in [owLo, owHi) read an input column iw = ow·sW + offW inside [0, w).
                    int owLo = offW >= 0 ? 0 : Math.Min(outW, (-offW + win.StrideW - 1) / win.StrideW);
                    int owHi = w - 1 - offW < 0 ? 0 : Math.Min(outW, (w - 1 - offW) / win.StrideW + 1);
                    owHi = Math.Max(owHi, owLo);
                    for (int oh = 0; oh < outH; oh++)
                    {
                        int ih = oh * win.StrideH + offH;
                        T* row = col + (nint)oh * outW;
                        bool inside = ih >= 0 && ih < h;
                        if (unfold) UnfoldRow(inside ? x + (nint)ih * w + offW : null, row, owLo, owHi, outW);
                        else if (inside) FoldRow(x + (nint)ih * w + offW, row, owLo, owHi);
                    }
                }
            }
        }

        private void UnfoldRow(T* src, T* row, int owLo, int owHi, int outW)
        {
            if (src is null)
            {
                new Span<T>(row, outW).Clear();
                return;
            }
            new Span<T>(row, owLo).Clear();
            int sW = win.StrideW;
            if (sW == 1) new ReadOnlySpan<T>(src + owLo, owHi - owLo).CopyTo(new Span<T>(row + owLo, owHi - owLo));
            else for (int ow = owLo; ow < owHi; ow++) row[ow] = src[(nint)ow * sW];
            new Span<T>(row + owHi, outW - owHi).Clear();
        }

        private void FoldRow(T* dst, T* row, int owLo, int owHi)
        {
            int sW = win.StrideW;
            if (sW == 1)
            {
                var d = new Span<T>(dst + owLo, owHi - owLo);
                System.Numerics.Tensors.TensorPrimitives.Add<T>(d, new ReadOnlySpan<T>(row + owLo, owHi - owLo), d);
            }
            else for (int ow = owLo; ow < owHi; ow++) dst[(nint)ow * sW] += row[ow];
        }
    }
}
