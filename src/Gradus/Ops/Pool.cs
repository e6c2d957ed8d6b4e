using Gradus.Kernels;

namespace Gradus.Ops;

/// <summary>
/// 2-D max, average and adaptive average pooling of [N, C, H, W] inputs on the pooling kernels. Each backward
/// is an op whose own backward is the forward again (or a gather of the max positions), so pooling
/// differentiates to any order.
/// </summary>
internal static class Pool
{
    /// <summary>
    /// Max pooling of [N, C, H, W] or unbatched [C, H, W] input; also returns the flat h·W + w position of each
    /// maximum in its plane, as PyTorch's indices.
    /// </summary>
    public static Tensor MaxPool2d(Tensor x, Window2d window, out Tensor indices)
    {
        var (planes, h, w, outShape) = Planes(x, window);
        var idx = Torch.Empty(outShape, DType.Int64);
        var y = FloatKernel.Run(x, outShape,
            (s, d) => Pooling.MaxPool2d(s, planes, h, w, window, d, idx.Span<long>()),
            (s, d) => Pooling.MaxPool2d(s, planes, h, w, window, d, idx.Span<long>()));
        indices = idx;
        var shape = x.shape;
        return Tensor.Record(y, "MaxPool2DWithIndicesBackward0", [x], g => [MaxPoolBackward(g, idx, shape, window)], idx);
    }

    /// <summary>Routes each output gradient to its maximum's position; its own backward gathers at those positions.</summary>
    private static Tensor MaxPoolBackward(Tensor g, Tensor idx, int[] inputShape, Window2d window)
    {
        int h = inputShape[^2], w = inputShape[^1], planes = inputShape.Length == 4 ? inputShape[0] * inputShape[1] : inputShape[0];
        var gx = FloatKernel.Run(g, inputShape,
            (s, d) => Pooling.MaxPool2dBackward(s, idx.Span<long>(), planes, h, w, window, d),
            (s, d) => Pooling.MaxPool2dBackward(s, idx.Span<long>(), planes, h, w, window, d));
        var outShape = g.shape;
        return Tensor.Record(gx, "MaxPool2DWithIndicesBackwardBackward0", [g],
            gg => [gg.Reshape(planes, h * w).Gather(1, idx.Reshape(planes, -1)).Reshape(outShape)]);
    }

    /// <summary>
    /// Average pooling of [N, C, H, W] or unbatched [C, H, W] input (padding counted in the divisor when
    /// <paramref name="countIncludePad"/>; every window divided by <paramref name="divisorOverride"/> when given).
    /// </summary>
    public static Tensor AvgPool2d(Tensor x, Window2d window, bool countIncludePad, int? divisorOverride = null)
    {
        var (planes, h, w, outShape) = Planes(x, window);
        var y = FloatKernel.Run(x, outShape,
            (s, d) => Pooling.AvgPool2d(s, planes, h, w, window, d, countIncludePad, divisorOverride),
            (s, d) => Pooling.AvgPool2d(s, planes, h, w, window, d, countIncludePad, divisorOverride));
        var shape = x.shape;
        return Tensor.Record(y, "AvgPool2DBackward0", [x], g =>
        {
            var gx = FloatKernel.Run(g, shape,
                (s, d) => Pooling.AvgPool2dBackward(s, planes, h, w, window, d, countIncludePad, divisorOverride),
                (s, d) => Pooling.AvgPool2dBackward(s, planes, h, w, window, d, countIncludePad, divisorOverride));
            return [Tensor.Record(gx, "AvgPool2DBackwardBackward0", [g], gg => [AvgPool2d(gg, window, countIncludePad, divisorOverride)])];
        });
    }

    /// <summary>The planes (N·C, or C unbatched), height, width and output shape of a [N, C, H, W] or [C, H, W] pooling input.</summary>
    private static (int Planes, int H, int W, int[] OutShape) Planes(Tensor x, Window2d window)
    {
        var (h, w) = (x.shape[^2], x.shape[^1]);
        int planes = x.shape[0] * (x.Dim == 4 ? x.shape[1] : 1);
        return (planes, h, w, [.. x.shape[..^2], window.OutputH(h), window.OutputW(w)]);
    }

    /// <summary>Adaptive average pooling to outH x outW.</summary>
    public static Tensor AdaptiveAvgPool2d(Tensor x, int outH, int outW)
    {
        var (n, c, h, w) = (x.shape[0], x.shape[1], x.shape[2], x.shape[3]);
        var y = FloatKernel.Run(x, [n, c, outH, outW],
            (s, d) => Pooling.AdaptiveAvgPool2d(s, n * c, h, w, outH, outW, d),
            (s, d) => Pooling.AdaptiveAvgPool2d(s, n * c, h, w, outH, outW, d));
        var shape = x.shape;
        return Tensor.Record(y, "AdaptiveAvgPool2DBackward0", [x], g =>
        {
            var gx = FloatKernel.Run(g, shape,
                (s, d) => Pooling.AdaptiveAvgPool2dBackward(s, n * c, h, w, outH, outW, d),
                (s, d) => Pooling.AdaptiveAvgPool2dBackward(s, n * c, h, w, outH, outW, d));
            return [Tensor.Record(gx, "AdaptiveAvgPool2DBackwardBackward0", [g], gg => [AdaptiveAvgPool2d(gg, outH, outW)])];
        });
    }
}
