using System.Text.Json;
using static Gradus.Tests.LinearAlgebra.LinalgFixtures;

namespace Gradus.Tests.LinearAlgebra;

/// <summary>Every op, shape and layout of cases.json against PyTorch: values, dtype, shape, grad_fn name and gradients.</summary>
public class FixtureCaseTests
{
    public static TheoryData<string> Cases => Names("cases.json");

    [Theory]
    [MemberData(nameof(Cases))]
    public void MatchesPyTorch(string name)
    {
        var c = Entry("cases.json", name);
        var specs = c.GetProperty("inputs").EnumerateArray().ToArray();
        var leaves = specs.Select(Leaf).ToArray();
        var views = leaves.Select((l, i) => View(l, specs[i])).ToArray();
        var y = Call(c.GetProperty("op").GetString()!, views, c.GetProperty("params"));

        var dtype = ParseDType(c.GetProperty("dtype").GetString()!);
        Assert.Equal(dtype, y.DType);
        Assert.Equal(Ints(c.GetProperty("shape")), y.Shape);
        AssertClose(Numbers(c.GetProperty("output")), y.Double().Detach().ToArray<double>(), dtype, name);

        var gradFn = c.GetProperty("grad_fn");
        if (gradFn.ValueKind == JsonValueKind.Null) Assert.Null(y.GradFn);
        else Assert.Equal(gradFn.GetString(), y.GradFn?.Name);

        if (!c.TryGetProperty("grads", out var grads)) return;
        var needs = leaves.Where(l => l.RequiresGrad).ToArray();
        var gout = Torch.FromArray(Numbers(c.GetProperty("gout")), DType.Float64).Reshape(y.Shape).To(y.DType);
        var got = Gradus.Autograd.Grad(y, needs, gout, allowUnused: true);
        var expected = grads.EnumerateArray().ToArray();
        for (int i = 0; i < needs.Length; i++)
        {
            if (expected[i].ValueKind == JsonValueKind.Null)
            {
                Assert.True(got[i] is null || got[i]!.Double().ToArray<double>().All(v => v == 0), $"{name}: gradient {i} should be absent");
                continue;
            }
            Assert.NotNull(got[i]);
            Assert.Equal(needs[i].Shape, got[i]!.Shape);
            AssertClose(Numbers(expected[i]), got[i]!.Double().ToArray<double>(), needs[i].DType, $"{name} grad {i}");
        }
    }
}
