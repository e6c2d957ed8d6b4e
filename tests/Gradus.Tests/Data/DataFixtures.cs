using System.Text.Json;

namespace Gradus.Tests.Data;

/// <summary>Reads the fixtures written by tools/gen_data_fixtures.py.</summary>
internal static class DataFixtures
{
    public static JsonElement Load(string file) => Fixture.Load("data", file);

    /// <summary>A nested JSON array flattened in row-major order; null (NaN in the fixture) becomes NaN.</summary>
    public static double[] Flat(JsonElement e)
    {
        var values = new List<double>();
        void Walk(JsonElement x)
        {
            if (x.ValueKind == JsonValueKind.Array)
                foreach (var item in x.EnumerateArray()) Walk(item);
            else
                values.Add(x.ValueKind == JsonValueKind.Null ? double.NaN : x.GetDouble());
        }
        Walk(e);
        return values.ToArray();
    }

    /// <summary>The path of a file in the repository (found walking up from the test binaries), e.g. data/patients.csv.</summary>
    public static string RepositoryFile(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string path = Path.Combine(dir.FullName, relative);
            if (File.Exists(path))
                return path;
        }
        throw new FileNotFoundException($"{relative} not found above {AppContext.BaseDirectory}");
    }

    /// <summary>A JSON array of integer arrays.</summary>
    public static int[][] IntLists(JsonElement e) => e.EnumerateArray().Select(x => x.Ints()).ToArray();

    /// <summary>A [rows][cols] JSON matrix as a float64 tensor (null becomes NaN).</summary>
    public static Tensor Matrix(JsonElement e, DType dtype = DType.Float64)
    {
        int rows = e.GetArrayLength();
        int cols = e[0].GetArrayLength();
        var t = new Tensor(Flat(e), [rows, cols], DType.Float64);
        return dtype == DType.Float64 ? t : t.To(dtype);
    }

    /// <summary>Asserts equality element by element, NaN matching NaN, within a relative tolerance.</summary>
    public static void CloseWithNaN(double[] expected, double[] actual, double tol, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            if (double.IsNaN(expected[i]) && double.IsNaN(actual[i]))
                continue;
            if (!(Math.Abs(expected[i] - actual[i]) <= tol * (1 + Math.Abs(expected[i]))))
                Assert.Fail($"{what} element {i}: expected {expected[i]:R}, got {actual[i]:R}");
        }
    }
}
