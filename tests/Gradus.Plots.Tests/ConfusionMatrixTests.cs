namespace Gradus.Plots.Tests;

public class ConfusionMatrixTests
{
    private static readonly string[] Names = ["T-shirt/top", "Trouser", "Pullover", "Dress"];

    [Fact]
    public void CountsPairsOfActualAndPredictedClasses()
    {
        int[,] counts = ConfusionMatrix.Count([0, 0, 1, 2, 2, 2, 3], [0, 1, 1, 2, 2, 0, 3], 4);
        Assert.Equal(new int[,] { { 1, 1, 0, 0 }, { 0, 1, 0, 0 }, { 1, 0, 2, 0 }, { 0, 0, 0, 1 } }, counts);
        var e = Assert.Throws<ArgumentException>(() => ConfusionMatrix.Count([0, 4], [0, 0], 4));
        Assert.Contains("actual[1] = 4 is not a class in [0, 4)", e.Message);
    }

    [Fact]
    public void LargeCountsAreDarkSmallCountsPaleAndNamesLabelTheAxes()
    {
        int[,] counts = { { 90, 0, 5, 5 }, { 1, 97, 1, 1 }, { 10, 0, 80, 10 }, { 3, 2, 0, 95 } };
        var figure = ConfusionMatrix.Plot(counts, Names);
        using var png = Rendered.Check(figure, "confusion-matrix", 640, 600);
        var plot = figure.Panels[0];
        Assert.Equal(Names, plot.Axes.Bottom.TickGenerator.Ticks.Select(t => t.Label));
        // Row 0 (the first class) is drawn on top: its label sits at y = 3.
        Assert.Equal("T-shirt/top", plot.Axes.Left.TickGenerator.Ticks.Single(t => t.Position == 3).Label);
        // Sample each cell off-centre (the count's text is in the middle).
        var diagonal = plot.GetPixel(new(1 + 0.35, 3 - 1 + 0.35));
        var empty = plot.GetPixel(new(1 + 0.35, 3 - 0 + 0.35));
        var dark = png.Mean(diagonal.X, diagonal.Y);
        var pale = png.Mean(empty.X, empty.Y);
        Assert.True(dark.B > dark.R + 60 && dark.R < 80, $"count 97 should be dark blue, got {dark}");
        Assert.True(pale.R > 230 && pale.G > 230 && pale.B > 230, $"count 0 should be near white, got {pale}");
        Rendered.CheckSvg(figure, "confusion-matrix", 640, 600);
    }

    [Fact]
    public void FromPredictionsDrawsTheCountedMatrix()
    {
        var figure = ConfusionMatrix.FromPredictions([0, 1, 2, 3, 3], [0, 1, 2, 3, 1], Names, "Validation");
        Assert.Equal("Validation", figure.Panels[0].Axes.Title.Label.Text);
        using var png = Rendered.Check(figure, "confusion-matrix-from-predictions", 500, 480);
        var e = Assert.Throws<ArgumentException>(() => ConfusionMatrix.Plot(new int[3, 3], Names));
        Assert.Contains("counts must have shape [4, 4] for 4 class names, got [3, 3]", e.Message);
    }
}
