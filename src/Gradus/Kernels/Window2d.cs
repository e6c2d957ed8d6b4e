namespace Gradus.Kernels;

/// <summary>
/// A 2-D sliding window over NCHW planes, as the <c>kernel_size</c>, <c>stride</c>, <c>padding</c> and
/// <c>dilation</c> arguments of PyTorch's <c>F.unfold</c>, <c>F.conv2d</c> and <c>F.max_pool2d</c>, and pooling's
/// <c>ceil_mode</c>.
/// </summary>
public readonly record struct Window2d
{
    /// <summary>Creates a window; stride defaults to 1, padding to 0 and dilation to 1 in both directions.</summary>
    public Window2d(int kernelH, int kernelW, int strideH = 1, int strideW = 1, int padH = 0, int padW = 0, int dilationH = 1, int dilationW = 1)
    {
        KernelH = kernelH; KernelW = kernelW; StrideH = strideH; StrideW = strideW;
        PadH = padH; PadW = padW; DilationH = dilationH; DilationW = dilationW;
    }

    /// <summary>Window height (<c>kernel_size[0]</c>).</summary>
    public int KernelH { get; init; }
    /// <summary>Window width (<c>kernel_size[1]</c>).</summary>
    public int KernelW { get; init; }
    /// <summary>Vertical step between windows (<c>stride[0]</c>).</summary>
    public int StrideH { get; init; }
    /// <summary>Horizontal step between windows (<c>stride[1]</c>).</summary>
    public int StrideW { get; init; }
    /// <summary>Implicit rows added above and below (<c>padding[0]</c>).</summary>
    public int PadH { get; init; }
    /// <summary>Implicit columns added left and right (<c>padding[1]</c>).</summary>
    public int PadW { get; init; }
    /// <summary>Vertical spacing of window elements (<c>dilation[0]</c>).</summary>
    public int DilationH { get; init; }
    /// <summary>Horizontal spacing of window elements (<c>dilation[1]</c>).</summary>
    public int DilationW { get; init; }

    /// <summary>
    /// Whether output sizes round up (pooling's <c>ceil_mode=True</c>): a last window may hang over the end of the
    /// input, but it must start inside the input or its left padding. Convolution and unfold kernels reject it.
    /// </summary>
    public bool CeilMode { get; init; }

    /// <summary>Output height for an input of height <paramref name="inputH"/>: floor((H + 2p - d(k-1) - 1) / s) + 1 (ceil in <see cref="CeilMode"/>).</summary>
    public int OutputH(int inputH) => OutputSize(inputH, KernelH, StrideH, PadH, DilationH, CeilMode);

    /// <summary>Output width for an input of width <paramref name="inputW"/>: floor((W + 2p - d(k-1) - 1) / s) + 1 (ceil in <see cref="CeilMode"/>).</summary>
    public int OutputW(int inputW) => OutputSize(inputW, KernelW, StrideW, PadW, DilationW, CeilMode);

    // PyTorch's pooling_output_shape: in ceil mode a window that would start past the input and its left padding is dropped.
    private static int OutputSize(int input, int kernel, int stride, int pad, int dilation, bool ceil)
    {
        // Floor division, so a window larger than the padded input gives PyTorch's (negative) size in the error.
        long span = (long)input + 2L * pad - (long)dilation * (kernel - 1) - 1 + (ceil ? stride - 1 : 0);
        long size = (span >= 0 ? span / stride : -((-span + stride - 1) / stride)) + 1;
        if (ceil && (size - 1) * stride >= (long)input + pad) size--;
        return (int)size;
    }

    /// <summary>
    /// Throws when the window is malformed or leaves no output for an h x w input, naming <paramref name="op"/>;
    /// <see cref="CeilMode"/> only where <paramref name="ceilModeAllowed"/> (pooling).
    /// </summary>
    internal void Validate(string op, int planes, int h, int w, bool ceilModeAllowed = false)
    {
        if (CeilMode && !ceilModeAllowed)
            throw new ArgumentException($"{op}: ceil_mode is only supported by pooling windows");
        if (KernelH <= 0 || KernelW <= 0)
            throw new ArgumentException($"{op}: kernel size should be greater than zero, but got kernel_size=({KernelH}, {KernelW})");
        if (StrideH <= 0 || StrideW <= 0)
            throw new ArgumentException($"{op}: stride should be greater than zero, but got stride=({StrideH}, {StrideW})");
        if (DilationH <= 0 || DilationW <= 0)
            throw new ArgumentException($"{op}: dilation should be greater than zero, but got dilation=({DilationH}, {DilationW})");
        if (PadH < 0 || PadW < 0)
            throw new ArgumentException($"{op}: padding should be non-negative, but got padding=({PadH}, {PadW})");
        if (planes < 0 || h <= 0 || w <= 0)
            throw new ArgumentException($"{op}: expected a non-empty input, but got {planes} planes of {h}x{w}");
        if (OutputH(h) < 1 || OutputW(w) < 1)
            throw new ArgumentException(
                $"{op}: Given input size: ({h}x{w}). Calculated output size: ({OutputH(h)}x{OutputW(w)}). Output size is too small");
    }

    /// <summary>Throws when a span named <paramref name="name"/> holds fewer than <paramref name="needed"/> elements.</summary>
    internal static void CheckLength(string op, string name, int actual, long needed)
    {
        if (actual < needed)
            throw new ArgumentException($"{op}: {name} needs {needed} elements but the span has {actual}", name);
    }
}
