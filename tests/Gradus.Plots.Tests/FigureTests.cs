namespace Gradus.Plots.Tests;

public class FigureTests
{
    private static ScottPlot.Plot Filled(ScottPlot.Color color)
    {
        var plot = new ScottPlot.Plot();
        plot.FigureBackground.Color = color;
        plot.DataBackground.Color = color;
        return plot;
    }

    [Fact]
    public void PanelsFillTheirGridCellsRowByRowBelowTheTitle()
    {
        var figure = new Figure([Filled(ScottPlot.Colors.Red), Filled(ScottPlot.Colors.Lime), Filled(ScottPlot.Colors.Blue)], 2, 2, "Three panels", 100, 80);
        Assert.Equal((200, 160 + 44), (figure.DefaultWidth, figure.DefaultHeight));
        using var png = Rendered.Check(figure, "figure-grid", 200, 204, minColors: 4);
        Assert.Equal(SkiaSharp.SKColors.Red, png.At(50, 44 + 40));
        Assert.Equal(new SkiaSharp.SKColor(0, 255, 0), png.At(150, 44 + 40));
        Assert.Equal(SkiaSharp.SKColors.Blue, png.At(50, 44 + 120));
        Assert.Equal(SkiaSharp.SKColors.White, png.At(150, 44 + 120)); // the empty fourth cell
        // The title is drawn in black in the band above the panels.
        Assert.True(png.Count(0, 0, 200, 44, c => c.Red < 90 && c.Green < 90 && c.Blue < 90) > 20);
        Assert.Equal(new ScottPlot.PixelRect(100, 200, 124, 44), figure.PanelRect(1, 200, 204));
    }

    [Fact]
    public void SavesPngAndSvgFilesAtomically()
    {
        string dir = Path.Combine(Path.GetTempPath(), "gradus-figure-" + Guid.NewGuid().ToString("N"));
        try
        {
            var figure = LossCurves.Plot([3, 2, 1.5, 1.2]);
            figure.SavePng(Path.Combine(dir, "sub", "curves.png"), 300, 200);
            figure.SaveSvg(Path.Combine(dir, "sub", "curves.svg"), 300, 200);
            Assert.Equal((300, 200), Png.HeaderSize(File.ReadAllBytes(Path.Combine(dir, "sub", "curves.png"))));
            Assert.Equal("svg", System.Xml.Linq.XDocument.Load(Path.Combine(dir, "sub", "curves.svg")).Root!.Name.LocalName);
            Assert.Equal(["curves.png", "curves.svg"], Directory.GetFiles(Path.Combine(dir, "sub")).Select(Path.GetFileName).Order());
            Assert.Equal((figure.DefaultWidth, figure.DefaultHeight), Png.HeaderSize(figure.ToPngBytes()));
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void BadLayoutsAreRejected()
    {
        var e = Assert.Throws<ArgumentException>(() => new Figure([new ScottPlot.Plot(), new ScottPlot.Plot(), new ScottPlot.Plot()], 1, 2));
        Assert.Contains("3 panels do not fit in 1 x 2", e.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new Figure(new ScottPlot.Plot()).ToPngBytes(0, 10));
        Assert.Throws<IndexOutOfRangeException>(() => new Figure(new ScottPlot.Plot()).PanelRect(1, 10, 10));
    }
}
