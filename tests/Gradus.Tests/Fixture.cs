using System.Text.Json;

namespace Gradus.Tests;

/// <summary>Loads golden values written by the tools/ scripts.</summary>
internal static class Fixture
{
    public static JsonElement Load(string area, string file)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "fixtures", area, file);
        return JsonDocument.Parse(File.ReadAllText(path)).RootElement;
    }

    public static double[] Doubles(this JsonElement e) => e.EnumerateArray().Select(x => x.GetDouble()).ToArray();

    public static int[] Ints(this JsonElement e) => e.EnumerateArray().Select(x => x.GetInt32()).ToArray();

    /// <summary>Asserts two sequences agree within an absolute-plus-relative tolerance, naming the first mismatch.</summary>
    public static void Close(double[] expected, double[] actual, double tol, string what = "")
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
            if (!(Math.Abs(expected[i] - actual[i]) <= tol * (1 + Math.Abs(expected[i]))))
                Assert.Fail($"{what} element {i}: expected {expected[i]:R}, got {actual[i]:R}");
    }
}
