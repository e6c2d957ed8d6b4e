namespace Gradus.NN;

/// <summary>The maximum of each window, as <c>nn.MaxPool2d</c> (stride defaults to the kernel size).</summary>
public sealed class MaxPool2d : Module
{
    private readonly Pair kernel, stride, padding, dilation;

    /// <summary>Square windows.</summary>
    public MaxPool2d(int kernelSize, int? stride = null, int padding = 0, int dilation = 1, bool ceilMode = false)
    {
        (kernel, this.stride, this.padding, this.dilation) = (Pair.Of(kernelSize), Pair.Of(stride ?? kernelSize), Pair.Of(padding), Pair.Of(dilation));
        CeilMode = ceilMode;
    }

    /// <summary>(height, width) windows.</summary>
    public MaxPool2d((int H, int W) kernelSize, (int H, int W)? stride = null, (int H, int W)? padding = null, (int H, int W)? dilation = null,
        bool ceilMode = false)
    {
        (kernel, this.stride, this.padding, this.dilation) =
            (Pair.Of(kernelSize), Pair.Of(stride ?? kernelSize), Pair.Of(padding ?? (0, 0)), Pair.Of(dilation ?? (1, 1)));
        CeilMode = ceilMode;
    }

    /// <summary>The window's (height, width).</summary>
    public (int H, int W) KernelSize => kernel.Tuple;

    /// <summary>The step between windows.</summary>
    public (int H, int W) Stride => stride.Tuple;

    /// <summary>The implicit −∞ padding on each side.</summary>
    public (int H, int W) Padding => padding.Tuple;

    /// <summary>The spacing between window elements.</summary>
    public (int H, int W) Dilation => dilation.Tuple;

    /// <summary>Whether the output size rounds up, keeping a last window that hangs over the end of the input.</summary>
    public bool CeilMode { get; }

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => F.MaxPool2d(input, KernelSize, Stride, Padding, Dilation, CeilMode);

    /// <inheritdoc/>
    public override string ExtraRepr() =>
        $"kernel_size={kernel}, stride={stride}, padding={padding}, dilation={dilation}, ceil_mode={PyRepr.Bool(CeilMode)}";
}

/// <summary>The mean of each window, as <c>nn.AvgPool2d</c> (stride defaults to the kernel size).</summary>
public sealed class AvgPool2d : Module
{
    private readonly Pair kernel, stride, padding;

    /// <summary>Square windows.</summary>
    public AvgPool2d(int kernelSize, int? stride = null, int padding = 0, bool ceilMode = false, bool countIncludePad = true,
        int? divisorOverride = null)
    {
        (kernel, this.stride, this.padding) = (Pair.Of(kernelSize), Pair.Of(stride ?? kernelSize), Pair.Of(padding));
        (CeilMode, CountIncludePad, DivisorOverride) = (ceilMode, countIncludePad, divisorOverride);
    }

    /// <summary>(height, width) windows.</summary>
    public AvgPool2d((int H, int W) kernelSize, (int H, int W)? stride = null, (int H, int W)? padding = null, bool ceilMode = false,
        bool countIncludePad = true, int? divisorOverride = null)
    {
        (kernel, this.stride, this.padding) = (Pair.Of(kernelSize), Pair.Of(stride ?? kernelSize), Pair.Of(padding ?? (0, 0)));
        (CeilMode, CountIncludePad, DivisorOverride) = (ceilMode, countIncludePad, divisorOverride);
    }

    /// <summary>The window's (height, width).</summary>
    public (int H, int W) KernelSize => kernel.Tuple;

    /// <summary>The step between windows.</summary>
    public (int H, int W) Stride => stride.Tuple;

    /// <summary>The implicit zero padding on each side.</summary>
    public (int H, int W) Padding => padding.Tuple;

    /// <summary>Whether the output size rounds up, keeping a last window that hangs over the end of the input.</summary>
    public bool CeilMode { get; }

    /// <summary>Whether the padding counts in each window's divisor.</summary>
    public bool CountIncludePad { get; }

    /// <summary>The divisor every window uses instead of its size, or null (checked non-zero at the forward, as PyTorch).</summary>
    public int? DivisorOverride { get; }

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => F.AvgPool2d(input, KernelSize, Stride, Padding, CeilMode, CountIncludePad, DivisorOverride);

    /// <inheritdoc/>
    /// <remarks>As PyTorch 1.13's, the printout leaves out ceil_mode, count_include_pad and divisor_override.</remarks>
    public override string ExtraRepr() => $"kernel_size={kernel}, stride={stride}, padding={padding}";
}

/// <summary>Average pooling to a fixed output size, as <c>nn.AdaptiveAvgPool2d</c>.</summary>
public sealed class AdaptiveAvgPool2d : Module
{
    private readonly Pair outputSize;

    /// <summary>A square output of <paramref name="outputSize"/>².</summary>
    public AdaptiveAvgPool2d(int outputSize) => this.outputSize = Pair.Of(outputSize);

    /// <summary>An output of (height, width).</summary>
    public AdaptiveAvgPool2d((int H, int W) outputSize) => this.outputSize = Pair.Of(outputSize);

    /// <summary>The output's (height, width).</summary>
    public (int H, int W) OutputSize => outputSize.Tuple;

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => F.AdaptiveAvgPool2d(input, OutputSize);

    /// <inheritdoc/>
    public override string ExtraRepr() => $"output_size={outputSize}";
}
