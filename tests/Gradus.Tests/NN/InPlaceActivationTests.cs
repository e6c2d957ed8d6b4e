using System.Text.Json;
using Gradus.NN;
using Gradus.Random;

namespace Gradus.Tests.NN;

/// <summary>relu_ / sigmoid_ / tanh_, the inplace option of F and of the activation modules, against tools/gen_inplace_fixtures.py.</summary>
public class InPlaceActivationTests
{
    private static readonly JsonElement Root = Fixture.Load("inplace", "activations.json");

    public static TheoryData<int> Cases()
    {
        var data = new TheoryData<int>();
        for (int i = 0; i < Root.GetProperty("cases").GetArrayLength(); i++) data.Add(i);
        return data;
    }

    /// <summary>The in-place call each fixture case names; the generator stands in for torch.manual_seed(seed).</summary>
    private static Tensor Apply(string name, Tensor t, ulong seed) => name switch
    {
        "relu_" => t.Relu_(),
        "sigmoid_" => t.Sigmoid_(),
        "tanh_" => t.Tanh_(),
        "F.relu" => F.Relu(t, inplace: true),
        "F.leaky_relu" => F.LeakyRelu(t, 0.2, inplace: true),
        "F.elu" => F.Elu(t, 1.5, inplace: true),
        "F.silu" => F.Silu(t, inplace: true),
        "F.dropout" => F.Dropout(t, 0.3, generator: new Generator(seed), inplace: true),
        _ => throw new ArgumentException(name),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void ValuesGradientsHistoryAndVersionMatchPyTorch(int index)
    {
        var c = Root.GetProperty("cases")[index];
        string name = c.GetProperty("name").GetString()!;
        bool view = c.GetProperty("view").GetBoolean();
        var x = NNFixtures.Tensor(c.GetProperty("input")).RequiresGrad_();
        var w = NNFixtures.Tensor(c.GetProperty("weight"));
        var y = x * 2;
        int version = y.storage.Version;
        var r = Apply(name, view ? y[1..] : y, c.GetProperty("seed").GetUInt64());
        if (!view)
        {
            Assert.Same(y, r);
            Assert.Equal(c.GetProperty("grad_fn").GetString(), y.GradFn!.Name);
        }
        Assert.Equal(c.GetProperty("version_bump").GetInt32(), y.storage.Version - version);
        (y * w).Sum().Backward();
        double tol = c.GetProperty("dtype").GetString() == "float32" ? 1e-5 : 1e-12;
        NNFixtures.AssertClose(c.GetProperty("output"), y, name + " output", tol, tol);
        NNFixtures.AssertClose(c.GetProperty("grad_input"), x.Grad!, name + " grad", tol, tol);
    }

    [Fact]
    public void ReprsMatchPyTorch()
    {
        var modules = new Dictionary<string, Module>
        {
            ["ReLU()"] = new ReLU(), ["ReLU(inplace=True)"] = new ReLU(inplace: true),
            ["LeakyReLU()"] = new LeakyReLU(), ["LeakyReLU(inplace=True)"] = new LeakyReLU(inplace: true),
            ["LeakyReLU(0.2, inplace=True)"] = new LeakyReLU(0.2, inplace: true),
            ["ELU()"] = new ELU(), ["ELU(inplace=True)"] = new ELU(inplace: true),
            ["SiLU()"] = new SiLU(), ["SiLU(inplace=True)"] = new SiLU(inplace: true),
            ["Dropout()"] = new Dropout(), ["Dropout(inplace=True)"] = new Dropout(inplace: true),
            ["Dropout(0.25, inplace=True)"] = new Dropout(0.25, inplace: true),
        };
        var reprs = Root.GetProperty("reprs");
        Assert.Equal(reprs.EnumerateObject().Count(), modules.Count);
        foreach (var (key, module) in modules) Assert.Equal(reprs.GetProperty(key).GetString(), module.ToString());
    }

    [Fact]
    public void LeavesRequiringGradAndTheirViewsAreRefused()
    {
        var errors = Root.GetProperty("errors");
        string Message(Action a) => Assert.Throws<InvalidOperationException>(a).Message;
        Tensor Leaf() => Torch.Randn(3).RequiresGrad_();
        Assert.Equal(errors.GetProperty("leaf").GetString(), Message(() => Leaf().Relu_()));
        Assert.Equal(errors.GetProperty("leaf").GetString(), Message(() => Leaf().Tanh_()));
        Assert.Equal(errors.GetProperty("view_of_leaf").GetString(), Message(() => Leaf()[1..].Sigmoid_()));
        Assert.Equal(errors.GetProperty("module_leaf").GetString(), Message(() => new ReLU(inplace: true).Call(Leaf())));
        foreach (var m in new Module[] { new LeakyReLU(inplace: true), new ELU(inplace: true), new SiLU(inplace: true), new Dropout(inplace: true) })
            Assert.Equal(errors.GetProperty("leaf").GetString(), Message(() => m.Call(Leaf())));
        Assert.Equal(errors.GetProperty("leaky_negative_slope").GetString(),
            Message(() => F.LeakyRelu(Leaf() * 2, -0.2, inplace: true).Sum().Backward()));
        Assert.Equal(errors.GetProperty("elu_negative_alpha").GetString(),
            Message(() => F.Elu(Leaf() * 2, -1.5, inplace: true).Sum().Backward()));
    }

    [Fact]
    public void UnderNoGradALeafIsSimplyOverwritten()
    {
        var x = Torch.Tensor(new float[] { -1, 0.5f, 2 }).RequiresGrad_();
        int version = x.storage.Version;
        using (Torch.NoGrad())
        {
            Assert.Same(x, x.Relu_());
            Assert.Same(x, F.Elu(x, inplace: true));
        }
        Assert.Null(x.GradFn);
        Assert.True(x.IsLeaf);
        Assert.Equal(version + 2, x.storage.Version);
        Assert.Equal(new float[] { 0, 0.5f, 2 }, x.ToArray<float>());
        var plain = Torch.Tensor(new float[] { -2, 0 });
        Assert.Same(plain, plain.Sigmoid_());
        Assert.Equal(new[] { 1 / (1 + MathF.Exp(2)), 0.5f }, plain.ToArray<float>());
        Assert.Null(plain.GradFn);
    }

    [Fact]
    public void GradCheckThroughInPlaceOpsOnNonLeaves()
    {
        var x = Torch.FromArray(new double[] { 0.7, -1.3, 2.1, -0.4, 0.9, -2.2 }).Reshape(2, 3);
        foreach (var f in new Func<Tensor, Tensor>[]
        {
            t => t.Relu_(), t => t.Sigmoid_(), t => t.Tanh_(), t => F.LeakyRelu(t, 0.1, inplace: true),
            t => F.Elu(t, 0.8, inplace: true), t => F.Silu(t, inplace: true),
            t => F.Dropout(t, 0.4, generator: new Generator(5), inplace: true),
        })
        {
            Assert.True(NNFixtures.GradCheck(a => f(a[0] * 1.5) * 3, x));
            // Through a view of a non-leaf: the base takes the rebased history.
            Assert.True(NNFixtures.GradCheck(a =>
            {
                var b = a[0] * 1.5;
                f(b[1]);
                return b * b;
            }, x));
        }
    }

    [Fact]
    public void InPlaceReluTrainsLikeOutOfPlace()
    {
        var x = Torch.Randn([5, 4], DType.Float32, new Generator(1));
        var grads = new List<double[]>();
        foreach (bool inplace in new[] { false, true })
        {
            var model = new Sequential(new Linear(4, 3, generator: new Generator(2)), new ReLU(inplace: inplace));
            var loss = model.Call(x).Pow(2).Sum();
            loss.Backward();
            foreach (var p in model.Parameters()) grads.Add(p.Grad!.ToArray<double>());
            grads.Add([loss.Item<double>()]);
        }
        int half = grads.Count / 2;
        for (int i = 0; i < half; i++) Assert.Equal(grads[i], grads[half + i]);
        Assert.Contains(grads[0], v => v != 0);
    }
}
