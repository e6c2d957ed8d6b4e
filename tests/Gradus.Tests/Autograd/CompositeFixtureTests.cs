using System.Text.Json;

namespace Gradus.Tests.Autograd;

/// <summary>
/// Values and gradients of composite programs (MLP, D2L softmax regression, indexing and in-place chains,
/// the course's autograd examples) against PyTorch 1.13: float32 to 1e-6, float64 to 1e-12.
/// </summary>
public class CompositeFixtureTests
{
    private static readonly JsonElement Root = Fixture.Load("autograd", "composite.json");

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var c in Root.GetProperty("cases").EnumerateArray())
            data.Add(c.GetProperty("name").GetString()!, c.GetProperty("dtype").GetString()!);
        return data;
    }

    private static JsonElement Case(string name, string dtype) => Root.GetProperty("cases").EnumerateArray()
        .Single(c => c.GetProperty("name").GetString() == name && c.GetProperty("dtype").GetString() == dtype);

    /// <summary>The case's inputs: floats in the case's dtype (leaves requiring grad for kind "grad"), int64 indices, bool masks.</summary>
    private static Dictionary<string, Tensor> Inputs(JsonElement c, DType dt)
    {
        var r = new Dictionary<string, Tensor>();
        foreach (var i in c.GetProperty("inputs").EnumerateArray())
        {
            var shape = i.GetProperty("shape").Ints();
            var data = i.GetProperty("data");
            Tensor t = i.GetProperty("kind").GetString() switch
            {
                "int64" => Torch.Tensor(data.EnumerateArray().Select(e => e.GetInt64()).ToArray()),
                "bool" => Torch.Tensor(data.EnumerateArray().Select(e => e.GetBoolean()).ToArray()),
                _ => Torch.FromArray(data.Doubles()).To(dt),
            };
            t = t.Reshape(shape).Detach();
            if (i.GetProperty("kind").GetString() == "grad") t.RequiresGrad_();
            r[i.GetProperty("name").GetString()!] = t;
        }
        return r;
    }

    [Fact]
    public void EveryFixtureCaseHasAProgram()
    {
        var names = Root.GetProperty("cases").EnumerateArray().Select(c => c.GetProperty("name").GetString()!).Distinct().Order();
        Assert.Equal(names, CompositePrograms.All.Keys.Order());
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ValuesAndGradientsMatchPyTorch(string name, string dtype)
    {
        var c = Case(name, dtype);
        var dt = dtype == "float32" ? DType.Float32 : DType.Float64;
        double tol = dt == DType.Float32 ? 1e-6 : 1e-12;
        var outputs = CompositePrograms.All[name](Inputs(c, dt));
        var expected = c.GetProperty("outputs");
        Assert.Equal(expected.EnumerateObject().Select(p => p.Name).Order(), outputs.Keys.Order());
        foreach (var p in expected.EnumerateObject())
        {
            var t = outputs[p.Name];
            Assert.Equal(dt, t.DType);
            Assert.Equal(p.Value.GetProperty("shape").Ints(), t.Shape);
            Fixture.Close(p.Value.GetProperty("data").Doubles(), t.ToArray<double>(), tol, $"{name} {dtype} {p.Name}");
        }
    }
}
