using System.Globalization;

namespace Gradus.Formatting;

/// <summary>Python's number formatting as <c>torch._tensor_str</c> uses it: <c>{:.4f}</c>, <c>{:.4e}</c>, <c>{:.0f}</c>, <c>{}</c>.</summary>
internal static class PyFormat
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary><c>"{:.{p}f}".format(v)</c>: correctly rounded fixed point; <c>nan</c>, <c>inf</c>, <c>-inf</c>; keeps the sign of -0.</summary>
    public static string Fixed(double v, int precision) =>
        NonFinite(v) ?? v.ToString("F" + precision.ToString(Inv), Inv);

    /// <summary><c>"{:.{p}e}".format(v)</c>: one digit, the fraction, then <c>e</c>, a sign and at least two exponent digits.</summary>
    public static string Sci(double v, int precision)
    {
        if (NonFinite(v) is { } s) return s;
        var e = v.ToString("E" + precision.ToString(Inv), Inv);
        int at = e.IndexOf('E');
        int exp = int.Parse(e.AsSpan(at + 1), NumberStyles.AllowLeadingSign, Inv);
        return e[..at] + (exp < 0 ? "e-" : "e+") + Math.Abs(exp).ToString("00", Inv);
    }

    /// <summary>Python's <c>str()</c> of an int or a bool.</summary>
    public static string Integer(long v) => v.ToString(Inv);

    /// <summary>Python's <c>str()</c> of a bool.</summary>
    public static string Bool(bool v) => v ? "True" : "False";

    private static string? NonFinite(double v) =>
        double.IsNaN(v) ? "nan" : double.IsPositiveInfinity(v) ? "inf" : double.IsNegativeInfinity(v) ? "-inf" : null;
}
