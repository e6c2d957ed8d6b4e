namespace Gradus.Plots.Tests;

public class DecisionBoundaryTests
{
    private static (double[] X1, double[] X2, int[] Y) Moons()
    {
        var rng = new System.Random(7);
        int n = 60;
        var x1 = new double[n];
        var x2 = new double[n];
        var y = new int[n];
        for (int i = 0; i < n; i++)
        {
            y[i] = i % 2;
            x1[i] = (y[i] == 0 ? -1 : 1) + 0.5 * Samples.Normal(rng);
            x2[i] = (y[i] == 0 ? -1 : 1) + 0.5 * Samples.Normal(rng);
        }
        return (x1, x2, y);
    }

    private static double Probability(double a, double b) => 1 / (1 + Math.Exp(-3 * (a + b)));

    [Fact]
    public void ProbabilityBackgroundIsRedForClassZeroAndBlueForClassOne()
    {
        var (x1, x2, y) = Moons();
        var figure = DecisionBoundary.Plot(x1, x2, y, Probability, resolution: 80);
        using var png = Rendered.Check(figure, "decision-boundary-probability", 640, 540);
        var plot = figure.Panels[0];
        var limits = plot.Axes.GetLimits();
        // Bottom-left corner: a + b very negative, P(class 1) near 0: red. Top-right: near 1: blue.
        var low = plot.GetPixel(new(limits.Left + 0.1, limits.Bottom + 0.1));
        var high = plot.GetPixel(new(limits.Right - 0.1, limits.Top - 0.1));
        var red = png.Mean(low.X, low.Y, 2);
        var blue = png.Mean(high.X, high.Y, 2);
        Assert.True(red.R > red.B + 60, $"P near 0 should be red, got {red}");
        Assert.True(blue.B > blue.R + 60, $"P near 1 should be blue, got {blue}");
        // The 0.5 contour a + b = 0 passes through the origin in black.
        var origin = plot.GetPixel(new(0, 0));
        Assert.True(png.Count(origin.X - 3, origin.Y - 3, origin.X + 4, origin.Y + 4, c => c.Red < 60 && c.Green < 60 && c.Blue < 60) > 0,
            "no 0.5 contour at the origin");
    }

    [Fact]
    public void PredictedClassesArePaleClassColours()
    {
        var (x1, x2, y) = Moons();
        var figure = DecisionBoundary.Plot(x1, x2, y, (a, b) => a + b > 0 ? 1 : 0, probability: false,
            classNames: ["negative", "positive"], resolution: 60);
        using var png = Rendered.Check(figure, "decision-boundary-classes", 640, 540);
        var plot = figure.Panels[0];
        var limits = plot.Axes.GetLimits();
        var low = plot.GetPixel(new(limits.Left + 0.1, limits.Bottom + 0.1));
        var high = plot.GetPixel(new(limits.Right - 0.1, limits.Top - 0.1));
        var c0 = png.At(low.X, low.Y);
        var c1 = png.At(high.X, high.Y);
        Assert.True(c0.Red == 255 && c0.Green is > 150 and < 255 && c0.Blue == c0.Green, $"class 0 region should be pale red, got {c0}");
        Assert.True(c1.Blue == 255 && c1.Red is > 150 and < 255 && c1.Green == c1.Red, $"class 1 region should be pale blue, got {c1}");
        Rendered.CheckSvg(figure, "decision-boundary-classes", 640, 540);
    }

    [Fact]
    public void PrecomputedGridMustMatchItsAxes()
    {
        var (x1, x2, y) = Moons();
        var e = Assert.Throws<ArgumentException>(() => DecisionBoundary.Plot(x1, x2, y, [0, 1, 2], [0, 1], new double[3, 2]));
        Assert.Contains("values must have shape [2, 3]", e.Message);
        e = Assert.Throws<ArgumentException>(() => DecisionBoundary.Plot(x1, x2, y, [0, 1], [0, 1], new double[,] { { 0, 1 }, { 2, 0 } }));
        Assert.Contains("expected a value in [0, 1]", e.Message);
    }
}
