using System.Collections.Concurrent;
using System.Text.Json;

namespace Gradus.Tests.NN;

/// <summary>Loads the PyTorch golden values written by tools/gen_nn_fixtures.py and compares tensors with them.</summary>
internal static class NNFixtures
{
    private static readonly ConcurrentDictionary<string, JsonElement> Cache = new();

    public static JsonElement Load(string file) => Cache.GetOrAdd(file, f =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "fixtures", "nn", f))).RootElement);

    /// <summary>0..n-1 for the n entries of the file's "cases" array, as xunit theory data.</summary>
    public static TheoryData<int> CaseIndices(string file)
    {
        var data = new TheoryData<int>();
        int n = Load(file).GetProperty("cases").GetArrayLength();
        for (int i = 0; i < n; i++) data.Add(i);
        return data;
    }

    /// <summary>A tensor from {"shape", "dtype", "data"}.</summary>
    public static Tensor Tensor(JsonElement e)
    {
        var shape = e.GetProperty("shape").EnumerateArray().Select(s => s.GetInt32()).ToArray();
        var data = e.GetProperty("data");
        Tensor flat = e.GetProperty("dtype").GetString() switch
        {
            "float32" => Torch.Tensor(data.EnumerateArray().Select(v => (float)Number(v)).ToArray()),
            "float64" => Torch.FromArray(data.EnumerateArray().Select(Number).ToArray()),
            "int64" => Torch.Tensor(data.EnumerateArray().Select(v => v.GetInt64()).ToArray()),
            "bool" => Torch.Tensor(data.EnumerateArray().Select(v => v.GetBoolean()).ToArray()),
            var d => throw new InvalidOperationException($"fixture dtype {d}"),
        };
        return flat.Reshape(shape);
    }

    public static double[] Values(JsonElement e) => e.GetProperty("data").EnumerateArray().Select(Number).ToArray();

    /// <summary>A fixture number; non-finite values are stored as the strings "nan", "inf" and "-inf".</summary>
    private static double Number(JsonElement v) => v.ValueKind == JsonValueKind.String
        ? v.GetString() switch { "nan" => double.NaN, "inf" => double.PositiveInfinity, "-inf" => double.NegativeInfinity, var s => throw new FormatException(s) }
        : v.GetDouble();

    /// <summary>Asserts shape and values within atol + rtol·|expected|, naming the first bad element.</summary>
    public static void AssertClose(JsonElement expected, Tensor actual, string label, double atol = 1e-5, double rtol = 1e-4)
    {
        var shape = expected.GetProperty("shape").EnumerateArray().Select(s => s.GetInt32()).ToArray();
        Assert.True(shape.SequenceEqual(actual.Shape), $"{label}: shape [{string.Join(", ", actual.Shape)}], expected [{string.Join(", ", shape)}]");
        AssertClose(Values(expected), actual.ToArray<double>(), label, atol, rtol);
    }

    public static void AssertClose(double[] expected, double[] actual, string label, double atol = 1e-5, double rtol = 1e-4)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            double e = expected[i], a = actual[i];
            if (!double.IsFinite(e)) { Assert.True(e.Equals(a), $"{label}[{i}]: {a}, expected {e}"); continue; }
            Assert.True(Math.Abs(a - e) <= atol + rtol * Math.Abs(e), $"{label}[{i}]: {a:G9}, expected {e:G9}");
        }
    }

    /// <summary>Runs a float64 GradCheck on copies of the given tensors (all made float64 leaves requiring grad unless integer).</summary>
    public static bool GradCheck(Func<Tensor[], Tensor> f, params Tensor[] inputs)
    {
        var leaves = inputs.Select(t => t.IsFloatingPoint ? t.Detach().Double().Clone().RequiresGrad_() : t).ToArray();
        return Gradus.Autograd.GradCheck(f, leaves);
    }
}
