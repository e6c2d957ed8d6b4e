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
}
