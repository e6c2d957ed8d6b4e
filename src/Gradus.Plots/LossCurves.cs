using ScottPlot;

namespace Gradus.Plots;

/// <summary>Training and validation losses per epoch, as the course's <c>StepByStep.plot_losses</c>.</summary>
public static class LossCurves
{
    /// <summary>
    /// The training loss (blue) and, when given, the validation loss (red) against epochs 1..N, on a logarithmic
    /// loss axis unless <paramref name="logScale"/> is false.
    /// </summary>
    public static Figure Plot(IReadOnlyList<double> trainLosses, IReadOnlyList<double>? validationLosses = null,
        bool logScale = true, string? title = null)
    {
        const string op = "LossCurves.Plot";
        Check.NotEmpty(op, nameof(trainLosses), trainLosses);
        Check.Finite(op, nameof(trainLosses), trainLosses);
        if (validationLosses is not null)
        {
            Check.NotEmpty(op, nameof(validationLosses), validationLosses);
            Check.Finite(op, nameof(validationLosses), validationLosses);
        }
        var series = new List<(string Label, IReadOnlyList<double> Values, Color Color)> { ("Training Loss", trainLosses, Style.Blue) };
        if (validationLosses is not null) series.Add(("Validation Loss", validationLosses, Style.Red));
        if (logScale)
            foreach (var (label, values, _) in series)
                for (int i = 0; i < values.Count; i++)
                    if (values[i] <= 0)
                        throw new ArgumentException($"{op}: a log scale needs positive losses, but {label} at epoch {i + 1} is {values[i]}");

        var plot = Style.NewPlot(title, "Epochs", "Loss");
        foreach (var (label, values, color) in series)
        {
            double[] xs = Enumerable.Range(1, values.Count).Select(e => (double)e).ToArray();
            double[] ys = values.Select(v => logScale ? Math.Log10(v) : v).ToArray();
            var line = plot.Add.ScatterLine(xs, ys, color);
            line.LineWidth = 2;
            line.MarkerSize = values.Count > 60 ? 0 : 4;
            line.LegendText = label;
        }
        if (logScale)
        {
            double lo = series.Min(s => s.Values.Min()), hi = series.Max(s => s.Values.Max());
            plot.Axes.Left.TickGenerator = LogTicks(lo, hi);
        }
        plot.ShowLegend(Alignment.UpperRight);
        return new Figure(plot, 800, 400);
    }

    // Ticks for an axis that shows log10 of the values: a labelled tick at every power of ten, minor ticks at 2..9
    // times it, and labels on 2, 3 and 5 (or on all) when the data span too few decades for powers of ten alone.
    private static ScottPlot.TickGenerators.NumericManual LogTicks(double lo, double hi)
    {
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        int first = (int)Math.Floor(Math.Log10(lo)), last = (int)Math.Ceiling(Math.Log10(hi));
        double pad = (Math.Log10(hi) - Math.Log10(lo)) * 0.1 + 1e-9;
        double min = Math.Log10(lo) - pad, max = Math.Log10(hi) + pad;
        int decades = Enumerable.Range(first, last - first + 1).Count(k => k >= min && k <= max);
        int[] labelled = decades >= 2 ? [1] : Math.Log10(hi / lo) > 0.5 ? [1, 2, 3, 5] : [1, 2, 3, 4, 5, 6, 7, 8, 9];
        for (int k = first; k <= last; k++)
            for (int m = 1; m <= 9; m++)
            {
                double position = k + Math.Log10(m);
                if (position < min || position > max) continue;
                if (labelled.Contains(m)) ticks.AddMajor(position, Style.Short(m * Math.Pow(10, k)));
                else ticks.AddMinor(position);
            }
        return ticks;
    }
}
