using System.Globalization;

namespace Gradus.Cli.Text;

/// <summary>How Python and NumPy print numbers, so the chapters' output reads like the course's.</summary>
internal static class Py
{
    /// <summary>Python's <c>repr(float)</c>: the shortest text that reads back as the same double.</summary>
    public static string Repr(double value) =>
        double.IsNaN(value) ? "nan" : double.IsInfinity(value) ? (value > 0 ? "inf" : "-inf") : value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>
    /// NumPy's print of a float64 vector with its default options: at most 8 decimals, trailing zeros dropped, every
    /// element with as many decimals as the longest needs (<c>[0.49671415]</c>, <c>[1.  2.5]</c>).
    /// </summary>
    public static string NpArray(IReadOnlyList<double> values)
    {
        var texts = values.Select(v => v.ToString("F8", CultureInfo.InvariantCulture).TrimEnd('0')).ToList();
        int decimals = texts.Max(t => t.Length - t.IndexOf('.') - 1);
        var padded = texts.Select(t => t + new string(' ', decimals - (t.Length - t.IndexOf('.') - 1))).ToList();
        int width = padded.Max(t => t.Length);
        return "[" + string.Join(" ", padded.Select(t => t.PadLeft(width))) + "]";
    }

    /// <summary>A number with a fixed count of decimals (Python's <c>f'{x:.{decimals}f}'</c>).</summary>
    public static string Fixed(double value, int decimals) => value.ToString("F" + decimals, CultureInfo.InvariantCulture);

    /// <summary>Six significant digits, switching to exponent notation for very large or small values (<c>f'{x:g}'</c>).</summary>
    public static string General(double value) => value.ToString("G6", CultureInfo.InvariantCulture);

    /// <summary>
    /// How Jupyter shows a tuple of values (IPython's pretty printer): on one line when it fits in 79 columns and no
    /// item spans several lines; otherwise one item per line, each line after an item's first indented by one space.
    /// </summary>
    public static string Tuple(params string[] items)
    {
        string flat = "(" + string.Join(", ", items) + ")";
        if (flat.Length <= 79 && !flat.Contains('\n')) return flat;
        return "(" + string.Join(",\n ", items.Select(i => i.Replace("\n", "\n ", StringComparison.Ordinal))) + ")";
    }
}
