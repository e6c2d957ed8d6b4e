using System.Numerics;
using System.Runtime.Intrinsics;

namespace Gradus.Kernels;

/// <summary>Sizes of one 2-D convolution: input [N, Cin, H, W], weight [Cout, Cin/G, kh, kw], output [N, Cout, oh, ow].</summary>
internal readonly record struct ConvShape(int N, int Cin, int H, int W, int Cout, int Groups, Window2d Window)
{
    /// <summary>Input channels per group.</summary>
    public int CinG => Cin / Groups;
    /// <summary>Output channels per group.</summary>
    public int CoutG => Cout / Groups;
    /// <summary>Output height.</summary>
    public int OH => Window.OutputH(H);
    /// <summary>Output width.</summary>
    public int OW => Window.OutputW(W);
    /// <summary>Weights per output channel: Cin/G·kh·kw.</summary>
    public int KG => CinG * Window.KernelH * Window.KernelW;
}

/// <summary>The three passes of a convolution.</summary>
internal enum ConvPass
{
    /// <summary>y = conv2d(x, w) + bias.</summary>
    Forward,
    /// <summary>The gradient with respect to the input.</summary>
    InputGrad,
    /// <summary>The gradient with respect to the weight.</summary>
    WeightGrad,
}

/// <summary>
/// Direct stride-1 convolution on float or double spans, without im2col: each image is copied into zero-padded
/// planes, and the planes are read as flat rows, so output position t = oh·Wp + ow of every output channel is
/// Σₖ w[k]·frame[offset[k] + t] over the (channel, i, j) taps — whole vectors of t at once, a few output channels per
/// register block. The columns ow ≥ outW of each flat row are computed and dropped (for the gradients they are
/// zero in the output gradient). The input gradient scatters the products back into a frame of the input's
/// layout. Images run in parallel.
/// </summary>
/// <remarks>
/// The weight gradient sums over fixed blocks of images, then adds the blocks' sums in order, so its result
/// does not depend on the number of threads. An infinite or NaN input would make a weight gradient NaN where
/// PyTorch gives ±inf or a number (the dropped columns multiply it by a zero gradient): Conv2d sends such inputs
/// to the im2col path.
/// </remarks>
internal static unsafe class ConvDirect
{
    /// <summary>Whether the direct kernels handle the window: stride 1 (any padding, dilation and groups).</summary>
    public static bool Suits(in Window2d w) => w.StrideH == 1 && w.StrideW == 1;

    /// <summary>y = conv2d(x, w) + bias (bias empty: none).</summary>
    public static void Forward<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> w, ReadOnlySpan<T> bias, in ConvShape s, Span<T> y)
        where T : unmanaged, IFloatingPointIeee754<T>
        => Run(ConvPass.Forward, x, w, bias, s, y);

    /// <summary>gx = the gradient of conv2d with respect to its input for the output gradient g (overwrites gx).</summary>
    public static void InputGrad<T>(ReadOnlySpan<T> g, ReadOnlySpan<T> w, in ConvShape s, Span<T> gx)
        where T : unmanaged, IFloatingPointIeee754<T>
        => Run(ConvPass.InputGrad, g, w, default, s, gx);

    /// <summary>gw = Σₙ the gradient of conv2d with respect to its weight for input x and output gradient g (overwrites gw).</summary>
    public static void WeightGrad<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> g, in ConvShape s, Span<T> gw)
        where T : unmanaged, IFloatingPointIeee754<T>
        => Run(ConvPass.WeightGrad, x, g, default, s, gw);

    /// <summary>
    /// Runs one pass: forward (a = x, b = w, bias), input gradient (a = g, b = w) or weight gradient (a = x, b = g),
    /// on the widest accelerated vectors.
    /// </summary>
    public static void Run<T>(ConvPass pass, ReadOnlySpan<T> a, ReadOnlySpan<T> b, ReadOnlySpan<T> bias, in ConvShape s, Span<T> result)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        long input = (long)s.N * s.Cin * s.H * s.W, weight = (long)s.Cout * s.KG, output = (long)s.N * s.Cout * s.OH * s.OW;
        var (lengthA, lengthB, lengthResult) = pass switch
        {
            ConvPass.Forward => (input, weight, output),
            ConvPass.InputGrad => (output, weight, input),
            _ => (input, output, weight),
        };
        if (!Suits(s.Window))
            throw new ArgumentException($"conv2d: the direct kernels need stride 1, got stride=({s.Window.StrideH}, {s.Window.StrideW})");
        s.Window.Validate("conv2d", s.N * s.Cin, s.H, s.W);
        Window2d.CheckLength("conv2d", pass == ConvPass.InputGrad ? "gradOutput" : "input", a.Length, lengthA);
        Window2d.CheckLength("conv2d", pass == ConvPass.WeightGrad ? "gradOutput" : "weight", b.Length, lengthB);
        Window2d.CheckLength("conv2d", pass == ConvPass.Forward ? "output" : "result", result.Length, lengthResult);
        Window2d.CheckLength("conv2d", "bias", bias.Length, bias.IsEmpty ? 0 : s.Cout);
        fixed (T* pa = a, pb = b, pbias = bias, pr = result)
        {
            T* c = bias.IsEmpty ? null : pbias;
            if (Vector512.IsHardwareAccelerated) Run<T, Vector512<T>, Vector512Ops<T>>(pass, pa, pb, c, s, pr);
            else if (Vector256.IsHardwareAccelerated) Run<T, Vector256<T>, Vector256Ops<T>>(pass, pa, pb, c, s, pr);
            else Run<T, Vector128<T>, Vector128Ops<T>>(pass, pa, pb, c, s, pr);
        }
    }

    private static void Run<T, TV, TOps>(ConvPass pass, T* a, T* b, T* bias, in ConvShape s, T* result)
        where T : unmanaged, IFloatingPointIeee754<T>
        where TV : struct
        where TOps : struct, IGemmVectorOps<T, TV>
    {
        if (pass == ConvPass.Forward) ConvDirect<T, TV, TOps>.Forward(a, b, bias, s, result);
        else if (pass == ConvPass.InputGrad) ConvDirect<T, TV, TOps>.InputGrad(a, b, s, result);
        else ConvDirect<T, TV, TOps>.WeightGrad(a, b, s, result);
    }

    /// <summary>gb[c] = Σₙ Σₗ g[n, c, l]: the bias gradient of a [N, C, L] output gradient (per-image sums added in order).</summary>
    public static void BiasGrad<T>(ReadOnlySpan<T> g, int n, int channels, int length, Span<T> gb)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        Window2d.CheckLength("conv2d", "gradOutput", g.Length, (long)n * channels * length);
        Window2d.CheckLength("conv2d", "gradBias", gb.Length, channels);
        fixed (T* pg = g, pb = gb)
            ParallelFor.Range(channels, (long)n * length, new BiasBody<T>(pg, pb, n, channels, length));
    }

    private readonly struct BiasBody<T>(T* g, T* gb, int n, int channels, int length) : IRangeBody where T : unmanaged, IFloatingPointIeee754<T>
    {
        public void Invoke(int start, int end)
        {
            for (int c = start; c < end; c++)
            {
                T sum = T.Zero;
                for (int i = 0; i < n; i++) sum += System.Numerics.Tensors.TensorPrimitives.Sum(new ReadOnlySpan<T>(g + ((nint)i * channels + c) * length, length));
                gb[c] = sum;
            }
        }
    }
}
