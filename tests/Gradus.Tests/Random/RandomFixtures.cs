using System.Text.Json;

namespace Gradus.Tests.Random;

/// <summary>Loads the golden files under fixtures/random and compares floats to one ulp.</summary>
internal static class RandomFixtures
{
    private static readonly Dictionary<string, JsonDocument> Cache = [];
    private static readonly Lock Sync = new();

    /// <summary>Largest accepted float difference, in units in the last place (all streams match bit for bit here).</summary>
    public const int MaxUlp = 1;

    /// <summary>The parsed JSON of fixtures/random/<paramref name="file"/>, loaded once.</summary>
    public static JsonElement Load(string file)
    {
        lock (Sync)
        {
            if (!Cache.TryGetValue(file, out JsonDocument? doc))
            {
                string path = Path.Combine(AppContext.BaseDirectory, "fixtures", "random", file);
                doc = JsonDocument.Parse(File.ReadAllText(path));
                Cache[file] = doc;
            }
            return doc.RootElement;
        }
    }

    public static double[] Doubles(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetDouble())];

    public static float[] Floats(JsonElement array) => [.. array.EnumerateArray().Select(e => (float)e.GetDouble())];

    public static long[] Longs(JsonElement array) => [.. array.EnumerateArray().Select(e => e.GetInt64())];

    /// <summary>Distance in units in the last place between two floats (0 when bit-identical).</summary>
    public static long UlpDistance(float a, float b)
    {
        static long Ordered(float x)
        {
            int bits = BitConverter.SingleToInt32Bits(x);
            return bits < 0 ? int.MinValue - (long)bits : bits;
        }
        return Math.Abs(Ordered(a) - Ordered(b));
    }

    /// <summary>Distance in units in the last place between two doubles (0 when bit-identical).</summary>
    public static ulong UlpDistance(double a, double b)
    {
        static Int128 Ordered(double x)
        {
            long bits = BitConverter.DoubleToInt64Bits(x);
            return bits < 0 ? long.MinValue - (Int128)bits : bits;
        }
        return (ulong)Int128.Abs(Ordered(a) - Ordered(b));
    }

    public static void AssertClose(float[] expected, float[] actual, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            if (UlpDistance(expected[i], actual[i]) > MaxUlp)
            {
                Assert.Fail($"{what}: element {i} expected {expected[i]:R} but got {actual[i]:R}");
            }
        }
    }

    public static void AssertClose(double[] expected, double[] actual, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            if (UlpDistance(expected[i], actual[i]) > (ulong)MaxUlp)
            {
                Assert.Fail($"{what}: element {i} expected {expected[i]:R} but got {actual[i]:R}");
            }
        }
    }

    /// <summary>
    /// Element-wise |expected - actual| &lt;= tolerance. For data built with NumPy's sin/cos: NumPy 1.24 uses its
    /// AVX-512 float64 sin/cos where the CPU has them, within an ulp of the C library Gradus calls.
    /// </summary>
    public static void AssertNear(double[] expected, double[] actual, double tolerance, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            if (!(Math.Abs(expected[i] - actual[i]) <= tolerance))
            {
                Assert.Fail($"{what}: element {i} expected {expected[i]:R} but got {actual[i]:R} (tolerance {tolerance})");
            }
        }
    }
}
