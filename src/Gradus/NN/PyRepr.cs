using System.Globalization;

namespace Gradus.NN;

/// <summary>Formats values as Python's <c>repr</c> does, for PyTorch-identical module printouts.</summary>
internal static class PyRepr
{
    /// <summary><c>True</c> / <c>False</c>.</summary>
    public static string Bool(bool b) => b ? "True" : "False";

    /// <summary>An optional int: its digits, or <c>None</c> when null.</summary>
    public static string Optional(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "None";

    /// <summary>A tuple of ints: <c>(3, 3)</c>, or <c>(2,)</c> for one element.</summary>
    public static string Tuple(IReadOnlyList<int> values) =>
        values.Count == 1 ? $"({values[0]},)" : "(" + string.Join(", ", values) + ")";

    /// <summary>A Python float's shortest repr: <c>0.1</c>, <c>1.0</c>, <c>1e-05</c>, <c>1e+16</c>.</summary>
    public static string Float(double x)
    {
        if (double.IsNaN(x)) return "nan";
        if (double.IsInfinity(x)) return x > 0 ? "inf" : "-inf";
        if (x == 0) return double.IsNegative(x) ? "-0.0" : "0.0";
        var s = Math.Abs(x).ToString("R", CultureInfo.InvariantCulture);
        string digits;
        int sciExp;
        int iE = s.IndexOf('E');
        if (iE >= 0)
        {
            var mant = s[..iE];
            int e = int.Parse(s[(iE + 1)..], CultureInfo.InvariantCulture);
            int point = mant.IndexOf('.');
            digits = mant.Replace(".", "");
            sciExp = e + (point < 0 ? mant.Length : point) - 1;
        }
        else
        {
            int point = s.IndexOf('.');
            var intPart = point < 0 ? s : s[..point];
            var frac = point < 0 ? "" : s[(point + 1)..];
            if (intPart != "0")
            {
                digits = intPart + frac;
                sciExp = intPart.Length - 1;
            }
            else
            {
                int z = frac.Length - frac.TrimStart('0').Length;
                digits = frac[z..];
                sciExp = -(z + 1);
            }
        }
        digits = digits.TrimEnd('0');
        if (digits.Length == 0) digits = "0";
        string body;
        if (sciExp is >= -4 and < 16)
        {
            if (sciExp >= 0)
            {
                var whole = digits.PadRight(sciExp + 1, '0');
                var intDigits = whole[..(sciExp + 1)];
                var fracDigits = whole[(sciExp + 1)..];
                body = intDigits + "." + (fracDigits.Length == 0 ? "0" : fracDigits);
            }
            else body = "0." + new string('0', -sciExp - 1) + digits;
        }
        else
        {
            var mant = digits.Length > 1 ? digits[0] + "." + digits[1..] : digits;
            body = mant + "e" + (sciExp < 0 ? "-" : "+") + Math.Abs(sciExp).ToString("00", CultureInfo.InvariantCulture);
        }
        return x < 0 ? "-" + body : body;
    }

    /// <summary>A number as Python printed it: an int when the caller was given an int (<paramref name="asInt"/>), else a float.</summary>
    public static string Number(double x, bool asInt) => asInt ? IntOrFloat(x) : Float(x);

    /// <summary>A number that PyTorch declares as an int by default: printed without a decimal point when integral.</summary>
    public static string IntOrFloat(double x) =>
        x == Math.Floor(x) && Math.Abs(x) < 1e15 ? ((long)x).ToString(CultureInfo.InvariantCulture) : Float(x);
}
