using System.Text.Json;
using Gradus.Optim;

namespace Gradus.Tests.Optim;

public class OptimizerFixtureTests
{
    private static readonly JsonElement Root = Fixture.Load("optim", "optimizers.json");

    public static IEnumerable<object[]> Cases() =>
        Enumerable.Range(0, Root.GetProperty("cases").GetArrayLength()).Select(i => new object[] { i });

    internal static Optimizer Make(string name, JsonElement kw, IEnumerable<Tensor> ps)
    {
        double D(string k, double d) => kw.TryGetProperty(k, out var v) ? v.GetDouble() : d;
        bool B(string k) => kw.TryGetProperty(k, out var v) && v.GetBoolean();
        (double, double)? betas = kw.TryGetProperty("betas", out var b) ? (b[0].GetDouble(), b[1].GetDouble()) : null;
        return name switch
        {
            "SGD" => new SGD(ps, D("lr", 0), D("momentum", 0), D("dampening", 0), D("weight_decay", 0), B("nesterov"), B("maximize")),
            "Adagrad" => new Adagrad(ps, D("lr", 0.01), D("lr_decay", 0), D("weight_decay", 0), D("initial_accumulator_value", 0)),
            "RMSprop" => new RMSprop(ps, D("lr", 0.01), D("alpha", 0.99), D("eps", 1e-8), D("weight_decay", 0), D("momentum", 0), B("centered")),
            "Adam" => new Adam(ps, D("lr", 1e-3), betas, D("eps", 1e-8), D("weight_decay", 0), B("amsgrad")),
            "AdamW" => new AdamW(ps, D("lr", 1e-3), betas, D("eps", 1e-8), D("weight_decay", 1e-2), B("amsgrad")),
            "NAdam" => new NAdam(ps, D("lr", 2e-3), betas, D("eps", 1e-8), D("weight_decay", 0), D("momentum_decay", 4e-3)),
            _ => throw new ArgumentException(name),
        };
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void QuadraticTrajectoryMatchesPyTorch(int index)
    {
        var c = Root.GetProperty("cases")[index];
        foreach (var (key, dt, tol) in new[] { ("quadratic32", DType.Float32, 1e-6), ("quadratic64", DType.Float64, 1e-12) })
        {
            var q = c.GetProperty(key);
            var a = Torch.Tensor(q.GetProperty("a").Doubles(), dt);
            var center = Torch.Tensor(q.GetProperty("c").Doubles(), dt);
            var p = Torch.Tensor(q.GetProperty("p0").Doubles(), dt, requiresGrad: true);
            var opt = Make(c.GetProperty("optimizer").GetString()!, c.GetProperty("kwargs"), [p]);
            int step = 0;
            foreach (var expected in q.GetProperty("traj").EnumerateArray())
            {
                opt.ZeroGrad();
                (a * (p - center).Pow(2)).Sum().Backward();
                opt.Step();
                Fixture.Close(expected.Doubles(), p.ToArray<double>(), tol, $"{c.GetProperty("optimizer")} {key} step {++step}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void MlpTrajectoryWithFixtureGradientsMatchesPyTorch(int index)
    {
        var c = Root.GetProperty("cases")[index];
        var m = c.GetProperty("mlp");
        var shapes = m.GetProperty("shapes").EnumerateArray().Select(s => s.Ints()).ToArray();
        var ps = m.GetProperty("p0").EnumerateArray().Select((v, i) => Torch.Tensor(v.Doubles()).Reshape(shapes[i]).RequiresGrad_()).ToArray();
        var opt = Make(c.GetProperty("optimizer").GetString()!, c.GetProperty("kwargs"), ps);
        var grads = m.GetProperty("grads").EnumerateArray().ToArray();
        for (int step = 0; step < grads.Length; step++)
        {
            for (int i = 0; i < ps.Length; i++) ps[i].Grad = Torch.Tensor(grads[step][i].Doubles()).Reshape(shapes[i]);
            opt.Step();
            if (m.GetProperty("checkpoints").TryGetProperty((step + 1).ToString(), out var cp))
                for (int i = 0; i < ps.Length; i++)
                    Fixture.Close(cp[i].Doubles(), ps[i].ToArray<double>(), 1e-6, $"{c.GetProperty("optimizer")} mlp step {step + 1} param {i}");
        }
    }

    [Fact]
    public void ResumingFromAStateDictContinuesIdentically()
    {
        foreach (var name in new[] { "SGD", "Adam", "NAdam", "RMSprop", "Adagrad" })
        {
            var kw = JsonDocument.Parse(name == "SGD" ? "{\"lr\":0.05,\"momentum\":0.9}" : "{\"lr\":0.01}").RootElement;
            Tensor Loss(Tensor p) => (p - 1.5).Pow(2).Sum() + p.Sin().Sum();
            var p1 = Torch.Tensor(new double[] { 0.1, -0.4, 2.0 }, requiresGrad: true);
            var o1 = Make(name, kw, [p1]);
            for (int i = 0; i < 20; i++) { o1.ZeroGrad(); Loss(p1).Backward(); o1.Step(); }
            var p2 = Torch.Tensor(new double[] { 0.1, -0.4, 2.0 }, requiresGrad: true);
            var o2 = Make(name, kw, [p2]);
            for (int i = 0; i < 10; i++) { o2.ZeroGrad(); Loss(p2).Backward(); o2.Step(); }
            var saved = o2.StateDict();
            var p3 = Torch.Tensor(p2.ToArray<float>(), requiresGrad: true);
            var o3 = Make(name, kw, [p3]);
            o3.LoadStateDict(saved);
            for (int i = 0; i < 10; i++) { o3.ZeroGrad(); Loss(p3).Backward(); o3.Step(); }
            Assert.Equal(p1.ToArray<float>(), p3.ToArray<float>());
        }
    }

    [Fact]
    public void BadArgumentsAreRejectedWithPyTorchMessages()
    {
        var p = Torch.Zeros(2).RequiresGrad_();
        Assert.Equal("Invalid learning rate: -0.1", Assert.Throws<ArgumentException>(() => new SGD([p], lr: -0.1)).Message);
        Assert.Equal("Invalid beta parameter at index 0: 1", Assert.Throws<ArgumentException>(() => new Adam([p], betas: (1.0, 0.999))).Message);
        Assert.Equal("Invalid beta parameter at index 1: -0.5", Assert.Throws<ArgumentException>(() => new NAdam([p], betas: (0.9, -0.5))).Message);
        Assert.Equal("some parameters appear in more than one parameter group",
            Assert.Throws<ArgumentException>(() => new SGD([new ParamGroup([p]), new ParamGroup([p], lr: 0.5)], lr: 0.1)).Message);
        Assert.Equal("Nesterov momentum requires a momentum and zero dampening", Assert.Throws<ArgumentException>(() => new SGD([p], 0.1, nesterov: true)).Message);
    }

    [Fact]
    public void ParameterGroupsKeepTheirOwnLearningRate()
    {
        var a = Torch.Ones(1).RequiresGrad_();
        var b = Torch.Ones(1).RequiresGrad_();
        var opt = new SGD([new ParamGroup([a]), new ParamGroup([b], lr: 1.0)], lr: 0.1);
        (a + b).Sum().Backward();
        opt.Step();
        Assert.Equal(0.9f, a.Item<float>(), 6);
        Assert.Equal(0f, b.Item<float>(), 6);
        opt.ZeroGrad(setToNone: true);
        Assert.Null(a.Grad);
    }
}
