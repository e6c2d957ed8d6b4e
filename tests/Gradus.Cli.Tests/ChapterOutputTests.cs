namespace Gradus.Cli.Tests;

public class ChapterOutputTests
{
    [Theory]
    [InlineData(0, "chapter0")]
    [InlineData(1, "chapter1")]
    public void ChapterPrintsTheCoursesNumbers(int chapter, string part)
    {
        string dir = CliRun.TempDir();
        try
        {
            var result = CliRun.Run("chapter", chapter.ToString(System.Globalization.CultureInfo.InvariantCulture), "--quick", "--out", dir);
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

    /// <summary>Text as the report escapes it inside an output block.</summary>
    private static string HtmlText(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal).Replace("'", "&#39;", StringComparison.Ordinal);
}
