using System.Globalization;
using System.Text.Json;

namespace Gradus.Tests.Reductions;

/// <summary>Reads tensors written by the tools/ generators: {shape, dtype, data} with NaN/±inf as strings.</summary>
internal static class Fixtures
{
    public static JsonElement Load(string area, string file)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "fixtures", area, file);
        return JsonDocument.Parse(File.ReadAllText(path)).RootElement;
    }

    /// <summary>The "cases" array of a fixture file keyed by each case's "name".</summary>
    public static Dictionary<string, JsonElement> CasesByName(string area, string file) =>
        Load(area, file).GetProperty("cases").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!);

    /// <summary>Case names as xunit theory data.</summary>
    public static TheoryData<string> Names(IEnumerable<string> names)
    {
        var data = new TheoryData<string>();
        foreach (var name in names) data.Add(name);
        return data;
    }

    public static double Number(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => double.Parse(e.GetString()!, CultureInfo.InvariantCulture),
        JsonValueKind.True => 1,
        JsonValueKind.False => 0,
        _ => e.GetDouble(),
    };

    public static DType ParseDType(string name) => name switch
    {
        "float32" => DType.Float32,
        "float64" => DType.Float64,
        "int64" => DType.Int64,
        "bool" => DType.Bool,
        _ => throw new ArgumentException($"unknown dtype {name}"),
    };

    public static int[] Shape(JsonElement t) => t.GetProperty("shape").EnumerateArray().Select(v => v.GetInt32()).ToArray();

    public static Tensor Tensor(JsonElement t)
    {
        var shape = Shape(t);
        var data = t.GetProperty("data").EnumerateArray().ToArray();
        Array flat = ParseDType(t.GetProperty("dtype").GetString()!) switch
        {
            DType.Float32 => data.Select(v => (float)Number(v)).ToArray(),
            DType.Float64 => data.Select(Number).ToArray(),
            DType.Int64 => data.Select(v => v.GetInt64()).ToArray(),
            _ => data.Select(v => v.GetBoolean()).ToArray(),
        };
        return Torch.FromArray(flat).Reshape(shape);
    }

    /// <summary>Asserts dtype, shape and values (NaN matches NaN; floats within a relative tolerance).</summary>
    public static void AssertTensor(JsonElement expected, Tensor actual, string what, double rtol = 1e-5, double atol = 1e-6)
    {
        Assert.True(ParseDType(expected.GetProperty("dtype").GetString()!) == actual.DType, $"{what}: dtype {actual.DType}");
        Assert.True(Shape(expected).SequenceEqual(actual.Shape), $"{what}: shape [{string.Join(", ", actual.Shape)}]");
        var want = expected.GetProperty("data").EnumerateArray().Select(Number).ToArray();
        var got = actual.Double().ToArray<double>();
        if (actual.DType == DType.Float64) { rtol = Math.Min(rtol, 1e-10); atol = Math.Min(atol, 1e-12); }
        for (int i = 0; i < want.Length; i++)
        {
            double w = want[i], g = got[i];
            bool ok = double.IsNaN(w) ? double.IsNaN(g) : double.IsInfinity(w) ? w == g : Math.Abs(w - g) <= atol + rtol * Math.Abs(w);
            Assert.True(ok, $"{what}[{i}]: expected {w.ToString("R", CultureInfo.InvariantCulture)}, got {g.ToString("R", CultureInfo.InvariantCulture)}");
        }
    }
}
