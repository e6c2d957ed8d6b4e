using System.Globalization;
using ScottPlot;

namespace Gradus.Plots;

/// <summary>The look shared by every picture: a sans-serif font, the matplotlib colour cycle, plain white panels.</summary>
internal static class Style
{
    /// <summary>matplotlib's default colour cycle (tab10), which the course's pictures use.</summary>
    public static readonly Color[] Cycle =
    [
        Color.FromHex("#1f77b4"), Color.FromHex("#ff7f0e"), Color.FromHex("#2ca02c"), Color.FromHex("#d62728"),
        Color.FromHex("#9467bd"), Color.FromHex("#8c564b"), Color.FromHex("#e377c2"), Color.FromHex("#7f7f7f"),
        Color.FromHex("#bcbd22"), Color.FromHex("#17becf"),
    ];

    /// <summary>matplotlib blue ('b' in the course's plots).</summary>
    public static readonly Color Blue = Cycle[0];

    /// <summary>matplotlib red ('r' in the course's plots).</summary>
    public static readonly Color Red = Cycle[3];

    /// <summary>matplotlib green ('g').</summary>
    public static readonly Color Green = Cycle[2];

    private static readonly Lazy<string?> Font = new(FindFont);

    /// <summary>The first installed sans-serif family from a short list, or null to keep ScottPlot's choice.</summary>
    public static string? FontName => Font.Value;

    private static string? FindFont()
    {
        foreach (string name in new[] { "DejaVu Sans", "Liberation Sans", "Noto Sans", "Open Sans", "Arial", "Helvetica" })
        {
            var face = Fonts.GetTypeface(name, false, false);
            if (face is not null && string.Equals(face.FamilyName, name, StringComparison.OrdinalIgnoreCase)) return name;
        }
        return null;
    }

    /// <summary>A new panel with the shared font, a title and axis labels.</summary>
    public static Plot NewPlot(string? title = null, string? xLabel = null, string? yLabel = null)
    {
        var plot = new Plot();
        if (FontName is { } font) plot.Font.Set(font);
        if (!string.IsNullOrEmpty(title)) plot.Title(title, 16);
        if (!string.IsNullOrEmpty(xLabel)) plot.XLabel(xLabel, 14);
        if (!string.IsNullOrEmpty(yLabel)) plot.YLabel(yLabel, 14);
        return plot;
    }

    /// <summary>A number written with the invariant culture and a fixed number of decimals.</summary>
    public static string Fixed(double value, int decimals) =>
        value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    /// <summary>A short invariant-culture form of a number ("G4").</summary>
    public static string Short(double value) => value.ToString("G4", CultureInfo.InvariantCulture);

    /// <summary><paramref name="count"/> evenly spaced values from <paramref name="start"/> to <paramref name="stop"/> (NumPy linspace).</summary>
    public static double[] Linspace(double start, double stop, int count)
    {
        var values = new double[count];
        if (count == 1) { values[0] = start; return values; }
        double step = (stop - start) / (count - 1);
        for (int i = 0; i < count; i++) values[i] = start + i * step;
        values[^1] = stop;
        return values;
    }

    /// <summary>Round contour levels (1, 2, 2.5 or 5 times a power of ten apart) inside (min, max), about <paramref name="count"/> of them.</summary>
    public static double[] NiceLevels(double min, double max, int count)
    {
        if (!(max > min)) return [min];
        double raw = (max - min) / count;
        double power = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        double step = new[] { 1, 2, 2.5, 5, 10 }.Select(m => m * power).First(s => s >= raw);
        var levels = new List<double>();
        for (double v = Math.Ceiling(min / step) * step; v < max; v += step)
            if (v > min) levels.Add(Math.Round(v / step) * step);
        return levels.Count > 0 ? levels.ToArray() : [(min + max) / 2];
    }
}
