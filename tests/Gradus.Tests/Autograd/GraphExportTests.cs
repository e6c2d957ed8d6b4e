using System.Text.RegularExpressions;
using System.Xml.Linq;
using Gradus.NN;

namespace Gradus.Tests.Autograd;

/// <summary>
/// <c>Autograd.ToDot</c> on the course's regression graphs (<c>yhat = b + w * x_train_tensor</c> and
/// <c>nn.Sequential(nn.Linear(1, 1))</c>), checked as graphs (labels, colours, edges, as torchviz's make_dot
/// draws them), and rendered to SVG through Graphviz.
/// </summary>
public partial class GraphExportTests
{
    private sealed record Graph(Dictionary<string, (string Label, string Color)> Nodes, List<(string From, string To)> Edges)
    {
        public string Single(string label) => Nodes.Single(n => n.Value.Label == label).Key;

        public string[] Into(string id) => Edges.Where(e => e.To == id).Select(e => e.From).Order().ToArray();
    }

    [GeneratedRegex("""^\t(\w+) \[label=("(?:[^"\\]|\\.)*"|\w+) fillcolor=(\w+)\]$""")]
    private static partial Regex NodeLine();

    [GeneratedRegex("""^\t(\w+) -> (\w+)(?: \[style=dashed\])?$""")]
    private static partial Regex EdgeLine();

    /// <summary>Reads the nodes and edges of ToDot's output; every line must be one of its known forms.</summary>
    private static Graph Parse(string dot)
    {
        var lines = dot.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("digraph {", lines[0]);
        Assert.Equal("}", lines[^1]);
        var nodes = new Dictionary<string, (string, string)>();
        var edges = new List<(string, string)>();
        foreach (var line in lines[3..^1])
        {
            if (NodeLine().Match(line) is { Success: true } n)
                nodes.Add(n.Groups[1].Value, (n.Groups[2].Value.Trim('"').Replace("\\n", "\n"), n.Groups[3].Value));
            else if (EdgeLine().Match(line) is { Success: true } e)
                edges.Add((e.Groups[1].Value, e.Groups[2].Value));
            else
                Assert.Fail($"unexpected DOT line: {line}");
        }
        foreach (var (from, to) in edges)
        {
            Assert.Contains(from, nodes.Keys);
            Assert.Contains(to, nodes.Keys);
        }
        return new Graph(nodes, edges);
    }

    /// <summary>The course's setup: b and w from torch.manual_seed(42), 80 x values of shape (80, 1).</summary>
    private static (Tensor B, Tensor W, Tensor X) Regression()
    {
        Torch.ManualSeed(42);
        var b = Torch.Randn([1], DType.Float32, requiresGrad: true);
        var w = Torch.Randn([1], DType.Float32, requiresGrad: true);
        var x = Torch.Rand(80, 1);
        return (b, w, x);
    }

    [Fact]
    public void RegressionGraphHasTorchvizStructure()
    {
        var (b, w, x) = Regression();
        var yhat = b + w * x;
        var g = Parse(Gradus.Autograd.ToDot(yhat, [new("b", b), new("w", w)]));

        Assert.Equal(7, g.Nodes.Count);
        Assert.Equal(6, g.Edges.Count);
        string add = g.Single("AddBackward0"), mul = g.Single("MulBackward0");
        string bLeaf = g.Single("b\n (1)"), wLeaf = g.Single("w\n (1)"), output = g.Single("\n (80, 1)");
        Assert.Equal(("\n (80, 1)", "darkolivegreen1"), g.Nodes[output]);
        Assert.Equal("lightblue", g.Nodes[bLeaf].Color);
        Assert.Equal("lightblue", g.Nodes[wLeaf].Color);
        Assert.Equal("lightgrey", g.Nodes[add].Color);
        Assert.Equal(2, g.Nodes.Values.Count(n => n.Label == "AccumulateGrad" && n.Color == "lightgrey"));

        Assert.Equal([add], g.Into(output));
        var intoAdd = g.Into(add);
        Assert.Equal(2, intoAdd.Length);
        Assert.Contains(mul, intoAdd);
        string accB = intoAdd.Single(id => id != mul);
        Assert.Equal("AccumulateGrad", g.Nodes[accB].Label);
        Assert.Equal([bLeaf], g.Into(accB));
        string accW = g.Into(mul).Single();
        Assert.Equal("AccumulateGrad", g.Nodes[accW].Label);
        Assert.Equal([wLeaf], g.Into(accW));
        Assert.Empty(g.Into(bLeaf));
        Assert.Empty(g.Into(wLeaf));
    }

    [Fact]
    public void SequentialLinearGraphIsAddmmOfBiasAndTransposedWeight()
    {
        // torch 1.13: model(x).grad_fn is AddmmBackward0 with next functions (AccumulateGrad, None, TBackward0 <- AccumulateGrad).
        Torch.ManualSeed(42);
        var model = new Sequential(new Linear(1, 1));
        var (_, _, x) = Regression();
        var yhat = model.Call(x);
        var parameters = model.NamedParameters().Select(p => new KeyValuePair<string, Tensor>(p.Name, p.Parameter));
        var g = Parse(Gradus.Autograd.ToDot(yhat, parameters));

        Assert.Equal(7, g.Nodes.Count);
        Assert.Equal(6, g.Edges.Count);
        string addmm = g.Single("AddmmBackward0"), t = g.Single("TBackward0");
        string weight = g.Single("0.weight\n (1, 1)"), bias = g.Single("0.bias\n (1)");
        Assert.Equal([addmm], g.Into(g.Single("\n (80, 1)")));
        var intoAddmm = g.Into(addmm);
        Assert.Equal(2, intoAddmm.Length);
        Assert.Contains(t, intoAddmm);
        string accBias = intoAddmm.Single(id => id != t);
        Assert.Equal(("AccumulateGrad", "lightgrey"), g.Nodes[accBias]);
        Assert.Equal([bias], g.Into(accBias));
        string accWeight = g.Into(t).Single();
        Assert.Equal(("AccumulateGrad", "lightgrey"), g.Nodes[accWeight]);
        Assert.Equal([weight], g.Into(accWeight));
        Assert.Equal("lightblue", g.Nodes[weight].Color);
        Assert.Equal("lightblue", g.Nodes[bias].Color);
    }

    [Fact]
    public void LossGraphChainsTheCourseSteps()
    {
        var (b, w, x) = Regression();
        var y = 1 + 2 * x;
        var error = b + w * x - y;
        var loss = error.Pow(2).Mean();
        var g = Parse(Gradus.Autograd.ToDot(loss, [new("b", b), new("w", w)]));
        string mean = g.Single("MeanBackward0"), pow = g.Single("PowBackward0"), sub = g.Single("SubBackward0");
        Assert.Equal([pow], g.Into(mean));
        Assert.Equal([sub], g.Into(pow));
        Assert.Equal([g.Single("AddBackward0")], g.Into(sub));
        Assert.Equal(("\n ()", "darkolivegreen1"), g.Nodes[g.Edges.Single(e => e.From == mean).To]);
    }

    [Fact]
    public void TensorWithoutHistoryIsASingleNode()
    {
        var g = Parse(Gradus.Autograd.ToDot(Torch.Ones(2, 3)));
        Assert.Equal(("\n (2, 3)", "darkolivegreen1"), g.Nodes.Values.Single());
        Assert.Empty(g.Edges);
    }

    private static bool DotOnPath() => (Environment.GetEnvironmentVariable("PATH") ?? "")
        .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Any(d => File.Exists(Path.Combine(d, "dot")) || File.Exists(Path.Combine(d, "dot.exe")));

    [Fact]
    public void RendersTheRegressionGraphToWellFormedSvg()
    {
        var (b, w, x) = Regression();
        var dot = Gradus.Autograd.ToDot(b + w * x, [new("b", b), new("w", w)]);
        var path = Path.Combine(Path.GetTempPath(), $"gradus-graph-{Guid.NewGuid():N}.svg");
        Assert.Throws<ArgumentException>(() => Gradus.Autograd.RenderDot(dot, Path.ChangeExtension(path, ".gif")));
        if (!DotOnPath())
        {
            // Without Graphviz (tools/setup.sh installs it) rendering must fail with a clear message.
            var ex = Assert.Throws<InvalidOperationException>(() => Gradus.Autograd.RenderDot(dot, path));
            Assert.Contains("Graphviz 'dot' was not found", ex.Message);
            return;
        }
        try
        {
            Gradus.Autograd.RenderDot(dot, path);
            var svg = XDocument.Load(path);
            XNamespace ns = "http://www.w3.org/2000/svg";
            Assert.Equal(ns + "svg", svg.Root!.Name);
            var texts = svg.Descendants(ns + "text").Select(t => t.Value).ToList();
            Assert.Contains("AddBackward0", texts);
            Assert.Contains("MulBackward0", texts);
            Assert.Equal(2, texts.Count(t => t == "AccumulateGrad"));
            Assert.Equal(7, svg.Descendants(ns + "g").Count(e => (string?)e.Attribute("class") == "node"));
            Assert.Equal(6, svg.Descendants(ns + "g").Count(e => (string?)e.Attribute("class") == "edge"));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
