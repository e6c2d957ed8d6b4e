namespace Gradus.Tests;

/// <summary>The README's 20-line tour, line for line, with the printed values asserted.</summary>
public class ReadmeTourTests
{
    [Fact]
    public void TheTourPrintsWhatTheReadmeSays()
    {
        var x = Torch.Arange(4.0).RequiresGrad_();
        Assert.Equal("tensor([0., 1., 2., 3.], requires_grad=True)", x.ToString());
        var y = 2 * (x * x).Sum();
        y.Backward();
        Assert.Equal("tensor([ 0.,  4.,  8., 12.])", x.Grad!.ToString());

        var a = Torch.Arange(12L).Reshape(3, 4);
        Assert.Equal("tensor([ 7, 11])", a[1..3, ^1].ToString());
        Assert.Equal("tensor([[12, 15, 18, 21]])", a.Sum(0, keepDim: true).ToString());

        lock (Gradus.Tests.Random.DefaultGeneratorLock.Sync)
        {
            Torch.ManualSeed(42);
            var b = Torch.Tensor(new[] { 0.5 }, requiresGrad: true);
            var w = Torch.Tensor(new[] { -0.1 }, requiresGrad: true);
            var xs = Torch.Rand(80, 1);
            var ys = 1 + 2 * xs;
            for (int epoch = 0; epoch < 1000; epoch++)
            {
                var loss = (b + w * xs - ys).Pow(2).Mean();
                loss.Backward();
                using (Torch.NoGrad()) { b -= 0.1 * b.Grad!; w -= 0.1 * w.Grad!; }
                b.Grad!.Zero_(); w.Grad!.Zero_();
            }
            Assert.Equal(1.0, b.Item(), 2);
            Assert.Equal(2.0, w.Item(), 2);
            Assert.True(b.IsLeaf && w.RequiresGrad);
        }
    }
}
