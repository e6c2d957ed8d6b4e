using Gradus.Kernels;
using Gradus.Ops;

namespace Gradus.NN;

public static partial class F
{
    /// <summary>
    /// 2-D convolution (cross-correlation) of an [N, Cin, H, W] (or unbatched [Cin, H, W]) input with a
    /// [Cout, Cin/groups, kh, kw] weight, as <c>F.conv2d</c>; padding is an int, a pair, <c>"same"</c> or <c>"valid"</c>.
    /// Stride 1 runs direct kernels, other strides im2col + GEMM.
    /// </summary>
    public static Tensor Conv2d(Tensor input, Tensor weight, Tensor? bias = null, (int H, int W)? stride = null, ConvPadding? padding = null,
        (int H, int W)? dilation = null, int groups = 1)
    {
        var (sh, sw) = stride ?? (1, 1);
        var pad = padding ?? default;
        var (dh, dw) = dilation ?? (1, 1);
        if (input.Dim is not (3 or 4))
            throw new ArgumentException($"Expected 3D (unbatched) or 4D (batched) input to conv2d, but got input of size: {Shapes.Format(input.shape)}");
        if (weight.Dim != 4)
            throw new ArgumentException($"conv2d: expected a 4-D weight [out_channels, in_channels/groups, kH, kW], got size {Shapes.Format(weight.shape)}");
        pad.Check((sh, sw), module: false);
        var (ph, pw) = (pad.H, pad.W);
        if (sh <= 0 || sw <= 0) throw new ArgumentException("non-positive stride is not supported");
        if (ph < 0 || pw < 0) throw new ArgumentException("negative padding is not supported");
        if (dh <= 0 || dw <= 0) throw new ArgumentException("dilation should be greater than zero");
        if (groups <= 0) throw new ArgumentException("non-positive groups is not supported");
        if (input.DType != weight.DType)
            throw new ArgumentException($"Input type ({Tensor.TypeName(input.DType)}) and weight type ({Tensor.TypeName(weight.DType)}) should be the same");
        if (!input.IsFloatingPoint) throw new ArgumentException($"\"conv2d\" not implemented for '{input.DType}'");
        bool unbatched = input.Dim == 3;
        var x = unbatched ? input.Unsqueeze(0) : input;
        int cout = weight.shape[0], kh = weight.shape[2], kw = weight.shape[3];
        if (pad.Mode == "same") (x, ph, pw) = SamePadding(x, dh * (kh - 1), dw * (kw - 1));
        if (x.shape[1] != weight.shape[1] * groups || cout % groups != 0)
            throw new ArgumentException($"Given groups={groups}, weight of size {Shapes.Format(weight.shape)}, expected input{Shapes.Format(x.shape)} " +
                                        $"to have {weight.shape[1] * groups} channels, but got {x.shape[1]} channels instead");
        if (bias is not null && (bias.Dim != 1 || bias.Numel != cout))
            throw new ArgumentException($"Given weight of size {Shapes.Format(weight.shape)}, expected bias to be 1-dimensional with {cout} elements, but got bias of size {Shapes.Format(bias.shape)} instead");
        int paddedH = x.shape[2] + 2 * ph, paddedW = x.shape[3] + 2 * pw;
        int effH = dh * (kh - 1) + 1, effW = dw * (kw - 1) + 1;
        if (paddedH < effH || paddedW < effW)
            throw new ArgumentException($"Calculated padded input size per channel: ({paddedH} x {paddedW}). Kernel size: ({effH} x {effW}). Kernel size can't be greater than actual input size");
        var geo = new Conv.Geometry(x.shape[0], x.shape[1], x.shape[2], x.shape[3], cout, groups, new Window2d(kh, kw, sh, sw, ph, pw, dh, dw));
        var y = Conv.Conv2d(x, weight, bias, geo);
        return unbatched ? y.Squeeze(0) : y;
    }

    /// <summary>
    /// padding="same" for a stride-1 window spanning totalH + 1 rows and totalW + 1 columns: total / 2 zeros on the
    /// left and the rest on the right, as PyTorch's _convolution_same; an odd total gets its extra row or column as a
    /// zero-padded copy of the input (bottom, right), and the symmetric rest as the convolution's own padding.
    /// </summary>
    private static (Tensor X, int PadH, int PadW) SamePadding(Tensor x, int totalH, int totalW)
    {
        if (totalH % 2 == 1) x = Torch.Cat([x, Torch.Zeros([x.shape[0], x.shape[1], 1, x.shape[3]], x.DType)], 2);
        if (totalW % 2 == 1) x = Torch.Cat([x, Torch.Zeros([x.shape[0], x.shape[1], x.shape[2], 1], x.DType)], 3);
        return (x, totalH / 2, totalW / 2);
    }

    /// <summary>
    /// The maximum of each window, as <c>F.max_pool2d</c> (stride defaults to the kernel size; padding counts as −∞;
    /// <paramref name="ceilMode"/> rounds the output size up, keeping a last window that starts inside the input or its left padding).
    /// </summary>
    public static Tensor MaxPool2d(Tensor input, (int H, int W) kernelSize, (int H, int W)? stride = null, (int H, int W)? padding = null,
        (int H, int W)? dilation = null, bool ceilMode = false)
        => MaxPool2dWithIndices(input, kernelSize, stride, padding, dilation, ceilMode).Output;

    /// <summary>Max pooling that also returns each maximum's flat h·W + w position in its plane, as <c>return_indices=True</c>.</summary>
    public static (Tensor Output, Tensor Indices) MaxPool2dWithIndices(Tensor input, (int H, int W) kernelSize, (int H, int W)? stride = null,
        (int H, int W)? padding = null, (int H, int W)? dilation = null, bool ceilMode = false)
    {
        var window = PoolWindow(input, kernelSize, stride, padding, dilation, ceilMode, "max_pool2d");
        var y = Pool.MaxPool2d(input, window, out var indices); // unbatched too: one MaxPool2DWithIndicesBackward0 node, as PyTorch
        return (y, indices);
    }

    /// <summary>
    /// The mean of each window, as <c>F.avg_pool2d</c>; the divisor counts the zero padding (not the part of a
    /// <paramref name="ceilMode"/> window past it) unless <paramref name="countIncludePad"/> is false; a non-null
    /// <paramref name="divisorOverride"/> (not zero) divides every window's sum instead.
    /// </summary>
    public static Tensor AvgPool2d(Tensor input, (int H, int W) kernelSize, (int H, int W)? stride = null, (int H, int W)? padding = null,
        bool ceilMode = false, bool countIncludePad = true, int? divisorOverride = null)
    {
        var window = PoolWindow(input, kernelSize, stride, padding, null, ceilMode, "avg_pool2d");
        return Pool.AvgPool2d(input, window, countIncludePad, divisorOverride); // unbatched too: one AvgPool2DBackward0 node, as PyTorch
    }

    /// <summary>Average pooling to a fixed output size, whatever the input size, as <c>F.adaptive_avg_pool2d</c>.</summary>
    public static Tensor AdaptiveAvgPool2d(Tensor input, (int H, int W) outputSize)
    {
        if (input.Dim is not (3 or 4) || input.Numel == 0)
            throw new ArgumentException($"adaptive_avg_pool2d(): Expected 3D or 4D tensor, but got {Shapes.Format(input.shape)}");
        if (!input.IsFloatingPoint) throw new ArgumentException($"\"adaptive_avg_pool2d\" not implemented for '{input.DType}'");
        if (outputSize.H <= 0 || outputSize.W <= 0)
            throw new ArgumentException($"adaptive_avg_pool2d: output_size must be positive, but got ({outputSize.H}, {outputSize.W})");
        var x = input.Dim == 3 ? input.Unsqueeze(0) : input;
        var y = Pool.AdaptiveAvgPool2d(x, outputSize.H, outputSize.W);
        return input.Dim == 3 ? y.Squeeze(0) : y;
    }

    /// <summary>Checks a pooling call with PyTorch's messages and returns its window.</summary>
    private static Window2d PoolWindow(Tensor input, (int H, int W) kernel, (int H, int W)? stride, (int H, int W)? padding,
        (int H, int W)? dilation, bool ceilMode, string op)
    {
        if (input.Dim is not (3 or 4))
            throw new ArgumentException($"non-empty 3D or 4D (batch mode) tensor expected for input, but got {Shapes.Format(input.shape)}");
        if (!input.IsFloatingPoint) throw new ArgumentException($"\"{op}\" not implemented for '{input.DType}'");
        var (sh, sw) = stride ?? kernel;
        var (ph, pw) = padding ?? (0, 0);
        var (dh, dw) = dilation ?? (1, 1);
        if (kernel.H <= 0 || kernel.W <= 0)
            throw new ArgumentException($"kernel size should be greater than zero, but got kH: {kernel.H} kW: {kernel.W}");
        if (sh <= 0 || sw <= 0) throw new ArgumentException($"stride should be greater than zero, but got dH: {sh} dW: {sw}");
        if (dh <= 0 || dw <= 0) throw new ArgumentException($"dilation should be greater than zero, but got dilationH: {dh} dilationW: {dw}");
        if (ph > kernel.H / 2 || pw > kernel.W / 2)
        {
            bool h = ph > kernel.H / 2;
            throw new ArgumentException($"pad should be at most half of kernel size, but got pad={(h ? ph : pw)} and kernel_size={(h ? kernel.H : kernel.W)}");
        }
        var window = new Window2d(kernel.H, kernel.W, sh, sw, ph, pw, dh, dw) { CeilMode = ceilMode };
        int c = input.shape[^3], hIn = input.shape[^2], wIn = input.shape[^1];
        int oh = window.OutputH(hIn), ow = window.OutputW(wIn);
        if (oh < 1 || ow < 1 || input.Numel == 0)
            throw new ArgumentException($"Given input size: ({c}x{hIn}x{wIn}). Calculated output size: ({c}x{oh}x{ow}). Output size is too small");
        return window;
    }
}
