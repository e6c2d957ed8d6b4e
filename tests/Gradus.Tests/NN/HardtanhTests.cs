using System.Text.Json;
using Gradus.NN;

namespace Gradus.Tests.NN;

/// <summary>
/// nn.Hardtanh / nn.ReLU6 and F.Hardtanh / F.Relu6 against tools/gen_acts_fixtures.py: values (bounds, values just
/// past them, NaN, ±inf, min &gt; max, min == max), gradients (zero at the bounds), node names, reprs, errors, GradCheck.
/// </summary>
public class HardtanhTests
{
    private static readonly JsonElement Root = Fixture.Load("acts", "hardtanh.json");

    public static TheoryData<int> Cases()
    {
        var data = new TheoryData<int>();
        for (int i = 0; i < Root.GetProperty("cases").GetArrayLength(); i++) data.Add(i);
        return data;
    }

    private static Tensor Apply(JsonElement c, Tensor x, bool inplace) => c.GetProperty("op").GetString() == "relu6"
        ? F.Relu6(x, inplace)
        : F.Hardtanh(x, c.GetProperty("min_val").GetDouble(), c.GetProperty("max_val").GetDouble(), inplace);

    [Theory]
    [MemberData(nameof(Cases))]
    public void ValuesGradientsAndNodeNamesMatchPyTorch(int index)
    {
        var c = Root.GetProperty("cases")[index];
        string label = $"#{index} {c.GetProperty("op")}({c.GetProperty("min_val")}, {c.GetProperty("max_val")}) {c.GetProperty("input").GetProperty("dtype")}";
        var g = NNFixtures.Tensor(c.GetProperty("grad_output"));

        var x = NNFixtures.Tensor(c.GetProperty("input")).RequiresGrad_();
        var y = Apply(c, x, inplace: false);
        Assert.Equal(c.GetProperty("grad_fn").GetString(), y.GradFn!.Name);
        NNFixtures.AssertClose(c.GetProperty("output"), y, label + " output", 0, 0);
        (y * g).Sum().Backward();
        NNFixtures.AssertClose(c.GetProperty("grad_input"), x.Grad!, label + " grad", 0, 0);

        // The composed backward (taken while building a graph) gives the same gradient.
        var xc = NNFixtures.Tensor(c.GetProperty("input")).RequiresGrad_();
        var composed = Gradus.Autograd.Grad((Apply(c, xc, inplace: false) * g).Sum(), [xc], createGraph: true)[0]!;
        NNFixtures.AssertClose(c.GetProperty("grad_input"), composed, label + " composed grad", 0, 0);

        var xi = NNFixtures.Tensor(c.GetProperty("input")).RequiresGrad_();
        var yi = xi * 1;
        Assert.Same(yi, Apply(c, yi, inplace: true));
        Assert.Equal(c.GetProperty("inplace_grad_fn").GetString(), yi.GradFn!.Name);
        NNFixtures.AssertClose(c.GetProperty("output"), yi, label + " in-place output", 0, 0);
        (yi * g).Sum().Backward();
        NNFixtures.AssertClose(c.GetProperty("inplace_grad_input"), xi.Grad!, label + " in-place grad", 0, 0);
    }

    [Fact]
    public void ModulesMatchTheFunctions()
    {
        foreach (var c in Root.GetProperty("cases").EnumerateArray())
        {
            double lo = c.GetProperty("min_val").GetDouble(), hi = c.GetProperty("max_val").GetDouble();
            if (!(hi > lo)) continue;
            var x = NNFixtures.Tensor(c.GetProperty("input"));
            Module m = c.GetProperty("op").GetString() == "relu6" ? new ReLU6() : new Hardtanh(lo, hi);
            NNFixtures.AssertClose(c.GetProperty("output"), m.Call(x), "module", 0, 0);
            var copy = x.Clone();
            Module mi = c.GetProperty("op").GetString() == "relu6" ? new ReLU6(inplace: true) : new Hardtanh(lo, hi, inplace: true);
            Assert.Same(copy, mi.Call(copy));
            NNFixtures.AssertClose(c.GetProperty("output"), copy, "in-place module", 0, 0);
        }
    }

    [Fact]
    public void IntegerInputsAreClamped()
    {
        var x = NNFixtures.Tensor(Root.GetProperty("int_input"));
        Assert.Equal(DType.Int64, F.Hardtanh(x).DType);
        Assert.Equal(NNFixtures.Values(Root.GetProperty("int_hardtanh")), F.Hardtanh(x).ToArray<long>().Select(v => (double)v));
        Assert.Equal(NNFixtures.Values(Root.GetProperty("int_relu6")), new ReLU6().Call(x).ToArray<long>().Select(v => (double)v));
    }

    [Fact]
    public void ReprsMatchPyTorch()
    {
        var modules = new Dictionary<string, Module>
        {
            ["Hardtanh()"] = new Hardtanh(), ["Hardtanh(-2.0, 3.5)"] = new Hardtanh(-2.0, 3.5), ["Hardtanh(-2, 3)"] = new Hardtanh(-2, 3),
            ["Hardtanh(0.0, 1.0, True)"] = new Hardtanh(0.0, 1.0, true), ["ReLU6()"] = new ReLU6(), ["ReLU6(True)"] = new ReLU6(true),
        };
        var reprs = Root.GetProperty("reprs");
        Assert.Equal(reprs.EnumerateObject().Count(), modules.Count);
        foreach (var (key, module) in modules) Assert.Equal(reprs.GetProperty(key).GetString(), module.ToString());
    }

    [Fact]
    public void ErrorsMatchPyTorch()
    {
        // PyTorch asserts max_val > min_val (a bare AssertionError); Gradus names both values.
        Assert.Equal("AssertionError", Root.GetProperty("module_bad_bounds").GetProperty("type").GetString());
        Assert.Equal("AssertionError", Root.GetProperty("module_equal_bounds").GetProperty("type").GetString());
        Assert.Contains("max_val (0.0) must be greater than min_val (1.0)", Assert.Throws<ArgumentException>(() => new Hardtanh(1.0, 0.0)).Message);
        Assert.Throws<ArgumentException>(() => new Hardtanh(1, 1));
        var leaf = Torch.Zeros(2).RequiresGrad_();
        Assert.Equal(Root.GetProperty("inplace_leaf").GetProperty("message").GetString(),
            Assert.Throws<InvalidOperationException>(() => F.Hardtanh(leaf, inplace: true)).Message);
        Assert.Equal(Root.GetProperty("inplace_leaf").GetProperty("message").GetString(),
            Assert.Throws<InvalidOperationException>(() => new ReLU6(inplace: true).Call(leaf)).Message);
    }

    [Fact]
    public void GradientsPassGradCheck()
    {
        // Away from the bounds (the gradient jumps there), float64.
        var x = Torch.FromArray(new double[] { -1.7, -0.6, 0.3, 0.95, 1.4, 2.5, 5.5, 6.8, -0.2, 3.1, 7.3, 0.05 }).Reshape(3, 4);
        Assert.True(NNFixtures.GradCheck(a => F.Hardtanh(a[0]), x));
        Assert.True(NNFixtures.GradCheck(a => F.Hardtanh(a[0], -0.5, 3.0), x));
        Assert.True(NNFixtures.GradCheck(a => F.Relu6(a[0]), x));
        Assert.True(NNFixtures.GradCheck(a => F.Hardtanh(a[0] * 1.5, -2, 2, inplace: true) * 3, x));
        Assert.True(NNFixtures.GradCheck(a => F.Relu6(a[0] * 1.0, inplace: true), x));
        Assert.True(NNFixtures.GradCheck(a =>
        {
            var b = a[0] * 1.0;
            F.Hardtanh(b[1], 0.0, 1.0, inplace: true);
            return b * b;
        }, x));
        // Second order: d/dx of Σ hardtanh(x)², through the composed backward.
        Assert.True(NNFixtures.GradCheck(a =>
        {
            using (Torch.EnableGrad())
            {
                var y = F.Hardtanh(a[0], -1.0, 2.0);
                return Gradus.Autograd.Grad((y * y).Sum(), [a[0]], createGraph: true)[0]!;
            }
        }, x));
    }
}
