using System.Text.Json;
using Gradus.NN;

namespace Gradus.Tests.NN;

/// <summary>
/// MaxPool2d and AvgPool2d with ceil_mode=True against PyTorch (tools/gen_poolopts_fixtures.py): output sizes (the
/// ceil rule and the rule that drops a last window starting past the input and its left padding), values, max
/// indices, the avg divisors of clipped windows (count_include_pad true and false), gradients, and GradCheck.
/// </summary>
public class PoolCeilModeTests
{
    internal static JsonElement Load(string file) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "fixtures", "poolopts", file))).RootElement;

    private static readonly JsonElement Cases = Load("pool.json").GetProperty("cases");

    public static TheoryData<int> CaseIndices()
    {
        var data = new TheoryData<int>();
        for (int i = 0; i < Cases.GetArrayLength(); i++) data.Add(i);
        return data;
    }

    internal static (int, int) Pair(JsonElement c, string name) => (c.GetProperty(name)[0].GetInt32(), c.GetProperty(name)[1].GetInt32());

    /// <summary>The case's pooling as F.MaxPool2d / F.AvgPool2d, in the given ceil mode.</summary>
    private static Tensor Pool(JsonElement c, Tensor x, bool ceilMode) => c.GetProperty("op").GetString() == "max"
        ? F.MaxPool2d(x, Pair(c, "kernel"), Pair(c, "stride"), Pair(c, "padding"), Pair(c, "dilation"), ceilMode)
        : F.AvgPool2d(x, Pair(c, "kernel"), Pair(c, "stride"), Pair(c, "padding"), ceilMode, c.GetProperty("count_include_pad").GetBoolean());

    private static Module Module(JsonElement c) => c.GetProperty("op").GetString() == "max"
        ? new MaxPool2d(Pair(c, "kernel"), Pair(c, "stride"), Pair(c, "padding"), Pair(c, "dilation"), ceilMode: true)
        : new AvgPool2d(Pair(c, "kernel"), Pair(c, "stride"), Pair(c, "padding"), ceilMode: true,
            countIncludePad: c.GetProperty("count_include_pad").GetBoolean());

    [Theory]
    [MemberData(nameof(CaseIndices))]
    public void ForwardIndicesAndGradientMatchPyTorch(int index)
    {
        var c = Cases[index];
        string label = $"#{index} {c.GetProperty("op")} {c.GetProperty("input").GetProperty("shape")} k{c.GetProperty("kernel")} " +
                       $"s{c.GetProperty("stride")} p{c.GetProperty("padding")} cip={c.GetProperty("count_include_pad")}";
        var x = NNFixtures.Tensor(c.GetProperty("input")).RequiresGrad_();
        Tensor y;
        if (c.GetProperty("op").GetString() == "max")
        {
            var (output, indices) = F.MaxPool2dWithIndices(x, Pair(c, "kernel"), Pair(c, "stride"), Pair(c, "padding"), Pair(c, "dilation"), ceilMode: true);
            Assert.Equal(c.GetProperty("indices").GetProperty("data").EnumerateArray().Select(v => v.GetInt64()), indices.ToArray<long>());
            Assert.Equal(output.Shape, indices.Shape);
            y = output;
        }
        else y = Pool(c, x, ceilMode: true);
        NNFixtures.AssertClose(c.GetProperty("output"), y, label + " output", 1e-6, 1e-5);
        (y * NNFixtures.Tensor(c.GetProperty("grad_output"))).Sum().Backward();
        NNFixtures.AssertClose(c.GetProperty("grad_input"), x.Grad!, label + " grad input", 1e-6, 1e-5);

        var fromModule = Module(c).Call(x.Detach());
        NNFixtures.AssertClose(c.GetProperty("output"), fromModule, label + " module output", 1e-6, 1e-5);
    }

    [Theory]
    [MemberData(nameof(CaseIndices))]
    public void FloorModeSizeMatchesPyTorch(int index)
    {
        var c = Cases[index];
        var x = NNFixtures.Tensor(c.GetProperty("input"));
        var floor = c.GetProperty("floor_shape");
        if (floor.ValueKind == JsonValueKind.Null)
            Assert.Throws<ArgumentException>(() => Pool(c, x, ceilMode: false));
        else
            Assert.Equal(floor.EnumerateArray().Select(v => v.GetInt32()), Pool(c, x, ceilMode: false).Shape);
    }

    [Theory]
    [MemberData(nameof(CaseIndices))]
    public void GradientsPassGradCheck(int index)
    {
        var c = Cases[index];
        Assert.True(NNFixtures.GradCheck(t => Pool(c, t[0], ceilMode: true), NNFixtures.Tensor(c.GetProperty("input"))));
    }

    [Fact]
    public void SecondOrderGradientsPassGradCheck()
    {
        foreach (int index in new[] { 0, 3, 11, 16 })
        {
            var c = Cases[index];
            // d/dx of Σ pool(x)², whose own gradient runs the backward's backward.
            Assert.True(NNFixtures.GradCheck(t =>
            {
                using (Torch.EnableGrad())
                {
                    var y = Pool(c, t[0], ceilMode: true);
                    return Gradus.Autograd.Grad((y * y).Sum(), [t[0]], createGraph: true)[0]!;
                }
            }, NNFixtures.Tensor(c.GetProperty("input"))), $"case {index}");
        }
    }

    [Fact]
    public void TooSmallOutputsGivePyTorchsMessages()
    {
        var errors = Load("reprs.json").GetProperty("errors");
        Assert.Equal(errors.GetProperty("max_ceil_too_small").GetString(),
            Assert.Throws<ArgumentException>(() => F.MaxPool2d(Torch.Zeros(1, 1, 1, 1), (3, 3), (1, 1), ceilMode: true)).Message);
        Assert.Equal(errors.GetProperty("avg_ceil_too_small").GetString(),
            Assert.Throws<ArgumentException>(() => F.AvgPool2d(Torch.Zeros(1, 1, 1, 5), (4, 4), (1, 1), ceilMode: true)).Message);
    }

    [Fact]
    public void ConvolutionKernelsRejectCeilModeWindows()
    {
        var window = new Gradus.Kernels.Window2d(2, 2, 2, 2) { CeilMode = true };
        var ex = Assert.Throws<ArgumentException>(() => Gradus.Kernels.Im2Col.Unfold<float>(new float[25], 1, 1, 5, 5, window, new float[36]));
        Assert.Contains("ceil_mode", ex.Message);
        Assert.Equal(3, window.OutputH(5));
        Assert.Equal(2, (window with { CeilMode = false }).OutputH(5));
    }
}
