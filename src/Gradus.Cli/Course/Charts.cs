using Gradus.Plots;
using ScottPlot;

namespace Gradus.Cli.Course;

/// <summary>A labelled curve through (X, Y).</summary>
internal sealed record Curve(string Label, double[] X, double[] Y, bool Dashed = false);

/// <summary>One panel: a title, data points (training and optionally validation) and curves over them.</summary>
internal sealed record CurvePanel(string Title, double[] X, double[] Y, IReadOnlyList<Curve> Curves, double[]? XVal = null, double[]? YVal = null);

/// <summary>Line charts the Plots library has no ready-made picture for: fitted curves over data, series over steps.</summary>
internal static class Charts
{
    /// <summary>Panels side by side, each with its points and curves (the same y range on every panel).</summary>
    public static Figure CurveFits(IReadOnlyList<CurvePanel> panels)
    {
        var plots = new List<Plot>();
        double lo = panels.Min(p => p.Y.Min()), hi = panels.Max(p => p.Y.Max());
        foreach (CurvePanel panel in panels)
        {
            var plot = new Plot();
            plot.Title(panel.Title);
            plot.XLabel("x");
            plot.YLabel("y");
            var points = plot.Add.ScatterPoints(panel.X, panel.Y);
            points.LegendText = "training points";
            points.MarkerSize = 8;
            if (panel.XVal is { } xv && panel.YVal is { } yv)
            {
                var validation = plot.Add.ScatterPoints(xv, yv);
                validation.LegendText = "validation points";
                validation.MarkerSize = 6;
                validation.MarkerShape = MarkerShape.OpenCircle;
            }
            foreach (Curve curve in panel.Curves)
            {
                var line = plot.Add.ScatterLine(curve.X, curve.Y);
                line.MarkerSize = 0;
                line.LineWidth = 2;
                line.LegendText = curve.Label;
                if (curve.Dashed) line.LinePattern = LinePattern.Dashed;
            }
            double pad = (hi - lo) * 0.1 + 1e-9;
            plot.Axes.SetLimitsY(lo - pad, hi + pad);
            plot.ShowLegend(Alignment.UpperLeft);
            plots.Add(plot);
        }
        return new Figure(plots, 1, plots.Count, null, 520, 440);
    }

    /// <summary>Series against step numbers 1..N on one panel (for example a loss per step for several optimizers).</summary>
    public static Figure Series(string title, string xLabel, string yLabel, IReadOnlyList<(string Label, IReadOnlyList<double> Values)> series, bool logScale = false)
    {
        var plot = new Plot();
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(logScale ? yLabel + " (log10)" : yLabel);
        foreach (var (label, values) in series)
        {
            double[] xs = [.. Enumerable.Range(1, values.Count).Select(i => (double)i)];
            double[] ys = [.. values.Select(v => logScale ? Math.Log10(v) : v)];
            var line = plot.Add.ScatterLine(xs, ys);
            line.MarkerSize = values.Count > 60 ? 0 : 4;
            line.LineWidth = 2;
            line.LegendText = label;
        }
        plot.ShowLegend(Alignment.UpperRight);
        return new Figure(plot, 800, 420);
    }
}
