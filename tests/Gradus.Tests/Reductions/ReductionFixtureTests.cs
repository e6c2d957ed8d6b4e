using System.Text.Json;

namespace Gradus.Tests.Reductions;

/// <summary>Every case of tools/gen_reduction_fixtures.py: values, dtypes, shapes, gradients, node names and error messages from torch 1.13.</summary>
public class ReductionFixtureTests
{
    private static readonly Lazy<Dictionary<string, JsonElement>> Cases = new(() => Fixtures.CasesByName("reductions", "reductions.json"));

    public static TheoryData<string> Names() => Fixtures.Names(Cases.Value.Keys);

    [Theory]
    [MemberData(nameof(Names))]
    public void MatchesTorch(string name)
    {
        var c = Cases.Value[name];
        var x = Fixtures.Tensor(c.GetProperty("x"));
        if (x.IsFloatingPoint) x.RequiresGrad = true;
        var input = x;
        if (c.GetProperty("permute") is { ValueKind: JsonValueKind.Array } perm)
            input = x.Permute(perm.EnumerateArray().Select(v => v.GetInt32()).ToArray());
        var op = c.GetProperty("op").GetString()!;
        var args = c.GetProperty("args");

        if (c.TryGetProperty("error", out var error))
        {
            var ex = Assert.ThrowsAny<Exception>(() => Call(input, op, args));
            Assert.Equal(error.GetProperty("message").GetString(), ex.Message);
            if (error.GetProperty("type").GetString() == "IndexError") Assert.IsType<IndexOutOfRangeException>(ex);
            else Assert.IsType<ArgumentException>(ex);
            return;
        }

        var outs = Call(input, op, args);
        var expected = c.GetProperty("out").EnumerateArray().ToArray();
        Assert.Equal(expected.Length, outs.Length);
        for (int i = 0; i < outs.Length; i++) Fixtures.AssertTensor(expected[i], outs[i], $"{name} out{i}");

        if (c.TryGetProperty("grad", out var grad))
        {
            Assert.Equal(c.GetProperty("grad_fn").GetString(), outs[0].GradFn?.Name);
            outs[0].Backward(Fixtures.Tensor(c.GetProperty("gout")));
            Fixtures.AssertTensor(grad, x.Grad!, $"{name} grad");
        }
        else Assert.False(outs[0].RequiresGrad && c.GetProperty("x").GetProperty("dtype").GetString() is not ("float32" or "float64"));
    }

    private static Tensor[] Call(Tensor x, string op, JsonElement a)
    {
        var dim = a.TryGetProperty("dim", out var d) ? d : default;
        bool keep = a.TryGetProperty("keepdim", out var k) && k.GetBoolean();
        DType? dtype = a.TryGetProperty("dtype", out var t) ? Fixtures.ParseDType(t.GetString()!) : null;
        bool none = dim.ValueKind == JsonValueKind.Undefined || dim.ValueKind == JsonValueKind.Null;
        bool list = dim.ValueKind == JsonValueKind.Array;
        int one = !none && !list ? dim.GetInt32() : 0;
        int[] many = list ? dim.EnumerateArray().Select(v => v.GetInt32()).ToArray() : [];
        bool unbiased = !a.TryGetProperty("unbiased", out var u) || u.GetBoolean();
        int? correction = a.TryGetProperty("correction", out var corr) ? corr.GetInt32() : null;
        switch (op)
        {
            case "prod": return [none ? x.Prod(dtype) : x.Prod(one, keep, dtype)];
            case "max" or "min":
                if (none) return [op == "max" ? x.Max() : x.Min()];
                var (values, indices) = op == "max" ? x.Max(one, keep) : x.Min(one, keep);
                return [values, indices];
            case "amax": return [x.Amax(none ? null : many, keep)];
            case "amin": return [x.Amin(none ? null : many, keep)];
            case "argmax": return [x.Argmax(none ? null : one, keep)];
            case "argmin": return [x.Argmin(none ? null : one, keep)];
            case "var" or "std":
                bool std = op == "std";
                if (none) return [std ? x.Std(unbiased) : x.Var(unbiased)];
                if (correction is { } cc)
                    return [list ? (std ? x.Std(many, cc, keep) : x.Var(many, cc, keep)) : (std ? x.Std(one, cc, keep) : x.Var(one, cc, keep))];
                return [list ? (std ? x.Std(many, unbiased, keep) : x.Var(many, unbiased, keep)) : (std ? x.Std(one, unbiased, keep) : x.Var(one, unbiased, keep))];
            case "logsumexp": return [list ? x.LogSumExp(many, keep) : x.LogSumExp(one, keep)];
            case "all": return [none ? x.All() : x.All(one, keep)];
            case "any": return [none ? x.Any() : x.Any(one, keep)];
            case "cumsum": return [x.CumSum(one, dtype)];
            default: throw new ArgumentException($"unknown op {op}");
        }
    }
}
