using System.Text.Json;
using Gradus.NN;

namespace Gradus.Tests.NN;

public class ActivationTests
{
    public static TheoryData<int> Cases() => NNFixtures.CaseIndices("activations.json");

    private static double Arg(JsonElement kw, string name, double fallback) =>
        kw.TryGetProperty(name, out var v) ? v.GetDouble() : fallback;

    /// <summary>The functional form named by the fixture.</summary>
    private static Func<Tensor, Tensor> Functional(string name, JsonElement kw) => name switch
    {
        "relu" => F.Relu,
        "leaky_relu" => x => F.LeakyRelu(x, Arg(kw, "negative_slope", 0.01)),
        "elu" => x => F.Elu(x, Arg(kw, "alpha", 1.0)),
        "gelu" => x => F.Gelu(x, kw.GetProperty("approximate").GetString()!),
        "silu" => F.Silu,
        "sigmoid" => F.Sigmoid,
        "tanh" => F.Tanh,
        "softplus" => x => F.Softplus(x, Arg(kw, "beta", 1), Arg(kw, "threshold", 20)),
        "softmax" => x => F.Softmax(x, kw.GetProperty("dim").GetInt32()),
        "log_softmax" => x => F.LogSoftmax(x, kw.GetProperty("dim").GetInt32()),
        _ => throw new ArgumentException(name),
    };

    /// <summary>The module form named by the fixture.</summary>
    private static Module Layer(string name, JsonElement kw) => name switch
    {
        "relu" => new ReLU(),
        "leaky_relu" => new LeakyReLU(Arg(kw, "negative_slope", 0.01)),
        "elu" => new ELU(Arg(kw, "alpha", 1.0)),
        "gelu" => new GELU(kw.GetProperty("approximate").GetString()!),
        "silu" => new SiLU(),
        "sigmoid" => new Sigmoid(),
        "tanh" => new Tanh(),
        "softplus" => new Softplus(Arg(kw, "beta", 1), Arg(kw, "threshold", 20)),
        "softmax" => new Softmax(kw.GetProperty("dim").GetInt32()),
        "log_softmax" => new LogSoftmax(kw.GetProperty("dim").GetInt32()),
        _ => throw new ArgumentException(name),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void ForwardAndBackwardMatchPyTorch(int index)
    {
        var c = NNFixtures.Load("activations.json").GetProperty("cases")[index];
        string name = c.GetProperty("name").GetString()!;
        var kw = c.GetProperty("kwargs");
        var label = $"{name} {kw}";
        var x = NNFixtures.Tensor(c.GetProperty("input")).RequiresGrad_();
        var y = Functional(name, kw)(x);
        NNFixtures.AssertClose(c.GetProperty("output"), y, label + " output", 1e-6, 1e-5);
        var gout = NNFixtures.Tensor(c.GetProperty("grad_output"));
        // The gradient built for higher orders (tensor ops) and the fused one must both match PyTorch.
        var composed = Gradus.Autograd.Grad((y * gout).Sum(), [x], retainGraph: true, createGraph: true)[0]!;
        NNFixtures.AssertClose(c.GetProperty("grad_input"), composed, label + " grad (create_graph)", 1e-6, 1e-5);
        (y * gout).Sum().Backward();
        NNFixtures.AssertClose(c.GetProperty("grad_input"), x.Grad!, label + " grad", 1e-6, 1e-5);

        var viaModule = Layer(name, kw).Call(x.Detach());
        Assert.Equal(y.ToArray<float>(), viaModule.ToArray<float>());
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void GradCheckInFloat64(int index)
    {
        var c = NNFixtures.Load("activations.json").GetProperty("cases")[index];
        string name = c.GetProperty("name").GetString()!;
        var f = Functional(name, c.GetProperty("kwargs"));
        // Keep finite differences away from the kinks at zero and the softplus threshold.
        var x = Torch.Tensor(new double[,] { { -2.5, -0.7, 0.3, 1.1 }, { 2.2, -1.4, 0.9, -0.2 } }, DType.Float64);
        Assert.True(NNFixtures.GradCheck(t => f(t[0]), x));
    }

    [Fact]
    public void SecondDerivativesFlowThroughBackward()
    {
        var x = Torch.Tensor(new double[] { -1.3, -0.4, 0.6, 1.7 }, DType.Float64, requiresGrad: true);
        foreach (var f in new Func<Tensor, Tensor>[] { t => F.Gelu(t), F.Silu, t => F.Elu(t), t => F.Softplus(t, 2), t => F.LogSoftmax(t, 0), t => F.Softmax(t, 0) })
        {
            Assert.True(Gradus.Autograd.GradCheck(t =>
            {
                using (Torch.EnableGrad()) return Gradus.Autograd.Grad((f(t[0]) * t[0]).Sum(), [t[0]], createGraph: true)[0]!;
            }, [x]));
        }
    }

    [Fact]
    public void GeluUsesTheErfFormToDoublePrecision()
    {
        // x·Φ(x) with Φ(1) = 0.841344746068542948585232545632 and Φ(-2) = 0.0227501319481792072002826371665.
        var y = F.Gelu(Torch.Tensor(new double[] { 1.0, -2.0, 0.0 }, DType.Float64)).ToArray<double>();
        Assert.Equal(0.841344746068542948585232545632, y[0], 15);
        Assert.Equal(-2 * 0.0227501319481792072002826371665, y[1], 15);
        Assert.Equal(0.0, y[2]);
    }

    [Fact]
    public void SoftmaxOfHugeLogitsStaysFinite()
    {
        var p = F.Softmax(Torch.Tensor(new float[] { 10000, 10001, -10000 }), 0).ToArray<float>();
        Assert.Equal(1f, p.Sum(), 6);
        Assert.True(p.All(float.IsFinite));
        var lp = F.LogSoftmax(Torch.Tensor(new float[] { 10000, 10001, -10000 }), -1).ToArray<float>();
        Assert.Equal(-1.3132616f, lp[0], 5);
        Assert.True(Math.Abs(lp[2] - -20001.3133) < 0.01, $"{lp[2]}");
    }

    [Fact]
    public void IntegerInputsAreRejected()
    {
        var ex = Assert.Throws<ArgumentException>(() => F.Gelu(Torch.Arange(3L)));
        Assert.Equal("\"gelu\" not implemented for 'Int64'", ex.Message);
        Assert.Throws<ArgumentException>(() => F.Gelu(Torch.Zeros(2), "fast"));
    }
}
