using Gradus.NN;
using Gradus.Random;

namespace Gradus.Tests.NN;

/// <summary>The course's model: two parameter fields, forward b + w·x.</summary>
internal sealed class ManualLinearRegression : Module
{
    public readonly Parameter B;
    public readonly Parameter W;

    public ManualLinearRegression(Generator g)
    {
        B = new Parameter(Randn(g));
        W = new Parameter(Randn(g));
    }

    private static Tensor Randn(Generator g)
    {
        var t = Torch.Empty([1]);
        g.Normal(t.Span<float>());
        return t;
    }

    public override Tensor Forward(Tensor input) => B + W * input;
}

/// <summary>y = x·Wᵀ + b written with elementwise ops: a stand-in for a layer with PyTorch's weight/bias keys.</summary>
internal sealed class Affine : Module
{
    public Parameter Weight { get; }
    public Parameter? Bias { get; }

    public Affine(int inFeatures, int outFeatures, bool bias = true)
    {
        Weight = new Parameter(Torch.Full([outFeatures, inFeatures], 0.5));
        Bias = bias ? new Parameter(Torch.Full([outFeatures], 0.25)) : null;
    }

    public override Tensor Forward(Tensor input)
    {
        var y = (input.Unsqueeze(-2) * Weight).Sum(-1);
        return Bias is null ? y : y + Bias;
    }
}

internal class Base : Module
{
    protected Parameter First = new(Torch.Zeros(1));
    public override Tensor Forward(Tensor input) => input;
}

internal sealed class Derived : Base
{
    private readonly Affine encoderLayer = new(2, 2);
    [Buffer] private readonly Tensor runningTotal = Torch.Zeros(1);
    [Buffer(Persistent = false)] private readonly Tensor scratchSpace = Torch.Zeros(1);
    private readonly Tensor plainTensor = Torch.Zeros(1);
    public Parameter SecondParam { get; } = new(Torch.Zeros(2));
    public Tensor HeldParameter = new Parameter(Torch.Zeros(3));

    public Derived()
    {
        RegisterParameter("extra", new Parameter(Torch.Zeros(4)));
        RegisterBuffer("counter", Torch.Tensor(0L));
        RegisterModule("head", new ReLU());
        _ = plainTensor;
        _ = encoderLayer;
        _ = runningTotal;
        _ = scratchSpace;
    }
}

public class ModuleTests
{
    [Fact]
    public void ManualLinearRegressionStateDictAfterSeed42MatchesTheCourse()
    {
        var model = new ManualLinearRegression(new Generator(42));
        var expected = NNFixtures.Load("modules.json").GetProperty("manual_state_dict");
        var sd = model.StateDict();
        Assert.Equal(["b", "w"], sd.Keys);
        NNFixtures.AssertClose(expected.GetProperty("b"), sd["b"], "b", 0, 0);
        NNFixtures.AssertClose(expected.GetProperty("w"), sd["w"], "w", 0, 0);
        Assert.False(sd["b"].RequiresGrad);
        Assert.Equal("ManualLinearRegression()", model.ToString());
        Assert.Equal(2, model.Parameters().Count());
    }

    [Fact]
    public void FieldsRegisterBaseFirstInDeclarationOrderThenByName()
    {
        var m = new Derived();
        Assert.Equal(["first", "second_param", "held_parameter", "extra", "encoder_layer.weight", "encoder_layer.bias"],
            m.NamedParameters().Select(p => p.Name));
        Assert.Equal(["running_total", "scratch_space", "counter"], m.NamedBuffers().Select(b => b.Name));
        Assert.Equal(["first", "second_param", "held_parameter", "extra", "running_total", "counter", "encoder_layer.weight", "encoder_layer.bias"],
            m.StateDict().Keys);
        Assert.Equal(["encoder_layer", "head"], m.NamedChildren().Select(c => c.Name));
        Assert.Equal(["", "encoder_layer", "head"], m.NamedModules().Select(c => c.Name));
        Assert.Same(m.GetSubmodule("encoder_layer"), m.Children().First());
        Assert.Equal([2, 2], m.GetParameter("encoder_layer.weight").Shape);
        Assert.Equal(DType.Int64, m.GetBuffer("counter").DType);
    }

    [Fact]
    public void PyTorchNamesComeFromCSharpNames()
    {
        Assert.Equal("running_mean", Module.PyTorchName("<RunningMean>k__BackingField"));
        Assert.Equal("num_batches_tracked", Module.PyTorchName("numBatchesTracked"));
        Assert.Equal("fc1", Module.PyTorchName("_fc1"));
        Assert.Equal("conv2_d", Module.PyTorchName("Conv2D"));
        Assert.Equal("http_layer", Module.PyTorchName("HTTPLayer"));
        Assert.Equal("w", Module.PyTorchName("W"));
    }

    [Fact]
    public void RegisterChecksNames()
    {
        var m = new Derived();
        Assert.Equal("parameter name can't contain \".\", got: a.b",
            Assert.Throws<ArgumentException>(() => m.RegisterParameter("a.b", null)).Message);
        Assert.Equal("buffer name can't be empty string \"\"", Assert.Throws<ArgumentException>(() => m.RegisterBuffer("", null)).Message);
        Assert.Equal("attribute 'first' already exists", Assert.Throws<ArgumentException>(() => m.RegisterModule("first", null)).Message);
        Assert.Equal("attribute 'counter' already exists", Assert.Throws<ArgumentException>(() => m.RegisterParameter("counter", null)).Message);
        m.RegisterParameter("extra", null);
        Assert.DoesNotContain("extra", m.StateDict().Keys);
    }

    [Fact]
    public void SharedModulesAndParametersAreListedOnce()
    {
        var shared = new Affine(1, 1);
        var seq = new Sequential(shared, new ReLU(), shared);
        Assert.Equal(3, seq.Count);
        Assert.Equal(["0.weight", "0.bias"], seq.NamedParameters().Select(p => p.Name));
        Assert.Equal(["0", "1"], seq.NamedChildren().Select(c => c.Name));
        Assert.Equal(["0.weight", "0.bias", "2.weight", "2.bias"], seq.StateDict().Keys);
        // Forward runs the shared module twice, as PyTorch's Sequential does: relu(-1·0.5 + 0.25)·0.5 + 0.25.
        Assert.Equal(0.25f, seq.Call(Torch.Tensor(new float[,] { { -1 } })).Item<float>());
        Assert.Equal(0.625f, seq.Call(Torch.Tensor(new float[,] { { 1 } })).Item<float>());
    }

    [Fact]
    public void StateDictKeysAndRepresentationsMatchPyTorch()
    {
        var fx = NNFixtures.Load("modules.json");
        var reprs = fx.GetProperty("reprs");
        var nested = new Sequential(new Flatten(), new BatchNorm1d(3), new Sequential(new ReLU(), new Dropout(0.5)), new GELU(),
            new Softplus(), new Unflatten(1, 3, 1), new Identity());
        Assert.Equal(reprs.GetProperty("nested").GetString(), nested.ToString());
        Module[] activations = [new ReLU(), new LeakyReLU(), new LeakyReLU(0.2), new ELU(), new ELU(0.5), new GELU(), new GELU("tanh"),
            new SiLU(), new Sigmoid(), new Tanh(), new Softplus(), new Softplus(2, 5), new Softmax(dim: 1), new LogSoftmax(dim: -1),
            new Dropout(0.25), new Identity(), new Flatten(), new Flatten(0, 2), new Unflatten(1, 2, 5), new Unflatten(0, 4)];
        Assert.Equal(reprs.GetProperty("activations").EnumerateArray().Select(r => r.GetString()), activations.Select(m => m.ToString()));
        Module[] norms = [new BatchNorm1d(3), new BatchNorm2d(8, eps: 1e-3, momentum: null, affine: false), new BatchNorm2d(4, trackRunningStats: false)];
        Assert.Equal(reprs.GetProperty("batchnorm").EnumerateArray().Select(r => r.GetString()), norms.Select(m => m.ToString()));
        Module[] losses = [new MSELoss(), new L1Loss(), new HuberLoss(), new BCELoss(), new BCEWithLogitsLoss(), new NLLLoss(), new CrossEntropyLoss()];
        Assert.Equal(reprs.GetProperty("losses").EnumerateArray().Select(r => r.GetString()), losses.Select(m => m.ToString()));

        var named = new Sequential();
        named.RegisterModule("hidden", new Affine(2, 2));
        named.RegisterModule("act", new ReLU());
        Assert.Equal(fx.GetProperty("named_sequential_repr").GetString()!.Replace("Linear(in_features=2, out_features=2, bias=True)", "Affine()"),
            named.ToString());
        Assert.Equal(named.StateDict().Keys, new Sequential(("hidden", new Affine(2, 2)), ("act", new ReLU())).StateDict().Keys);
        Assert.Equal(fx.GetProperty("named_sequential_keys").EnumerateArray().Select(k => k.GetString()), named.StateDict().Keys);
        Assert.Same(named["act"], named[1]);
        Assert.Same(named[^1], named[1]);
        Assert.IsType<ReLU>(named[1..][0]);
    }

    [Fact]
    public void LoadStateDictErrorsReadAsPyTorchs()
    {
        var fx = NNFixtures.Load("modules.json");
        var errors = fx.GetProperty("load_errors");
        var m = new Sequential(new Affine(1, 1));
        var ex = Assert.Throws<InvalidOperationException>(() => m.LoadStateDict(new Dictionary<string, Tensor> { ["0.weight"] = Torch.Zeros(1, 1) }));
        Assert.Equal(errors.GetProperty("missing").GetString(), ex.Message);
        ex = Assert.Throws<InvalidOperationException>(() => m.LoadStateDict(new Dictionary<string, Tensor>
        {
            ["0.weight"] = Torch.Zeros(1, 2), ["0.bias"] = Torch.Zeros(1), ["x"] = Torch.Zeros(1), ["y"] = Torch.Zeros(1),
        }));
        Assert.Equal(errors.GetProperty("unexpected_and_size").GetString(), ex.Message);
        ex = Assert.Throws<InvalidOperationException>(() => m.LoadStateDict(new Dictionary<string, Tensor> { ["0.weight"] = Torch.Zeros(1, 2), ["x"] = Torch.Zeros(1) }));
        Assert.Equal(errors.GetProperty("all_three").GetString(), ex.Message);
        var result = m.LoadStateDict(new Dictionary<string, Tensor> { ["0.weight"] = Torch.Full([1, 1], 3.0), ["x"] = Torch.Zeros(1) }, strict: false);
        Assert.Equal(fx.GetProperty("load_nonstrict").GetString(), result.ToString());
        Assert.Equal(3f, m.GetParameter("0.weight").Item<float>());
        Assert.Equal(fx.GetProperty("load_bn_without_count").GetString(), new BatchNorm1d(2).LoadStateDict(new Dictionary<string, Tensor>
        {
            ["weight"] = Torch.Ones(2), ["bias"] = Torch.Zeros(2), ["running_mean"] = Torch.Zeros(2), ["running_var"] = Torch.Ones(2),
        }).ToString());
    }

    [Fact]
    public void StateDictRoundTripsIntoAFreshModelWithoutReplacingParameters()
    {
        var source = new Sequential(new Affine(2, 3), new BatchNorm1d(3));
        using (Torch.NoGrad()) source.GetParameter("0.weight").Add_(1.0);
        source.Call(Torch.Tensor(new float[,] { { 1, 2 }, { 3, 5 } }));
        var target = new Sequential(new Affine(2, 3), new BatchNorm1d(3));
        var weight = target.GetParameter("0.weight");
        Assert.Equal("<All keys matched successfully>", target.LoadStateDict(source.StateDict()).ToString());
        Assert.Same(weight, target.GetParameter("0.weight"));
        foreach (var (k, v) in source.StateDict()) Assert.Equal(v.ToArray<double>(), target.StateDict()[k].ToArray<double>());
        Assert.Equal(1L, target.GetBuffer("1.num_batches_tracked").Item<long>());
    }

    [Fact]
    public void TrainEvalZeroGradAndApply()
    {
        var inner = new Sequential(new Dropout(), new Affine(2, 1));
        var model = new Sequential(inner, new ReLU());
        model.Eval();
        Assert.All(model.Modules(), m => Assert.False(m.Training));
        model.Train();
        Assert.All(model.Modules(), m => Assert.True(m.Training));

        inner.Eval();
        model.Call(Torch.Ones(3, 2)).Sum().Backward();
        var w = model.GetParameter("0.1.weight");
        var grad = w.Grad!;
        Assert.Equal(new float[] { 3, 3 }, grad.ToArray<float>());
        model.ZeroGrad();
        Assert.Same(grad, w.Grad);
        Assert.Equal(new float[] { 0, 0 }, grad.ToArray<float>());
        model.ZeroGrad(setToNone: true);
        Assert.Null(w.Grad);
        Assert.False(NNFixtures.Load("modules.json").GetProperty("zero_grad_default_set_to_none").GetBoolean());

        var order = new List<string>();
        model.Apply(m => order.Add(m.GetType().Name));
        Assert.Equal(["Dropout", "Affine", "Sequential", "ReLU", "Sequential"], order);
        model.RequiresGrad_(false);
        Assert.All(model.Parameters(), p => Assert.False(p.RequiresGrad));
    }

    [Fact]
    public void ToDoubleReplacesParametersAndKeepsGradFlags()
    {
        var m = new ManualLinearRegression(new Generator(1));
        var before = m.B;
        Assert.Same(m, m.To(DType.Float64));
        Assert.NotSame(before, m.B);
        Assert.Equal(DType.Float64, m.B.DType);
        Assert.True(m.B.RequiresGrad && m.B.IsLeaf);
        Assert.Equal((double)before.Item<float>(), m.B.Item());
        Assert.Same(m, m.To(Device.CPU));
        Assert.Throws<ArgumentException>(() => m.To(DType.Int64));
        Assert.True(NNFixtures.GradCheck(t => m.Call(t[0]), Torch.FromArray(new double[] { 1, 2, 3 })));
    }

    [Fact]
    public void ChainedCallsKeepTheModulesType()
    {
        Sequential model = new Sequential(new Affine(2, 1), new ReLU()).To(Device.CPU).Double().Eval();
        Assert.IsType<Affine>(model[0]);
        Assert.False(model[1].Training);
        Assert.Equal(DType.Float64, model.GetParameter("0.weight").DType);
    }

    [Fact]
    public void HooksRunOnCallNotOnForward()
    {
        var relu = new ReLU();
        var seen = new List<string>();
        var pre = relu.RegisterForwardPreHook((m, x) => seen.Add($"pre {x.Numel}"));
        var post = relu.RegisterForwardHook((m, x, y) => seen.Add($"post {y.Numel}"));
        relu.Call(Torch.Zeros(3));
        relu.Forward(Torch.Zeros(5));
        pre.Dispose();
        relu.Call(Torch.Zeros(2));
        post.Dispose();
        relu.Call(Torch.Zeros(1));
        Assert.Equal(["pre 3", "post 3", "post 2"], seen);
    }

    [Fact]
    public void SummaryListsEveryCallWithShapesAndParameterCounts()
    {
        var model = new Sequential(new Flatten(), new Affine(6, 4), new BatchNorm1d(4), new ReLU(), new Sequential(new Affine(4, 2), new Softmax(1)));
        model.GetParameter("2.weight").RequiresGrad = false;
        model.Train();
        string expected = string.Join("\n",
            "Layer (type)       Output Shape  Param #",
            "========================================",
            "Sequential         [2, 2]             --",
            "  0 (Flatten)      [2, 6]              0",
            "  1 (Affine)       [2, 4]             28",
            "  2 (BatchNorm1d)  [2, 4]              8",
            "  3 (ReLU)         [2, 4]              0",
            "  4 (Sequential)   [2, 2]             --",
            "    4.0 (Affine)   [2, 2]             10",
            "    4.1 (Softmax)  [2, 2]              0",
            "========================================",
            "Total params: 46",
            "Trainable params: 42",
            "Non-trainable params: 4");
        Assert.Equal(expected, model.Summary([2, 2, 3]));
        Assert.All(model.Modules(), m => Assert.True(m.Training));
        Assert.Equal(0L, model.GetBuffer("2.num_batches_tracked").Item<long>());
    }
}
