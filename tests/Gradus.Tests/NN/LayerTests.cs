using System.Text.Json;
using Gradus.NN;
using Gradus.Random;
using Gradus.Tests.Random;

namespace Gradus.Tests.NN;

public class LayerTests
{
    public static TheoryData<int> Cases() => NNFixtures.CaseIndices("layers.json");

    private static (int, int) PairOf(JsonElement kw, string name, (int, int) fallback) =>
        kw.TryGetProperty(name, out var v) ? (v[0].GetInt32(), v[1].GetInt32()) : fallback;

    /// <summary>The layer a fixture case describes, built from <paramref name="g"/> as PyTorch built it from its seed.</summary>
    private static Module Build(string name, JsonElement kw, Generator g) => name switch
    {
        "linear" => new Linear(kw.GetProperty("in").GetInt32(), kw.GetProperty("out").GetInt32(),
            !kw.TryGetProperty("bias", out var b) || b.GetBoolean(), g),
        "conv2d" when kw.TryGetProperty("square", out var k) => new Conv2d(kw.GetProperty("in").GetInt32(), kw.GetProperty("out").GetInt32(), k.GetInt32(), generator: g),
        "conv2d" => new Conv2d(kw.GetProperty("in").GetInt32(), kw.GetProperty("out").GetInt32(), PairOf(kw, "k", (1, 1)),
            PairOf(kw, "stride", (1, 1)), PairOf(kw, "padding", (0, 0)), PairOf(kw, "dilation", (1, 1)),
            kw.TryGetProperty("groups", out var grp) ? grp.GetInt32() : 1, !kw.TryGetProperty("bias", out var cb) || cb.GetBoolean(), g),
        "max_pool2d" => new MaxPool2d(PairOf(kw, "k", (1, 1)), PairOf(kw, "stride", PairOf(kw, "k", (1, 1))), PairOf(kw, "padding", (0, 0)),
            PairOf(kw, "dilation", (1, 1))),
        "avg_pool2d" => new AvgPool2d(PairOf(kw, "k", (1, 1)), PairOf(kw, "stride", PairOf(kw, "k", (1, 1))), PairOf(kw, "padding", (0, 0)),
            countIncludePad: !kw.TryGetProperty("count_include_pad", out var cip) || cip.GetBoolean()),
        "adaptive_avg_pool2d" => new AdaptiveAvgPool2d(PairOf(kw, "out", (1, 1))),
        "embedding" => new Embedding(kw.GetProperty("num").GetInt32(), kw.GetProperty("dim").GetInt32(),
            kw.TryGetProperty("padding_idx", out var p) ? p.GetInt32() : null, g),
        "maxout" => new Maxout(kw.GetProperty("in").GetInt32(), kw.GetProperty("out").GetInt32(), kw.GetProperty("pieces").GetInt32(), g),
        _ => throw new ArgumentException(name),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void SeededInitForwardAndBackwardMatchPyTorch(int index)
    {
        var c = NNFixtures.Load("layers.json").GetProperty("cases")[index];
        string name = c.GetProperty("name").GetString()!;
        var label = $"#{index} {name} {c.GetProperty("kwargs")}";
        var m = Build(name, c.GetProperty("kwargs"), new Generator(c.GetProperty("seed").GetUInt64()));
        var init = c.GetProperty("init");
        Assert.Equal(init.EnumerateObject().Select(p => p.Name), m.StateDict().Keys);
        foreach (var (key, value) in m.StateDict()) NNFixtures.AssertClose(init.GetProperty(key), value, $"{label} init {key}", 0, 0);
        // Pool printouts depend on whether sizes were given as ints or pairs; ReprsMatchPyTorch covers both forms.
        if (name is "linear" or "conv2d" or "embedding") Assert.Equal(c.GetProperty("repr").GetString(), m.ToString());

        var x = NNFixtures.Tensor(c.GetProperty("input"));
        bool gradX = c.GetProperty("grad_input").ValueKind != JsonValueKind.Null;
        if (gradX) x.RequiresGrad = true;
        var y = m.Call(x);
        NNFixtures.AssertClose(c.GetProperty("output"), y, label + " output", 1e-5, 1e-4);
        (y * NNFixtures.Tensor(c.GetProperty("grad_output"))).Sum().Backward();
        if (gradX) NNFixtures.AssertClose(c.GetProperty("grad_input"), x.Grad!, label + " grad input", 1e-5, 1e-4);
        foreach (var (pname, p) in m.NamedParameters())
            NNFixtures.AssertClose(c.GetProperty("grads").GetProperty(pname), p.Grad!, $"{label} grad {pname}", 1e-4, 1e-4);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void GradCheckInFloat64(int index)
    {
        var c = NNFixtures.Load("layers.json").GetProperty("cases")[index];
        string name = c.GetProperty("name").GetString()!;
        var m = Build(name, c.GetProperty("kwargs"), new Generator(7)).Double();
        var x = NNFixtures.Tensor(c.GetProperty("input"));
        if (name == "max_pool2d")
        {
            // Distinct values so the maximum of every window is unique under finite differences.
            var k = Torch.Arange(0.0, x.Numel, 1.0, DType.Float64).Reshape(x.Shape);
            x = (k * 0.7).Sin() + k * 0.01;
        }
        var parameters = m.Parameters().ToArray();
        if (!x.IsFloatingPoint)
        {
            // The padding row of an embedding is used but never trained, by design: finite differences would disagree.
            if (m is Embedding { PaddingIdx: not null }) return;
            Assert.True(Gradus.Autograd.GradCheck(t => m.Call(x), parameters));
            return;
        }
        var xd = x.Double().Clone().RequiresGrad_();
        Assert.True(Gradus.Autograd.GradCheck(t => m.Call(t[0]), [xd, .. parameters]));
    }

    [Fact]
    public void ConvolutionAndPoolingDifferentiateTwice()
    {
        var x = Torch.Arange(0.0, 32.0, 1.0, DType.Float64).Reshape(1, 2, 4, 4).Sin().RequiresGrad_();
        var conv = new Conv2d(2, 3, 3, padding: 1, generator: new Generator(3)).Double();
        var w = conv.Weight;
        Assert.True(Gradus.Autograd.GradCheck(t =>
        {
            using (Torch.EnableGrad())
            {
                var y = F.Conv2d(t[0], t[1], padding: (1, 1));
                var pooled = F.AvgPool2d(y * y, (2, 2)) + F.MaxPool2d(y, (2, 2)) * F.AdaptiveAvgPool2d(y, (1, 1));
                return Gradus.Autograd.Grad(pooled.Sum(), [t[0], t[1]], createGraph: true)[0]!;
            }
        }, [x, w]));
    }

    [Fact]
    public void LinearOneByOneAfterSeed42IsTheCoursesModel()
    {
        var expected = NNFixtures.Load("layers.json").GetProperty("sequential_linear_42");
        Sequential model;
        lock (DefaultGeneratorLock.Sync)
        {
            Torch.ManualSeed(42);
            model = new Sequential(new Linear(1, 1));
        }
        var sd = model.StateDict();
        Assert.Equal(["0.weight", "0.bias"], sd.Keys);
        NNFixtures.AssertClose(expected.GetProperty("0.weight"), sd["0.weight"], "weight", 0, 0);
        NNFixtures.AssertClose(expected.GetProperty("0.bias"), sd["0.bias"], "bias", 0, 0);
        Assert.Equal(0.7645f, sd["0.weight"].Item<float>(), 4);
        Assert.Equal(0.8300f, sd["0.bias"].Item<float>(), 4);
        Assert.Equal("Sequential(\n  (0): Linear(in_features=1, out_features=1, bias=True)\n)", model.ToString());
    }

    [Fact]
    public void ReprsMatchPyTorch()
    {
        var expected = NNFixtures.Load("layers.json").GetProperty("reprs").EnumerateArray().Select(r => r.GetString()).ToArray();
        var g = new Generator(0);
        Module[] modules = [new Conv2d(1, 2, 3, generator: g), new Conv2d(4, 6, (3, 5), (2, 2), (1, 2), (2, 2), 2, bias: false, generator: g),
            new MaxPool2d(2), new MaxPool2d((2, 3), (1, 1), (1, 1), (2, 2)), new AvgPool2d(2), new AvgPool2d((2, 2), (1, 1), (1, 1), countIncludePad: false),
            new AdaptiveAvgPool2d(1), new AdaptiveAvgPool2d((2, 3)), new Embedding(10, 3, paddingIdx: -1, generator: g), new Embedding(4, 2, generator: g),
            new Linear(3, 2, bias: false, generator: g)];
        Assert.Equal(expected, modules.Select(m => m.ToString()));
        Assert.Equal("Maxout(\n  in_features=3, out_features=2, pieces=2\n  (linear): Linear(in_features=3, out_features=4, bias=True)\n)",
            new Maxout(3, 2, generator: g).ToString());
    }

    [Fact]
    public void ErrorsReadAsPyTorchs()
    {
        var errors = NNFixtures.Load("layers.json").GetProperty("errors");
        string Msg(string key) => errors.GetProperty(key).GetProperty("message").GetString()!;
        var g = new Generator(0);
        Assert.Equal(Msg("conv_channels"), Assert.Throws<ArgumentException>(() => F.Conv2d(Torch.Zeros(1, 4, 5, 5), Torch.Zeros(2, 3, 3, 3))).Message);
        Assert.Equal(Msg("conv_groups_channels"),
            Assert.Throws<ArgumentException>(() => F.Conv2d(Torch.Zeros(1, 4, 5, 5), Torch.Zeros(2, 3, 3, 3), groups: 2)).Message);
        Assert.Equal(Msg("conv_kernel_too_big"), Assert.Throws<ArgumentException>(() => F.Conv2d(Torch.Zeros(1, 3, 2, 2), Torch.Zeros(2, 3, 3, 3))).Message);
        Assert.Equal(Msg("conv_input_dims"), Assert.Throws<ArgumentException>(() => F.Conv2d(Torch.Zeros(5, 5), Torch.Zeros(2, 3, 3, 3))).Message);
        Assert.Equal(Msg("conv_bias"),
            Assert.Throws<ArgumentException>(() => F.Conv2d(Torch.Zeros(1, 3, 5, 5), Torch.Zeros(2, 3, 3, 3), Torch.Zeros(3))).Message);
        Assert.Equal(Msg("conv_in_groups"), Assert.Throws<ArgumentException>(() => new Conv2d(3, 4, 3, groups: 2, generator: g)).Message);
        Assert.Equal(Msg("conv_out_groups"), Assert.Throws<ArgumentException>(() => new Conv2d(4, 3, 3, groups: 2, generator: g)).Message);
        Assert.Equal(Msg("pool_pad"), Assert.Throws<ArgumentException>(() => F.MaxPool2d(Torch.Zeros(1, 1, 4, 4), (2, 2), padding: (2, 2))).Message);
        Assert.Equal(Msg("pool_too_small"), Assert.Throws<ArgumentException>(() => F.MaxPool2d(Torch.Zeros(1, 1, 1, 1), (2, 2))).Message);
        Assert.Equal(Msg("embedding_range"),
            Assert.Throws<IndexOutOfRangeException>(() => F.Embedding(Torch.Tensor(new long[] { 0, 5 }), Torch.Zeros(4, 2))).Message);
        Assert.Equal(Msg("linear_shapes"), Assert.Throws<ArgumentException>(() => new Linear(5, 2, generator: g).Call(Torch.Zeros(3, 4))).Message);
    }

    [Fact]
    public void MaxPoolIndicesAreFlatPlanePositions()
    {
        var x = Torch.Tensor(new float[,,,] { { { { 1, 5, 0, 2 }, { 3, 4, 9, 8 } } } });
        var (y, idx) = F.MaxPool2dWithIndices(x, (2, 2));
        Assert.Equal(new float[] { 5, 9 }, y.ToArray<float>());
        Assert.Equal(new long[] { 1, 6 }, idx.ToArray<long>());
    }
}
