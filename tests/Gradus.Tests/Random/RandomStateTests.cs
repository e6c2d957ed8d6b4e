using System.Text.Json;
using Gradus.Random;
using static Gradus.Tests.Random.RandomFixtures;

namespace Gradus.Tests.Random;

/// <summary>NumPy 1.24 legacy RandomState streams, states and messages are reproduced.</summary>
public class RandomStateTests
{
    private static JsonElement Fixture => Load("numpy_random_state.json");

    public static TheoryData<int> Cases()
    {
        var data = new TheoryData<int>();
        int count = Load("numpy_random_state.json").GetProperty("cases").GetArrayLength();
        for (int i = 0; i < count; i++)
        {
            data.Add(i);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void StreamMatchesNumPy(int index)
    {
        JsonElement c = Fixture.GetProperty("cases")[index];
        var rs = new RandomState(c.GetProperty("seed").GetInt64());
        int s = 0;
        foreach (JsonElement step in c.GetProperty("steps").EnumerateArray())
        {
            RunStep(rs, step, $"case {index} seed={c.GetProperty("seed")} step {s++}");
        }
    }

    [Fact]
    public void GetStateMatchesNumPyAndSetStateContinues()
    {
        foreach (JsonElement c in Fixture.GetProperty("states").EnumerateArray())
        {
            var rs = new RandomState(c.GetProperty("seed").GetInt64());
            foreach (JsonElement step in c.GetProperty("steps").EnumerateArray())
            {
                Draw(rs, step);
            }
            RandomStateSnapshot state = rs.GetState();
            uint[] key = [.. c.GetProperty("key").EnumerateArray().Select(e => e.GetUInt32())];
            Assert.Equal(key, state.Key);
            Assert.Equal(c.GetProperty("pos").GetInt32(), state.Pos);
            Assert.Equal(c.GetProperty("has_gauss").GetInt32() != 0, state.HasGauss);
            Assert.Equal(c.GetProperty("gauss").GetDouble(), state.CachedGaussian);

            var restored = new RandomState(1).SetState(new RandomStateSnapshot(key, state.Pos, state.HasGauss, state.CachedGaussian));
            RunStep(restored, c.GetProperty("after"), "after set_state");
            RunStep(rs, c.GetProperty("after"), "after get_state");
        }
    }

    [Fact]
    public void ArraySeedsUseInitByArray()
    {
        foreach (JsonElement c in Fixture.GetProperty("array_seeds").EnumerateArray())
        {
            long[] seed = Longs(c.GetProperty("seed"));
            Assert.Equal(Doubles(c.GetProperty("values")), new RandomState(seed).Rand(5));
        }
    }

    [Fact]
    public void CourseInitialParameters()
    {
        var rs = new RandomState(42);
        Assert.Equal(0.4967141530112327, rs.Randn(1)[0]);
        Assert.Equal(-0.13826430117118466, rs.Randn(1)[0]);
    }

    [Fact]
    public void CloneAndGlobalAreIndependentCopies()
    {
        RandomState rs = new RandomState(5);
        rs.Randn(1);
        RandomState copy = rs.Clone();
        Assert.Equal(rs.Randn(3), copy.Randn(3));
        Assert.Same(RandomState.Global, RandomState.Global);
        Assert.Equal(new RandomState(9).Rand(2), new RandomState(1).Seed(9).Rand(2));
        Assert.NotEqual(new RandomState().Rand(4), new RandomState().Rand(4));
    }

    [Fact]
    public void ShuffleAndPermutationOfValues()
    {
        string[] names = ["a", "b", "c", "d", "e"];
        long[] order = new RandomState(3).Permutation(5);
        string[] expected = [.. order.Select(i => names[i])];
        Assert.Equal(expected, new RandomState(3).Permutation<string>(names));
        Span<string> inPlace = (string[])names.Clone();
        new RandomState(3).Shuffle(inPlace);
        Assert.Equal(expected, inPlace.ToArray());
    }

    [Fact]
    public void BadArgumentsFailWithNumPyMessages()
    {
        JsonElement errors = Fixture.GetProperty("errors");
        void Throws<TException>(string key, Action action)
            where TException : Exception
        {
            var ex = Assert.ThrowsAny<TException>(action);
            Assert.Equal(errors.GetProperty(key).GetString(), ex.Message);
        }
        var rs = new RandomState(0);
        Throws<ArgumentException>("seed_negative", () => _ = new RandomState(-1));
        Throws<ArgumentException>("seed_too_big", () => _ = new RandomState(1L << 32));
        Throws<ArgumentException>("seed_negative", () => _ = new RandomState([1, -2]));
        Throws<ArgumentException>("randint_equal", () => rs.Randint(5, 5, 3));
        Throws<ArgumentException>("choice_zero", () => rs.Choice(0, 3));
        Throws<ArgumentException>("choice_too_many", () => rs.Choice(3, 5, replace: false));
        Throws<ArgumentException>("choice_p_sum", () => rs.Choice(3, 2, p: [0.5, 0.2, 0.2]));
        Throws<ArgumentException>("choice_p_negative", () => rs.Choice(3, 2, p: [1.2, -0.2, 0.0]));
        Throws<ArgumentException>("choice_p_nan", () => rs.Choice(3, 2, p: [double.NaN, 0.5, 0.5]));
        Throws<ArgumentException>("choice_p_size", () => rs.Choice(3, 2, p: [0.5, 0.5]));
        Throws<ArgumentException>("choice_p_nonzero", () => rs.Choice(3, 2, replace: false, p: [1.0, 0.0, 0.0]));
        Throws<OverflowException>("uniform_range", () => rs.Uniform(-1e308, 1e308, 2));
        Throws<ArgumentException>("normal_scale", () => rs.Normal(0, -1, 2));
        Throws<ArgumentException>("rand_negative", () => rs.Rand(-1));
        Assert.Throws<ArgumentException>(() => rs.SetState(new RandomStateSnapshot(new uint[3], 0, false, 0)));
        Assert.Throws<ArgumentException>(() => rs.SetState(new RandomStateSnapshot(new uint[624], 625, false, 0)));
        Assert.Empty(rs.Permutation(-1));
        Assert.Empty(rs.Randint(5, 5, 0));
        Assert.Empty(rs.Choice(0, 0));
    }

    private static void Draw(RandomState rs, JsonElement step) => Execute(rs, step);

    private static void RunStep(RandomState rs, JsonElement step, string label)
    {
        string op = step.GetProperty("op").GetString()!;
        JsonElement values = step.GetProperty("values");
        object result = Execute(rs, step);
        string what = $"{label} {op}";
        if (result is double[] d)
        {
            AssertClose(Doubles(values), d, what);
        }
        else
        {
            Assert.Equal(Longs(values), (long[])result);
        }
    }

    private static object Execute(RandomState rs, JsonElement step)
    {
        string op = step.GetProperty("op").GetString()!;
        int n = step.GetProperty("n").GetInt32();
        JsonElement args = step.GetProperty("args");
        switch (op)
        {
            case "rand": return rs.Rand(n);
            case "randn": return rs.Randn(n);
            case "uniform": return rs.Uniform(args[0].GetDouble(), args[1].GetDouble(), n);
            case "normal": return rs.Normal(args[0].GetDouble(), args[1].GetDouble(), n);
            case "randint": return rs.Randint(args[0].GetInt64(), args[1].GetInt64(), n);
            case "permutation": return rs.Permutation(n);
            case "shuffle":
            {
                long[] x = [.. Enumerable.Range(0, n).Select(i => (long)i)];
                rs.Shuffle<long>(x);
                return x;
            }
            case "choice":
            {
                double[]? p = args[2].ValueKind == JsonValueKind.Null ? null : Doubles(args[2]);
                return rs.Choice(args[0].GetInt32(), n, args[1].GetBoolean(), p);
            }
            default:
                throw new InvalidOperationException($"unknown op {op}");
        }
    }
}
