using ScottPlot;

namespace Gradus.Plots;

/// <summary>The values one parameter took during gradient descent with one learning rate, and the loss at each.</summary>
public sealed record ParameterSteps(double LearningRate, double[] Values, double[] Losses, string? Note = null)
{
    /// <summary>
    /// Runs <paramref name="steps"/> updates <c>p = p - lr * gradient(p)</c> from <paramref name="start"/>, recording the
    /// start and every updated value with its loss (stops early once the value is no longer finite).
    /// </summary>
    public static ParameterSteps GradientDescent(double start, double learningRate, int steps,
        Func<double, double> loss, Func<double, double> gradient, string? note = null)
    {
        ArgumentNullException.ThrowIfNull(loss);
        ArgumentNullException.ThrowIfNull(gradient);
        if (steps < 0) throw new ArgumentOutOfRangeException(nameof(steps), steps, $"ParameterSteps.GradientDescent: steps must be >= 0, got {steps}");
        var values = new List<double> { start };
        var losses = new List<double> { loss(start) };
        double p = start;
        for (int s = 0; s < steps; s++)
        {
            p -= learningRate * gradient(p);
            double l = loss(p);
            if (!double.IsFinite(p) || !double.IsFinite(l)) break;
            values.Add(p);
            losses.Add(l);
        }
        return new ParameterSteps(learningRate, values.ToArray(), losses.ToArray(), note);
    }
}

/// <summary>
/// Cross-sections of a loss surface: the loss against one parameter with the other fixed, and the steps gradient
/// descent takes along it for several learning rates (too low, right, too high, diverging).
/// </summary>
public static class CrossSections
{
    /// <summary>
    /// Two panels through the grid point nearest (b, w): loss against w with b fixed (red) and against b with w fixed (black),
    /// the starting point marked, as the course's "Fixed: b = 0.52" / "Fixed: w = -0.16" pictures.
    /// </summary>
    public static Figure Sections(LossGrid grid, double b, double w)
    {
        ArgumentNullException.ThrowIfNull(grid);
        var (bi, wi) = grid.NearestIndex(b, w);
        double fixedB = grid.B[bi], fixedW = grid.W[wi], start = grid.Losses[wi, bi];
        var left = Section(grid.W, grid.AlongW(bi), "w", $"Fixed: b = {Style.Fixed(fixedB, 2)}", Style.Red);
        left.Add.Marker(fixedW, start, MarkerShape.FilledCircle, 10, Style.Red);
        var right = Section(grid.B, grid.AlongB(wi), "b", $"Fixed: w = {Style.Fixed(fixedW, 2)}", Colors.Black);
        right.Add.Marker(fixedB, start, MarkerShape.FilledCircle, 10, Colors.Black);
        return new Figure([left, right], 1, 2, null, 560, 480);
    }

    /// <summary>
    /// One panel per learning rate: the loss curve against <paramref name="parameter"/> (values, losses) and the steps taken,
    /// titled with <paramref name="fixedLabel"/> (for example "Fixed: b = 0.52") and the learning rate.
    /// </summary>
    public static Figure LearningRates(double[] values, double[] losses, string parameter, string fixedLabel,
        IReadOnlyList<ParameterSteps> runs, int columns = 2)
    {
        const string op = "CrossSections.LearningRates";
        Check.NotEmpty(op, nameof(runs), runs);
        Check.Positive(op, nameof(columns), columns);
        var panels = new List<Plot>();
        for (int r = 0; r < runs.Count; r++)
        {
            ParameterSteps run = runs[r] ?? throw new ArgumentException($"{op}: runs[{r}] is null", nameof(runs));
            Check.NotEmpty(op, $"runs[{r}].Values", run.Values);
            Check.SameLength(op, $"runs[{r}].Values", run.Values.Length, "Losses", run.Losses.Length);
            string title = $"{fixedLabel}   \u03B7 = {Style.Fixed(run.LearningRate, 2)}" + (run.Note is null ? "" : $" ({run.Note})");
            Color color = Style.Cycle[r % Style.Cycle.Length];
            var plot = Section(values, losses, parameter, title, Colors.Black);
            AddSteps(plot, run, color);
            FitLimits(plot, values, losses, run);
            panels.Add(plot);
        }
        int cols = Math.Min(columns, panels.Count);
        int rows = (panels.Count + cols - 1) / cols;
        return new Figure(panels, rows, cols, null, 560, 440);
    }

    private static Plot Section(double[] values, double[] losses, string parameter, string title, Color color)
    {
        const string op = "CrossSections";
        Check.NotEmpty(op, nameof(values), values);
        Check.SameLength(op, nameof(values), values.Length, nameof(losses), losses.Length);
        Check.Finite(op, nameof(values), values);
        Check.Finite(op, nameof(losses), losses);
        var plot = Style.NewPlot(title, parameter, "MSE (loss)");
        var curve = plot.Add.ScatterLine(values, losses, color);
        curve.LineWidth = 2;
        curve.LinePattern = LinePattern.Dashed;
        curve.MarkerSize = 0;
        return plot;
    }

    private static void AddSteps(Plot plot, ParameterSteps run, Color color)
    {
        var path = plot.Add.ScatterLine(run.Values, run.Losses, color);
        path.LineWidth = 1.5f;
        path.MarkerShape = MarkerShape.FilledCircle;
        path.MarkerSize = 8;
        path.LegendText = $"{run.Values.Length - 1} steps, \u03B7 = {Style.Short(run.LearningRate)}";
        for (int i = 0; i + 1 < Math.Min(run.Values.Length, 30); i++)
        {
            var arrow = plot.Add.Arrow(run.Values[i], run.Losses[i], run.Values[i + 1], run.Losses[i + 1]);
            arrow.ArrowFillColor = color;
            arrow.ArrowLineColor = color;
            arrow.ArrowheadWidth = 10;
            arrow.ArrowheadLength = 12;
            arrow.ArrowWidth = 1.5f;
        }
        plot.Add.Marker(run.Values[0], run.Losses[0], MarkerShape.OpenCircle, 14, Colors.Black);
        plot.ShowLegend(Alignment.UpperCenter);
    }

    // The curve's box, widened to show steps that overshoot but not so far that a diverging run flattens the curve.
    private static void FitLimits(Plot plot, double[] values, double[] losses, ParameterSteps run)
    {
        double x0 = values.Min(), x1 = values.Max(), y0 = losses.Min(), y1 = losses.Max();
        double dx = x1 - x0, dy = y1 - y0;
        double left = Math.Max(Math.Min(x0, run.Values.Min()), x0 - dx / 2);
        double right = Math.Min(Math.Max(x1, run.Values.Max()), x1 + dx / 2);
        double top = Math.Min(Math.Max(y1, run.Losses.Max()), y1 + dy / 2);
        plot.Axes.SetLimits(left, right, y0 - dy * 0.05, top + dy * 0.1);
    }
}
