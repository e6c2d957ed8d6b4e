using System.Globalization;
using System.Text.RegularExpressions;

namespace Gradus.Cli.Tests;

public partial class ChapterOutputTests
{
    [Theory]
    [InlineData(0, "chapter0")]
    [InlineData(1, "chapter1")]
    [InlineData(2, "chapter2")]
    [InlineData(3, "chapter3")]
    [InlineData(3, "polynomial_nadam")]
    public void ChapterPrintsTheCoursesNumbers(int chapter, string part)
    {
        string dir = CliRun.TempDir();
        try
        {
            var result = CliRun.Run("chapter", chapter.ToString(CultureInfo.InvariantCulture), "--quick", "--out", dir);
            Assert.True(result.ExitCode == 0, result.Error);
            foreach (string expected in CourseFixtures.Lines(part))
                Assert.Contains(expected, result.Output);
            string page = File.ReadAllText(Path.Combine(dir, $"chapter-{chapter}.html"));
            Assert.Contains(HtmlText(CourseFixtures.Lines(part)[^1]), page);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void PreliminariesPrintsExpWithinFloatRounding()
    {
        string dir = CliRun.TempDir();
        try
        {
            var result = CliRun.Run("chapter", "2", "--out", dir);
            Assert.Equal(0, result.ExitCode);
            foreach (string expected in CourseFixtures.Lines("chapter2_float_functions"))
            {
                string prefix = expected[..(expected.IndexOf('.', StringComparison.Ordinal) + 1)];
                int at = result.Output.IndexOf(prefix, StringComparison.Ordinal);
                Assert.True(at >= 0, $"'{prefix}' not printed");
                double[] want = Numbers(expected), got = Numbers(result.Output.Substring(at, expected.Length));
                Assert.Equal(want.Length, got.Length);
                for (int i = 0; i < want.Length; i++)
                    Assert.True(Math.Abs(got[i] - want[i]) <= 2e-7 * Math.Abs(want[i]) + 1e-4, $"element {i}: {got[i]} vs {want[i]}");
            }
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    /// <summary>Text as the report escapes it inside an output block.</summary>
    private static string HtmlText(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal).Replace("'", "&#39;", StringComparison.Ordinal);

    private static double[] Numbers(string text) =>
        [.. NumberPattern().Matches(text).Select(m => double.Parse(m.Value, CultureInfo.InvariantCulture))];

    [GeneratedRegex(@"-?\d+\.\d*")]
    private static partial Regex NumberPattern();
}
