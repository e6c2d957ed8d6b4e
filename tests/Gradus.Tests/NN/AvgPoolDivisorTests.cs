using System.Text.Json;
using Gradus.NN;

namespace Gradus.Tests.NN;

/// <summary>
/// divisor_override of F.AvgPool2d / nn.AvgPool2d against tools/gen_acts_fixtures.py: values and gradients with
/// padding, count_include_pad, ceil_mode, a negative divisor and an unbatched input; reprs, the zero error, GradCheck.
/// </summary>
public class AvgPoolDivisorTests
{
    private static readonly JsonElement Root = Fixture.Load("acts", "avgpool.json");

    public static TheoryData<int> Cases()
    {
        var data = new TheoryData<int>();
        for (int i = 0; i < Root.GetProperty("cases").GetArrayLength(); i++) data.Add(i);
        return data;
    }

    private static Tensor Pool(JsonElement c, Tensor x) => F.AvgPool2d(x, PoolCeilModeTests.Pair(c, "kernel"),
        PoolCeilModeTests.Pair(c, "stride"), PoolCeilModeTests.Pair(c, "padding"), c.GetProperty("ceil_mode").GetBoolean(),
        c.GetProperty("count_include_pad").GetBoolean(), c.GetProperty("divisor_override").GetInt32());

    [Theory]
    [MemberData(nameof(Cases))]
    public void ValuesAndGradientsMatchPyTorch(int index)
    {
        var c = Root.GetProperty("cases")[index];
        string label = $"#{index} divisor {c.GetProperty("divisor_override")}";
        var x = NNFixtures.Tensor(c.GetProperty("input")).RequiresGrad_();
        var y = Pool(c, x);
        Assert.Equal(c.GetProperty("grad_fn").GetString(), y.GradFn!.Name);
        NNFixtures.AssertClose(c.GetProperty("output"), y, label + " output", 1e-6, 1e-5);
        (y * NNFixtures.Tensor(c.GetProperty("grad_output"))).Sum().Backward();
        NNFixtures.AssertClose(c.GetProperty("grad_input"), x.Grad!, label + " grad", 1e-6, 1e-5);

        var module = new AvgPool2d(PoolCeilModeTests.Pair(c, "kernel"), PoolCeilModeTests.Pair(c, "stride"), PoolCeilModeTests.Pair(c, "padding"),
            c.GetProperty("ceil_mode").GetBoolean(), c.GetProperty("count_include_pad").GetBoolean(), c.GetProperty("divisor_override").GetInt32());
        NNFixtures.AssertClose(c.GetProperty("output"), module.Call(x.Detach()), label + " module", 1e-6, 1e-5);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void GradientsPassGradCheck(int index)
    {
        var c = Root.GetProperty("cases")[index];
        Assert.True(NNFixtures.GradCheck(t => Pool(c, t[0]), NNFixtures.Tensor(c.GetProperty("input"))));
    }

    [Fact]
    public void SecondOrderGradientsPassGradCheck()
    {
        var c = Root.GetProperty("cases")[4];
        Assert.True(NNFixtures.GradCheck(t =>
        {
            using (Torch.EnableGrad())
            {
                var y = Pool(c, t[0]);
                return Gradus.Autograd.Grad((y * y).Sum(), [t[0]], createGraph: true)[0]!;
            }
        }, NNFixtures.Tensor(c.GetProperty("input"))));
    }

    [Fact]
    public void ReprsLeaveTheDivisorOutAsPyTorch()
    {
        var reprs = Root.GetProperty("reprs");
        Assert.Equal(reprs.GetProperty("AvgPool2d(2, divisor_override=3)").GetString(), new AvgPool2d(2, divisorOverride: 3).ToString());
        Assert.Equal(reprs.GetProperty("AvgPool2d((3, 2), (2, 1), (1, 1), True, False, 5)").GetString(),
            new AvgPool2d((3, 2), (2, 1), (1, 1), true, false, 5).ToString());
        Assert.Equal(3, new AvgPool2d(2, divisorOverride: 3).DivisorOverride);
        Assert.Null(new AvgPool2d(2).DivisorOverride);
    }

    [Fact]
    public void ZeroDivisorIsRefusedAtTheForward()
    {
        var x = Torch.Ones(1, 1, 4, 4);
        Assert.Equal(Root.GetProperty("zero_divisor").GetProperty("message").GetString(),
            Assert.Throws<ArgumentException>(() => F.AvgPool2d(x, (2, 2), divisorOverride: 0)).Message);
        var module = new AvgPool2d(2, divisorOverride: 0);
        Assert.Equal(Root.GetProperty("module_zero_divisor").GetProperty("message").GetString(),
            Assert.Throws<ArgumentException>(() => module.Call(x)).Message);
    }
}
