namespace Gradus.Plots.Tests;

public class LossSurfaceTests
{
    [Fact]
    public void MseGridMatchesTheFormulaAndFindsTheMinimumNearTheTrueParameters()
    {
        var (x, y, _, _) = Samples.Regression();
        LossGrid grid = Samples.Surface();
        Assert.Equal((101, 101), (grid.Losses.GetLength(0), grid.Losses.GetLength(1)));
        double expected = x.Select((xi, i) => Math.Pow(grid.B[7] + grid.W[3] * xi - y[i], 2)).Average();
        Assert.Equal(expected, grid.Losses[3, 7], 12);
        var min = grid.Minimum();
        Assert.InRange(min.B, 0.85, 1.15);
        Assert.InRange(min.W, 1.75, 2.25);
        Assert.Equal((50, 50), grid.NearestIndex(1.01, 1.99));
        Assert.Equal(grid.Losses[10, 20], grid.AlongW(20)[10]);
        Assert.Equal(grid.Losses[10, 20], grid.AlongB(10)[20]);
    }

    [Fact]
    public void SurfaceIsDrawnWithLowLossInBlueAtTheMinimumAndHighLossInRedAtTheCorner()
    {
        LossGrid grid = Samples.Surface();
        var figure = LossSurface.Plot(grid, [Samples.Descent("Batch", 80, 100)]);
        using var png = Rendered.Check(figure, "loss-surface", 640, 520, minColors: 200);
        var panel = figure.Panels[0];
        var min = grid.Minimum();
        // Beside the minimum marker, away from its label: jet's low end is dark blue.
        var low = png.Mean(panel.GetPixel(new(min.B + 0.35, min.W - 0.5)).X, panel.GetPixel(new(min.B + 0.35, min.W - 0.5)).Y);
        Assert.True(low.B > 1.4 * low.R && low.B > 1.4 * low.G, $"near the minimum expected blue, got {low}");
        // b = -2, w = -1 is far from the minimum across the valley: jet's high end is red.
        var corner = panel.GetPixel(new(grid.B[0] + 0.1, grid.W[0] + 0.1));
        var high = png.Mean(corner.X, corner.Y);
        Assert.True(high.R > 1.4 * high.B && high.R > 1.4 * high.G, $"at the high-loss corner expected red, got {high}");
    }

    [Fact]
    public void BatchMiniBatchStochasticHasThreePanelsTitledByPath()
    {
        LossGrid grid = Samples.Surface();
        var figure = LossSurface.BatchMiniBatchStochastic(grid,
            Samples.Descent("Batch", 80, 100), Samples.Descent("Mini-batch", 16, 20), Samples.Descent("Stochastic", 1, 1));
        Assert.Equal((1, 3), (figure.Rows, figure.Columns));
        Assert.Equal(["Batch", "Mini-batch", "Stochastic"], figure.Panels.Select(p => p.Axes.Title.Label.Text));
        using var png = Rendered.Check(figure, "loss-surface-batch-minibatch-stochastic", 1680, 500, minColors: 200);
        Rendered.CheckSvg(figure, "loss-surface-batch-minibatch-stochastic", 1680, 500);
    }

    [Fact]
    public void BeforeAfterScalingHasTwoPanels()
    {
        var (x, y, _, _) = Samples.Regression();
        double[] bad = x.Select(v => v * 10).ToArray();
        double mean = bad.Average(), std = Math.Sqrt(bad.Select(v => (v - mean) * (v - mean)).Average());
        double[] scaled = bad.Select(v => (v - mean) / std).ToArray();
        var before = LossGrid.Mse(bad, y, Samples.Linspace(-2, 4, 61), Samples.Linspace(-1, 1, 61));
        var after = LossGrid.Mse(scaled, y, Samples.Linspace(-1, 5, 61), Samples.Linspace(-2, 4, 61));
        var figure = LossSurface.BeforeAfterScaling(before, after);
        Assert.Equal(["Loss Surface - Before", "Loss Surface - After"], figure.Panels.Select(p => p.Axes.Title.Label.Text));
        using var png = Rendered.Check(figure, "loss-surface-scaling", 1120, 500, minColors: 200);
    }

    [Fact]
    public void BadArgumentsAreReportedByName()
    {
        var e = Assert.Throws<ArgumentException>(() => new LossGrid([0, 1, 2], [0, 1], new double[3, 2]));
        Assert.Contains("losses must have shape [2, 3]", e.Message);
        e = Assert.Throws<ArgumentException>(() => new LossGrid([0, 2, 1], [0, 1], new double[2, 3]));
        Assert.Contains("b must strictly increase", e.Message);
        var path = DescentPath.FromPoints("p", [(0.5, -0.1), (0.8, 0.05)]);
        Assert.Equal([0.5, 0.8], path.B);
        Assert.Equal([-0.1, 0.05], path.W);
        e = Assert.Throws<ArgumentException>(() => LossSurface.Plot(Samples.Surface(), [new DescentPath("p", [0, 1], [0])]));
        Assert.Contains("same length", e.Message);
    }
}
