using System.Globalization;

namespace Gradus.Random;

/// <summary>Formats numbers the way C++ <c>std::ostream</c> prints them in PyTorch's messages.</summary>
internal static class CppFormat
{
    /// <summary>A double as <c>operator&lt;&lt;</c> prints it: <c>%g</c> with 6 significant digits.</summary>
    public static string Double(double value)
    {
        if (double.IsNaN(value))
        {
            return "nan";
        }
        if (double.IsInfinity(value))
        {
            return value > 0 ? "inf" : "-inf";
        }
        if (value == 0)
        {
            return double.IsNegative(value) ? "-0" : "0";
        }
        string scientific = value.ToString("E5", CultureInfo.InvariantCulture);
        int ePos = scientific.IndexOf('E');
        int exponent = int.Parse(scientific.AsSpan(ePos + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        if (exponent >= -4 && exponent < 6)
        {
            string fixedText = value.ToString("F" + (5 - exponent).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
            return TrimZeros(fixedText);
        }
        string mantissa = TrimZeros(scientific[..ePos]);
        string sign = exponent < 0 ? "-" : "+";
        return $"{mantissa}e{sign}{Math.Abs(exponent).ToString("00", CultureInfo.InvariantCulture)}";
    }

    private static string TrimZeros(string text)
    {
        if (!text.Contains('.'))
        {
            return text;
        }
        return text.TrimEnd('0').TrimEnd('.');
    }
}
