using System.Globalization;
using ScottPlot;

namespace Gradus.Plots;

/// <summary>A confusion matrix as a heatmap with the count in every cell and the class names on the axes.</summary>
public static class ConfusionMatrix
{
    /// <summary>
    /// Draws <paramref name="counts"/>[true, predicted] (rows are true classes, top to bottom; columns are predicted classes),
    /// darker blue for larger counts.
    /// </summary>
    public static Figure Plot(int[,] counts, IReadOnlyList<string> classNames, string title = "Confusion Matrix")
    {
        const string op = "ConfusionMatrix.Plot";
        ArgumentNullException.ThrowIfNull(counts);
        Check.NotEmpty(op, nameof(classNames), classNames);
        int n = classNames.Count;
        if (counts.GetLength(0) != n || counts.GetLength(1) != n)
            throw new ArgumentException(
                $"{op}: counts must have shape [{n}, {n}] for {n} class names, got [{counts.GetLength(0)}, {counts.GetLength(1)}]", nameof(counts));
        int max = 0;
        foreach (int c in counts)
        {
            if (c < 0) throw new ArgumentException($"{op}: counts hold a negative value {c}", nameof(counts));
            max = Math.Max(max, c);
        }

        var plot = Style.NewPlot(title, "Predicted label", "True label");
        var cells = new double[n, n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                cells[i, j] = counts[i, j];
        var heatmap = plot.Add.Heatmap(cells);
        heatmap.Colormap = new ScottPlot.Colormaps.Blues().Reversed();
        heatmap.ManualRange = new ScottPlot.Range(0, Math.Max(max, 1));
        heatmap.Rectangle = new CoordinateRect(-0.5, n - 0.5, -0.5, n - 0.5);
        plot.Add.ColorBar(heatmap);

        float fontSize = n <= 10 ? 14 : n <= 20 ? 10 : 7;
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
            {
                // Row i is drawn at height n - 1 - i (the first class on top).
                var text = plot.Add.Text(counts[i, j].ToString(CultureInfo.InvariantCulture), j, n - 1 - i);
                text.Alignment = Alignment.MiddleCenter;
                text.LabelFontSize = fontSize;
                text.LabelFontColor = counts[i, j] > max / 2.0 ? Colors.White : Colors.Black;
            }

        double[] positions = Enumerable.Range(0, n).Select(k => (double)k).ToArray();
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(positions, classNames.ToArray());
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            positions.Select(p => n - 1 - p).ToArray(), classNames.ToArray());
        int longest = classNames.Max(c => c.Length);
        if (longest * n > 48)
        {
            plot.Axes.Bottom.TickLabelStyle.Rotation = 45;
            plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleLeft;
            plot.Axes.Bottom.MinimumSize = 30 + 6 * Math.Min(longest, 20);
        }
        plot.HideGrid();
        plot.Axes.SetLimits(-0.5, n - 0.5, -0.5, n - 0.5);
        return new Figure(plot, 640, 600);
    }

    /// <summary>Counts (actual, predicted) pairs into an n x n matrix and draws it.</summary>
    public static Figure FromPredictions(int[] actual, int[] predicted, IReadOnlyList<string> classNames, string title = "Confusion Matrix") =>
        Plot(Count(actual, predicted, classNames?.Count ?? 0), classNames!, title);

    /// <summary>The n x n matrix of counts: [i, j] is how many samples of class i were predicted as class j.</summary>
    public static int[,] Count(int[] actual, int[] predicted, int classes)
    {
        const string op = "ConfusionMatrix.Count";
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(predicted);
        Check.SameLength(op, nameof(actual), actual.Length, nameof(predicted), predicted.Length);
        Check.Positive(op, nameof(classes), classes);
        var counts = new int[classes, classes];
        for (int k = 0; k < actual.Length; k++)
        {
            if ((uint)actual[k] >= (uint)classes)
                throw new ArgumentException($"{op}: actual[{k}] = {actual[k]} is not a class in [0, {classes})", nameof(actual));
            if ((uint)predicted[k] >= (uint)classes)
                throw new ArgumentException($"{op}: predicted[{k}] = {predicted[k]} is not a class in [0, {classes})", nameof(predicted));
            counts[actual[k], predicted[k]]++;
        }
        return counts;
    }
}
