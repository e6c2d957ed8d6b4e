using System.Text.Json;

namespace Gradus.Tests.Indexing;

/// <summary>index_select, gather, scatter, masked_fill, take, narrow, select, cat, stack, split, chunk, unbind and index_put against PyTorch.</summary>
public class OpsFixtureTests
{
    private static readonly JsonElement Root = Fixture.Load("ops.json");

    private static Tensor T(JsonElement args, string name) => Fixture.ToTensor(args.GetProperty(name));
    private static int Int(JsonElement args, string name) => args.GetProperty(name).GetInt32();

    /// <summary>Runs one op as the generator's run_op does.</summary>
    internal static Tensor[] Run(string op, Tensor[] xs, JsonElement a)
    {
        var x = xs[0];
        return op switch
        {
            "index_select" => [x.IndexSelect(Int(a, "dim"), T(a, "index"))],
            "gather" => [x.Gather(Int(a, "dim"), T(a, "index"))],
            "scatter" => [x.Scatter(Int(a, "dim"), T(a, "index"), xs[1])],
            "scatter_value" => [x.Scatter(Int(a, "dim"), T(a, "index"), a.GetProperty("value").GetDouble())],
            "scatter_add" => [x.ScatterAdd(Int(a, "dim"), T(a, "index"), xs[1])],
            "index_add" => [x.IndexAdd(Int(a, "dim"), T(a, "index"), xs[1], a.GetProperty("alpha").GetDouble())],
            "masked_fill" => [x.MaskedFill(T(a, "mask"), a.GetProperty("value").GetDouble())],
            "masked_fill_tensor" => [x.MaskedFill(T(a, "mask"), xs[1])],
            "take" => [x.Take(T(a, "index"))],
            "nonzero" => [(x > 0).Nonzero()],
            "narrow" => [x.Narrow(Int(a, "dim"), Int(a, "start"), Int(a, "length"))],
            "select" => [x.Select(Int(a, "dim"), Int(a, "index"))],
            "cat" => [Torch.Cat(xs, Int(a, "dim"))],
            "stack" => [Torch.Stack(xs, Int(a, "dim"))],
            "split" => x.Split(Int(a, "size"), Int(a, "dim")),
            "split_sizes" => x.Split(Fixture.Ints(a.GetProperty("sizes")), Int(a, "dim")),
            "chunk" => x.Chunk(Int(a, "chunks"), Int(a, "dim")),
            "unbind" => x.Unbind(Int(a, "dim")),
            "index_put" => [x.IndexPut(a.GetProperty("indices").EnumerateArray().Select(Fixture.ToTensor).ToArray(), xs[1], a.GetProperty("accumulate").GetBoolean())],
            _ => throw new ArgumentException(op),
        };
    }

    /// <summary>Inputs as the generator builds them: x_of(shape) + 100 * i.</summary>
    internal static Tensor[] Inputs(JsonElement c) =>
        c.GetProperty("shapes").EnumerateArray().Select((s, i) => (Fixture.X(Fixture.Ints(s)) + 100.0 * i).Detach()).ToArray();

    [Fact]
    public void OpsMatchPyTorch()
    {
        int count = 0;
        foreach (var c in Root.GetProperty("ops").EnumerateArray())
        {
            var op = c.GetProperty("op").GetString()!;
            var xs = Inputs(c);
            foreach (var x in xs) x.RequiresGrad = true;
            var outs = Run(op, xs, c.GetProperty("args"));
            var want = c.GetProperty("out").EnumerateArray().ToArray();
            Assert.Equal(want.Length, outs.Length);
            for (int i = 0; i < outs.Length; i++) Fixture.AssertEqual(want[i], outs[i], $"{op} #{count} output {i}");
            var gradFn = c.GetProperty("grad_fn");
            Assert.Equal(gradFn.ValueKind == JsonValueKind.Null ? null : gradFn.GetString(), outs[0].GradFn?.Name);
            if (outs[0].RequiresGrad)
            {
                Tensor loss = outs.Select((o, i) => (o * Fixture.W(o.Shape) * (i + 1.0)).Sum()).Aggregate((p, q) => p + q);
                loss.Backward();
                var grads = c.GetProperty("grads").EnumerateArray().ToArray();
                for (int i = 0; i < xs.Length; i++)
                    if (grads[i].ValueKind == JsonValueKind.Null) Assert.Null(xs[i].Grad);
                    else Fixture.AssertEqual(grads[i], xs[i].Grad!, $"{op} #{count} grad {i}");
            }
            count++;
        }
        Assert.True(count > 40);
    }

    [Fact]
    public void OpErrorsMatchPyTorch()
    {
        foreach (var c in Root.GetProperty("errors").EnumerateArray())
        {
            var op = c.GetProperty("op").GetString()!;
            var xs = Inputs(c);
            var ex = Assert.ThrowsAny<Exception>(() => Run(op, xs, c.GetProperty("args")));
            var err = c.GetProperty("error");
            Assert.True(ex is ArgumentException or IndexOutOfRangeException, $"{op}: {ex.GetType().Name} {ex.Message}");
            if (err.GetProperty("type").GetString() == "IndexError") Assert.IsType<IndexOutOfRangeException>(ex);
            Assert.Equal(err.GetProperty("message").GetString(), ex.Message);
        }
    }
}
