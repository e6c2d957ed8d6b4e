using ScottPlot;

namespace Gradus.Plots;

/// <summary>Grayscale images (h x w each) in a grid, titled with their label or "true/pred" (mismatches in red).</summary>
public static class ImageGrid
{
    /// <summary>
    /// Images stored one after another in <paramref name="pixels"/> (count x height x width bytes, 0 = black, 255 = white),
    /// titled by <paramref name="labels"/> (class names when given) and, with <paramref name="predictions"/>, "true/pred".
    /// </summary>
    public static Figure Plot(byte[] pixels, int height, int width, int[]? labels = null, int[]? predictions = null,
        IReadOnlyList<string>? classNames = null, int columns = 10)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        return Build(pixels.Length, height, width, (image, r, c) => pixels[(image * height + r) * width + c],
            _ => (0, 255), labels, predictions, classNames, columns);
    }

    /// <summary>
    /// Float images stored one after another (count x height x width); each image is shaded from its own minimum (black)
    /// to its maximum (white), as matplotlib's imshow does.
    /// </summary>
    public static Figure Plot(float[] pixels, int height, int width, int[]? labels = null, int[]? predictions = null,
        IReadOnlyList<string>? classNames = null, int columns = 10)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        int size = height * width;
        for (int i = 0; i < pixels.Length; i++)
            if (!float.IsFinite(pixels[i]))
                throw new ArgumentException($"ImageGrid.Plot: pixels[{i}] is {pixels[i]}, expected a finite number", nameof(pixels));
        return Build(pixels.Length, height, width, (image, r, c) => pixels[(image * height + r) * width + c],
            image =>
            {
                var span = pixels.AsSpan(image * size, size);
                float lo = float.MaxValue, hi = float.MinValue;
                foreach (float v in span) { lo = Math.Min(lo, v); hi = Math.Max(hi, v); }
                return (lo, hi > lo ? hi : lo + 1);
            }, labels, predictions, classNames, columns);
    }

    private static Figure Build(int length, int height, int width, Func<int, int, int, double> pixel, Func<int, (double Lo, double Hi)> range,
        int[]? labels, int[]? predictions, IReadOnlyList<string>? classNames, int columns)
    {
        const string op = "ImageGrid.Plot";
        Check.Positive(op, nameof(height), height);
        Check.Positive(op, nameof(width), width);
        Check.Positive(op, nameof(columns), columns);
        int size = height * width;
        if (length == 0 || length % size != 0)
            throw new ArgumentException($"{op}: {length} pixels is not a whole, non-zero number of {height}x{width} images", "pixels");
        int count = length / size;
        if (labels is not null) Check.SameLength(op, "images", count, nameof(labels), labels.Length);
        if (predictions is not null)
        {
            if (labels is null) throw new ArgumentException($"{op}: predictions need labels to compare with", nameof(predictions));
            Check.SameLength(op, "images", count, nameof(predictions), predictions.Length);
        }

        var panels = new Plot[count];
        for (int n = 0; n < count; n++)
        {
            var intensities = new double[height, width];
            for (int r = 0; r < height; r++)
                for (int c = 0; c < width; c++)
                    intensities[r, c] = pixel(n, r, c);
            bool wrong = predictions is not null && predictions[n] != labels![n];
            string? title = labels is null ? null
                : predictions is null ? Name(labels[n], classNames)
                : $"{Name(labels[n], classNames)}/{Name(predictions[n], classNames)}";
            panels[n] = Panel(intensities, range(n), title, wrong);
        }
        int cols = Math.Min(columns, count);
        return new Figure(panels, (count + cols - 1) / cols, cols, null, 150, labels is null ? 140 : 170);
    }

    private static Plot Panel(double[,] intensities, (double Lo, double Hi) range, string? title, bool wrong)
    {
        var plot = Style.NewPlot();
        var image = plot.Add.Heatmap(intensities);
        image.Colormap = new ScottPlot.Colormaps.Grayscale();
        image.ManualRange = new ScottPlot.Range(range.Lo, range.Hi);
        if (title is not null)
        {
            plot.Title(title, 13);
            plot.Axes.Title.Label.ForeColor = wrong ? Colors.Red : Colors.Black;
            plot.Axes.Title.Label.Bold = wrong;
        }
        plot.Axes.Bottom.IsVisible = false;
        plot.Axes.Left.IsVisible = false;
        plot.Axes.Right.IsVisible = false;
        plot.Axes.Top.IsVisible = false;
        plot.HideGrid();
        plot.Axes.Margins(0, 0);
        plot.Axes.SquareUnits();
        return plot;
    }

    private static string Name(int label, IReadOnlyList<string>? classNames)
    {
        if (classNames is null) return label.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (label < 0 || label >= classNames.Count)
            throw new ArgumentException($"ImageGrid.Plot: label {label} has no class name ({classNames.Count} names)", nameof(classNames));
        return classNames[label];
    }
}
