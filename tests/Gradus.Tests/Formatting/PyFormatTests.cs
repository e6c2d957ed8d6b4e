using System.Globalization;
using Gradus.Formatting;
using Gradus.Tests.Reductions;

namespace Gradus.Tests.Formatting;

/// <summary>Python's {:.Nf} / {:.Ne} formatting reproduced exactly, on random magnitudes and exact binary ties.</summary>
public class PyFormatTests
{
    [Fact]
    public void FixedAndScientificMatchPython()
    {
        var numbers = Fixtures.Load("formatting", "repr.json").GetProperty("numbers").EnumerateArray().ToArray();
        Assert.True(numbers.Length > 300);
        foreach (var n in numbers)
        {
            double v = n.GetProperty("value").GetDouble();
            string at = v.ToString("R", CultureInfo.InvariantCulture);
            Assert.True(n.GetProperty("f4").GetString() == PyFormat.Fixed(v, 4), $"{at} f4 {PyFormat.Fixed(v, 4)}");
            Assert.True(n.GetProperty("f2").GetString() == PyFormat.Fixed(v, 2), $"{at} f2 {PyFormat.Fixed(v, 2)}");
            Assert.True(n.GetProperty("f0").GetString() == PyFormat.Fixed(v, 0), $"{at} f0 {PyFormat.Fixed(v, 0)}");
            Assert.True(n.GetProperty("e4").GetString() == PyFormat.Sci(v, 4), $"{at} e4 {PyFormat.Sci(v, 4)}");
            Assert.True(n.GetProperty("e2").GetString() == PyFormat.Sci(v, 2), $"{at} e2 {PyFormat.Sci(v, 2)}");
        }
    }

    [Fact]
    public void NonFiniteValuesPrintAsPython()
    {
        Assert.Equal("nan", PyFormat.Fixed(double.NaN, 4));
        Assert.Equal("inf", PyFormat.Sci(double.PositiveInfinity, 4));
        Assert.Equal("-inf", PyFormat.Fixed(double.NegativeInfinity, 0));
        Assert.Equal("True", PyFormat.Bool(true));
        Assert.Equal("-9223372036854775808", PyFormat.Integer(long.MinValue));
    }
}
