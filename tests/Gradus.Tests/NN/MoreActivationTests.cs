using System.Text.Json;
using Gradus.NN;

namespace Gradus.Tests.NN;

/// <summary>
/// Softmin, LogSigmoid, Softsign, Mish, Hardsigmoid, Hardswish, SELU, CELU, Softshrink, Hardshrink, Tanhshrink and
/// Threshold against tools/gen_more_acts_fixtures.py: values and gradients at and near the kinks, ±inf, node names (out of
/// place and in place), the composed (create-graph) backward, module reprs, errors, and float64 GradCheck.
/// </summary>
public class MoreActivationTests
{
    private static readonly JsonElement Root = Fixture.Load("acts", "more_activations.json");

    public static TheoryData<int> Cases()
    {
        var data = new TheoryData<int>();
        for (int i = 0; i < Root.GetProperty("cases").GetArrayLength(); i++) data.Add(i);
        return data;
    }

    private static double Setting(JsonElement c, string name) => c.GetProperty("settings").GetProperty(name).GetDouble();

    private static Tensor Apply(JsonElement c, Tensor x, bool inplace) => c.GetProperty("op").GetString() switch
    {
        "softmin" => F.Softmin(x, (int)Setting(c, "dim")),
        "logsigmoid" => F.Logsigmoid(x),
        "softsign" => F.Softsign(x),
        "mish" => F.Mish(x, inplace),
        "hardsigmoid" => F.Hardsigmoid(x, inplace),
        "hardswish" => F.Hardswish(x, inplace),
        "selu" => F.Selu(x, inplace),
        "celu" => F.Celu(x, Setting(c, "alpha"), inplace),
        "softshrink" => F.Softshrink(x, Setting(c, "lambd")),
        "hardshrink" => F.Hardshrink(x, Setting(c, "lambd")),
        "tanhshrink" => F.Tanhshrink(x),
        "threshold" => F.Threshold(x, Setting(c, "threshold"), Setting(c, "value"), inplace),
        var op => throw new InvalidOperationException(op),
    };

    private static Module Module(JsonElement c, bool inplace) => c.GetProperty("op").GetString() switch
    {
        "softmin" => new Softmin((int)Setting(c, "dim")),
        "logsigmoid" => new LogSigmoid(),
        "softsign" => new Softsign(),
        "mish" => new Mish(inplace),
        "hardsigmoid" => new Hardsigmoid(inplace),
        "hardswish" => new Hardswish(inplace),
        "selu" => new SELU(inplace),
        "celu" => new CELU(Setting(c, "alpha"), inplace),
        "softshrink" => new Softshrink(Setting(c, "lambd")),
        "hardshrink" => new Hardshrink(Setting(c, "lambd")),
        "tanhshrink" => new Tanhshrink(),
        "threshold" => new Threshold(Setting(c, "threshold"), Setting(c, "value"), inplace),
        var op => throw new InvalidOperationException(op),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void ValuesGradientsAndNodeNamesMatchPyTorch(int index)
    {
        var c = Root.GetProperty("cases")[index];
        bool f64 = c.GetProperty("input").GetProperty("dtype").GetString() == "float64";
        double atol = f64 ? 1e-12 : 1e-6, rtol = f64 ? 1e-12 : 1e-6;
        string label = $"#{index} {c.GetProperty("op")}({c.GetProperty("settings")}) {c.GetProperty("input").GetProperty("dtype")}";
        var g = NNFixtures.Tensor(c.GetProperty("grad_output"));

        var x = NNFixtures.Tensor(c.GetProperty("input")).RequiresGrad_();
        var y = Apply(c, x, inplace: false);
        Assert.Equal(c.GetProperty("grad_fn").GetString(), y.GradFn!.Name);
        NNFixtures.AssertClose(c.GetProperty("output"), y, label + " output", atol, rtol);
        (y * g).Sum().Backward();
        NNFixtures.AssertClose(c.GetProperty("grad_input"), x.Grad!, label + " grad", atol, rtol);

        // The composed backward (taken while building a graph) gives the same gradient.
        var xc = NNFixtures.Tensor(c.GetProperty("input")).RequiresGrad_();
        var composed = Gradus.Autograd.Grad((Apply(c, xc, inplace: false) * g).Sum(), [xc], createGraph: true)[0]!;
        NNFixtures.AssertClose(c.GetProperty("grad_input"), composed, label + " composed grad", atol, rtol);

        var m = Module(c, inplace: false).Call(NNFixtures.Tensor(c.GetProperty("input")));
        NNFixtures.AssertClose(c.GetProperty("output"), m, label + " module", atol, rtol);
        if (!c.TryGetProperty("inplace_grad_fn", out var inplaceNode)) return;

        var xi = NNFixtures.Tensor(c.GetProperty("input")).RequiresGrad_();
        var yi = xi * 1;
        Assert.Same(yi, Apply(c, yi, inplace: true));
        Assert.Equal(inplaceNode.GetString(), yi.GradFn!.Name);
        NNFixtures.AssertClose(c.GetProperty("output"), yi, label + " in-place output", atol, rtol);
        (yi * g).Sum().Backward();
        NNFixtures.AssertClose(c.GetProperty("inplace_grad_input"), xi.Grad!, label + " in-place grad", atol, rtol);

        var copy = NNFixtures.Tensor(c.GetProperty("input"));
        Assert.Same(copy, Module(c, inplace: true).Call(copy));
        NNFixtures.AssertClose(c.GetProperty("output"), copy, label + " in-place module", atol, rtol);
    }

    [Fact]
    public void ReprsMatchPyTorch()
    {
        var modules = new Dictionary<string, Module>
        {
            ["Softmin(dim=1)"] = new Softmin(dim: 1), ["Softmin()"] = new Softmin(), ["LogSigmoid()"] = new LogSigmoid(),
            ["Softsign()"] = new Softsign(), ["Mish()"] = new Mish(), ["Mish(True)"] = new Mish(true), ["Hardsigmoid()"] = new Hardsigmoid(),
            ["Hardsigmoid(True)"] = new Hardsigmoid(true), ["Hardswish()"] = new Hardswish(), ["Hardswish(True)"] = new Hardswish(true),
            ["SELU()"] = new SELU(), ["SELU(True)"] = new SELU(true), ["CELU()"] = new CELU(), ["CELU(0.5, True)"] = new CELU(0.5, true),
            ["CELU(2)"] = new CELU(2), ["Softshrink()"] = new Softshrink(), ["Softshrink(1.25)"] = new Softshrink(1.25),
            ["Softshrink(1)"] = new Softshrink(1), ["Hardshrink()"] = new Hardshrink(), ["Hardshrink(2)"] = new Hardshrink(2),
            ["Tanhshrink()"] = new Tanhshrink(), ["Threshold(0.5, -2.0)"] = new Threshold(0.5, -2.0),
            ["Threshold(1, 0, True)"] = new Threshold(1, 0, true),
        };
        var reprs = Root.GetProperty("reprs");
        foreach (var (key, module) in modules) Assert.Equal(reprs.GetProperty(key).GetString(), module.ToString());
        // A mixed float/int pair binds C#'s double constructor, so the int prints as a float (PyTorch keeps it an int).
        Assert.Equal("Threshold(threshold=0.1, value=20)", reprs.GetProperty("Threshold(0.1, 20)").GetString());
        Assert.Equal("Threshold(threshold=0.1, value=20.0)", new Threshold(0.1, 20).ToString());
    }

    [Fact]
    public void TensorHardshrinkAndErrors()
    {
        var x = Torch.FromArray(new double[] { -1.0, -0.5, 0.2, 0.5, 0.7 });
        Assert.Equal(new double[] { -1.0, 0, 0, 0, 0.7 }, x.Hardshrink().ToArray<double>());
        Assert.Equal(new double[] { 0, 0, 0, 0, 0 }, x.Hardshrink(1.0).ToArray<double>());
        Assert.Equal("lambda must be greater or equal to 0, but found to be -0.5.",
            Assert.Throws<ArgumentException>(() => F.Softshrink(x, -0.5)).Message);
        Assert.Equal("ZeroDivisionError: alpha cannot be 0 for CELU", Assert.Throws<ArgumentException>(() => F.Celu(x, 0.0)).Message);
        var leaf = Torch.Zeros(2).RequiresGrad_();
        Assert.Throws<InvalidOperationException>(() => F.Mish(leaf, inplace: true));
        Assert.Throws<InvalidOperationException>(() => new Threshold(0.0, 1.0, inplace: true).Call(leaf));
    }

    [Fact]
    public void GradientsPassGradCheck()
    {
        // Away from every kink (0, ±0.5, ±3, the threshold 0.25), float64.
        var x = Torch.FromArray(new double[] { -3.7, -1.7, -0.6, -0.2, 0.3, 0.95, 1.4, 2.5, 3.4, -2.2, 0.05, 4.1 }).Reshape(3, 4);
        Func<Tensor, Tensor>[] fns =
        [
            a => F.Softmin(a, 1), a => F.Softmin(a, 0), F.Logsigmoid, F.Softsign, a => F.Mish(a), a => F.Hardsigmoid(a),
            a => F.Hardswish(a), a => F.Selu(a), a => F.Celu(a, 0.7), a => F.Softshrink(a), a => F.Hardshrink(a), F.Tanhshrink,
            a => F.Threshold(a, 0.25, -1.0), a => F.Mish(a * 1.0, inplace: true), a => F.Selu(a * 1.0, inplace: true),
            a => F.Celu(a * 1.0, 1.5, inplace: true), a => F.Threshold(a * 1.0, 0.25, 2.0, inplace: true),
            a => F.Hardswish(a * 1.0, inplace: true), a => F.Hardsigmoid(a * 1.0, inplace: true),
        ];
        for (int i = 0; i < fns.Length; i++)
        {
            var f = fns[i];
            Assert.True(NNFixtures.GradCheck(a => f(a[0]), x), $"function #{i}");
            // Second order through the composed backward.
            Assert.True(NNFixtures.GradCheck(a =>
            {
                using (Torch.EnableGrad())
                {
                    var y = f(a[0]);
                    return Gradus.Autograd.Grad((y * y).Sum(), [a[0]], createGraph: true)[0]!;
                }
            }, x), $"second order #{i}");
        }
    }
}
