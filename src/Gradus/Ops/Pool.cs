using Gradus.Kernels;

namespace Gradus.Ops;

/// <summary>
/// 2-D max, average and adaptive average pooling of [N, C, H, W] inputs on the pooling kernels. Each backward
/// is an op whose own backward is the forward again (or a gather of the max positions), so pooling
/// differentiates to any order.
/// </summary>
internal static class Pool
{
    /// <summary>Max pooling; also returns the flat h·W + w position of each maximum in its plane, as PyTorch's indices.</summary>
    public static Tensor MaxPool2d(Tensor x, Window2d window, out Tensor indices)
    {
        var (n, c, h, w) = (x.shape[0], x.shape[1], x.shape[2], x.shape[3]);
        int planes = n * c, oh = window.OutputH(h), ow = window.OutputW(w);
        var xc = x.Detach().Contiguous();
        var y = Torch.Empty([n, c, oh, ow], x.DType);
        var idx = Torch.Empty([n, c, oh, ow], DType.Int64);
        if (x.DType == DType.Float32) Pooling.MaxPool2d(xc.Span<float>(), planes, h, w, window, y.Span<float>(), idx.Span<long>());
        else Pooling.MaxPool2d(xc.Span<double>(), planes, h, w, window, y.Span<double>(), idx.Span<long>());
        indices = idx;
        var shape = x.shape;
        return Tensor.Record(y, "MaxPool2DWithIndicesBackward0", [x], g => [MaxPoolBackward(g, idx, shape, window)], idx);
    }

    /// <summary>Routes each output gradient to its maximum's position; its own backward gathers at those positions.</summary>
    private static Tensor MaxPoolBackward(Tensor g, Tensor idx, int[] inputShape, Window2d window)
    {
        int planes = inputShape[0] * inputShape[1], h = inputShape[2], w = inputShape[3];
        var gc = g.Detach().Contiguous();
        var gx = Torch.Empty(inputShape, g.DType);
        if (g.DType == DType.Float32) Pooling.MaxPool2dBackward(gc.Span<float>(), idx.Span<long>(), planes, h, w, window, gx.Span<float>());
        else Pooling.MaxPool2dBackward(gc.Span<double>(), idx.Span<long>(), planes, h, w, window, gx.Span<double>());
        var outShape = g.shape;
        return Tensor.Record(gx, "MaxPool2DWithIndicesBackwardBackward0", [g],
            gg => [gg.Reshape(planes, h * w).Gather(1, idx.Reshape(planes, -1)).Reshape(outShape)]);
    }

    /// <summary>Average pooling (padding counted in the divisor when <paramref name="countIncludePad"/>).</summary>
    public static Tensor AvgPool2d(Tensor x, Window2d window, bool countIncludePad)
    {
        var (n, c, h, w) = (x.shape[0], x.shape[1], x.shape[2], x.shape[3]);
        int planes = n * c;
        var xc = x.Detach().Contiguous();
        var y = Torch.Empty([n, c, window.OutputH(h), window.OutputW(w)], x.DType);
        if (x.DType == DType.Float32) Pooling.AvgPool2d(xc.Span<float>(), planes, h, w, window, y.Span<float>(), countIncludePad);
        else Pooling.AvgPool2d(xc.Span<double>(), planes, h, w, window, y.Span<double>(), countIncludePad);
        var shape = x.shape;
        return Tensor.Record(y, "AvgPool2DBackward0", [x], g => [AvgPoolBackward(g, shape, window, countIncludePad)]);
    }

    private static Tensor AvgPoolBackward(Tensor g, int[] inputShape, Window2d window, bool countIncludePad)
    {
        int planes = inputShape[0] * inputShape[1], h = inputShape[2], w = inputShape[3];
        var gc = g.Detach().Contiguous();
        var gx = Torch.Empty(inputShape, g.DType);
        if (g.DType == DType.Float32) Pooling.AvgPool2dBackward(gc.Span<float>(), planes, h, w, window, gx.Span<float>(), countIncludePad);
        else Pooling.AvgPool2dBackward(gc.Span<double>(), planes, h, w, window, gx.Span<double>(), countIncludePad);
        return Tensor.Record(gx, "AvgPool2DBackwardBackward0", [g], gg => [AvgPool2d(gg, window, countIncludePad)]);
    }

    /// <summary>Adaptive average pooling to outH x outW.</summary>
    public static Tensor AdaptiveAvgPool2d(Tensor x, int outH, int outW)
    {
        var (n, c, h, w) = (x.shape[0], x.shape[1], x.shape[2], x.shape[3]);
        int planes = n * c;
        var xc = x.Detach().Contiguous();
        var y = Torch.Empty([n, c, outH, outW], x.DType);
        if (x.DType == DType.Float32) Pooling.AdaptiveAvgPool2d(xc.Span<float>(), planes, h, w, outH, outW, y.Span<float>());
        else Pooling.AdaptiveAvgPool2d(xc.Span<double>(), planes, h, w, outH, outW, y.Span<double>());
        var shape = x.shape;
        return Tensor.Record(y, "AdaptiveAvgPool2DBackward0", [x], g => [AdaptiveBackward(g, shape, outH, outW)]);
    }

    private static Tensor AdaptiveBackward(Tensor g, int[] inputShape, int outH, int outW)
    {
        int planes = inputShape[0] * inputShape[1], h = inputShape[2], w = inputShape[3];
        var gc = g.Detach().Contiguous();
        var gx = Torch.Empty(inputShape, g.DType);
        if (g.DType == DType.Float32) Pooling.AdaptiveAvgPool2dBackward(gc.Span<float>(), planes, h, w, outH, outW, gx.Span<float>());
        else Pooling.AdaptiveAvgPool2dBackward(gc.Span<double>(), planes, h, w, outH, outW, gx.Span<double>());
        return Tensor.Record(gx, "AdaptiveAvgPool2DBackwardBackward0", [g], gg => [AdaptiveAvgPool2d(gg, outH, outW)]);
    }
}
