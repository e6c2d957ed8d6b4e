using ScottPlot;

namespace Gradus.Plots;

/// <summary>A named activation function and, optionally, its derivative.</summary>
public sealed record ActivationFunction(string Name, Func<double, double> Function, Func<double, double>? Derivative = null);

/// <summary>An activation sampled at the inputs z: its values and, optionally, its derivative's values.</summary>
public sealed record ActivationCurve(string Name, double[] Values, double[]? Derivative = null);

/// <summary>Activation functions and their derivatives, one panel each (solid: the function, dashed: its gradient).</summary>
public static class Activations
{
    /// <summary>Samples each function (and derivative) at <paramref name="points"/> inputs from <paramref name="from"/> to <paramref name="to"/> and draws them.</summary>
    public static Figure Plot(IReadOnlyList<ActivationFunction> functions, double from = -5, double to = 5, int points = 201, int columns = 3)
    {
        const string op = "Activations.Plot";
        Check.NotEmpty(op, nameof(functions), functions);
        if (!(to > from)) throw new ArgumentException($"{op}: the range [{from}, {to}] is empty", nameof(to));
        if (points < 2) throw new ArgumentOutOfRangeException(nameof(points), points, $"{op}: points must be >= 2, got {points}");
        double[] z = Style.Linspace(from, to, points);
        var curves = functions.Select(f =>
        {
            ArgumentNullException.ThrowIfNull(f);
            return new ActivationCurve(f.Name, z.Select(f.Function).ToArray(), f.Derivative is null ? null : z.Select(f.Derivative).ToArray());
        }).ToArray();
        return Plot(z, curves, columns);
    }

    /// <summary>Draws precomputed curves against the inputs <paramref name="z"/>.</summary>
    public static Figure Plot(double[] z, IReadOnlyList<ActivationCurve> curves, int columns = 3)
    {
        const string op = "Activations.Plot";
        Check.NotEmpty(op, nameof(z), z);
        Check.NotEmpty(op, nameof(curves), curves);
        Check.Positive(op, nameof(columns), columns);
        Check.Finite(op, nameof(z), z);
        var panels = new List<Plot>();
        foreach (ActivationCurve curve in curves)
        {
            ArgumentNullException.ThrowIfNull(curve);
            Check.SameLength(op, nameof(z), z.Length, $"{curve.Name} values", curve.Values.Length);
            Check.Finite(op, $"{curve.Name} values", curve.Values);
            var plot = Style.NewPlot(curve.Name, "z", null);
            plot.Add.HorizontalLine(0, 1, Colors.Gray);
            plot.Add.VerticalLine(0, 1, Colors.Gray);
            var line = plot.Add.ScatterLine(z, curve.Values, Style.Blue);
            line.LineWidth = 2.5f;
            line.MarkerSize = 0;
            line.LegendText = curve.Name;
            if (curve.Derivative is { } derivative)
            {
                Check.SameLength(op, nameof(z), z.Length, $"{curve.Name} derivative", derivative.Length);
                Check.Finite(op, $"{curve.Name} derivative", derivative);
                var grad = plot.Add.ScatterLine(z, derivative, Style.Red);
                grad.LineWidth = 2;
                grad.LinePattern = LinePattern.Dashed;
                grad.MarkerSize = 0;
                grad.LegendText = "Gradient";
            }
            plot.ShowLegend(Alignment.UpperLeft);
            panels.Add(plot);
        }
        int cols = Math.Min(columns, panels.Count);
        return new Figure(panels, (panels.Count + cols - 1) / cols, cols, null, 420, 360);
    }
}
