using System.Globalization;
using System.Text;

namespace Gradus.NN;

public abstract partial class Module
{
    /// <summary>The module's settings shown inside its printout, as <c>extra_repr()</c> (e.g. <c>in_features=1, out_features=1, bias=True</c>).</summary>
    public virtual string ExtraRepr() => "";

    /// <summary>The class name shown in printouts and messages, as <c>_get_name()</c>; a lazy layer reports the class it becomes.</summary>
    private protected virtual string ClassName => GetType().Name;

    /// <summary>The nested printout PyTorch gives for <c>print(model)</c>.</summary>
    public override string ToString()
    {
        var extra = ExtraRepr();
        var extraLines = extra.Length > 0 ? extra.Split('\n') : [];
        var childLines = OwnMembers(MemberKind.Module)
            .Select(c => $"({c.Name}): {Indent(c.Value?.ToString() ?? "None", 2)}")
            .ToList();
        var sb = new StringBuilder(ClassName).Append('(');
        if (extraLines.Length == 1 && childLines.Count == 0) sb.Append(extraLines[0]);
        else if (extraLines.Length + childLines.Count > 0)
            sb.Append("\n  ").Append(string.Join("\n  ", extraLines.Concat(childLines))).Append('\n');
        return sb.Append(')').ToString();
    }

    /// <summary>Indents every line after the first, as PyTorch's <c>_addindent</c>.</summary>
    private static string Indent(string s, int spaces)
    {
        var lines = s.Split('\n');
        if (lines.Length == 1) return s;
        var pad = new string(' ', spaces);
        return lines[0] + "\n" + string.Join("\n", lines.Skip(1).Select(l => pad + l));
    }

    /// <summary>
    /// A table of every module call for one forward pass on zeros of <paramref name="inputShape"/> (batch
    /// dimension included): the layer's name and type, its output shape and its parameter count, with totals.
    /// The pass runs in eval mode without gradients and leaves the modules' modes as they were.
    /// </summary>
    public string Summary(int[] inputShape, DType dtype = DType.Float32)
    {
        var names = new Dictionary<Module, string>(ReferenceEqualityComparer.Instance);
        foreach (var (name, m) in NamedModules()) names.TryAdd(m, name);
        var rows = new List<(int Depth, string Layer, string Shape, string Params)>();
        var open = new Stack<int>();
        var handles = new List<IDisposable>();
        var modes = Modules().Select(m => (m, m.Training)).ToList();
        try
        {
            foreach (var m in names.Keys)
            {
                handles.Add(m.RegisterForwardPreHook((mod, _) =>
                {
                    var name = names[mod];
                    var type = mod.ClassName;
                    var label = name.Length == 0 ? type : $"{name} ({type})";
                    bool container = mod.Children().Any();
                    long own = mod.Parameters(recurse: !container).Sum(p => (long)p.Numel);
                    rows.Add((open.Count, label, "", container && own == 0 ? "--" : own.ToString("N0", CultureInfo.InvariantCulture)));
                    open.Push(rows.Count - 1);
                }));
                handles.Add(m.RegisterForwardHook((_, _, output) =>
                {
                    int row = open.Pop();
                    rows[row] = rows[row] with { Shape = Shapes.Format(output.shape) };
                }));
            }
            foreach (var (m, _) in modes) m.Training = false;
            using (Torch.NoGrad()) Call(Torch.Zeros(inputShape, dtype));
        }
        finally
        {
            foreach (var h in handles) h.Dispose();
            foreach (var (m, training) in modes) m.Training = training;
        }
        return FormatSummary(rows);
    }

    private string FormatSummary(List<(int Depth, string Layer, string Shape, string Params)> rows)
    {
        var layers = rows.Select(r => new string(' ', 2 * r.Depth) + r.Layer).ToList();
        int w1 = Math.Max("Layer (type)".Length, layers.Max(l => l.Length)) + 2;
        int w2 = Math.Max("Output Shape".Length, rows.Max(r => r.Shape.Length)) + 2;
        int w3 = Math.Max("Param #".Length, rows.Max(r => r.Params.Length));
        int width = w1 + w2 + w3;
        var sb = new StringBuilder();
        sb.Append("Layer (type)".PadRight(w1)).Append("Output Shape".PadRight(w2)).Append("Param #".PadLeft(w3)).Append('\n');
        sb.Append(new string('=', width)).Append('\n');
        for (int i = 0; i < rows.Count; i++)
            sb.Append(layers[i].PadRight(w1)).Append(rows[i].Shape.PadRight(w2)).Append(rows[i].Params.PadLeft(w3)).Append('\n');
        sb.Append(new string('=', width)).Append('\n');
        long total = Parameters().Sum(p => (long)p.Numel);
        long trainable = Parameters().Where(p => p.RequiresGrad).Sum(p => (long)p.Numel);
        sb.Append($"Total params: {total.ToString("N0", CultureInfo.InvariantCulture)}\n");
        sb.Append($"Trainable params: {trainable.ToString("N0", CultureInfo.InvariantCulture)}\n");
        sb.Append($"Non-trainable params: {(total - trainable).ToString("N0", CultureInfo.InvariantCulture)}");
        return sb.ToString();
    }
}
