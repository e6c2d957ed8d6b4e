using System.Globalization;
using System.Text.RegularExpressions;

namespace Gradus.Cli.Tests;

/// <summary>The printed output of the quick course against what the course's Python prints (tools/gen_course_fixtures.py).</summary>
[Collection(QuickCourseCollection.Name)]
public partial class ChapterOutputTests(QuickCourse course)
{
    [Theory]
    [InlineData(0, "chapter0")]
    [InlineData(1, "chapter1")]
    [InlineData(2, "chapter2")]
    [InlineData(3, "chapter3")]
    [InlineData(3, "polynomial_nadam")]
    [InlineData(4, "chapter4")]
    public void ChapterPrintsTheCoursesNumbers(int chapter, string part)
    {
        Assert.True(course.Result.ExitCode == 0, course.Result.Error);
        string printed = ChapterText(chapter);
        foreach (string expected in CourseFixtures.Lines(part))
            Assert.Contains(expected, printed);
        string page = File.ReadAllText(Path.Combine(course.Dir, $"chapter-{chapter}.html"));
        Assert.Contains(HtmlText(CourseFixtures.Lines(part)[^1]), page);
    }

    // exp, softmax and sums of them may differ from PyTorch's in the last float32 digit: numbers within rounding.
    [Theory]
    [InlineData(2, "chapter2_float_functions")]
    [InlineData(4, "chapter4_float_functions")]
    public void ChapterPrintsFloatFunctionsWithinRounding(int chapter, string part)
    {
        string output = ChapterText(chapter);
        foreach (string expected in CourseFixtures.Lines(part))
        {
            string prefix = expected[..(expected.IndexOf('.', StringComparison.Ordinal) + 1)];
            int at = output.IndexOf(prefix, StringComparison.Ordinal);
            Assert.True(at >= 0, $"'{prefix}' not printed");
            string printed = string.Join('\n', output[at..].Split('\n').Take(expected.Split('\n').Length));
            double[] want = Numbers(expected), got = Numbers(printed);
            Assert.Equal(want.Length, got.Length);
            for (int i = 0; i < want.Length; i++)
                Assert.True(Math.Abs(got[i] - want[i]) <= 2e-7 * Math.Abs(want[i]) + 1e-4, $"element {i}: {got[i]} vs {want[i]}");
        }
    }

    // What the course printed between "# Chapter N" and the next chapter.
    private string ChapterText(int chapter)
    {
        string output = course.Result.Output;
        int start = output.IndexOf($"# Chapter {chapter}:", StringComparison.Ordinal);
        Assert.True(start >= 0, $"chapter {chapter} did not run");
        int end = output.IndexOf($"# Chapter {chapter + 1}:", start, StringComparison.Ordinal);
        return end < 0 ? output[start..] : output[start..end];
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
