using System.Text.Json;
using Gradus.Random;

namespace Gradus.Tests.Random;

/// <summary>Seeding, state bytes in torch.get_rng_state() layout, cloning and the default generator.</summary>
public class GeneratorStateTests
{
    private static JsonElement Fixture => RandomFixtures.Load("torch_state.json");

    [Fact]
    public void NewGeneratorHasPyTorchDefaultSeed()
    {
        ulong expected = Fixture.GetProperty("new_generator_initial_seed").GetUInt64();
        Assert.Equal(expected, new Generator().InitialSeed);
        Assert.Equal(Generator.DefaultSeed, expected);
    }

    [Fact]
    public void GetStateMatchesTorchGetRngStateBytes()
    {
        foreach (JsonElement c in Fixture.GetProperty("states").EnumerateArray())
        {
            Generator g = Replay(c);
            Assert.Equal(c.GetProperty("state_hex").GetString(), Convert.ToHexStringLower(g.GetState()));
        }
    }

    [Fact]
    public void SetStateFromTorchBytesContinuesTheStream()
    {
        foreach (JsonElement c in Fixture.GetProperty("states").EnumerateArray())
        {
            var g = new Generator(7);
            g.SetState(Convert.FromHexString(c.GetProperty("state_hex").GetString()!));
            Assert.Equal(c.GetProperty("seed").GetUInt64(), g.InitialSeed);
            foreach (JsonElement step in c.GetProperty("after").EnumerateArray())
            {
                TorchStepRunner.Run(g, step, "after set_state");
            }
        }
    }

    [Fact]
    public void CloneAndStateRoundTripKeepTheCachedNormal()
    {
        var g = new Generator(42);
        var first = new double[1];
        g.Normal(first);
        Generator clone = g.Clone();
        byte[] saved = g.GetState();

        var a = new double[3];
        var b = new double[3];
        g.Normal(a);
        clone.Normal(b);
        Assert.Equal(a, b);

        var restored = new Generator().SetState(saved);
        var c = new double[3];
        restored.Normal(c);
        Assert.Equal(a, c);
    }

    [Fact]
    public void ManualSeedResetsStreamAndCache()
    {
        var g = new Generator(42);
        var x = new double[1];
        g.Normal(x);
        Assert.Same(g, g.ManualSeed(42));
        var y = new double[1];
        g.Normal(y);
        Assert.Equal(x, y);
        Assert.Equal(42UL, g.InitialSeed);
    }

    [Fact]
    public void NegativeSeedWrapsAsPyTorchDoes()
    {
        ulong expected = ulong.Parse(Fixture.GetProperty("errors").GetProperty("negative_seed_initial_seed").GetString()!);
        Assert.Equal(expected, new Generator(-1L).InitialSeed);
        Assert.Equal(expected, new Generator(0).ManualSeed(-1L).InitialSeed);
        var a = new float[4];
        var b = new float[4];
        new Generator(-1L).Uniform(a);
        new Generator(ulong.MaxValue).Uniform(b);
        Assert.Equal(a, b);
    }

    [Fact]
    public void SeedPicksAFreshSeedAndReportsIt()
    {
        var g = new Generator(1);
        ulong seed = g.Seed();
        Assert.Equal(seed, g.InitialSeed);
        var a = new float[3];
        var b = new float[3];
        g.Uniform(a);
        new Generator(seed).Uniform(b);
        Assert.Equal(a, b);
    }

    [Fact]
    public void DefaultGeneratorIsSharedAndReseedable()
    {
        Assert.Same(Generator.Default, Generator.Default);
        var probe = new float[2];
        var expected = new float[2];
        lock (DefaultGeneratorLock.Sync)
        {
            Generator.Default.ManualSeed(42).Uniform(probe);
        }
        new Generator(42).Uniform(expected);
        Assert.Equal(expected, probe);
    }

    [Fact]
    public void LinearLayerInitMatchesPyTorch()
    {
        foreach (JsonElement c in Fixture.GetProperty("linear_init").EnumerateArray())
        {
            int fanIn = c.TryGetProperty("in", out JsonElement i) ? i.GetInt32() : 1;
            int fanOut = c.TryGetProperty("out", out JsonElement o) ? o.GetInt32() : 1;
            var g = new Generator(c.GetProperty("seed").GetUInt64());
            var weight = new float[fanIn * fanOut];
            var bias = new float[fanOut];
            // kaiming_uniform_(weight, a=sqrt(5)), then bias ~ U(-1/sqrt(fan_in), 1/sqrt(fan_in)).
            double a = Math.Sqrt(5);
            double gain = Math.Sqrt(2.0 / (1 + (a * a)));
            double bound = Math.Sqrt(3.0) * (gain / Math.Sqrt(fanIn));
            g.Uniform(weight, -bound, bound);
            double biasBound = 1 / Math.Sqrt(fanIn);
            g.Uniform(bias, -biasBound, biasBound);
            Assert.Equal(RandomFixtures.Floats(c.GetProperty("weight")), weight);
            Assert.Equal(RandomFixtures.Floats(c.GetProperty("bias")), bias);
        }
    }

    [Fact]
    public void CourseLinearOneByOneIsPoint7645AndPoint8300()
    {
        var g = new Generator(42);
        var w = new float[1];
        var b = new float[1];
        g.Uniform(w, -1, 1);
        g.Uniform(b, -1, 1);
        Assert.Equal("0.7645", w[0].ToString("F4", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("0.8300", b[0].ToString("F4", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(0.7645385265350342f, w[0]);
        Assert.Equal(0.8300079107284546f, b[0]);
    }

    private static Generator Replay(JsonElement c)
    {
        var g = new Generator(c.GetProperty("seed").GetUInt64());
        foreach (JsonElement step in c.GetProperty("steps").EnumerateArray())
        {
            TorchStepRunner.Run(g, step, "state prefix");
        }
        return g;
    }
}

/// <summary>Serializes tests that reseed the process-wide default generator.</summary>
internal static class DefaultGeneratorLock
{
    public static readonly Lock Sync = new();
}
