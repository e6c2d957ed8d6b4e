namespace Gradus.Formatting;

/// <summary>
/// PyTorch's <c>_Formatter</c>: looks at the values that will be printed once to choose integer mode
/// (every float integral: <c>1.</c>), scientific mode (<c>1.0000e+08</c>) or fixed point, and the common width.
/// </summary>
internal sealed class ElementFormatter
{
    private readonly bool intMode = true;
    private readonly bool sciMode;
    private readonly int precision;

    /// <summary>The width every element is padded to.</summary>
    public int Width { get; } = 1;

    /// <summary>A formatter for floating values.</summary>
    public ElementFormatter(IReadOnlyList<double> values, PrintOptions options)
    {
        Floating = true;
        precision = options.Precision;
        double min = double.PositiveInfinity, max = 0;
        int count = 0;
        foreach (var v in values)
        {
            if (!double.IsFinite(v) || v == 0) continue;
            count++;
            double a = Math.Abs(v);
            min = Math.Min(min, a);
            max = Math.Max(max, a);
            if (v != Math.Ceiling(v)) intMode = false;
        }
        if (count == 0) return; // no finite non-zero value: integer mode, width 1, sci_mode option ignored (as PyTorch)
        bool wide = max / min > 1000.0 || max > 1.0e8;
        sciMode = intMode ? wide : wide || min < 1.0e-4;
        foreach (var v in values)
        {
            if (!double.IsFinite(v) || v == 0) continue;
            int len = sciMode ? PyFormat.Sci(v, precision).Length
                : intMode ? PyFormat.Fixed(v, 0).Length + 1
                : PyFormat.Fixed(v, precision).Length;
            Width = Math.Max(Width, len);
        }
        if (options.SciMode is { } forced) sciMode = forced;
    }

    /// <summary>A formatter for int64 or bool values already turned into text.</summary>
    public ElementFormatter(IEnumerable<string> texts)
    {
        foreach (var s in texts) Width = Math.Max(Width, s.Length);
    }

    /// <summary>A floating value formatted and left-padded to <see cref="Width"/>.</summary>
    public string Format(double v)
    {
        string s = sciMode ? PyFormat.Sci(v, precision)
            : intMode ? PyFormat.Fixed(v, 0) + (double.IsFinite(v) ? "." : "")
            : PyFormat.Fixed(v, precision);
        return Pad(s);
    }

    /// <summary>An int64 or bool text left-padded to <see cref="Width"/>.</summary>
    public string Pad(string s) => s.Length >= Width ? s : new string(' ', Width - s.Length) + s;

    /// <summary>Whether this formatter handles floating values.</summary>
    public bool Floating { get; }
}
