using Gradus.Kernels;

namespace Gradus.Tests.Kernels;

/// <summary>
/// The direct stride-1 convolution kernels against a naive loop: forward, input and weight gradients, in float and
/// double, over shapes that hit every remainder (odd channel counts, tap counts not a multiple of 5, image counts
/// not a multiple of 8, flat rows shorter and longer than a register block), padding, dilation and groups.
/// </summary>
public class ConvDirectTests
{
    // N, Cin, H, W, Cout, groups, kh, kw, padH, padW, dilH, dilW
    public static TheoryData<int[]> Shapes => new(
        [256 / 32, 1, 28, 28, 6, 1, 5, 5, 2, 2, 1, 1],   // LeNet conv1 (8 images)
        [9, 6, 14, 14, 16, 1, 5, 5, 0, 0, 1, 1],         // LeNet conv2, one partial image block
        [3, 3, 7, 9, 5, 1, 3, 2, 1, 0, 1, 1],            // odd Cout, 18 taps, asymmetric kernel and padding
        [2, 4, 11, 10, 6, 2, 3, 3, 2, 1, 2, 1],          // groups, dilation, padding up to dilation·(k − 1)
        [17, 6, 5, 6, 3, 3, 2, 3, 1, 1, 1, 2],           // three groups of one output channel, 17 images
        [1, 2, 40, 37, 3, 1, 1, 1, 0, 0, 1, 1],          // 1x1 kernel, long flat rows
        [2, 1, 6, 6, 2, 1, 3, 3, 3, 3, 1, 1],            // padding larger than the kernel
        [3, 5, 9, 8, 4, 1, 3, 3, 1, 1, 1, 1]);           // odd input channels: a half-empty input-gradient block

    [Theory]
    [MemberData(nameof(Shapes))]
    public void MatchesNaiveLoopsInDoubleAndFloat(int[] a)
    {
        var s = new ConvShape(a[0], a[1], a[2], a[3], a[4], a[5], new Window2d(a[6], a[7], 1, 1, a[8], a[9], a[10], a[11]));
        var rnd = new System.Random(a.Sum());
        double[] x = Rand(rnd, s.N * s.Cin * s.H * s.W), w = Rand(rnd, s.Cout * s.KG), b = Rand(rnd, s.Cout);
        double[] g = Rand(rnd, s.N * s.Cout * s.OH * s.OW);
        var (y, gx, gw) = Naive(s, x, w, b, g);

        var yd = new double[y.Length];
        ConvDirect.Forward<double>(x, w, b, s, yd);
        KernelFixtures.AssertClose(y, yd, 1e-12, 1e-12, "forward double");
        var gwd = new double[gw.Length];
        ConvDirect.WeightGrad<double>(x, g, s, gwd);
        KernelFixtures.AssertClose(gw, gwd, 1e-12, 1e-12, "weight gradient double");

        var yf = new float[y.Length];
        ConvDirect.Forward<float>(F(x), F(w), F(b), s, yf);
        KernelFixtures.AssertClose(y, yf, 1e-4, 1e-4, "forward float");
        var gwf = new float[gw.Length];
        ConvDirect.WeightGrad<float>(F(x), F(g), s, gwf);
        KernelFixtures.AssertClose(gw, gwf, 1e-4, 1e-3, "weight gradient float");

        var gb = new double[s.Cout];
        for (int i = 0; i < g.Length; i++) gb[i / (s.OH * s.OW) % s.Cout] += g[i];
        var gbd = new double[s.Cout];
        ConvDirect.BiasGrad<double>(g, s.N, s.Cout, s.OH * s.OW, gbd);
        KernelFixtures.AssertClose(gb, gbd, 1e-12, 1e-12, "bias gradient double");
        var gbf = new float[s.Cout];
        ConvDirect.BiasGrad<float>(F(g), s.N, s.Cout, s.OH * s.OW, gbf);
        KernelFixtures.AssertClose(gb, gbf, 1e-4, 1e-4, "bias gradient float");

        var gxd = new double[gx.Length];
        ConvDirect.InputGrad<double>(g, w, s, gxd);
        KernelFixtures.AssertClose(gx, gxd, 1e-12, 1e-12, "input gradient double");
        var gxf = new float[gx.Length];
        ConvDirect.InputGrad<float>(F(g), F(w), s, gxf);
        KernelFixtures.AssertClose(gx, gxf, 1e-4, 1e-4, "input gradient float");
    }

    [Fact]
    public void WeightGradientIsIdenticalOnOneAndTwoThreads()
    {
        var s = new ConvShape(40, 6, 14, 14, 16, 1, new Window2d(5, 5));
        var rnd = new System.Random(7);
        float[] x = F(Rand(rnd, s.N * s.Cin * s.H * s.W)), g = F(Rand(rnd, s.N * s.Cout * s.OH * s.OW));
        var one = new float[s.Cout * s.KG];
        var two = new float[one.Length];
        int saved = ParallelFor.MaxDegree;
        try
        {
            ParallelFor.MaxDegree = 1;
            ConvDirect.WeightGrad<float>(x, g, s, one);
            ParallelFor.MaxDegree = 2;
            ConvDirect.WeightGrad<float>(x, g, s, two);
        }
        finally { ParallelFor.MaxDegree = saved; }
        Assert.Equal(one, two);
    }

    [Fact]
    public void StridedWindowsAndShortSpansAreRejected()
    {
        var s = new ConvShape(1, 1, 4, 4, 1, 1, new Window2d(2, 2, 2, 2));
        Assert.False(ConvDirect.Suits(s.Window));
        var ex = Assert.Throws<ArgumentException>(() => ConvDirect.Forward<float>(new float[16], new float[4], default, s, new float[4]));
        Assert.Contains("stride 1", ex.Message);
        s = new ConvShape(1, 1, 4, 4, 1, 1, new Window2d(2, 2));
        ex = Assert.Throws<ArgumentException>(() => ConvDirect.Forward<float>(new float[16], new float[4], default, s, new float[8]));
        Assert.Contains("output needs 9 elements", ex.Message);
    }

    private static (double[] Y, double[] Gx, double[] Gw) Naive(ConvShape s, double[] x, double[] w, double[] b, double[] g)
    {
        var win = s.Window;
        int kh = win.KernelH, kw = win.KernelW;
        var y = new double[g.Length];
        var gx = new double[x.Length];
        var gw = new double[w.Length];
        for (int n = 0; n < s.N; n++)
            for (int co = 0; co < s.Cout; co++)
                for (int oh = 0; oh < s.OH; oh++)
                    for (int ow = 0; ow < s.OW; ow++)
                    {
                        int o = ((n * s.Cout + co) * s.OH + oh) * s.OW + ow;
                        double sum = b[co];
                        for (int ci = 0; ci < s.CinG; ci++)
                            for (int i = 0; i < kh; i++)
                                for (int j = 0; j < kw; j++)
                                {
                                    int ih = oh - win.PadH + i * win.DilationH, iw = ow - win.PadW + j * win.DilationW;
                                    if (ih < 0 || ih >= s.H || iw < 0 || iw >= s.W) continue;
                                    int xi = ((n * s.Cin + co / s.CoutG * s.CinG + ci) * s.H + ih) * s.W + iw;
                                    int wi = ((co * s.CinG + ci) * kh + i) * kw + j;
                                    sum += x[xi] * w[wi];
                                    gx[xi] += g[o] * w[wi];
                                    gw[wi] += g[o] * x[xi];
                                }
                        y[o] = sum;
                    }
        return (y, gx, gw);
    }

    private static double[] Rand(System.Random rnd, int n) => [.. Enumerable.Range(0, n).Select(_ => rnd.NextDouble() * 2 - 1)];

    private static float[] F(double[] v) => [.. v.Select(d => (float)d)];
}
