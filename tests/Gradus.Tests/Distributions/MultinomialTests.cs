using System.Text.Json;
using Gradus.Distributions;
using Gradus.Tests.Reductions;

namespace Gradus.Tests.Distributions;

/// <summary>torch.distributions.Multinomial against torch 1.13 with the same seeds (tools/gen_aliases_fixtures.py).</summary>
public class MultinomialTests
{
    private static readonly JsonElement[] Cases = Fixtures.Load("aliases", "aliases.json").GetProperty("multinomial").EnumerateArray().ToArray();

    public static TheoryData<string> Names => Fixtures.Names(Cases.Select(c => c.GetProperty("name").GetString()!));

    [Theory]
    [MemberData(nameof(Names))]
    public void SampleMatchesTorch(string name)
    {
        var c = Cases.Single(x => x.GetProperty("name").GetString() == name);
        var d = new Multinomial(c.GetProperty("total_count").GetInt32(), Fixtures.Tensor(c.GetProperty("probs_in")));
        Fixtures.AssertTensor(c.GetProperty("probs"), d.Probs, "probs");
        Fixtures.AssertTensor(c.GetProperty("mean"), d.Mean, "mean");
        Fixtures.AssertTensor(c.GetProperty("variance"), d.Variance, "variance");
        Torch.ManualSeed(c.GetProperty("seed").GetInt64());
        var s = d.Sample(c.GetProperty("sample_shape").Ints());
        Fixtures.AssertTensor(c.GetProperty("sample"), s, "sample", rtol: 0, atol: 0);
    }

    [Fact]
    public void CountsSumToTotalCount()
    {
        Torch.ManualSeed(3);
        var s = new Multinomial(50, Torch.Tensor(new[] { 0.1f, 0.2f, 0.7f })).Sample([4]);
        Assert.Equal([50f, 50f, 50f, 50f], s.Sum(-1).ToArray<float>());
    }

    [Fact]
    public void RejectsBadArguments()
    {
        Assert.Contains("total_count", Assert.Throws<ArgumentException>(() => new Multinomial(-1, Torch.Ones(2))).Message);
        Assert.Contains("non-negative", Assert.Throws<ArgumentException>(() => new Multinomial(3, Torch.Tensor(new[] { 0.5f, -0.1f }))).Message);
        Assert.Contains("one-dimensional", Assert.Throws<ArgumentException>(() => new Multinomial(3, Torch.Tensor(1.0))).Message);
    }
}
