using System.Text;

namespace Gradus.Formatting;

/// <summary>
/// Builds PyTorch's <c>repr</c> of a tensor (torch/_tensor_str.py): nested brackets, summarisation with
/// <c>...</c>, wrapping at the line width, and the <c>dtype=</c>, <c>requires_grad=</c>, <c>grad_fn=</c> suffixes.
/// </summary>
internal sealed class TensorFormatter
{
    private const string Prefix = "tensor(";
    private readonly Tensor t;
    private readonly PrintOptions o;
    private readonly bool summarize;
    private readonly ElementFormatter formatter;

    private TensorFormatter(Tensor t, PrintOptions o)
    {
        this.t = t;
        this.o = o;
        summarize = t.Numel > o.Threshold;
        var shown = ShownPositions();
        formatter = t.IsFloatingPoint
            ? new ElementFormatter(shown.Select(Value).ToArray(), o)
            : new ElementFormatter(shown.Select(Text));
    }

    /// <summary>The full printed form, e.g. <c>tensor([1., 2.], requires_grad=True)</c>.</summary>
    public static string Repr(Tensor t, PrintOptions o)
    {
        var suffixes = new List<string>();
        string body;
        if (t.Numel == 0)
        {
            if (t.Dim != 1) suffixes.Add("size=(" + string.Join(", ", t.shape) + ")");
            if (t.DType != Torch.DefaultDType) suffixes.Add("dtype=" + DTypes.TorchName(t.DType));
            body = "[]";
        }
        else
        {
            if (t.DType == DType.Float64) suffixes.Add("dtype=" + DTypes.TorchName(t.DType));
            body = new TensorFormatter(t, o).Body(0, t.offset, Prefix.Length);
        }
        if (t.GradFn is { } fn) suffixes.Add("grad_fn=" + fn);
        else if (t.RequiresGrad) suffixes.Add("requires_grad=True");
        return AddSuffixes(Prefix + body, suffixes, Prefix.Length, o.LineWidth);
    }

    /// <summary>PyTorch's <c>_add_suffixes</c>: each suffix after <c>, </c>, or on a new indented line when it would pass the line width.</summary>
    private static string AddSuffixes(string s, List<string> suffixes, int indent, int lineWidth)
    {
        var sb = new StringBuilder(s);
        int lastLine = s.Length - s.LastIndexOf('\n') + 1;
        foreach (var suffix in suffixes)
        {
            if (lastLine + suffix.Length + 2 > lineWidth)
            {
                sb.Append(",\n").Append(' ', indent).Append(suffix);
                lastLine = indent + suffix.Length;
            }
            else
            {
                sb.Append(", ").Append(suffix);
                lastLine += suffix.Length + 2;
            }
        }
        return sb.Append(')').ToString();
    }

    /// <summary>The nested-bracket text of dims <paramref name="d"/>.. starting at storage position <paramref name="pos"/>.</summary>
    private string Body(int d, int pos, int indent)
    {
        int nd = t.Dim;
        if (nd == 0) return Element(pos);
        int n = t.shape[d], stride = t.strides[d];
        var items = new List<string>();
        bool cut = summarize && n > 2 * o.EdgeItems;
        foreach (var i in Indices(n))
        {
            if (cut && i == n - o.EdgeItems) items.Add(d == nd - 1 ? " ..." : "...");
            items.Add(d == nd - 1 ? Element(pos + i * stride) : Body(d + 1, pos + i * stride, indent + 1));
        }
        if (d < nd - 1)
            return "[" + string.Join("," + new string('\n', nd - d - 1) + new string(' ', indent + 1), items) + "]";
        int perLine = Math.Max(1, (int)Math.Floor((double)(o.LineWidth - indent) / (formatter.Width + 2)));
        var lines = items.Chunk(perLine).Select(line => string.Join(", ", line));
        return "[" + string.Join(",\n" + new string(' ', indent + 1), lines) + "]";
    }

    /// <summary>The indices printed along a dim of size <paramref name="n"/>: all, or the edge items at both ends.</summary>
    private IEnumerable<int> Indices(int n)
    {
        if (!(summarize && n > 2 * o.EdgeItems)) return Enumerable.Range(0, n);
        return Enumerable.Range(0, o.EdgeItems).Concat(Enumerable.Range(n - o.EdgeItems, o.EdgeItems));
    }

    /// <summary>Storage positions of every printed element (the summarised data the formatter measures).</summary>
    private List<int> ShownPositions()
    {
        var r = new List<int>();
        void Walk(int d, int pos)
        {
            if (d == t.Dim) { r.Add(pos); return; }
            foreach (var i in Indices(t.shape[d])) Walk(d + 1, pos + i * t.strides[d]);
        }
        Walk(0, t.offset);
        return r;
    }

    private string Element(int pos) => formatter.Floating ? formatter.Format(Value(pos)) : formatter.Pad(Text(pos));

    private double Value(int pos) => t.DType == DType.Float32 ? t.Data<float>()[pos] : t.Data<double>()[pos];

    private string Text(int pos) => t.DType == DType.Int64 ? PyFormat.Integer(t.Data<long>()[pos]) : PyFormat.Bool(t.Data<bool>()[pos]);
}
