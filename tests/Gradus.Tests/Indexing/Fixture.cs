using System.Text.Json;

namespace Gradus.Tests.Indexing;

/// <summary>Reads the PyTorch fixtures of tools/gen_indexing_fixtures.py: tensors, index specs, inputs and weights.</summary>
internal static class Fixture
{
    public static JsonElement Load(string file) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "fixtures", "indexing", file))).RootElement;

    public static int[] Ints(JsonElement e) => e.EnumerateArray().Select(v => v.GetInt32()).ToArray();

    /// <summary>A tensor from {"shape", "dtype", "data"}.</summary>
    public static Tensor ToTensor(JsonElement e)
    {
        var shape = Ints(e.GetProperty("shape"));
        var data = e.GetProperty("data").EnumerateArray();
        Array flat = e.GetProperty("dtype").GetString() switch
        {
            "float64" => data.Select(v => v.GetDouble()).ToArray(),
            "float32" => data.Select(v => v.GetSingle()).ToArray(),
            "int64" => data.Select(v => v.GetInt64()).ToArray(),
            _ => data.Select(v => v.GetBoolean()).ToArray(),
        };
        return Torch.FromArray(flat).Reshape(shape);
    }

    /// <summary>x = (arange(n) - n / 3) * 0.5 in float64, as the generator's x_of.</summary>
    public static Tensor X(int[] shape)
    {
        int n = shape.Aggregate(1, (a, b) => a * b);
        return ((Torch.Arange(0L, n).Double() - (double)(n / 3)) * 0.5).Reshape(shape).Detach();
    }

    /// <summary>w = arange(1, n + 1) in float64, as the generator's w_of.</summary>
    public static Tensor W(int[] shape)
    {
        int n = shape.Aggregate(1, (a, b) => a * b);
        return Torch.Arange(1L, n + 1).Double().Reshape(shape);
    }

    /// <summary>One index component from its JSON form (["int", 1], ["slice", [a, b, c]], ["mask", shape, data], ...).</summary>
    public static TensorIndex Component(JsonElement c)
    {
        var kind = c[0].GetString();
        int? Opt(JsonElement v) => v.ValueKind == JsonValueKind.Null ? null : v.GetInt32();
        return kind switch
        {
            "int" => c[1].GetInt32(),
            "slice" => TensorIndex.Slice(Opt(c[1][0]), Opt(c[1][1]), Opt(c[1][2]) ?? 1),
            "none" => TensorIndex.None,
            "ellipsis" => TensorIndex.Ellipsis,
            "bool" => c[1].GetBoolean(),
            "long" => Torch.FromArray(c[2].EnumerateArray().Select(v => v.GetInt64()).ToArray()).Reshape(Ints(c[1])),
            "mask" => Torch.FromArray(c[2].EnumerateArray().Select(v => v.GetBoolean()).ToArray()).Reshape(Ints(c[1])),
            _ => throw new ArgumentException(kind),
        };
    }

    public static TensorIndex[] Index(JsonElement spec) => spec.EnumerateArray().Select(Component).ToArray();

    /// <summary>Asserts same shape, dtype and values (exact: indexing moves values, it does not compute them).</summary>
    public static void AssertEqual(JsonElement expected, Tensor actual, string context)
    {
        var want = ToTensor(expected);
        Assert.True(want.Shape.SequenceEqual(actual.Shape), $"{context}: shape {Shapes.Format(actual.Shape)}, expected {Shapes.Format(want.Shape)}");
        Assert.True(want.DType == actual.DType, $"{context}: dtype {actual.DType}, expected {want.DType}");
        var a = actual.ToArray<double>();
        var e = want.ToArray<double>();
        for (int i = 0; i < e.Length; i++)
            Assert.True(Math.Abs(a[i] - e[i]) <= 1e-12 * Math.Max(1, Math.Abs(e[i])), $"{context}: element {i} is {a[i]}, expected {e[i]}");
    }

    /// <summary>Python's spelling of a subscript, for messages.</summary>
    public static string Describe(TensorIndex[] idx) => "[" + string.Join(", ", idx.Select(i => i.ToString())) + "]";
}
