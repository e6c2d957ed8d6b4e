using System.Text.Json;
using Gradus.Tests.Reductions;

namespace Gradus.Tests.Core;

/// <summary>Every case of tools/gen_closeness_fixtures.py (torch 1.13's isclose, allclose and equal) plus API-shape checks.</summary>
public class ClosenessTests
{
    private static readonly Lazy<Dictionary<string, JsonElement>> Cases = new(() => Fixtures.CasesByName("closeness", "closeness.json"));

    public static TheoryData<string> Names() => Fixtures.Names(Cases.Value.Keys);

    [Fact]
    public void FixtureCoversEveryOp()
    {
        var ops = Cases.Value.Values.Select(c => c.GetProperty("op").GetString()!).Distinct().Order().ToArray();
        Assert.Equal(["allclose", "equal", "isclose"], ops);
        Assert.True(Cases.Value.Count >= 100, $"{Cases.Value.Count} cases");
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void MatchesTorch(string name)
    {
        var c = Cases.Value[name];
        var a = Fixtures.Tensor(c.GetProperty("a"));
        var b = Fixtures.Tensor(c.GetProperty("b"));
        if (c.GetProperty("transpose_a").GetBoolean()) a = a.T;
        if (c.GetProperty("requires_grad").GetBoolean()) a = a.Detach().RequiresGrad_();
        var op = c.GetProperty("op").GetString()!;

        if (c.TryGetProperty("error", out var error))
        {
            var ex = Assert.Throws<ArgumentException>(() => Call(op, c, a, b));
            Assert.Equal(error.GetString(), ex.Message);
            return;
        }

        var expected = c.GetProperty("expected");
        var result = Call(op, c, a, b);
        if (result is Tensor t)
        {
            Assert.False(t.RequiresGrad);
            Fixtures.AssertTensor(expected, t, name);
        }
        else Assert.Equal(expected.GetBoolean(), (bool)result);
    }

    /// <summary>Runs a case through the Torch form and checks the Tensor method form agrees.</summary>
    private static object Call(string op, JsonElement c, Tensor a, Tensor b)
    {
        if (op == "equal")
        {
            bool eq = Torch.Equal(a, b);
            Assert.Equal(eq, a.Equal(b));
            return eq;
        }
        double rtol = Fixtures.Number(c.GetProperty("rtol")), atol = Fixtures.Number(c.GetProperty("atol"));
        bool equalNan = c.GetProperty("equal_nan").GetBoolean();
        if (op == "allclose")
        {
            bool all = Torch.AllClose(a, b, rtol, atol, equalNan);
            Assert.Equal(all, a.AllClose(b, rtol, atol, equalNan));
            return all;
        }
        var r = Torch.IsClose(a, b, rtol, atol, equalNan);
        Assert.True(r.Equal(a.IsClose(b, rtol, atol, equalNan)));
        return r;
    }

    [Fact]
    public void DefaultsAreTorchDefaults()
    {
        // |1.00001 - 1| = 1e-5 (float64) <= 1e-8 + 1e-5 * 1, and 1.0000101 is just outside it.
        var a = Torch.Tensor(new[] { 1.00001, 1.0000101 }, DType.Float64);
        var b = Torch.Tensor(new[] { 1.0, 1.0 }, DType.Float64);
        Assert.Equal(new[] { true, false }, (bool[])a.IsClose(b).ToArray());
        Assert.False(a.AllClose(b));
        Assert.True(a.AllClose(b, rtol: 2e-5));
        Assert.True(Torch.IsClose(b, b, equalNan: true).Equal(Torch.Tensor(new[] { true, true })));
    }

    [Fact]
    public void ResultIsANewBoolTensorWithNoGraph()
    {
        var a = Torch.Tensor(new[] { 1f, 2f }).RequiresGrad_();
        var r = a.IsClose(a.Detach());
        Assert.Equal(DType.Bool, r.DType);
        Assert.False(r.RequiresGrad);
        Assert.Null(r.GradFn);
        Assert.True(a.Equal(a));
    }
}
