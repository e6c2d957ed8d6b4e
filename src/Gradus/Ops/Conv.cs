using System.Numerics;
using System.Runtime.InteropServices;
using Gradus.Kernels;

namespace Gradus.Ops;

/// <summary>
/// 2-D convolution as im2col + GEMM, image by image and group by group, with its two gradients as ops of their
/// own (each one's backward is written with the other two), so convolutions differentiate to any order.
/// </summary>
internal static class Conv
{
    /// <summary>Sizes of one convolution: input [N, Cin, H, W], weight [Cout, Cin/G, kh, kw], output [N, Cout, oh, ow].</summary>
    internal readonly record struct Geometry(int N, int Cin, int H, int W, int Cout, int Groups, Window2d Window)
    {
        public int OutH => Window.OutputH(H);
        public int OutW => Window.OutputW(W);
        public int L => OutH * OutW;
        public int CinG => Cin / Groups;
        public int CoutG => Cout / Groups;
        public int KG => CinG * Window.KernelH * Window.KernelW;
        public int[] InputShape => [N, Cin, H, W];
        public int[] WeightShape => [Cout, CinG, Window.KernelH, Window.KernelW];
        public int[] OutputShape => [N, Cout, OutH, OutW];
    }

    /// <summary>conv2d of a 4-D input with an optional bias (shapes already checked).</summary>
    public static Tensor Conv2d(Tensor x, Tensor w, Tensor? bias, Geometry geo)
    {
        var y = Torch.Empty(geo.OutputShape, x.DType);
        if (bias is not null)
        {
            var b = bias.Detach().Reshape(1, geo.Cout, 1, 1).Expand(geo.OutputShape);
            y.WriteFrom(b);
        }
        bool accumulate = bias is not null;
        FloatKernel.Run(x, w, y, (a, b, c) => Forward(a, b, c, geo, accumulate), (a, b, c) => Forward(a, b, c, geo, accumulate));
        var inputs = bias is null ? new[] { x, w } : [x, w, bias];
        return Tensor.Record(y, "ConvolutionBackward0", inputs, g =>
        {
            var gx = x.RequiresGrad ? InputGrad(g, w, geo) : null;
            var gw = w.RequiresGrad ? WeightGrad(x, g, geo) : null;
            return bias is null ? [gx, gw] : [gx, gw, bias.RequiresGrad ? g.Sum([0, 2, 3]) : null];
        }, x, w);
    }

    /// <summary>The input gradient Wᵀ·g folded back to the input's shape (the transposed convolution of g).</summary>
    public static Tensor InputGrad(Tensor g, Tensor w, Geometry geo)
    {
        var gx = FloatKernel.Run(g, w, Torch.Zeros(geo.InputShape, g.DType),
            (a, b, c) => BackwardInput(a, b, c, geo), (a, b, c) => BackwardInput(a, b, c, geo));
        return Tensor.Record(gx, "ConvolutionBackwardInput", [g, w], gg =>
        [
            g.RequiresGrad ? Conv2d(gg, w, null, geo) : null,
            w.RequiresGrad ? WeightGrad(gg, g, geo) : null,
        ], g, w);
    }

    /// <summary>The weight gradient Σₙ g·unfold(x)ᵀ.</summary>
    public static Tensor WeightGrad(Tensor x, Tensor g, Geometry geo)
    {
        var gw = FloatKernel.Run(x, g, Torch.Zeros(geo.WeightShape, g.DType),
            (a, b, c) => BackwardWeight(a, b, c, geo), (a, b, c) => BackwardWeight(a, b, c, geo));
        return Tensor.Record(gw, "ConvolutionBackwardWeight", [x, g], gg =>
        [
            x.RequiresGrad ? InputGrad(g, gg, geo) : null,
            g.RequiresGrad ? Conv2d(x, gg, null, geo) : null,
        ], x, g);
    }

    private static void Forward<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> w, Span<T> y, Geometry geo, bool accumulate)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int l = geo.L, kg = geo.KG, coutG = geo.CoutG, image = geo.Cin * geo.H * geo.W;
        var cols = new T[geo.Cin * geo.Window.KernelH * geo.Window.KernelW * l];
        for (int n = 0; n < geo.N; n++)
        {
            Im2Col.Unfold(x.Slice(n * image, image), 1, geo.Cin, geo.H, geo.W, geo.Window, cols);
            for (int grp = 0; grp < geo.Groups; grp++)
                Gemm(false, false, coutG, l, kg, w.Slice(grp * coutG * kg, coutG * kg), kg, cols.AsSpan(grp * kg * l, kg * l), l,
                    accumulate, y.Slice((n * geo.Cout + grp * coutG) * l, coutG * l), l);
        }
    }

    private static void BackwardInput<T>(ReadOnlySpan<T> g, ReadOnlySpan<T> w, Span<T> gx, Geometry geo)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int l = geo.L, kg = geo.KG, coutG = geo.CoutG, image = geo.Cin * geo.H * geo.W;
        var cols = new T[geo.Cin * geo.Window.KernelH * geo.Window.KernelW * l];
        for (int n = 0; n < geo.N; n++)
        {
            for (int grp = 0; grp < geo.Groups; grp++)
                Gemm(true, false, kg, l, coutG, w.Slice(grp * coutG * kg, coutG * kg), kg, g.Slice((n * geo.Cout + grp * coutG) * l, coutG * l), l,
                    false, cols.AsSpan(grp * kg * l, kg * l), l);
            Im2Col.Fold<T>(cols, 1, geo.Cin, geo.H, geo.W, geo.Window, gx.Slice(n * image, image));
        }
    }

    private static void BackwardWeight<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> g, Span<T> gw, Geometry geo)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int l = geo.L, kg = geo.KG, coutG = geo.CoutG, image = geo.Cin * geo.H * geo.W;
        var cols = new T[geo.Cin * geo.Window.KernelH * geo.Window.KernelW * l];
        for (int n = 0; n < geo.N; n++)
        {
            Im2Col.Unfold(x.Slice(n * image, image), 1, geo.Cin, geo.H, geo.W, geo.Window, cols);
            for (int grp = 0; grp < geo.Groups; grp++)
                Gemm(false, true, coutG, kg, l, g.Slice((n * geo.Cout + grp * coutG) * l, coutG * l), l, cols.AsSpan(grp * kg * l, kg * l), l,
                    true, gw.Slice(grp * coutG * kg, coutG * kg), kg);
        }
    }

    /// <summary>C = op(A)·op(B) (+ C when <paramref name="accumulate"/>) on the float or double GEMM kernel.</summary>
    private static void Gemm<T>(bool transA, bool transB, int m, int n, int k, ReadOnlySpan<T> a, int lda, ReadOnlySpan<T> b, int ldb,
        bool accumulate, Span<T> c, int ldc) where T : unmanaged
    {
        if (typeof(T) == typeof(float))
            Kernels.Gemm.Sgemm(transA, transB, m, n, k, 1f, MemoryMarshal.Cast<T, float>(a), lda, MemoryMarshal.Cast<T, float>(b), ldb,
                accumulate ? 1f : 0f, MemoryMarshal.Cast<T, float>(c), ldc);
        else
            Kernels.Gemm.Dgemm(transA, transB, m, n, k, 1.0, MemoryMarshal.Cast<T, double>(a), lda, MemoryMarshal.Cast<T, double>(b), ldb,
                accumulate ? 1.0 : 0.0, MemoryMarshal.Cast<T, double>(c), ldc);
    }
}
