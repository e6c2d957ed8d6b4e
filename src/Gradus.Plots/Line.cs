using ScottPlot;

namespace Gradus.Plots;

/// <summary>A straight line <c>y = B + W x</c> with a legend label.</summary>
public sealed record FittedLine(string Label, double B, double W);

/// <summary>Data with the lines a linear model predicts (the course's "Model's predictions" pictures).</summary>
public static class Line
{
    /// <summary>The points and the model's predictions <c>b + w x</c> as a dashed black line.</summary>
    public static Figure Fit(double[] x, double[] y, double b, double w, string title = "") =>
        Fit(x, y, [new FittedLine("Model's predictions", b, w)], title);

    /// <summary>The points and one dashed line per <see cref="FittedLine"/> (black, green, then the colour cycle), with b and w in the legend.</summary>
    public static Figure Fit(double[] x, double[] y, IReadOnlyList<FittedLine> lines, string title = "")
    {
        Check.NotEmpty("Line.Fit", nameof(lines), lines);
        var plot = Scatter.Points(new ScatterPanel(title, x, y), Style.Blue);
        double lo = x.Min(), hi = x.Max();
        for (int k = 0; k < lines.Count; k++)
        {
            FittedLine line = lines[k] ?? throw new ArgumentException($"Line.Fit: lines[{k}] is null", nameof(lines));
            if (!double.IsFinite(line.B) || !double.IsFinite(line.W))
                throw new ArgumentException($"Line.Fit: line '{line.Label}' has b = {line.B}, w = {line.W}; expected finite numbers", nameof(lines));
            Color color = k == 0 ? Colors.Black : k == 1 ? Style.Green : Style.Cycle[k % Style.Cycle.Length];
            var drawn = plot.Add.Line(lo, line.B + line.W * lo, hi, line.B + line.W * hi);
            drawn.LineColor = color;
            drawn.LineWidth = 2;
            drawn.LinePattern = LinePattern.Dashed;
            drawn.LegendText = $"{line.Label} (b = {Style.Fixed(line.B, 4)}, w = {Style.Fixed(line.W, 4)})";
        }
        plot.ShowLegend(Alignment.UpperLeft);
        return new Figure(plot, 640, 560);
    }
}
