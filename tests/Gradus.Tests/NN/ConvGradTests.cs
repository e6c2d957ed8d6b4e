using Gradus.Random;
using F = Gradus.NN.F;

namespace Gradus.Tests.NN;

/// <summary>
/// Gradients of F.Conv2d to second order in float64, on the direct stride-1 kernels (padding, dilation, groups, odd
/// channel counts) and on the strided im2col path, bias included.
/// </summary>
public class ConvGradTests
{
    [Theory]
    [InlineData(1, 0, 1, 1)]   // direct, no padding
    [InlineData(1, 2, 2, 1)]   // direct, padding larger than dilation·(k − 1) / 2, dilation 2
    [InlineData(1, 1, 1, 3)]   // direct, three groups
    [InlineData(2, 1, 1, 1)]   // strided: im2col + GEMM
    public void FirstAndSecondOrderGradientsPassGradCheck(int stride, int padding, int dilation, int groups)
    {
        var gen = new Generator(11);
        var x = Torch.Randn([2, 3, 7, 6], DType.Float64, generator: gen).RequiresGrad_();
        var w = Torch.Randn([groups == 3 ? 3 : 5, 3 / groups, 3, 2], DType.Float64, generator: gen).RequiresGrad_();
        var b = Torch.Randn([w.Shape[0]], DType.Float64, generator: gen).RequiresGrad_();
        Tensor Conv(Tensor[] t) => F.Conv2d(t[0], t[1], t[2], (stride, stride), (padding, padding), (dilation, dilation), groups);
        Assert.True(Gradus.Autograd.GradCheck(Conv, [x, w, b]));
        // The bias gradient is Σ g, whose own gradient (through y·y) reaches x, w and b.
        Assert.True(Gradus.Autograd.GradCheck(t =>
        {
            using (Torch.EnableGrad())
                return Gradus.Autograd.Grad((Conv(t) * Conv(t)).Sum(), [t[2]], createGraph: true)[0]!;
        }, [x, w, b]));
    }

    [Theory]
    [InlineData(float.PositiveInfinity)]
    [InlineData(float.NaN)]
    public void NonFiniteInputReachesOnlyTheWeightGradientsOfItsRealWindows(float bad)
    {
        // 5x5 image, 3x3 kernel, no padding: only taps (0, 0) and (1, 0) of the 3x3 output windows cover pixel (1, 0).
        Torch.ManualSeed(7);
        var x = Torch.Rand(2, 1, 5, 5);
        x[0, 0, 1, 0] = Torch.Scalar(bad);
        var w = Torch.Randn(2, 1, 3, 3).RequiresGrad_();
        var g = Torch.Rand(2, 2, 3, 3);
        F.Conv2d(x, w).Backward(g);
        var gw = w.Grad!.ToArray<float>();
        float[] xs = x.ToArray<float>(), gs = g.ToArray<float>();
        for (int co = 0; co < 2; co++)
            for (int i = 0; i < 3; i++)
                for (int j = 0; j < 3; j++)
                {
                    double expected = 0;
                    for (int n = 0; n < 2; n++)
                        for (int oh = 0; oh < 3; oh++)
                            for (int ow = 0; ow < 3; ow++)
                                expected += (double)gs[((n * 2 + co) * 3 + oh) * 3 + ow] * xs[(n * 25) + (oh + i) * 5 + ow + j];
                    float actual = gw[(co * 3 + i) * 3 + j];
                    if (j == 0 && i <= 1) Assert.Equal((float)expected, actual); // inf or NaN, as PyTorch
                    else Assert.Equal(expected, actual, 4);
                }
    }
}
