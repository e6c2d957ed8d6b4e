using System.Xml.Linq;

namespace Gradus.Plots.Tests;

public class GraphPictureTests
{
    private const string Dot = """
        digraph {
          node [shape=box];
          w [label="w (1)" fillcolor=lightblue style=filled];
          mul [label="MulBackward0"];
          add [label="AddBackward0"];
          w -> mul -> add;
        }
        """;

    [Fact]
    public void RendersSvgWithTheNodeLabels()
    {
        XDocument svg = XDocument.Parse(GraphPicture.ToSvg(Dot));
        Assert.Equal("svg", svg.Root!.Name.LocalName);
        var texts = svg.Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value).ToArray();
        Assert.Contains("MulBackward0", texts);
        Assert.Contains("AddBackward0", texts);
        Assert.Contains("w (1)", texts);
    }

    [Fact]
    public void RendersAndSavesPng()
    {
        byte[] png = GraphPicture.ToPng(Dot);
        var (w, h) = Png.HeaderSize(png);
        Assert.InRange(w, 50, 2000);
        Assert.True(h > w, $"a vertical chain of three nodes should be taller than wide, got {w}x{h}");
        string path = Path.Combine(Path.GetTempPath(), $"gradus-graph-{Guid.NewGuid():N}.png");
        try
        {
            GraphPicture.Save(Dot, path);
            Assert.Equal(png, File.ReadAllBytes(path));
        }
        finally
        {
            File.Delete(path);
        }
        Assert.Throws<ArgumentException>(() => GraphPicture.Save(Dot, "graph.gif"));
    }

    [Fact]
    public void InvalidDotReportsGraphvizsMessage()
    {
        var e = Assert.Throws<InvalidOperationException>(() => GraphPicture.ToSvg("digraph { a -> }"));
        Assert.Contains("'dot -Tsvg' failed with exit code", e.Message);
        Assert.Contains("syntax error", e.Message);
    }

    [Fact]
    public void MissingDotSaysHowToInstallIt()
    {
        var e = Assert.Throws<InvalidOperationException>(() => GraphPicture.Run("gradus-no-such-dot-program", Dot, "svg", null));
        Assert.Equal("Graphviz 'dot' was not found on PATH; install Debian's graphviz", e.Message);
    }
}
