using System.Text.Json;
using Gradus.Formatting;
using Gradus.Tests.Reductions;

namespace Gradus.Tests.Formatting;

/// <summary>Tensor.ToString() against repr() strings from torch 1.13 (tools/gen_format_fixtures.py).</summary>
public class ReprFixtureTests
{
    private static readonly Lazy<Dictionary<string, JsonElement>> Cases = new(() => Fixtures.CasesByName("formatting", "repr.json"));

    public static TheoryData<string> Names() => Fixtures.Names(Cases.Value.Keys);

    [Theory]
    [MemberData(nameof(Names))]
    public void MatchesTorchRepr(string name)
    {
        var c = Cases.Value[name];
        var x = Leaf(c.GetProperty("x"));
        if (c.GetProperty("requires_grad").GetBoolean()) x.RequiresGrad = true;
        var shown = c.GetProperty("op").GetString() switch
        {
            null => x,
            "mul2" => x * 2.0,
            "add1" => x + 1.0,
            "sum" => x.Sum(),
            "mean" => x.Mean(),
            "neg" => -x,
            var op => throw new ArgumentException($"unknown op {op}"),
        };
        if (c.GetProperty("permute") is { ValueKind: JsonValueKind.Array } perm)
            shown = shown.Permute(perm.EnumerateArray().Select(v => v.GetInt32()).ToArray());
        var options = Options(c.GetProperty("options"));
        Assert.Equal(c.GetProperty("repr").GetString(), shown.ToString(options));
    }

    /// <summary>The leaf tensor: dense data, or (for summarised cases) only the printed elements with zeros elsewhere.</summary>
    private static Tensor Leaf(JsonElement x)
    {
        if (x.TryGetProperty("data", out _)) return Fixtures.Tensor(x);
        var shape = Fixtures.Shape(x);
        var t = Torch.Zeros(shape, Fixtures.ParseDType(x.GetProperty("dtype").GetString()!));
        var flat = t.Reshape(-1);
        foreach (var pair in x.GetProperty("sparse").EnumerateArray())
        {
            var p = pair.EnumerateArray().ToArray();
            flat.SetFlat(p[0].GetInt32(), Fixtures.Number(p[1]));
        }
        return t;
    }

    /// <summary>PrintOptions from torch.set_printoptions keyword arguments (a profile first, then overrides).</summary>
    private static PrintOptions Options(JsonElement o)
    {
        if (o.ValueKind != JsonValueKind.Object) return PrintOptions.Default;
        var r = PrintOptions.Default;
        if (o.TryGetProperty("profile", out var profile))
            r = profile.GetString() switch { "short" => PrintOptions.Short, "full" => PrintOptions.Full, _ => PrintOptions.Default };
        if (o.TryGetProperty("precision", out var p)) r = r with { Precision = p.GetInt32() };
        if (o.TryGetProperty("threshold", out var th)) r = r with { Threshold = th.GetInt32() };
        if (o.TryGetProperty("edgeitems", out var e)) r = r with { EdgeItems = e.GetInt32() };
        if (o.TryGetProperty("linewidth", out var w)) r = r with { LineWidth = w.GetInt32() };
        if (o.TryGetProperty("sci_mode", out var s)) r = r with { SciMode = s.GetBoolean() };
        return r;
    }
}
