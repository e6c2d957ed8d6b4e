namespace Gradus.Tests.Autograd;

/// <summary>The fused backward fast paths give exactly what the composed tensor-op rules give.</summary>
public class FastBackwardTests
{
    [Fact]
    public void ReluBackwardMatchesComposedRule()
    {
        // 37 elements: a SIMD body and a scalar tail; NaN and negative gradients where the mask is 0 keep NaN and -0.
        var xs = new float[37];
        var gs = new float[37];
        for (int i = 0; i < xs.Length; i++)
        {
            xs[i] = (i % 3 - 1) * (i + 0.5f);
            gs[i] = i % 5 == 0 ? float.NaN : i % 2 == 0 ? -(i + 1f) : i + 1f;
        }
        var x = Torch.Tensor(xs, requiresGrad: true);
        x.Relu().Backward(Torch.Tensor(gs));
        var got = x.Grad!.ToArray<float>();
        for (int i = 0; i < xs.Length; i++)
        {
            float expected = gs[i] * (xs[i] > 0 ? 1f : 0f);
            Assert.Equal(BitConverter.SingleToInt32Bits(expected), BitConverter.SingleToInt32Bits(got[i]));
        }
    }

    [Fact]
    public void ReluBackwardOfNonContiguousGradientFloat64()
    {
        var x = Torch.FromArray(new double[] { -1, 2, 3, -4, 5, 0 }).Reshape(2, 3).RequiresGrad_();
        var g = Torch.FromArray(new double[] { 1, 2, 3, 4, 5, 6 }).Reshape(3, 2).T;
        x.Relu().Backward(g);
        Assert.Equal(new double[] { 0, 3, 5, 0, 4, 0 }, x.Grad!.ToArray<double>());
    }

    [Fact]
    public void MeanOverTrailingDimsMatchesSumOverCount()
    {
        var x = Torch.Arange(0.0, 24.0).Reshape(2, 3, 4);
        Assert.Equal(new float[] { 5.5f, 17.5f }, x.Mean([1, 2]).ToArray<float>());
        Assert.Equal(new float[] { 66f, 210f }, x.Sum([1, 2]).ToArray<float>());
        Assert.Equal(new[] { 2, 1, 1 }, x.Sum([-1, 1], keepDim: true).Shape);
    }
}
