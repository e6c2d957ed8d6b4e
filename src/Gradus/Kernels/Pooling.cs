using System.Numerics;

namespace Gradus.Kernels;

/// <summary>
/// 2-D pooling on NCHW spans of <c>planes</c> = N·C planes of height x width, as PyTorch's <c>F.max_pool2d</c>,
/// <c>F.avg_pool2d</c> and <c>F.adaptive_avg_pool2d</c> (ceil_mode false), forward and backward. Planes run in parallel.
/// Backward methods overwrite <c>gradInput</c>.
/// </summary>
public static class Pooling
{
    /// <summary>
    /// Max pooling of floats: <paramref name="output"/> gets each window's maximum and <paramref name="indices"/> its flat
    /// h·width + w position in the plane (<c>F.max_pool2d(..., return_indices=True)</c>; padding counts as -inf, NaN wins).
    /// </summary>
    public static unsafe void MaxPool2d(ReadOnlySpan<float> input, int planes, int height, int width, Window2d window, Span<float> output, Span<long> indices)
    {
        CheckMax("max_pool2d", input.Length, planes, height, width, window, output.Length, indices.Length);
        fixed (float* x = input, y = output)
        fixed (long* i = indices)
            PoolingMax<float>.Forward(x, planes, height, width, window, y, i);
    }

    /// <summary>Backward of max pooling of floats: routes each output gradient to the input position in <paramref name="indices"/>.</summary>
    public static unsafe void MaxPool2dBackward(ReadOnlySpan<float> gradOutput, ReadOnlySpan<long> indices, int planes, int height, int width,
        Window2d window, Span<float> gradInput)
    {
        CheckMax("max_pool2d_backward", gradInput.Length, planes, height, width, window, gradOutput.Length, indices.Length);
        fixed (float* gy = gradOutput, gx = gradInput)
        fixed (long* i = indices)
            PoolingMax<float>.Backward(gy, i, planes, height, width, window, gx);
    }

    /// <summary>
    /// Average pooling of floats (<c>F.avg_pool2d</c>): each output is its window's sum divided by the window area, padding
    /// included when <paramref name="countIncludePad"/> (PyTorch's default), else by the count of real elements.
    /// </summary>
    public static unsafe void AvgPool2d(ReadOnlySpan<float> input, int planes, int height, int width, Window2d window, Span<float> output,
        bool countIncludePad = true)
    {
        var shape = AvgShape<float>("avg_pool2d", input.Length, planes, height, width, window, output.Length, countIncludePad);
        fixed (float* x = input, y = output)
            PoolingAvg<float>.Forward(x, planes, shape, y);
    }

    /// <summary>Backward of average pooling of floats: each output gradient is shared evenly by its window.</summary>
    public static unsafe void AvgPool2dBackward(ReadOnlySpan<float> gradOutput, int planes, int height, int width, Window2d window,
        Span<float> gradInput, bool countIncludePad = true)
    {
        var shape = AvgShape<float>("avg_pool2d_backward", gradInput.Length, planes, height, width, window, gradOutput.Length, countIncludePad);
        fixed (float* gy = gradOutput, gx = gradInput)
            PoolingAvg<float>.Backward(gy, planes, shape, gx);
    }

    /// <summary>
    /// Adaptive average pooling of floats to outputH x outputW (<c>F.adaptive_avg_pool2d</c>): output (i, j) averages rows
    /// floor(i·H/outH) to ceil((i+1)·H/outH) and the matching columns.
    /// </summary>
    public static unsafe void AdaptiveAvgPool2d(ReadOnlySpan<float> input, int planes, int height, int width, int outputH, int outputW,
        Span<float> output)
    {
        var shape = AdaptiveShape<float>("adaptive_avg_pool2d", input.Length, planes, height, width, outputH, outputW, output.Length);
        fixed (float* x = input, y = output)
            PoolingAvg<float>.Forward(x, planes, shape, y);
    }

    /// <summary>Backward of adaptive average pooling of floats: each output gradient is shared evenly by its window.</summary>
    public static unsafe void AdaptiveAvgPool2dBackward(ReadOnlySpan<float> gradOutput, int planes, int height, int width, int outputH,
        int outputW, Span<float> gradInput)
    {
        var shape = AdaptiveShape<float>("adaptive_avg_pool2d_backward", gradInput.Length, planes, height, width, outputH, outputW, gradOutput.Length);
        fixed (float* gy = gradOutput, gx = gradInput)
            PoolingAvg<float>.Backward(gy, planes, shape, gx);
    }

    /// <summary>
    /// Max pooling of doubles: <paramref name="output"/> gets each window's maximum and <paramref name="indices"/> its flat
    /// h·width + w position in the plane (<c>F.max_pool2d(..., return_indices=True)</c>; padding counts as -inf, NaN wins).
    /// </summary>
    public static unsafe void MaxPool2d(ReadOnlySpan<double> input, int planes, int height, int width, Window2d window, Span<double> output, Span<long> indices)
    {
        CheckMax("max_pool2d", input.Length, planes, height, width, window, output.Length, indices.Length);
        fixed (double* x = input, y = output)
        fixed (long* i = indices)
            PoolingMax<double>.Forward(x, planes, height, width, window, y, i);
    }

    /// <summary>Backward of max pooling of doubles: routes each output gradient to the input position in <paramref name="indices"/>.</summary>
    public static unsafe void MaxPool2dBackward(ReadOnlySpan<double> gradOutput, ReadOnlySpan<long> indices, int planes, int height, int width,
        Window2d window, Span<double> gradInput)
    {
        CheckMax("max_pool2d_backward", gradInput.Length, planes, height, width, window, gradOutput.Length, indices.Length);
        fixed (double* gy = gradOutput, gx = gradInput)
        fixed (long* i = indices)
            PoolingMax<double>.Backward(gy, i, planes, height, width, window, gx);
    }

    /// <summary>
    /// Average pooling of doubles (<c>F.avg_pool2d</c>): each output is its window's sum divided by the window area, padding
    /// included when <paramref name="countIncludePad"/> (PyTorch's default), else by the count of real elements.
    /// </summary>
    public static unsafe void AvgPool2d(ReadOnlySpan<double> input, int planes, int height, int width, Window2d window, Span<double> output,
        bool countIncludePad = true)
    {
        var shape = AvgShape<double>("avg_pool2d", input.Length, planes, height, width, window, output.Length, countIncludePad);
        fixed (double* x = input, y = output)
            PoolingAvg<double>.Forward(x, planes, shape, y);
    }

    /// <summary>Backward of average pooling of doubles: each output gradient is shared evenly by its window.</summary>
    public static unsafe void AvgPool2dBackward(ReadOnlySpan<double> gradOutput, int planes, int height, int width, Window2d window,
        Span<double> gradInput, bool countIncludePad = true)
    {
        var shape = AvgShape<double>("avg_pool2d_backward", gradInput.Length, planes, height, width, window, gradOutput.Length, countIncludePad);
        fixed (double* gy = gradOutput, gx = gradInput)
            PoolingAvg<double>.Backward(gy, planes, shape, gx);
    }

    /// <summary>
    /// Adaptive average pooling of doubles to outputH x outputW (<c>F.adaptive_avg_pool2d</c>): output (i, j) averages rows
    /// floor(i·H/outH) to ceil((i+1)·H/outH) and the matching columns.
    /// </summary>
    public static unsafe void AdaptiveAvgPool2d(ReadOnlySpan<double> input, int planes, int height, int width, int outputH, int outputW,
        Span<double> output)
    {
        var shape = AdaptiveShape<double>("adaptive_avg_pool2d", input.Length, planes, height, width, outputH, outputW, output.Length);
        fixed (double* x = input, y = output)
            PoolingAvg<double>.Forward(x, planes, shape, y);
    }

    /// <summary>Backward of adaptive average pooling of doubles: each output gradient is shared evenly by its window.</summary>
    public static unsafe void AdaptiveAvgPool2dBackward(ReadOnlySpan<double> gradOutput, int planes, int height, int width, int outputH,
        int outputW, Span<double> gradInput)
    {
        var shape = AdaptiveShape<double>("adaptive_avg_pool2d_backward", gradInput.Length, planes, height, width, outputH, outputW, gradOutput.Length);
        fixed (double* gy = gradOutput, gx = gradInput)
            PoolingAvg<double>.Backward(gy, planes, shape, gx);
    }

    private static void CheckMax(string op, int imageLength, int planes, int height, int width, Window2d window, int pooledLength, int indicesLength)
    {
        window.Validate(op, planes, height, width);
        CheckHalfKernel(op, window.PadH, (window.KernelH - 1) * window.DilationH + 1, window.KernelH, window.DilationH);
        CheckHalfKernel(op, window.PadW, (window.KernelW - 1) * window.DilationW + 1, window.KernelW, window.DilationW);
        long pooled = (long)planes * window.OutputH(height) * window.OutputW(width);
        CheckLengths(op, imageLength, (long)planes * height * width, pooledLength, pooled);
        Window2d.CheckLength(op, "indices", indicesLength, pooled);
    }

    private static PoolingAvg<T>.Shape AvgShape<T>(string op, int imageLength, int planes, int height, int width, Window2d window,
        int pooledLength, bool countIncludePad) where T : unmanaged, IFloatingPointIeee754<T>
    {
        window.Validate(op, planes, height, width);
        if (window.DilationH != 1 || window.DilationW != 1)
            throw new ArgumentException($"{op}: dilation is not supported by average pooling, got dilation=({window.DilationH}, {window.DilationW})");
        CheckHalfKernel(op, window.PadH, window.KernelH, window.KernelH, 1);
        CheckHalfKernel(op, window.PadW, window.KernelW, window.KernelW, 1);
        int outH = window.OutputH(height), outW = window.OutputW(width);
        CheckLengths(op, imageLength, (long)planes * height * width, pooledLength, (long)planes * outH * outW);
        return new PoolingAvg<T>.Shape(height, width, outH, outW, window, countIncludePad);
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
