using System.Text.Json;
using Gradus.Random;

namespace Gradus.Tests.Random;

/// <summary>Bad arguments fail with PyTorch's messages (recorded from torch 1.13).</summary>
public class GeneratorValidationTests
{
    private static string Message(string key) =>
        RandomFixtures.Load("torch_state.json").GetProperty("errors").GetProperty(key).GetString()!;

    private static void Throws(string key, Action action)
    {
        var ex = Assert.ThrowsAny<ArgumentException>(action);
        Assert.Equal(Message(key), ex.Message);
    }

    [Fact]
    public void RandomIntNeedsLowBelowHigh()
    {
        var g = new Generator(0);
        Throws("randint_equal", () => g.RandomInt(new long[3], 5, 5));
        Throws("randint_reversed", () => g.RandomInt(new long[3], 6, 5));
    }

    [Fact]
    public void RandpermRejectsNegativeSize()
    {
        Throws("randperm_negative", () => new Generator(0).Randperm(-1));
        Assert.Empty(new Generator(0).Randperm(0));
    }

    [Fact]
    public void MultinomialWithReplacementChecksEachEntry()
    {
        var g = new Generator(0);
        Throws("mn_negative_repl", () => g.Multinomial([0.5f, -0.1f], 2, true));
        Throws("mn_inf_repl", () => g.Multinomial([0.5f, float.PositiveInfinity], 2, true));
        Throws("mn_nan_repl", () => g.Multinomial([0.5f, float.NaN], 2, true));
        Throws("mn_zero_repl", () => g.Multinomial([0f, 0f], 2, true));
        Throws("mn_zero_repl", () => g.Multinomial([0.0, 0.0], 2, true));
    }

    [Fact]
    public void MultinomialWithoutReplacementChecksTheWholeTensor()
    {
        var g = new Generator(0);
        Throws("mn_negative_norepl", () => g.Multinomial([0.5f, -0.1f], 1, false));
        Throws("mn_nan_norepl", () => g.Multinomial([0.5f, float.NaN], 1, false));
        Throws("mn_inf_norepl", () => g.Multinomial([0.5, double.PositiveInfinity], 1, false));
        Throws("mn_zero_norepl", () => g.Multinomial([0f, 0f], 1, false));
        Throws("mn_zero_norepl", () => g.Multinomial([1f, 0f, 0f, 0f], 2, 1, false));
        Throws("mn_too_many", () => g.Multinomial([0.5f, 0.5f], 3, false));
        Throws("mn_zero_samples", () => g.Multinomial([0.5f, 0.5f], 0, false));
        Assert.Throws<ArgumentException>(() => g.Multinomial([0.5f, 0.5f, 0.5f], 2, 1, true));
    }

    [Fact]
    public void BernoulliProbabilitiesMustBeInUnitInterval()
    {
        var g = new Generator(0);
        Throws("bernoulli_p", () => g.Bernoulli(new float[3], 1.5));
        Assert.Throws<ArgumentException>(() => g.Bernoulli(new double[3], double.NaN));
        Throws("bernoulli_tensor_p", () => g.Bernoulli(new float[1], [1.5f]));
        Throws("bernoulli_tensor_p", () => g.Bernoulli(new double[1], [-0.5]));
        Assert.Throws<ArgumentException>(() => g.Bernoulli(new double[2], [0.5]));
    }

    [Fact]
    public void NormalNeedsNonNegativeStd()
    {
        var g = new Generator(0);
        Throws("normal_std", () => g.Normal(new float[3], 0, -1));
        Throws("normal_std_nan", () => g.Normal(new double[3], 0, double.NaN));
        Throws("exponential_negative", () => g.Exponential(new float[3], -1));
    }

    [Fact]
    public void UniformChecksRangeAndBounds()
    {
        var g = new Generator(0);
        Throws("uniform_reversed", () => g.Uniform(new float[3], 1, 0));
        Throws("uniform_reversed_format", () => g.Uniform(new double[3], 1.234567e6, 1.5e-7));
        Throws("uniform_to_inf_f32", () => g.Uniform(new float[3], 0, double.PositiveInfinity));
        Throws("uniform_from_nan_f32", () => g.Uniform(new float[3], double.NaN, 1));
        Throws("uniform_from_big_f32", () => g.Uniform(new float[3], -1e308, 1e308));
        Throws("uniform_limit_f32", () => g.Uniform(new float[3], -3e38, 3e38));
        Throws("uniform_limit_f64", () => g.Uniform(new double[3], -1e308, 1e308));
        var same = new float[2];
        g.Uniform(same, 1, 1);
        Assert.Equal([1f, 1f], same);
    }

    [Fact]
    public void SetStateRejectsWrongSizeAndInvalidState()
    {
        var g = new Generator(0);
        Throws("state_size", () => g.SetState(new byte[10]));
        Throws("state_invalid", () => g.SetState(new byte[5056]));
        Assert.Throws<ArgumentNullException>(() => g.SetState(null!));
    }
}
