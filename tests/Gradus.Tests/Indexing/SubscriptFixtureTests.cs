using System.Text.Json;

namespace Gradus.Tests.Indexing;

/// <summary>The indexer against PyTorch: values, view/copy, grad_fn names and gradients of x[idx] and x[idx] = v.</summary>
public class SubscriptFixtureTests
{
    private static readonly JsonElement Root = Fixture.Load("subscript.json");

    [Fact]
    public void GetMatchesPyTorch()
    {
        foreach (var c in Root.GetProperty("get").EnumerateArray())
        {
            var shape = Fixture.Ints(c.GetProperty("shape"));
            var idx = Fixture.Index(c.GetProperty("index"));
            var ctx = $"x{Shapes.Format(shape)}{Fixture.Describe(idx)}";
            var x = Fixture.X(shape).RequiresGrad_();
            var y = x[idx];
            Fixture.AssertEqual(c.GetProperty("out"), y, ctx);
            Assert.True(c.GetProperty("grad_fn").GetString() == y.GradFn?.Name, $"{ctx}: grad_fn {y.GradFn?.Name}");
            bool isView = c.GetProperty("is_view").GetBoolean();
            Assert.True(isView == ReferenceEquals(y.storage, x.storage), $"{ctx}: view sharing storage should be {isView}");
            (y * Fixture.W(y.Shape)).Sum().Backward();
            Fixture.AssertEqual(c.GetProperty("grad"), x.Grad!, ctx + " grad");
        }
    }

    [Fact]
    public void GetErrorsMatchPyTorch()
    {
        foreach (var c in Root.GetProperty("errors").EnumerateArray())
        {
            var x = Fixture.X(Fixture.Ints(c.GetProperty("shape")));
            var idx = Fixture.Index(c.GetProperty("index"));
            var ex = Assert.Throws<IndexOutOfRangeException>(() => x[idx]);
            Assert.Equal(c.GetProperty("error").GetProperty("message").GetString(), ex.Message);
        }
    }

    private static Tensor Value(JsonElement v) =>
        v.ValueKind == JsonValueKind.Number ? v.GetDouble() : -Fixture.W(Fixture.Ints(v.GetProperty("shape")));

    [Fact]
    public void SetMatchesPyTorch()
    {
        foreach (var c in Root.GetProperty("set").EnumerateArray())
        {
            var shape = Fixture.Ints(c.GetProperty("shape"));
            var idx = Fixture.Index(c.GetProperty("index"));
            var ctx = $"x{Shapes.Format(shape)}{Fixture.Describe(idx)} = ...";
            var x = Fixture.X(shape);
            int version = x.storage.Version;
            x[idx] = Value(c.GetProperty("value"));
            Fixture.AssertEqual(c.GetProperty("out"), x, ctx);
            Assert.True(x.storage.Version > version, ctx + ": version counter not bumped");

            var leaf = Fixture.X(shape).RequiresGrad_();
            var y = leaf * 1.0;
            var val = Value(c.GetProperty("value"));
            bool tensorValue = c.GetProperty("value").ValueKind != JsonValueKind.Number;
            if (tensorValue) val = val.Detach().Clone().RequiresGrad_();
            y[idx] = val;
            Assert.Equal(c.GetProperty("grad_fn").GetString(), y.GradFn?.Name);
            (y * Fixture.W(shape)).Sum().Backward();
            Fixture.AssertEqual(c.GetProperty("grad"), leaf.Grad!, ctx + " grad");
            if (tensorValue) Fixture.AssertEqual(c.GetProperty("value_grad"), val.Grad!, ctx + " value grad");
        }
    }

    [Fact]
    public void SetErrorsMatchPyTorch()
    {
        foreach (var c in Root.GetProperty("set_errors").EnumerateArray())
        {
            var x = Fixture.X(Fixture.Ints(c.GetProperty("shape")));
            var before = x.ToArray<double>();
            var idx = Fixture.Index(c.GetProperty("index"));
            var v = Value(c.GetProperty("value"));
            var ex = Assert.ThrowsAny<Exception>(() => x[idx] = v);
            Assert.True(ex is ArgumentException or IndexOutOfRangeException, ex.GetType().Name);
            Assert.Equal(c.GetProperty("error").GetProperty("message").GetString(), ex.Message);
            Assert.Equal(before, x.ToArray<double>());
        }
    }

    [Fact]
    public void ChainGradientsMatchPyTorch()
    {
        foreach (var c in Root.GetProperty("chains").EnumerateArray())
        {
            var x = Fixture.X(Fixture.Ints(c.GetProperty("shape"))).RequiresGrad_();
            var y = x;
            foreach (var step in c.GetProperty("steps").EnumerateArray()) y = y[Fixture.Index(step)];
            Fixture.AssertEqual(c.GetProperty("out"), y, "chain");
            (y * Fixture.W(y.Shape)).Sum().Backward();
            Fixture.AssertEqual(c.GetProperty("grad"), x.Grad!, "chain grad");
        }
    }
}
