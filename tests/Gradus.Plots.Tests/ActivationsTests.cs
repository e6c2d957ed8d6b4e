namespace Gradus.Plots.Tests;

public class ActivationsTests
{
    private static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));

    private static readonly ActivationFunction[] Functions =
    [
        new("Sigmoid", Sigmoid, z => Sigmoid(z) * (1 - Sigmoid(z))),
        new("Tanh", Math.Tanh, z => 1 - Math.Tanh(z) * Math.Tanh(z)),
        new("ReLU", z => Math.Max(0, z), z => z > 0 ? 1 : 0),
        new("Leaky ReLU", z => z > 0 ? z : 0.01 * z),
    ];

    [Fact]
    public void OnePanelPerFunctionWithTheDerivativeDashedInRed()
    {
        var figure = Activations.Plot(Functions, -5, 5, 201, columns: 2);
        Assert.Equal((2, 2), (figure.Rows, figure.Columns));
        Assert.Equal(["Sigmoid", "Tanh", "ReLU", "Leaky ReLU"], figure.Panels.Select(p => p.Axes.Title.Label.Text));
        using var png = Rendered.Check(figure, "activations", 840, 720);
        // ReLU's derivative is 1 for z > 0: red dashes along y = 1 somewhere in z in [2, 4].
        var from = figure.Panels[2].GetPixel(new(2, 1));
        var to = figure.Panels[2].GetPixel(new(4, 1));
        Assert.True(png.Count(from.X, from.Y - 2, to.X, to.Y + 3, Png.IsRed) > 10, "ReLU's derivative is not drawn at 1");
        // Leaky ReLU has no derivative given: no red in its panel.
        var rect = figure.PanelRect(3, 840, 720);
        Assert.Equal(0, png.Count(rect.Left, rect.Top, rect.Right, rect.Bottom, Png.IsRed));
        Rendered.CheckSvg(figure, "activations", 840, 720);
    }

    [Fact]
    public void PrecomputedCurvesMustMatchTheInputs()
    {
        double[] z = [-1, 0, 1];
        var figure = Activations.Plot(z, [new ActivationCurve("Step", [0, 1, 1], [0, 0, 0])]);
        using var png = Rendered.Check(figure, "activations-arrays", 420, 360);
        var e = Assert.Throws<ArgumentException>(() => Activations.Plot(z, [new ActivationCurve("Bad", [0, 1])]));
        Assert.Contains("z and Bad values must have the same length, got 3 and 2", e.Message);
    }
}
