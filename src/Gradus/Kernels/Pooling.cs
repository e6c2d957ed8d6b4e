using System.Numerics;

namespace Gradus.Kernels;

/// <summary>
/// 2-D pooling on NCHW spans of <c>planes</c> = N·C planes of height x width, as PyTorch's <c>F.max_pool2d</c>,
/// <c>F.avg_pool2d</c> and <c>F.adaptive_avg_pool2d</c> (ceil_mode as the window says), forward and backward. Planes run in parallel.
/// Backward methods overwrite <c>gradInput</c>.
/// </summary>
public static class Pooling
{
    /// <summary>
    /// Max pooling: <paramref name="output"/> gets each window's maximum and <paramref name="indices"/> its flat
    /// h·width + w position in the plane (<c>F.max_pool2d(..., return_indices=True)</c>; padding counts as -inf, NaN wins).
    /// </summary>
    public static unsafe void MaxPool2d<T>(ReadOnlySpan<T> input, int planes, int height, int width, Window2d window, Span<T> output, Span<long> indices)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckMax("max_pool2d", input.Length, planes, height, width, window, output.Length, indices.Length);
        fixed (T* x = input, y = output)
        fixed (long* i = indices)
            PoolingMax<T>.Forward(x, planes, height, width, window, y, i);
    }

    /// <summary>Backward of max pooling : routes each output gradient to the input position in <paramref name="indices"/>.</summary>
    public static unsafe void MaxPool2dBackward<T>(ReadOnlySpan<T> gradOutput, ReadOnlySpan<long> indices, int planes, int height, int width,
        Window2d window, Span<T> gradInput)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        CheckMax("max_pool2d_backward", gradInput.Length, planes, height, width, window, gradOutput.Length, indices.Length);
        fixed (T* gy = gradOutput, gx = gradInput)
        fixed (long* i = indices)
            PoolingMax<T>.Backward(gy, i, planes, height, width, window, gx);
    }

    /// <summary>
    /// Average pooling  (<c>F.avg_pool2d</c>): each output is its window's sum divided by the window area, padding
    /// included when <paramref name="countIncludePad"/> (PyTorch's default), else by the count of real elements.
    /// </summary>
    public static unsafe void AvgPool2d<T>(ReadOnlySpan<T> input, int planes, int height, int width, Window2d window, Span<T> output,
        bool countIncludePad = true, int? divisorOverride = null)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var shape = AvgShape<T>("avg_pool2d", input.Length, planes, height, width, window, output.Length, countIncludePad, divisorOverride);
        fixed (T* x = input, y = output)
            PoolingAvg<T>.Forward(x, planes, shape, y);
    }

    /// <summary>Backward of average pooling : each output gradient is shared evenly by its window.</summary>
    public static unsafe void AvgPool2dBackward<T>(ReadOnlySpan<T> gradOutput, int planes, int height, int width, Window2d window,
        Span<T> gradInput, bool countIncludePad = true, int? divisorOverride = null)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var shape = AvgShape<T>("avg_pool2d_backward", gradInput.Length, planes, height, width, window, gradOutput.Length, countIncludePad,
            divisorOverride);
        fixed (T* gy = gradOutput, gx = gradInput)
            PoolingAvg<T>.Backward(gy, planes, shape, gx);
    }

    /// <summary>
    /// Adaptive average pooling  to outputH x outputW (<c>F.adaptive_avg_pool2d</c>): output (i, j) averages rows
    /// floor(i·H/outH) to ceil((i+1)·H/outH) and the matching columns.
    /// </summary>
    public static unsafe void AdaptiveAvgPool2d<T>(ReadOnlySpan<T> input, int planes, int height, int width, int outputH, int outputW,
        Span<T> output)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var shape = AdaptiveShape<T>("adaptive_avg_pool2d", input.Length, planes, height, width, outputH, outputW, output.Length);
        fixed (T* x = input, y = output)
            PoolingAvg<T>.Forward(x, planes, shape, y);
    }

    /// <summary>Backward of adaptive average pooling : each output gradient is shared evenly by its window.</summary>
    public static unsafe void AdaptiveAvgPool2dBackward<T>(ReadOnlySpan<T> gradOutput, int planes, int height, int width, int outputH,
        int outputW, Span<T> gradInput)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var shape = AdaptiveShape<T>("adaptive_avg_pool2d_backward", gradInput.Length, planes, height, width, outputH, outputW, gradOutput.Length);
        fixed (T* gy = gradOutput, gx = gradInput)
            PoolingAvg<T>.Backward(gy, planes, shape, gx);
    }

    private static void CheckMax(string op, int imageLength, int planes, int height, int width, Window2d window, int pooledLength, int indicesLength)
    {
        window.Validate(op, planes, height, width, ceilModeAllowed: true);
        CheckHalfKernel(op, window.PadH, (window.KernelH - 1) * window.DilationH + 1, window.KernelH, window.DilationH);
        CheckHalfKernel(op, window.PadW, (window.KernelW - 1) * window.DilationW + 1, window.KernelW, window.DilationW);
        long pooled = (long)planes * window.OutputH(height) * window.OutputW(width);
        CheckLengths(op, imageLength, (long)planes * height * width, pooledLength, pooled);
        Window2d.CheckLength(op, "indices", indicesLength, pooled);
    }

    private static PoolingAvg<T>.Shape AvgShape<T>(string op, int imageLength, int planes, int height, int width, Window2d window,
        int pooledLength, bool countIncludePad, int? divisorOverride) where T : unmanaged, IFloatingPointIeee754<T>
    {
        window.Validate(op, planes, height, width, ceilModeAllowed: true);
        if (divisorOverride == 0) throw new ArgumentException("divisor must be not zero");
        if (window.DilationH != 1 || window.DilationW != 1)
            throw new ArgumentException($"{op}: dilation is not supported by average pooling, got dilation=({window.DilationH}, {window.DilationW})");
        CheckHalfKernel(op, window.PadH, window.KernelH, window.KernelH, 1);
        CheckHalfKernel(op, window.PadW, window.KernelW, window.KernelW, 1);
        int outH = window.OutputH(height), outW = window.OutputW(width);
        CheckLengths(op, imageLength, (long)planes * height * width, pooledLength, (long)planes * outH * outW);
        return new PoolingAvg<T>.Shape(height, width, outH, outW, window, countIncludePad, divisorOverride);
    }

    private static PoolingAvg<T>.Shape AdaptiveShape<T>(string op, int imageLength, int planes, int height, int width, int outputH,
        int outputW, int pooledLength) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (planes < 0 || height <= 0 || width <= 0)
            throw new ArgumentException($"{op}: expected a non-empty input, but got {planes} planes of {height}x{width}");
        if (outputH <= 0 || outputW <= 0)
            throw new ArgumentException($"{op}: output_size must be positive, but got ({outputH}, {outputW})");
        CheckLengths(op, imageLength, (long)planes * height * width, pooledLength, (long)planes * outputH * outputW);
        return new PoolingAvg<T>.Shape(height, width, outputH, outputW, null, countIncludePad: true);
    }

    private static void CheckLengths(string op, int imageLength, long image, int pooledLength, long pooled)
    {
        bool backward = op.EndsWith("backward", StringComparison.Ordinal);
        Window2d.CheckLength(op, backward ? "gradInput" : "input", imageLength, image);
        Window2d.CheckLength(op, backward ? "gradOutput" : "output", pooledLength, pooled);
    }

    private static void CheckHalfKernel(string op, int pad, int effectiveKernel, int kernel, int dilation)
    {
        if (pad > effectiveKernel / 2)
            throw new ArgumentException(
                $"{op}: pad should be at most half of effective kernel size, but got pad={pad}, kernel_size={kernel} and dilation={dilation}");
    }
}
