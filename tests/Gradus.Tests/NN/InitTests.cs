using System.Text.Json;
using Gradus.NN;
using Gradus.Random;

namespace Gradus.Tests.NN;

public class InitTests
{
    private static double Arg(JsonElement kw, string name, double fallback) =>
        kw.TryGetProperty(name, out var v) ? v.GetDouble() : fallback;

    private static string Str(JsonElement kw, string name, string fallback) =>
        kw.TryGetProperty(name, out var v) ? v.GetString()! : fallback;

    [Fact]
    public void SeededFillsMatchPyTorch()
    {
        foreach (var c in NNFixtures.Load("init.json").GetProperty("cases").EnumerateArray())
        {
            var kw = c.GetProperty("kwargs");
            var g = new Generator(c.GetProperty("seed").GetUInt64());
            var t = Torch.Empty(c.GetProperty("shape").EnumerateArray().Select(s => s.GetInt32()).ToArray());
            string name = c.GetProperty("name").GetString()!;
            var r = name switch
            {
                "uniform_" => Init.Uniform_(t, Arg(kw, "a", 0), Arg(kw, "b", 1), g),
                "normal_" => Init.Normal_(t, Arg(kw, "mean", 0), Arg(kw, "std", 1), g),
                "xavier_uniform_" => Init.XavierUniform_(t, Arg(kw, "gain", 1), g),
                "xavier_normal_" => Init.XavierNormal_(t, Arg(kw, "gain", 1), g),
                "kaiming_uniform_" => Init.KaimingUniform_(t, Arg(kw, "a", 0), Str(kw, "mode", "fan_in"), Str(kw, "nonlinearity", "leaky_relu"), g),
                "kaiming_normal_" => Init.KaimingNormal_(t, Arg(kw, "a", 0), Str(kw, "mode", "fan_in"), Str(kw, "nonlinearity", "leaky_relu"), g),
                "constant_" => Init.Constant_(t, Arg(kw, "val", 0)),
                _ => throw new ArgumentException(name),
            };
            Assert.Same(t, r);
            NNFixtures.AssertClose(c.GetProperty("values"), t, name, 0, 1e-6);
        }
    }

    [Fact]
    public void GainsMatchPyTorch()
    {
        var gains = NNFixtures.Load("init.json").GetProperty("gains");
        foreach (var g in gains.EnumerateObject())
        {
            double actual = g.Name == "leaky_relu_0.2" ? Init.CalculateGain("leaky_relu", 0.2) : Init.CalculateGain(g.Name);
            Assert.Equal(g.Value.GetDouble(), actual, 15);
        }
        Assert.Equal("Unsupported nonlinearity swish", Assert.Throws<ArgumentException>(() => Init.CalculateGain("swish")).Message);
    }

    [Fact]
    public void FanNeedsTwoDimsAndModesAreChecked()
    {
        Assert.Equal((12, 8), Init.CalculateFanInAndFanOut(Torch.Empty([2, 3, 2, 2])));
        Assert.Throws<ArgumentException>(() => Init.XavierUniform_(Torch.Empty([3])));
        var ex = Assert.Throws<ArgumentException>(() => Init.KaimingUniform_(Torch.Empty([3, 3]), mode: "fan_avg"));
        Assert.Equal("Mode fan_avg not supported, please use one of ['fan_in', 'fan_out']", ex.Message);
    }

    [Fact]
    public void InitialisingAParameterIsNotRecordedAndBumpsItsVersion()
    {
        var p = new Parameter(Torch.Zeros(2, 2));
        var y = p * p;
        Init.Ones_(p);
        Assert.True(p.IsLeaf && p.RequiresGrad);
        Assert.Equal(new float[] { 1, 1, 1, 1 }, p.ToArray<float>());
        var ex = Assert.Throws<InvalidOperationException>(() => y.Sum().Backward());
        Assert.Contains("modified by an inplace operation", ex.Message);
    }
}
