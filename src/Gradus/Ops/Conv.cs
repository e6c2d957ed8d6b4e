using Gradus.Kernels;

namespace Gradus.Ops;

/// <summary>
/// 2-D convolution with its two gradients as ops of their own (each one's backward is written with the other two),
/// so convolutions differentiate to any order. Stride-1 windows run the direct kernels (<see cref="ConvDirect"/>);
/// the rest im2col + batched GEMM over chunks of images (groups are a batch dim).
/// </summary>
internal static class Conv
{
    /// <summary>At most this many column-matrix elements are unfolded at once (16 MiB of float32).</summary>
    private const long MaxColumnElements = 1L << 22;

    /// <summary>Sizes of one convolution: input [N, Cin, H, W], weight [Cout, Cin/G, kh, kw], output [N, Cout, oh, ow].</summary>
    internal readonly record struct Geometry(int N, int Cin, int H, int W, int Cout, int Groups, Window2d Window)
    {
        public int L => Window.OutputH(H) * Window.OutputW(W);
        public int CoutG => Cout / Groups;
        public int KG => Cin / Groups * Window.KernelH * Window.KernelW;
        public int[] InputShape => [N, Cin, H, W];
        public int[] WeightShape => [Cout, Cin / Groups, Window.KernelH, Window.KernelW];
        public int[] OutputShape => [N, Cout, Window.OutputH(H), Window.OutputW(W)];

        /// <summary>The same sizes for the kernels.</summary>
        public ConvShape Shape => new(N, Cin, H, W, Cout, Groups, Window);

        /// <summary>How many images to unfold at once.</summary>
        public int Chunk => (int)Math.Clamp(MaxColumnElements / Math.Max(1L, (long)Groups * KG * L), 1, Math.Max(N, 1));
    }

    /// <summary>conv2d of a 4-D input with an optional bias (shapes already checked).</summary>
    public static Tensor Conv2d(Tensor x, Tensor w, Tensor? bias, Geometry geo)
    {
        var y = Torch.Empty(geo.OutputShape, x.DType);
        if (ConvDirect.Suits(geo.Window) && (bias is null || bias.DType == x.DType)) Direct(ConvPass.Forward, x, w, bias, y, geo);
        else Unfolded(x, w, bias, y, geo);
        var inputs = bias is null ? new[] { x, w } : [x, w, bias];
        return Tensor.Record(y, "ConvolutionBackward0", inputs, g =>
        {
            var gx = x.RequiresGrad ? InputGrad(g, w, geo) : null;
            var gw = w.RequiresGrad ? WeightGrad(x, g, geo) : null;
            return bias is null ? [gx, gw] : [gx, gw, bias.RequiresGrad ? BiasGrad(g, geo) : null];
        }, x, w);
    }

    /// <summary>g.Sum([0, 2, 3]) without a permuted copy: per image and channel, a contiguous sum.</summary>
    private static Tensor BiasGrad(Tensor g, Geometry geo)
    {
        var gb = Torch.Empty([geo.Cout], g.DType);
        int l = geo.Window.OutputH(geo.H) * geo.Window.OutputW(geo.W);
        var gc = g.Detach().Contiguous();
        if (g.DType == DType.Float32) ConvDirect.BiasGrad(gc.Span<float>(), geo.N, geo.Cout, l, gb.Span<float>());
        else ConvDirect.BiasGrad(gc.Span<double>(), geo.N, geo.Cout, l, gb.Span<double>());
        var shape = g.shape;
        return Tensor.Record(gb, "SumBackward1", [g], gg => [gg.Reshape(1, geo.Cout, 1, 1).Expand(shape)]);
    }

    /// <summary>The forward on im2col + GEMM.</summary>
    private static void Unfolded(Tensor x, Tensor w, Tensor? bias, Tensor y, Geometry geo)
    {
        if (bias is not null) y.WriteFrom(bias.Detach().Reshape(1, geo.Cout, 1, 1).Expand(geo.OutputShape));
        var xc = x.Detach().Contiguous();
        var wg = WeightGroups(w, geo);
        for (int n0 = 0; n0 < geo.N; n0 += geo.Chunk)
        {
            int count = Math.Min(geo.Chunk, geo.N - n0);
            var cols = Columns(xc, n0, count, geo);
            MatmulKernel.Run(wg.Expand(count, -1, -1, -1), cols, Rows(y, n0, count, [geo.Groups, geo.CoutG, geo.L]), 1, bias is null ? 0 : 1);
        }
    }

    /// <summary>The input gradient: Wᵀ·g per image, folded back to the input's shape (the transposed convolution of g).</summary>
    public static Tensor InputGrad(Tensor g, Tensor w, Geometry geo)
    {
        var gx = ConvDirect.Suits(geo.Window)
            ? Direct(ConvPass.InputGrad, g, w, null, Torch.Empty(geo.InputShape, g.DType), geo)
            : UnfoldedInputGrad(g, w, geo);
        return Tensor.Record(gx, "ConvolutionBackwardInput", [g, w], gg =>
        [
            g.RequiresGrad ? Conv2d(gg, w, null, geo) : null,
            w.RequiresGrad ? WeightGrad(gg, g, geo) : null,
        ], g, w);
    }

    private static Tensor UnfoldedInputGrad(Tensor g, Tensor w, Geometry geo)
    {
        var gx = Torch.Zeros(geo.InputShape, g.DType);
        var gc = g.Detach().Contiguous();
        var wt = WeightGroups(w, geo).Transpose(-1, -2);
        for (int n0 = 0; n0 < geo.N; n0 += geo.Chunk)
        {
            int count = Math.Min(geo.Chunk, geo.N - n0);
            var cols = Torch.Empty([count, geo.Groups, geo.KG, geo.L], g.DType);
            MatmulKernel.Run(wt.Expand(count, -1, -1, -1), Rows(gc, n0, count, [geo.Groups, geo.CoutG, geo.L]), cols);
            var image = Rows(gx, n0, count, [geo.Cin, geo.H, geo.W]);
            FloatKernel.Into(cols, image,
                (c, d) => Im2Col.Fold(c, count, geo.Cin, geo.H, geo.W, geo.Window, d),
                (c, d) => Im2Col.Fold(c, count, geo.Cin, geo.H, geo.W, geo.Window, d));
        }
        return gx;
    }

    /// <summary>The weight gradient Σₙ gₙ·unfold(xₙ)ᵀ.</summary>
    public static Tensor WeightGrad(Tensor x, Tensor g, Geometry geo)
    {
        // The direct kernel multiplies inputs by the zero gradient of dropped columns too: an inf or NaN input would
        // turn those zeros into NaN where PyTorch has no such product, so a non-finite input takes the unfolded path.
        var xc = x.Detach().Contiguous();
        var gw = ConvDirect.Suits(geo.Window) && AllFinite(xc)
            ? Direct(ConvPass.WeightGrad, xc, g, null, Torch.Empty(geo.WeightShape, g.DType), geo)
            : UnfoldedWeightGrad(xc, g, geo);
        return Tensor.Record(gw, "ConvolutionBackwardWeight", [x, g], gg =>
        [
            x.RequiresGrad ? InputGrad(g, gg, geo) : null,
            g.RequiresGrad ? Conv2d(x, gg, null, geo) : null,
        ], x, g);
    }

    /// <summary>Whether every element of contiguous <paramref name="xc"/> is finite (a sum that overflows also says no: the slower path is then merely exact too).</summary>
    private static bool AllFinite(Tensor xc) => xc.DType == DType.Float32
        ? float.IsFinite(System.Numerics.Tensors.TensorPrimitives.Sum<float>(xc.Span<float>()))
        : double.IsFinite(System.Numerics.Tensors.TensorPrimitives.Sum<double>(xc.Span<double>()));

    private static Tensor UnfoldedWeightGrad(Tensor x, Tensor g, Geometry geo)
    {
        var gw = Torch.Zeros(geo.WeightShape, g.DType);
        var gwGroups = new Tensor(gw.storage, [geo.Groups, geo.CoutG, geo.KG], Shapes.ContiguousStrides([geo.Groups, geo.CoutG, geo.KG]), 0, gw.DType);
        var xc = x.Detach().Contiguous();
        var gc = g.Detach().Contiguous();
        for (int n0 = 0; n0 < geo.N; n0 += geo.Chunk)
        {
            int count = Math.Min(geo.Chunk, geo.N - n0);
            var cols = Columns(xc, n0, count, geo);
            var perImage = Torch.Empty([count, geo.Groups, geo.CoutG, geo.KG], g.DType);
            MatmulKernel.Run(Rows(gc, n0, count, [geo.Groups, geo.CoutG, geo.L]), cols.Transpose(-1, -2), perImage);
            using (Torch.NoGrad()) gwGroups.WriteFrom(gwGroups + perImage.Sum(0));
        }
        return gw;
    }

    /// <summary>Runs a direct kernel pass on contiguous copies of a, b and (optional) bias into the contiguous result; returns it.</summary>
    private static Tensor Direct(ConvPass pass, Tensor a, Tensor b, Tensor? bias, Tensor result, Geometry geo)
    {
        var (ac, bc, cc) = (a.Detach().Contiguous(), b.Detach().Contiguous(), bias?.Detach().Contiguous());
        if (result.DType == DType.Float32)
            ConvDirect.Run(pass, ac.Span<float>(), bc.Span<float>(), cc is null ? default : cc.Span<float>(), geo.Shape, result.Span<float>());
        else ConvDirect.Run(pass, ac.Span<double>(), bc.Span<double>(), cc is null ? default : cc.Span<double>(), geo.Shape, result.Span<double>());
        return result;
    }

    /// <summary>The weight as [G, Cout/G, Cin/G·kh·kw] matrices (no autograd: kernels only).</summary>
    private static Tensor WeightGroups(Tensor w, Geometry geo) => w.Detach().Contiguous().Reshape(geo.Groups, geo.CoutG, geo.KG);

    /// <summary>im2col of images n0..n0+count-1: a [count, G, KG, L] tensor (rows ordered channel, then kernel row, then column).</summary>
    private static Tensor Columns(Tensor xc, int n0, int count, Geometry geo)
    {
        var cols = Torch.Empty([count, geo.Groups, geo.KG, geo.L], xc.DType);
        return FloatKernel.Into(Rows(xc, n0, count, [geo.Cin, geo.H, geo.W]), cols,
            (x, c) => Im2Col.Unfold(x, count, geo.Cin, geo.H, geo.W, geo.Window, c),
            (x, c) => Im2Col.Unfold(x, count, geo.Cin, geo.H, geo.W, geo.Window, c));
    }

    /// <summary>Images n0..n0+count-1 of a contiguous batch tensor, viewed as [count, ..inner] over the same storage.</summary>
    private static Tensor Rows(Tensor t, int n0, int count, int[] inner)
    {
        int[] shape = [count, .. inner];
        return new Tensor(t.storage, shape, Shapes.ContiguousStrides(shape), t.offset + n0 * Shapes.Numel(inner), t.DType);
    }
}
