using System.Diagnostics;
using System.Text;

namespace Gradus;

public static partial class Autograd
{
    /// <summary>
    /// The computational graph behind <paramref name="output"/> in Graphviz DOT, like torchviz's
    /// <c>make_dot(yhat, params=dict(model.named_parameters()))</c>: the output in green, backward
    /// ops in grey, leaves in blue named by <paramref name="parameters"/> with their shapes.
    /// </summary>
    public static string ToDot(Tensor output, IEnumerable<KeyValuePair<string, Tensor>>? parameters = null)
    {
        var names = new Dictionary<Tensor, string>(ReferenceEqualityComparer.Instance);
        if (parameters is not null)
            foreach (var (name, t) in parameters) names[t] = name;
        var ids = new Dictionary<object, string>(ReferenceEqualityComparer.Instance);
        string Id(object o) => ids.TryGetValue(o, out var id) ? id : ids[o] = "n" + ids.Count;
        var sb = new StringBuilder();
        sb.AppendLine("digraph {");
        sb.AppendLine("\tgraph [size=\"12,12\"]");
        sb.AppendLine("\tnode [align=left fontname=monospace fontsize=10 height=0.2 ranksep=0.1 shape=box style=filled]");
        string Shape(Tensor t) => "(" + string.Join(", ", t.shape) + ")";
        sb.AppendLine($"\t{Id(output)} [label=\"{Escape(names.GetValueOrDefault(output, ""))}\\n {Shape(output)}\" fillcolor=darkolivegreen1]");
        if (output.GradFn is null)
        {
            sb.AppendLine("}");
            return sb.ToString();
        }
        sb.AppendLine($"\t{Id(output.GradFn)} [label={output.GradFn.Name} fillcolor=lightgrey]");
        sb.AppendLine($"\t{Id(output.GradFn)} -> {Id(output)} [style=dashed]");
        var seen = new HashSet<Node>(ReferenceEqualityComparer.Instance) { output.GradFn };
        var stack = new Stack<Node>();
        stack.Push(output.GradFn);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            foreach (var e in node.Edges)
            {
                if (e.Node is { } next)
                {
                    if (seen.Add(next))
                    {
                        sb.AppendLine($"\t{Id(next)} [label={next.Name} fillcolor=lightgrey]");
                        stack.Push(next);
                    }
                    sb.AppendLine($"\t{Id(next)} -> {Id(node)}");
                }
                else if (e.Leaf is { } leaf)
                {
                    bool first = !ids.ContainsKey(leaf);
                    string accId = Id(leaf) + "_acc";
                    if (first)
                    {
                        string label = names.TryGetValue(leaf, out var nm) ? nm : "";
                        sb.AppendLine($"\t{Id(leaf)} [label=\"{Escape(label)}\\n {Shape(leaf)}\" fillcolor=lightblue]");
                        sb.AppendLine($"\t{accId} [label=AccumulateGrad fillcolor=lightgrey]");
                        sb.AppendLine($"\t{Id(leaf)} -> {accId}");
                    }
                    sb.AppendLine($"\t{accId} -> {Id(node)}");
                }
            }
        }
        sb.AppendLine("}");
        return sb.ToString();
    }

    private static string Escape(string s) => s.Replace("\\", "\\\\").Replace("\"", "\\\"");

    /// <summary>
    /// Renders DOT text to a file with Graphviz's <c>dot</c> program; the format comes from the
    /// extension (.svg, .png, .pdf). Fails with a clear message when Graphviz is not installed.
    /// </summary>
    public static void RenderDot(string dot, string path, TimeSpan? timeout = null)
    {
        string format = Path.GetExtension(path).TrimStart('.').ToLowerInvariant();
        if (format is not ("svg" or "png" or "pdf"))
            throw new ArgumentException($"RenderDot: unsupported picture format '.{format}' (use .svg, .png or .pdf)");
        var psi = new ProcessStartInfo("dot", ["-T" + format, "-o", path])
        {
            RedirectStandardInput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        Process proc;
        try { proc = Process.Start(psi)!; }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new InvalidOperationException("Graphviz 'dot' was not found on PATH; install Debian's graphviz to render graph pictures");
        }
        using (proc)
        {
            proc.StandardInput.Write(dot);
            proc.StandardInput.Close();
            var err = proc.StandardError.ReadToEndAsync();
            if (!proc.WaitForExit(timeout ?? TimeSpan.FromSeconds(30)))
            {
                proc.Kill();
                throw new TimeoutException($"Graphviz 'dot' did not finish rendering {path}");
            }
            if (proc.ExitCode != 0)
                throw new InvalidOperationException($"Graphviz 'dot' failed on {path}: {err.Result.Trim()}");
        }
    }
}
