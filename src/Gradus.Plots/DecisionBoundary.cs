using ScottPlot;

namespace Gradus.Plots;

/// <summary>
/// Two-feature points coloured by class over the classifier's output on a grid: the probability of class 1 from red (0)
/// through white to blue (1) with the 0.5 contour, or the predicted class as pale class colours.
/// </summary>
public static class DecisionBoundary
{
    /// <summary>
    /// Evaluates <paramref name="predict"/>(x1, x2) on a <paramref name="resolution"/> x <paramref name="resolution"/> grid
    /// covering the points with a margin, then draws it behind the points. With <paramref name="probability"/> the
    /// function returns P(class 1); otherwise it returns the predicted class index.
    /// </summary>
    public static Figure Plot(double[] x1, double[] x2, int[] classes, Func<double, double, double> predict,
        bool probability = true, IReadOnlyList<string>? classNames = null, int resolution = 200, string title = "Decision Boundary")
    {
        const string op = "DecisionBoundary.Plot";
        ArgumentNullException.ThrowIfNull(predict);
        CheckPoints(op, x1, x2, classes);
        if (resolution < 2) throw new ArgumentOutOfRangeException(nameof(resolution), resolution, $"{op}: resolution must be >= 2, got {resolution}");
        double[] g1 = Around(x1, resolution), g2 = Around(x2, resolution);
        var values = new double[g2.Length, g1.Length];
        for (int i = 0; i < g2.Length; i++)
            for (int j = 0; j < g1.Length; j++)
                values[i, j] = predict(g1[j], g2[i]);
        return Plot(x1, x2, classes, g1, g2, values, probability, classNames, title);
    }

    /// <summary>
    /// Draws a precomputed grid behind the points: <paramref name="values"/>[i, j] is the output at
    /// (<paramref name="gridX1"/>[j], <paramref name="gridX2"/>[i]), a probability of class 1 or a class index.
    /// </summary>
    public static Figure Plot(double[] x1, double[] x2, int[] classes, double[] gridX1, double[] gridX2, double[,] values,
        bool probability = true, IReadOnlyList<string>? classNames = null, string title = "Decision Boundary")
    {
        const string op = "DecisionBoundary.Plot";
        CheckPoints(op, x1, x2, classes);
        Check.Grid(op, nameof(gridX1), gridX1, nameof(gridX2), gridX2, nameof(values), values);
        int classCount = Math.Max(classes.Max() + 1, classNames?.Count ?? 0);
        if (classNames is not null && classNames.Count < classCount)
            throw new ArgumentException($"{op}: {classNames.Count} class names for class indexes up to {classCount - 1}", nameof(classNames));
        Color[] colors = ClassColors(classCount);

        var plot = Style.NewPlot(title, "x1", "x2");
        var extent = new CoordinateRect(gridX1[0], gridX1[^1], gridX2[0], gridX2[^1]);
        if (probability) AddProbability(plot, gridX1, gridX2, values, extent);
        else AddClasses(plot, values, colors, extent);

        for (int k = 0; k < classCount; k++)
        {
            double[] xs = x1.Where((_, i) => classes[i] == k).ToArray();
            if (xs.Length == 0) continue;
            double[] ys = x2.Where((_, i) => classes[i] == k).ToArray();
            var markers = plot.Add.Markers(xs, ys, MarkerShape.FilledCircle, 8, colors[k]);
            markers.MarkerLineColor = Colors.Black;
            markers.MarkerLineWidth = 1;
            markers.LegendText = classNames is null ? $"Class {k}" : classNames[k];
        }
        plot.ShowLegend(Alignment.UpperLeft);
        plot.Axes.SetLimits(extent);
        return new Figure(plot, 640, 540);
    }

    private static void AddProbability(Plot plot, double[] g1, double[] g2, double[,] values, CoordinateRect extent)
    {
        int rows = g2.Length, cols = g1.Length;
        var cells = new double[rows, cols];
        var points = new Coordinates3d[rows, cols];
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < cols; j++)
            {
                double p = values[i, j];
                if (!(p >= 0 && p <= 1))
                    throw new ArgumentException($"DecisionBoundary.Plot: probability at ({g1[j]}, {g2[i]}) is {p}, expected a value in [0, 1]", nameof(values));
                cells[rows - 1 - i, j] = p; // heatmap rows run top to bottom
                points[i, j] = new Coordinates3d(g1[j], g2[i], p);
            }
        var heatmap = plot.Add.Heatmap(cells);
        heatmap.Colormap = new ScottPlot.Colormaps.Custom([Color.FromHex("#b2182b"), Colors.White, Color.FromHex("#2166ac")], true);
        heatmap.ManualRange = new ScottPlot.Range(0, 1);
        heatmap.Extent = extent; // centres of the corner cells
        heatmap.Opacity = 0.8;
        plot.Add.ColorBar(heatmap).Label = "P(class 1)";
        var boundary = plot.Add.ContourLines(points, 1);
        boundary.ContourLineLevels = [0.5];
        boundary.Update(points);
        boundary.LineColor = Colors.Black;
        boundary.LineWidth = 2;
    }

    private static void AddClasses(Plot plot, double[,] values, Color[] colors, CoordinateRect extent)
    {
        int rows = values.GetLength(0), cols = values.GetLength(1);
        var rgb = new byte[rows, cols, 3];
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < cols; j++)
            {
                double v = values[i, j];
                int k = (int)Math.Round(v);
                if (!double.IsFinite(v) || k < 0 || k >= colors.Length)
                    throw new ArgumentException($"DecisionBoundary.Plot: predicted class {v} at grid [{i}, {j}] is not one of the {colors.Length} classes", nameof(values));
                Color pale = colors[k].MixedWith(Colors.White, 0.7);
                rgb[rows - 1 - i, j, 0] = pale.R; // image rows run top to bottom
                rgb[rows - 1 - i, j, 1] = pale.G;
                rgb[rows - 1 - i, j, 2] = pale.B;
            }
        // The image's edges lie half a cell outside the grid points, which are the cells' centres.
        double halfX = extent.Width / (cols - 1) / 2, halfY = extent.Height / (rows - 1) / 2;
        var image = plot.Add.ImageRect(new ScottPlot.Image(rgb),
            new CoordinateRect(extent.Left - halfX, extent.Right + halfX, extent.Bottom - halfY, extent.Top + halfY));
        image.AntiAlias = false;
    }

    private static Color[] ClassColors(int count) =>
        count <= 2 ? [Color.FromHex("#ff0000"), Color.FromHex("#0000ff")]
        : Enumerable.Range(0, count).Select(k => Style.Cycle[k % Style.Cycle.Length]).ToArray();

    private static double[] Around(double[] values, int count)
    {
        double lo = values.Min(), hi = values.Max();
        double margin = Math.Max((hi - lo) * 0.1, 0.5);
        return Style.Linspace(lo - margin, hi + margin, count);
    }

    private static void CheckPoints(string op, double[] x1, double[] x2, int[] classes)
    {
        Check.NotEmpty(op, nameof(x1), x1);
        Check.SameLength(op, nameof(x1), x1.Length, nameof(x2), x2?.Length ?? 0);
        Check.SameLength(op, nameof(x1), x1.Length, nameof(classes), classes?.Length ?? 0);
        Check.Finite(op, nameof(x1), x1);
        Check.Finite(op, nameof(x2), x2!);
        for (int i = 0; i < classes!.Length; i++)
            if (classes[i] < 0) throw new ArgumentException($"{op}: classes[{i}] is {classes[i]}, expected a class index >= 0", nameof(classes));
    }
}
