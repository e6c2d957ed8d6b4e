namespace Gradus.Tests.Autograd;

public class BackwardTests
{
    [Fact]
    public void TwoXTransposeXGivesFourX()
    {
        var x = Torch.Arange(4.0).RequiresGrad_();
        var y = 2 * (x * x).Sum();
        y.Backward();
        Assert.Equal(new float[] { 0, 4, 8, 12 }, x.Grad!.ToArray<float>());
        Assert.Equal("MulBackward0", y.GradFn!.Name);
    }

    [Fact]
    public void BroadcastGradientsAreSummedBack()
    {
        var a = Torch.Ones(2, 3).Double().RequiresGrad_();
        var b = Torch.Tensor(new double[] { 1, 2, 3 }, DType.Float64, requiresGrad: true);
        ((a * b).Sum()).Backward();
        Assert.Equal(new double[] { 2, 2, 2 }, b.Grad!.ToArray<double>());
        Assert.Equal(new double[] { 1, 2, 3, 1, 2, 3 }, a.Grad!.ToArray<double>());
    }

    [Fact]
    public void GradCheckElementwise()
    {
        var a = Torch.Tensor(new double[,] { { 0.5, -1.2, 2.0 }, { 0.3, 0.7, -0.4 } }, DType.Float64, requiresGrad: true);
        var b = Torch.Tensor(new double[] { 1.5, 0.25, -2.0 }, DType.Float64, requiresGrad: true);
        Assert.True(Gradus.Autograd.GradCheck(x => (x[0] * x[1]).Sigmoid() + x[0].Tanh() / x[1] - x[0].Exp().Sin(), [a, b]));
        Assert.True(Gradus.Autograd.GradCheck(x => x[0].Abs().Add(1).Log().Sqrt().Sum(1) * x[1].Mean(), [a, b]));
    }

    [Fact]
    public void LeafInPlaceIsRejectedOutsideNoGrad()
    {
        var w = Torch.Ones(3).RequiresGrad_();
        var ex = Assert.Throws<InvalidOperationException>(() => w.Sub_(1.0));
        Assert.Equal("a leaf Variable that requires grad is being used in an in-place operation.", ex.Message);
        using (Torch.NoGrad()) w -= 0.5 * Torch.Ones(3);
        Assert.Equal(new float[] { 0.5f, 0.5f, 0.5f }, w.ToArray<float>());
        Assert.True(w.IsLeaf && w.RequiresGrad);
    }

    [Fact]
    public void SecondBackwardThroughFreedGraphFails()
    {
        var x = Torch.Tensor(new float[] { 1, 2 }, requiresGrad: true);
        var y = (x * x).Sum();
        y.Backward();
        var ex = Assert.Throws<InvalidOperationException>(() => y.Backward());
        Assert.StartsWith("Trying to backward through the graph a second time", ex.Message);
    }
}
