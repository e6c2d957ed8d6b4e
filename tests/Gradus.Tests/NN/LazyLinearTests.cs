using System.Text.Json;
using Gradus.NN;
using Gradus.Optim;

namespace Gradus.Tests.NN;

/// <summary>nn.LazyLinear against tools/gen_lazy_fixtures.py (PyTorch 1.13).</summary>
public class LazyLinearTests
{
    private static readonly JsonElement Root = Fixture.Load("lazy", "lazy_linear.json");

    private static string Str(JsonElement e, string name) => e.GetProperty(name).GetString()!;

    [Fact]
    public void D2LDataInitIsANoOpAndTheFirstCallMaterializesAsPyTorch()
    {
        var c = Root.GetProperty("d2l");
        Torch.ManualSeed(42);
        var net = new LazyLinear(1);
        Assert.Equal(Str(c, "repr_before"), net.ToString());
        Assert.Equal(Str(c, "param_repr_before"), net.Weight.ToString());
        Assert.True(net.IsLazy);
        net.Weight.Detach().Normal_(0, 0.01);                       // net.weight.data.normal_(0, 0.01): empty data, no draw
        net.Bias!.Detach().Fill_(0);                                // net.bias.data.fill_(0)
        Assert.Equal(c.GetProperty("data_shape_before").Ints(), net.Weight.Detach().Shape);
        var x = Torch.Randn(8, 2);
        NNFixtures.AssertClose(c.GetProperty("x"), x, "x", 0, 0);
        var weight = net.Weight;
        var y = net.Call(x);
        Assert.Same(weight, net.Weight);
        Assert.False(net.Weight.IsUninitialized);
        Assert.False(net.IsLazy);
        Assert.Equal(c.GetProperty("in_features").GetInt32(), net.InFeatures);
        Assert.Equal(Str(c, "repr_after"), net.ToString());
        Assert.True(net.Weight.RequiresGrad);
        NNFixtures.AssertClose(c.GetProperty("weight"), net.Weight, "weight", 1e-7, 1e-6);
        NNFixtures.AssertClose(c.GetProperty("bias"), net.Bias, "bias", 1e-7, 1e-6);
        NNFixtures.AssertClose(c.GetProperty("y"), y, "y", 1e-6, 1e-5);
        Assert.Equal("AddmmBackward0", y.GradFn!.Name);
    }

    public static TheoryData<int> MaterializeCases()
    {
        var data = new TheoryData<int>();
        for (int i = 0; i < Root.GetProperty("materialize").GetArrayLength(); i++) data.Add(i);
        return data;
    }

    [Theory]
    [MemberData(nameof(MaterializeCases))]
    public void FirstCallDrawsTheSameInitAsPyTorch(int index)
    {
        var c = Root.GetProperty("materialize")[index];
        Torch.ManualSeed(c.GetProperty("seed").GetInt64());
        bool bias = c.GetProperty("bias").GetBoolean();
        var m = new LazyLinear(c.GetProperty("weight").GetProperty("shape")[0].GetInt32(), bias);
        Assert.Equal(Str(c, "repr_before"), m.ToString());
        var x = Torch.Randn(c.GetProperty("x").GetProperty("shape").Ints());
        NNFixtures.AssertClose(c.GetProperty("x"), x, "x", 0, 0);
        var y = m.Call(x);
        string label = $"seed {c.GetProperty("seed")}, in {c.GetProperty("in_features")}, bias {bias}";
        Assert.Equal(c.GetProperty("in_features").GetInt32(), m.InFeatures);
        Assert.Equal(Str(c, "repr_after"), m.ToString());
        NNFixtures.AssertClose(c.GetProperty("weight"), m.Weight, label + " weight", 1e-7, 1e-6);
        if (bias) NNFixtures.AssertClose(c.GetProperty("bias_value"), m.Bias!, label + " bias", 1e-7, 1e-6);
        else Assert.Null(m.Bias);
        NNFixtures.AssertClose(c.GetProperty("y"), y, label + " y", 1e-6, 1e-5);
        NNFixtures.AssertClose(c.GetProperty("next_rand"), Torch.Rand(2), label + " next draw", 0, 0);
        Assert.Equal(bias ? 2 : 1, m.Parameters().Count());
    }

    [Fact]
    public void OptimizerBuiltBeforeTheFirstCallUpdatesTheMaterializedParameters()
    {
        var c = Root.GetProperty("sgd");
        Torch.ManualSeed(0);
        var m = new LazyLinear(1);
        var opt = new SGD(m.Parameters(), lr: 0.1);
        var x = Torch.Randn(8, 3);
        var y = Torch.Randn(8, 1);
        var losses = c.GetProperty("losses").Doubles();
        for (int step = 0; step < losses.Length; step++)
        {
            var loss = F.MseLoss(m.Call(x), y);
            Assert.Equal(losses[step], loss.Item(), 5);
            opt.ZeroGrad();
            loss.Backward();
            opt.Step();
        }
        Assert.Same(m.Weight, opt.ParamGroups[0].Params[0]);
        NNFixtures.AssertClose(c.GetProperty("weight"), m.Weight, "weight", 1e-6, 1e-5);
        NNFixtures.AssertClose(c.GetProperty("bias"), m.Bias!, "bias", 1e-6, 1e-5);
    }

    [Fact]
    public void LoadingAStateDictMaterializesFromTheSavedShapes()
    {
        var c = Root.GetProperty("load");
        var sd = new Dictionary<string, Tensor> { ["weight"] = NNFixtures.Tensor(c.GetProperty("weight")), ["bias"] = NNFixtures.Tensor(c.GetProperty("bias")) };
        var m = new LazyLinear(2);
        var weight = m.Weight;
        Assert.Equal(Str(c, "result"), m.LoadStateDict(sd).ToString());
        Assert.Same(weight, m.Weight);
        Assert.Equal(Str(c, "repr_after_load"), m.ToString());
        NNFixtures.AssertClose(c.GetProperty("weight"), m.Weight, "weight", 0, 0);
        NNFixtures.AssertClose(c.GetProperty("bias"), m.Bias!, "bias", 0, 0);
        var y = m.Call(NNFixtures.Tensor(c.GetProperty("x")));
        NNFixtures.AssertClose(c.GetProperty("y"), y, "y", 1e-6, 1e-5);
        Assert.Equal(Str(c, "repr_after_forward"), m.ToString());     // PyTorch keeps in_features=0 after a load

        var partial = new LazyLinear(2);
        Assert.Equal(Str(c, "partial_result"), partial.LoadStateDict(new Dictionary<string, Tensor> { ["weight"] = sd["weight"] }, strict: false).ToString());
        Assert.Equal(c.GetProperty("partial_bias_uninitialized").GetBoolean(), partial.Bias!.IsUninitialized);
        Assert.False(partial.Weight.IsUninitialized);
        var ex = Assert.Throws<InvalidOperationException>(() => new LazyLinear(2).LoadStateDict(new Dictionary<string, Tensor> { ["weight"] = sd["weight"] }));
        Assert.Equal(Str(c, "strict_missing"), ex.Message);
    }

    [Fact]
    public void BeforeTheFirstCallParametersAndStateDictListTheUninitializedParameters()
    {
        var c = Root.GetProperty("before");
        var m = new LazyLinear(2);
        Assert.Equal(c.GetProperty("parameters").EnumerateArray().Select(e => e.GetString()), m.Parameters().Select(p => p.ToString()));
        Assert.Equal(c.GetProperty("named_parameters").EnumerateArray().Select(e => e.GetString()), m.NamedParameters().Select(p => p.Name));
        var sd = m.StateDict();
        Assert.Equal(c.GetProperty("state_dict_keys").EnumerateArray().Select(e => e.GetString()), sd.Keys);
        Assert.All(sd.Values, v => Assert.Equal(0, v.Numel));        // PyTorch stores the UninitializedParameter; Gradus its empty data
        Assert.Equal(c.GetProperty("in_features").GetInt32(), m.InFeatures);
        Assert.Equal(Str(c, "data"), m.Weight.Detach().ToString());
        Assert.Equal(Str(c, "no_bias_repr"), new LazyLinear(2, bias: false).ToString());
        Assert.Equal(c.GetProperty("no_bias_parameters").GetInt32(), new LazyLinear(2, bias: false).Parameters().Count());
        m.ResetParameters();                                           // a no-op before materialization, as in PyTorch
        Assert.True(m.Weight.IsUninitialized);
    }

    [Fact]
    public void ErrorsMatchPyTorch()
    {
        var c = Root.GetProperty("errors");
        Torch.ManualSeed(0);
        var m = new LazyLinear(1);
        string Message(string name) => Str(c.GetProperty(name), "message");
        Assert.Equal(Message("shape"), Assert.Throws<InvalidOperationException>(() => m.Weight.Shape).Message);
        Assert.Equal(Message("numel"), Assert.Throws<InvalidOperationException>(() => m.Weight.Numel).Message);
        Assert.Equal(Message("dim"), Assert.Throws<InvalidOperationException>(() => m.Weight.Dim).Message);
        Assert.Equal(Message("forward_before_call"), Assert.Throws<InvalidOperationException>(() => m.Forward(Torch.Randn(3, 2))).Message);
        m.Call(Torch.Randn(3, 2));
        Assert.Equal(Message("wrong_in_features"), Assert.Throws<ArgumentException>(() => m.Call(Torch.Randn(3, 5))).Message);
        var ex = Assert.Throws<InvalidOperationException>(() => m.LoadStateDict(new Dictionary<string, Tensor> { ["weight"] = Torch.Zeros([1, 3]), ["bias"] = Torch.Zeros([1]) }));
        Assert.Equal(Message("size_mismatch"), ex.Message);
        Assert.Equal(Message("scalar_input"), Assert.Throws<IndexOutOfRangeException>(() => new LazyLinear(1).Call(Torch.Tensor(3f))).Message);
    }
}
