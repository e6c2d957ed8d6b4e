using System.Text.Json;
using Gradus.Random;
using static Gradus.Tests.Random.RandomFixtures;

namespace Gradus.Tests.Random;

/// <summary>Replays one recorded PyTorch step on a <see cref="Generator"/> and checks its values.</summary>
internal static class TorchStepRunner
{
    public static void Run(Generator g, JsonElement step, string label)
    {
        string op = step.GetProperty("op").GetString()!;
        string dtype = step.GetProperty("dtype").GetString()!;
        int n = step.GetProperty("n").GetInt32();
        JsonElement args = step.GetProperty("args");
        JsonElement values = step.GetProperty("values");
        string what = $"{label} {op} {dtype} n={n}";
        bool f32 = dtype == "float32";
        switch (op)
        {
            case "uniform":
            case "normal":
            case "normal_noncontiguous":
            case "exponential":
                if (f32)
                {
                    var dst = new float[n];
                    FillFloat(g, op, dst, args);
                    AssertClose(Floats(values), dst, what);
                }
                else
                {
                    var dst = new double[n];
                    FillDouble(g, op, dst, args);
                    AssertClose(Doubles(values), dst, what);
                }
                break;
            case "randint":
            {
                var dst = new long[n];
                g.RandomInt(dst, args[0].GetInt64(), args[1].GetInt64());
                Assert.Equal(Longs(values), dst);
                break;
            }
            case "randperm":
                Assert.Equal(Longs(values), g.Randperm(n));
                break;
            case "bernoulli":
                Assert.Equal(Doubles(values), Bernoulli(g, n, f32, args[0].GetDouble()));
                break;
            case "dropout":
            {
                // F.dropout draws bernoulli_(1 - p) on an empty tensor, then scales by 1 / (1 - p).
                double p = args[0].GetDouble();
                double[] expectedMask = [.. Doubles(values).Select(v => v != 0 ? 1.0 : 0.0)];
                Assert.Equal(expectedMask, Bernoulli(g, n, f32, 1 - p));
                break;
            }
            case "bernoulli_tensor":
                if (f32)
                {
                    var dst = new float[n];
                    g.Bernoulli(dst, Floats(args));
                    Assert.Equal(Floats(values), dst);
                }
                else
                {
                    var dst = new double[n];
                    g.Bernoulli(dst, Doubles(args));
                    Assert.Equal(Doubles(values), dst);
                }
                break;
            case "multinomial":
            {
                int rows = args[1].GetInt32();
                int k = args[2].GetInt32();
                bool replacement = args[3].GetBoolean();
                long[] actual = f32
                    ? g.Multinomial(Floats(args[0]), rows, k, replacement)
                    : g.Multinomial(Doubles(args[0]), rows, k, replacement);
                Assert.Equal(Longs(values), actual);
                break;
            }
            default:
                throw new InvalidOperationException($"unknown op {op}");
        }
    }

    private static double[] Bernoulli(Generator g, int n, bool f32, double p)
    {
        if (f32)
        {
            var dst = new float[n];
            g.Bernoulli(dst, p);
            return [.. dst.Select(v => (double)v)];
        }
        var d = new double[n];
        g.Bernoulli(d, p);
        return d;
    }

    private static void FillFloat(Generator g, string op, float[] dst, JsonElement args)
    {
        switch (op)
        {
            case "uniform": g.Uniform(dst, args[0].GetDouble(), args[1].GetDouble()); break;
            case "normal": g.Normal(dst, args[0].GetDouble(), args[1].GetDouble()); break;
            case "normal_noncontiguous": g.Normal(dst, args[0].GetDouble(), args[1].GetDouble(), contiguous: false); break;
            default: g.Exponential(dst, args[0].GetDouble()); break;
        }
    }

    private static void FillDouble(Generator g, string op, double[] dst, JsonElement args)
    {
        switch (op)
        {
            case "uniform": g.Uniform(dst, args[0].GetDouble(), args[1].GetDouble()); break;
            case "normal": g.Normal(dst, args[0].GetDouble(), args[1].GetDouble()); break;
            case "normal_noncontiguous": g.Normal(dst, args[0].GetDouble(), args[1].GetDouble(), contiguous: false); break;
            default: g.Exponential(dst, args[0].GetDouble()); break;
        }
    }
}
