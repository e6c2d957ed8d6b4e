namespace Gradus.Plots.Tests;

public class LossCurvesTests
{
    private static readonly double[] Train = Enumerable.Range(0, 50).Select(e => 2.0 * Math.Exp(-e / 8.0) + 0.008).ToArray();
    private static readonly double[] Validation = Train.Select(v => v * 1.2 + 0.002).ToArray();

    [Fact]
    public void LogScaleHasPowerOfTenTicksAndCurvesInBlueAndRed()
    {
        var figure = LossCurves.Plot(Train, Validation);
        using var png = Rendered.Check(figure, "loss-curves", 800, 400);
        var plot = figure.Panels[0];
        Assert.Equal("Epochs", plot.Axes.Bottom.Label.Text);
        Assert.Equal("Loss", plot.Axes.Left.Label.Text);
        var majors = plot.Axes.Left.TickGenerator.Ticks.Where(t => t.IsMajor).Select(t => t.Label).ToArray();
        Assert.Equal(["0.01", "0.1", "1"], majors);
        // Epoch 1's training loss is drawn (in blue) where log10(loss) maps to.
        var first = plot.GetPixel(new(1, Math.Log10(Train[0])));
        Assert.True(png.Count(first.X - 3, first.Y - 3, first.X + 4, first.Y + 4, c => c.Blue > 150 && c.Red < 100) > 0);
        var last = plot.GetPixel(new(50, Math.Log10(Validation[^1])));
        Assert.True(png.Count(last.X - 3, last.Y - 3, last.X + 4, last.Y + 4, Png.IsRed) > 0);
    }

    [Fact]
    public void LinearScaleAndTrainingOnly()
    {
        var figure = LossCurves.Plot(Train, logScale: false, title: "Training");
        using var png = Rendered.Check(figure, "loss-curves-linear", 600, 300);
        var p = figure.Panels[0].GetPixel(new(1, Train[0]));
        Assert.True(png.Count(p.X - 3, p.Y - 3, p.X + 4, p.Y + 4, c => c.Blue > 150 && c.Red < 100) > 0);
        Rendered.CheckSvg(figure, "loss-curves-linear", 600, 300);
    }

    [Fact]
    public void NarrowRangesLabelIntermediateTicks()
    {
        var figure = LossCurves.Plot([0.30, 0.25, 0.21, 0.2]);
        using var png = Rendered.Check(figure, "loss-curves-narrow", 600, 300);
        var majors = figure.Panels[0].Axes.Left.TickGenerator.Ticks.Where(t => t.IsMajor).Select(t => t.Label).ToArray();
        Assert.Equal(["0.2", "0.3"], majors);
    }

    [Fact]
    public void LogScaleRejectsNonPositiveLosses()
    {
        var e = Assert.Throws<ArgumentException>(() => LossCurves.Plot([1.0, 0.5], [0.7, 0.0]));
        Assert.Contains("Validation Loss at epoch 2 is 0", e.Message);
        e = Assert.Throws<ArgumentException>(() => LossCurves.Plot([1.0, double.NaN]));
        Assert.Contains("trainLosses[1] is NaN", e.Message);
    }
}
