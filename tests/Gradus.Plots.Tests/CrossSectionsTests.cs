namespace Gradus.Plots.Tests;

public class CrossSectionsTests
{
    private static double Loss(double p) => (p - 1) * (p - 1) + 0.5;
    private static double Gradient(double p) => 2 * (p - 1);

    [Fact]
    public void GradientDescentRecordsEveryStepAndItsLoss()
    {
        var run = ParameterSteps.GradientDescent(0, 0.1, 5, Loss, Gradient);
        // p_k = 1 - 0.8^k for this quadratic with lr = 0.1.
        Assert.Equal(6, run.Values.Length);
        for (int k = 0; k <= 5; k++)
        {
            Assert.Equal(1 - Math.Pow(0.8, k), run.Values[k], 12);
            Assert.Equal(Loss(run.Values[k]), run.Losses[k], 12);
        }
        var diverging = ParameterSteps.GradientDescent(0, 1.1, 4, Loss, Gradient, "diverging");
        // |p - 1| grows by 1.2 each step and the side alternates.
        Assert.Equal([0, 2.2, -0.44, 2.728, -1.0736], diverging.Values.Select(v => Math.Round(v, 10)));
        Assert.Equal("diverging", diverging.Note);
    }

    [Fact]
    public void LearningRatePanelsShowEachRun()
    {
        double[] w = Samples.Linspace(-1, 3, 81);
        double[] losses = w.Select(Loss).ToArray();
        ParameterSteps[] runs =
        [
            ParameterSteps.GradientDescent(-0.5, 0.05, 10, Loss, Gradient, "too low"),
            ParameterSteps.GradientDescent(-0.5, 0.3, 10, Loss, Gradient, "right"),
            ParameterSteps.GradientDescent(-0.5, 0.9, 10, Loss, Gradient, "too high"),
            ParameterSteps.GradientDescent(-0.5, 1.05, 10, Loss, Gradient, "diverging"),
        ];
        var figure = CrossSections.LearningRates(w, losses, "w", "Fixed: b = 0.52", runs);
        Assert.Equal((2, 2), (figure.Rows, figure.Columns));
        Assert.Equal("Fixed: b = 0.52   \u03B7 = 0.05 (too low)", figure.Panels[0].Axes.Title.Label.Text);
        Assert.EndsWith("(diverging)", figure.Panels[3].Axes.Title.Label.Text);
        using var png = Rendered.Check(figure, "cross-sections-learning-rates", 1120, 880);
        // The start point of the first run sits on the curve where drawn; its loss is at the top-left of the panel.
        var start = figure.Panels[0].GetPixel(new(runs[0].Values[0], runs[0].Losses[0]));
        Assert.True(png.Count(start.X - 4, start.Y - 4, start.X + 5, start.Y + 5, c => c.Red < 200 || c.Blue < 200) > 10,
            "the starting step is not drawn");
        Rendered.CheckSvg(figure, "cross-sections-learning-rates", 1120, 880);
    }

    [Fact]
    public void SectionsThroughTheGridNearestPoint()
    {
        LossGrid grid = Samples.Surface();
        var figure = CrossSections.Sections(grid, 0.52, -0.16);
        var (bi, wi) = grid.NearestIndex(0.52, -0.16);
        Assert.Equal($"Fixed: b = {grid.B[bi]:F2}", figure.Panels[0].Axes.Title.Label.Text);
        Assert.Equal($"Fixed: w = {grid.W[wi]:F2}", figure.Panels[1].Axes.Title.Label.Text);
        using var png = Rendered.Check(figure, "cross-sections", 1120, 480);
        // The left panel's curve is red: some red pixels where the curve passes its lowest point.
        double[] along = grid.AlongW(bi);
        int lowest = Array.IndexOf(along, along.Min());
        var p = figure.Panels[0].GetPixel(new(grid.W[lowest], along[lowest]));
        Assert.True(png.Count(p.X - 6, p.Y - 6, p.X + 7, p.Y + 7, Png.IsRed) > 0, "the red curve is not at its lowest point");
    }

    [Fact]
    public void MismatchedStepsAreRejected()
    {
        var e = Assert.Throws<ArgumentException>(() =>
            CrossSections.LearningRates([0, 1], [1, 0], "w", "Fixed", [new ParameterSteps(0.1, [0, 1], [1])]));
        Assert.Contains("runs[0].Values and Losses must have the same length, got 2 and 1", e.Message);
    }
}
