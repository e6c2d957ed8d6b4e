using System.Text.Json;
using Gradus.NN;

namespace Gradus.Tests.NN;

/// <summary>
/// Conv2d with padding="same" and padding="valid" against PyTorch (tools/gen_poolopts_fixtures.py): outputs and
/// the input, weight and bias gradients (odd and even kernels, asymmetric padding, dilation, groups, unbatched),
/// nn.Conv2d, printouts of the pooling and convolution modules, error messages, and GradCheck.
/// </summary>
public class ConvPaddingModeTests
{
    private static readonly JsonElement Cases = PoolCeilModeTests.Load("conv.json").GetProperty("cases");
    private static readonly JsonElement Reprs = PoolCeilModeTests.Load("reprs.json");

    public static TheoryData<int> CaseIndices()
    {
        var data = new TheoryData<int>();
        for (int i = 0; i < Cases.GetArrayLength(); i++) data.Add(i);
        return data;
    }

    private static Tensor? Bias(JsonElement c) => c.GetProperty("bias").ValueKind == JsonValueKind.Null ? null : NNFixtures.Tensor(c.GetProperty("bias"));

    private static Tensor Conv(JsonElement c, Tensor x, Tensor w, Tensor? b) =>
        F.Conv2d(x, w, b, PoolCeilModeTests.Pair(c, "stride"), c.GetProperty("padding").GetString()!, PoolCeilModeTests.Pair(c, "dilation"),
            c.GetProperty("groups").GetInt32());

    [Theory]
    [MemberData(nameof(CaseIndices))]
    public void ForwardAndGradientsMatchPyTorch(int index)
    {
        var c = Cases[index];
        string label = $"#{index} {c.GetProperty("padding")} {c.GetProperty("input").GetProperty("shape")} w{c.GetProperty("weight").GetProperty("shape")}";
        var x = NNFixtures.Tensor(c.GetProperty("input")).RequiresGrad_();
        var w = NNFixtures.Tensor(c.GetProperty("weight")).RequiresGrad_();
        var b = Bias(c)?.RequiresGrad_();
        var y = Conv(c, x, w, b);
        NNFixtures.AssertClose(c.GetProperty("output"), y, label + " output", 1e-5, 1e-5);
        (y * NNFixtures.Tensor(c.GetProperty("grad_output"))).Sum().Backward();
        NNFixtures.AssertClose(c.GetProperty("grad_input"), x.Grad!, label + " grad input", 1e-5, 1e-5);
        NNFixtures.AssertClose(c.GetProperty("grad_weight"), w.Grad!, label + " grad weight", 1e-5, 1e-5);
        if (b is not null) NNFixtures.AssertClose(c.GetProperty("grad_bias"), b.Grad!, label + " grad bias", 1e-5, 1e-5);
    }

    [Theory]
    [MemberData(nameof(CaseIndices))]
    public void ModuleMatchesPyTorch(int index)
    {
        var c = Cases[index];
        var w = NNFixtures.Tensor(c.GetProperty("weight"));
        var b = Bias(c);
        int groups = c.GetProperty("groups").GetInt32();
        var conv = new Conv2d(w.Shape[1] * groups, w.Shape[0], (w.Shape[2], w.Shape[3]), PoolCeilModeTests.Pair(c, "stride"),
            c.GetProperty("padding").GetString()!, PoolCeilModeTests.Pair(c, "dilation"), groups, bias: b is not null);
        Assert.Equal(c.GetProperty("padding").GetString(), conv.Padding.Mode);
        using (Torch.NoGrad())
        {
            conv.Weight.Copy_(w);
            conv.Bias?.Copy_(b!);
        }
        NNFixtures.AssertClose(c.GetProperty("output"), conv.Call(NNFixtures.Tensor(c.GetProperty("input"))), $"#{index} module output", 1e-5, 1e-5);
    }

    [Theory]
    [MemberData(nameof(CaseIndices))]
    public void GradientsPassGradCheck(int index)
    {
        var c = Cases[index];
        var b = Bias(c);
        Tensor[] inputs = b is null
            ? [NNFixtures.Tensor(c.GetProperty("input")), NNFixtures.Tensor(c.GetProperty("weight"))]
            : [NNFixtures.Tensor(c.GetProperty("input")), NNFixtures.Tensor(c.GetProperty("weight")), b];
        Assert.True(NNFixtures.GradCheck(t => Conv(c, t[0], t[1], t.Length > 2 ? t[2] : null), inputs));
    }

    [Fact]
    public void SecondOrderGradientsOfAsymmetricSamePaddingPassGradCheck()
    {
        var c = Cases[2]; // a 4x3 kernel: one extra row of zeros at the bottom
        Assert.True(NNFixtures.GradCheck(t =>
        {
            using (Torch.EnableGrad())
            {
                var y = Conv(c, t[0], t[1], t[2]);
                return Gradus.Autograd.Grad((y * y).Sum(), [t[0], t[1]], createGraph: true)[1]!;
            }
        }, NNFixtures.Tensor(c.GetProperty("input")), NNFixtures.Tensor(c.GetProperty("weight")), Bias(c)!));
    }

    [Fact]
    public void ReprsMatchPyTorch()
    {
        Module[] modules =
        [
            new MaxPool2d(2, ceilMode: true),
            new MaxPool2d((2, 3), stride: (1, 2), padding: (1, 1), dilation: (2, 1), ceilMode: true),
            new MaxPool2d(3, 2, 1),
            new AvgPool2d(3, ceilMode: true, countIncludePad: false),
            new Conv2d(1, 2, 3, padding: "same"),
            new Conv2d(2, 4, (3, 2), padding: "valid", bias: false),
            new Conv2d(4, 4, (2, 3), padding: "same", dilation: (2, 2), groups: 2),
            new Conv2d(1, 2, 3, padding: 1),
            new Conv2d(1, 2, 3, padding: (0, 0)),
        ];
        var expected = Reprs.GetProperty("reprs").EnumerateArray().ToArray();
        Assert.Equal(expected.Length, modules.Length);
        for (int i = 0; i < modules.Length; i++)
            Assert.Equal(expected[i].GetProperty("repr").GetString(), modules[i].ToString());
    }

    [Fact]
    public void ErrorsMatchPyTorch()
    {
        var errors = Reprs.GetProperty("errors");
        string Msg(string key) => errors.GetProperty(key).GetString()!;
        var (x, w) = (Torch.Zeros(1, 1, 5, 5), Torch.Zeros(1, 1, 3, 3));
        Assert.Equal(Msg("f_same_strided"), Assert.Throws<ArgumentException>(() => F.Conv2d(x, w, stride: (2, 2), padding: "same")).Message);
        Assert.Equal(Msg("f_same_strided_w"), Assert.Throws<ArgumentException>(() => F.Conv2d(x, w, stride: (1, 2), padding: "same")).Message);
        Assert.Equal(Msg("f_invalid"), Assert.Throws<ArgumentException>(() => F.Conv2d(x, w, padding: "foo")).Message);
        Assert.Equal(Msg("f_valid_too_small"), Assert.Throws<ArgumentException>(() => F.Conv2d(Torch.Zeros(1, 1, 2, 2), w, padding: "valid")).Message);
        Assert.Equal(Msg("module_same_strided"), Assert.Throws<ArgumentException>(() => new Conv2d(1, 1, 3, stride: 2, padding: "same")).Message);
        Assert.Equal(Msg("module_invalid"), Assert.Throws<ArgumentException>(() => new Conv2d(1, 1, 3, padding: "foo")).Message);
    }

    [Fact]
    public void ExplicitPaddingStillTakesIntsAndPairs()
    {
        var x = Torch.Arange(0.0, 25.0).Reshape(1, 1, 5, 5);
        var w = Torch.Ones(1, 1, 3, 3);
        Assert.Equal(new[] { 1, 1, 5, 5 }, F.Conv2d(x, w, padding: 1).Shape);
        Assert.Equal(new[] { 1, 1, 3, 5 }, F.Conv2d(x, w, padding: (0, 1)).Shape);
        Assert.Equal(F.Conv2d(x, w, padding: (1, 1)).ToArray<float>(), F.Conv2d(x, w, padding: "same").ToArray<float>());
        Assert.Equal(F.Conv2d(x, w).ToArray<float>(), F.Conv2d(x, w, padding: "valid").ToArray<float>());
        Assert.Equal(new ConvPadding(2, 3), new Conv2d(1, 1, (3, 3), padding: (2, 3)).Padding);
    }
}
