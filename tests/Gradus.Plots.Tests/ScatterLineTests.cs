namespace Gradus.Plots.Tests;

public class ScatterLineTests
{
    [Fact]
    public void TrainAndValidationShareTheirYRangeAndAreBlueAndRed()
    {
        var (xt, yt, xv, yv) = Samples.Regression();
        var figure = Scatter.TrainValidation(xt, yt, xv, yv);
        Assert.Equal(["Generated Data - Train", "Generated Data - Validation"], figure.Panels.Select(p => p.Axes.Title.Label.Text));
        var left = figure.Panels[0].Axes.GetLimits();
        var right = figure.Panels[1].Axes.GetLimits();
        Assert.Equal((left.Bottom, left.Top), (right.Bottom, right.Top));
        Assert.True(left.Bottom <= Math.Min(yt.Min(), yv.Min()) && left.Top >= Math.Max(yt.Max(), yv.Max()));
        using var png = Rendered.Check(figure, "scatter-train-validation", 1040, 480);
        var t = figure.Panels[0].GetPixel(new(xt[0], yt[0]));
        Assert.True(png.Count(t.X - 2, t.Y - 2, t.X + 3, t.Y + 3, c => c.Blue > 150 && c.Red < 80) > 0, "train point is not blue");
        var v = figure.Panels[1].GetPixel(new(xv[0], yv[0]));
        Assert.True(png.Count(v.X - 2, v.Y - 2, v.X + 3, v.Y + 3, Png.IsRed) > 0, "validation point is not red");
        Rendered.CheckSvg(figure, "scatter-train-validation", 1040, 480);
    }

    [Fact]
    public void PanelsTakeTheirOwnTitlesAndLabels()
    {
        var (x, y, _, _) = Samples.Regression();
        var figure = Scatter.Panels(
        [
            new ScatterPanel("Train - Original", x, y),
            new ScatterPanel("Train - \"Bad\"", x.Select(v => v * 10).ToArray(), y, "x * 10"),
            new ScatterPanel("Train - Scaled", x.Select(v => (v - 0.5) * 3.4).ToArray(), y),
        ]);
        Assert.Equal("x * 10", figure.Panels[1].Axes.Bottom.Label.Text);
        using var png = Rendered.Check(figure, "scatter-panels", 1200, 400);
        var e = Assert.Throws<ArgumentException>(() => Scatter.Panels([new ScatterPanel("t", [1, 2], [1])]));
        Assert.Contains("t X and Y must have the same length, got 2 and 1", e.Message);
    }

    [Fact]
    public void FittedLinesPassThroughTheirPredictions()
    {
        var (x, y, _, _) = Samples.Regression();
        var figure = Line.Fit(x, y,
        [
            new FittedLine("Model's predictions", 0.49671415, -0.1382643),
            new FittedLine("After one update", 0.80119529, 0.04511107),
        ]);
        using var png = Rendered.Check(figure, "line-fit", 640, 560);
        var plot = figure.Panels[0];
        // The first line is black at x = 0.5 (dashed, so look along a short stretch).
        var a = plot.GetPixel(new(0.45, 0.49671415 - 0.1382643 * 0.45));
        var b = plot.GetPixel(new(0.55, 0.49671415 - 0.1382643 * 0.55));
        Assert.True(png.Count(a.X, Math.Min(a.Y, b.Y) - 2, b.X, Math.Max(a.Y, b.Y) + 3, c => c.Red < 50 && c.Green < 50 && c.Blue < 50) > 3);
        // The second is green.
        var g = plot.GetPixel(new(0.5, 0.80119529 + 0.04511107 * 0.5));
        Assert.True(png.Count(g.X - 20, g.Y - 3, g.X + 20, g.Y + 4, c => c.Green > 120 && c.Red < 90 && c.Blue < 90) > 3);
        var e = Assert.Throws<ArgumentException>(() => Line.Fit(x, y, double.NaN, 1));
        Assert.Contains("b = NaN", e.Message);
    }
}
