using System.Text.Json;
using Gradus.Kernels;

namespace Gradus.Tests.Kernels;

/// <summary>Reads the PyTorch fixtures of tools/gen_kernel_fixtures.py and compares results with them.</summary>
internal static class KernelFixtures
{
    /// <summary>The cases of fixtures/kernels/<paramref name="name"/>.json.</summary>
    public static JsonElement[] Cases(string name)
    {
        string path = Path.Combine(AppContext.BaseDirectory, "fixtures", "kernels", name + ".json");
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return [.. doc.RootElement.GetProperty("cases").EnumerateArray().Select(c => c.Clone())];
    }

    /// <summary>A numeric array property ("NaN" strings read as NaN).</summary>
    public static double[] Doubles(this JsonElement e, string property) =>
        [.. e.GetProperty(property).EnumerateArray().Select(v => v.ValueKind == JsonValueKind.String ? double.Parse(v.GetString()!) : v.GetDouble())];

    /// <summary>The same array as float32.</summary>
    public static float[] Floats(this JsonElement e, string property) => [.. e.Doubles(property).Select(v => (float)v)];

    /// <summary>An integer array property.</summary>
    public static long[] Longs(this JsonElement e, string property) => [.. e.GetProperty(property).EnumerateArray().Select(v => v.GetInt64())];

    /// <summary>An integer property.</summary>
    public static int Int(this JsonElement e, string property) => e.GetProperty(property).GetInt32();

    /// <summary>The window of a case (kernel, stride, padding, dilation pairs).</summary>
    public static Window2d Window(this JsonElement e)
    {
        long[] k = e.Longs("kernel"), s = e.Longs("stride"), p = e.Longs("padding"), d = e.Longs("dilation");
        return new Window2d((int)k[0], (int)k[1], (int)s[0], (int)s[1], (int)p[0], (int)p[1], (int)d[0], (int)d[1]);
    }

    /// <summary>Asserts equal lengths and every element within atol + rtol·|expected| (NaN must match NaN).</summary>
    public static void AssertClose(double[] expected, ReadOnlySpan<double> actual, double rtol, double atol, string what)
    {
        Assert.True(expected.Length == actual.Length, $"{what}: length {actual.Length}, expected {expected.Length}");
        for (int i = 0; i < expected.Length; i++)
        {
            if (double.IsNaN(expected[i]))
            {
                Assert.True(double.IsNaN(actual[i]), $"{what}[{i}] = {actual[i]}, expected NaN");
                continue;
            }
            Assert.True(Math.Abs(actual[i] - expected[i]) <= atol + rtol * Math.Abs(expected[i]),
                $"{what}[{i}] = {actual[i]}, expected {expected[i]}");
        }
    }

    /// <summary>The float version of <see cref="AssertClose(double[], ReadOnlySpan{double}, double, double, string)"/>.</summary>
    public static void AssertClose(double[] expected, ReadOnlySpan<float> actual, double rtol, double atol, string what)
    {
        var widened = new double[actual.Length];
        for (int i = 0; i < actual.Length; i++) widened[i] = actual[i];
        AssertClose(expected, widened, rtol, atol, what);
    }
}
