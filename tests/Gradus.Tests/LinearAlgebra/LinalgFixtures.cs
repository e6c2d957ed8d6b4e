using System.Text.Json;

namespace Gradus.Tests.LinearAlgebra;

/// <summary>Reads tools/gen_linalg_fixtures.py's JSON, builds its inputs and runs its ops through Gradus.</summary>
internal static class LinalgFixtures
{
    private static readonly Dictionary<string, JsonElement> Files = [];

    public static JsonElement Load(string file)
    {
        lock (Files)
        {
            if (!Files.TryGetValue(file, out var root))
            {
                var path = Path.Combine(AppContext.BaseDirectory, "fixtures", "linalg", file);
                root = JsonDocument.Parse(File.ReadAllText(path)).RootElement;
                Files[file] = root;
            }
            return root;
        }
    }

    /// <summary>The entry of a fixture list with the given name.</summary>
    public static JsonElement Entry(string file, string name) =>
        Load(file).EnumerateArray().First(e => e.GetProperty("name").GetString() == name);

    /// <summary>The names of all entries, as xunit theory data.</summary>
    public static TheoryData<string> Names(string file)
    {
        var data = new TheoryData<string>();
        foreach (var e in Load(file).EnumerateArray()) data.Add(e.GetProperty("name").GetString()!);
        return data;
    }

    public static double Number(JsonElement e) => e.ValueKind == JsonValueKind.String
        ? e.GetString() switch { "inf" => double.PositiveInfinity, "-inf" => double.NegativeInfinity, _ => double.NaN }
        : e.GetDouble();

    public static double[] Numbers(JsonElement e) => e.EnumerateArray().Select(Number).ToArray();

    public static int[] Ints(JsonElement e) => e.EnumerateArray().Select(x => x.GetInt32()).ToArray();

    public static DType ParseDType(string s) => s switch
    {
        "float32" => DType.Float32,
        "float64" => DType.Float64,
        "int64" => DType.Int64,
        _ => DType.Bool,
    };

    /// <summary>The base leaf of an input (requires grad when the fixture says so).</summary>
    public static Tensor Leaf(JsonElement spec)
    {
        var shape = Ints(spec.GetProperty("shape"));
        var dtype = ParseDType(spec.GetProperty("dtype").GetString()!);
        var t = Torch.FromArray(Numbers(spec.GetProperty("data")), DType.Float64).Reshape(shape).To(dtype).Contiguous().Detach();
        if (spec.GetProperty("grad").GetBoolean()) t.RequiresGrad = true;
        return t;
    }

    /// <summary>The input as the op sees it: the leaf, permuted and expanded as the fixture says.</summary>
    public static Tensor View(Tensor leaf, JsonElement spec)
    {
        var t = leaf;
        if (spec.TryGetProperty("permute", out var p)) t = t.Permute(Ints(p));
        if (spec.TryGetProperty("expand", out var e)) t = t.Expand(Ints(e));
        return t;
    }

    public static Tensor Call(string op, Tensor[] t, JsonElement p)
    {
        int[]? dim = p.TryGetProperty("dim", out var d) ? Ints(d) : null;
        bool keep = p.TryGetProperty("keepdim", out var k) && k.GetBoolean();
        JsonElement? ord = p.TryGetProperty("ord", out var o) ? o : null;
        JsonElement? pp = p.TryGetProperty("p", out var pv) ? pv : null;
        static bool IsWord(JsonElement? e) => e is { ValueKind: JsonValueKind.String } s && s.GetString() is "fro" or "nuc" or "abc";
        return op switch
        {
            "matmul" => Torch.Matmul(t[0], t[1]),
            "mm" => Torch.Mm(t[0], t[1]),
            "mv" => Torch.Mv(t[0], t[1]),
            "dot" => Torch.Dot(t[0], t[1]),
            "bmm" => Torch.Bmm(t[0], t[1]),
            "outer" => Torch.Outer(t[0], t[1]),
            "addmm" => Torch.Addmm(t[0], t[1], t[2],
                p.TryGetProperty("beta", out var beta) ? beta.GetDouble() : 1, p.TryGetProperty("alpha", out var alpha) ? alpha.GetDouble() : 1),
            "vector_norm" => Linalg.VectorNorm(t[0], ord is { } v ? Number(v) : 2, dim, keep),
            "matrix_norm" => IsWord(ord) || ord is null
                ? Linalg.MatrixNorm(t[0], ord?.GetString() ?? "fro", dim, keep)
                : Linalg.MatrixNorm(t[0], Number(ord.Value), dim, keep),
            "linalg_norm" => IsWord(ord)
                ? Linalg.Norm(t[0], ord!.Value.GetString()!, dim, keep)
                : Linalg.Norm(t[0], ord is { } v2 ? Number(v2) : null, dim, keep),
            "norm" => dim is null
                ? (IsWord(pp) || pp is null ? Torch.Norm(t[0], pp?.GetString() ?? "fro") : Torch.Norm(t[0], Number(pp.Value)))
                : (IsWord(pp) || pp is null ? Torch.Norm(t[0], pp?.GetString() ?? "fro", dim, keep) : Torch.Norm(t[0], Number(pp.Value), dim, keep)),
            "tensor_norm" => t[0].Norm(Number(pp!.Value)),
            "frobenius_norm" => dim is null ? Torch.FrobeniusNorm(t[0]) : Torch.FrobeniusNorm(t[0], dim, keep),
            "solve" => Linalg.Solve(t[0], t[1]),
            "inv" => Linalg.Inv(t[0]),
            "det" => Linalg.Det(t[0]),
            "lstsq" => Linalg.Lstsq(t[0], t[1]),
            "svdvals" => Linalg.Svdvals(t[0]),
            _ => throw new ArgumentException($"unknown fixture op {op}"),
        };
    }

    /// <summary>Asserts elementwise closeness with a dtype-dependent tolerance (NaN equals NaN, infinities exactly).</summary>
    public static void AssertClose(double[] expected, double[] actual, DType dtype, string what)
    {
        Assert.True(expected.Length == actual.Length, $"{what}: {actual.Length} values, expected {expected.Length}");
        double atol = dtype == DType.Float64 ? 1e-9 : 2e-5, rtol = dtype == DType.Float64 ? 1e-7 : 1e-4;
        for (int i = 0; i < expected.Length; i++)
        {
            double e = expected[i], a = actual[i];
            if (double.IsNaN(e) || double.IsInfinity(e)) { Assert.True(e.Equals(a), $"{what}[{i}]: {a}, expected {e}"); continue; }
            Assert.True(Math.Abs(a - e) <= atol + rtol * Math.Abs(e), $"{what}[{i}]: {a}, expected {e}");
        }
    }
}
