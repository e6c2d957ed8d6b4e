using Gradus.NN;
using Gradus.Random;

namespace Gradus.Tests.NN;

public class DropoutTests
{
    public static TheoryData<int> Cases() => NNFixtures.CaseIndices("dropout.json");

    [Theory]
    [MemberData(nameof(Cases))]
    public void MaskAndScaleMatchPyTorchForTheSameSeed(int index)
    {
        var c = NNFixtures.Load("dropout.json").GetProperty("cases")[index];
        var g = new Generator(c.GetProperty("seed").GetUInt64());
        var x = NNFixtures.Tensor(c.GetProperty("input")).RequiresGrad_();
        var y = new Dropout(c.GetProperty("p").GetDouble(), g).Call(x);
        NNFixtures.AssertClose(c.GetProperty("output"), y, "output", 0, 1e-6);
        (y * NNFixtures.Tensor(c.GetProperty("grad_output"))).Sum().Backward();
        NNFixtures.AssertClose(c.GetProperty("grad_input"), x.Grad!, "grad", 0, 1e-6);
        var next = new float[3];
        g.Uniform(next);
        NNFixtures.AssertClose(NNFixtures.Values(c.GetProperty("next_rand")), next.Select(v => (double)v).ToArray(), "stream after the mask", 0, 0);
    }

    [Fact]
    public void EvalModeAndZeroProbabilityPassTheInputThrough()
    {
        var x = Torch.Ones(4, 4);
        var d = new Dropout(0.5);
        d.Eval();
        Assert.Same(x, d.Call(x));
        Assert.Same(x, F.Dropout(x, 0.0));
        Assert.Equal(new float[16], F.Dropout(x, 1.0).ToArray<float>());
        var ex = Assert.Throws<ArgumentException>(() => new Dropout(1.5));
        Assert.Equal("dropout probability has to be between 0 and 1, but got 1.5", ex.Message);
    }

    [Fact]
    public void GradCheckWithAFixedMask()
    {
        var x = Torch.FromArray(new double[] { 0.5, -1.0, 2.0, 0.3, 1.2, -0.8 });
        Assert.True(NNFixtures.GradCheck(t => F.Dropout(t[0], 0.4, generator: new Generator(3)), x));
    }
}
