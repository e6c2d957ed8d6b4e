using System.Text.RegularExpressions;

namespace Gradus.Cli.Tests;

/// <summary>The tests that read the one quick course run.</summary>
[CollectionDefinition(Name)]
public sealed class QuickCourseCollection : ICollectionFixture<QuickCourse>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "quick course";
}

/// <summary>Runs <c>gradus course --quick</c> once for all tests of the collection.</summary>
public sealed class QuickCourse : IDisposable
{
    /// <summary>Runs the course into a fresh folder.</summary>
    public QuickCourse()
    {
        Dir = CliRun.TempDir();
        Result = CliRun.Run("course", "--quick", "--out", Dir);
    }

    /// <summary>The report folder.</summary>
    public string Dir { get; }

    /// <summary>Exit code and output of the run.</summary>
    public CliResult Result { get; }

    /// <inheritdoc/>
    public void Dispose() => Directory.Delete(Dir, true);
}

[Collection(QuickCourseCollection.Name)]
public partial class CourseReportTests(QuickCourse course)
{
    private static readonly int[] Chapters = [0, 1, 2, 3, 4, 5, 6];

    [Fact]
    public void QuickCourseSucceeds()
    {
        Assert.True(course.Result.ExitCode == 0, course.Result.Error);
        Assert.Contains("Wrote " + Path.Combine(course.Dir, "index.html"), course.Result.Output);
    }

    [Fact]
    public void IndexLinksEveryChapter()
    {
        string index = File.ReadAllText(Path.Combine(course.Dir, "index.html"));
        foreach (int n in Chapters)
        {
            Assert.Contains($"href=\"chapter-{n}.html\"", index);
            Assert.True(File.Exists(Path.Combine(course.Dir, $"chapter-{n}.html")), $"chapter-{n}.html missing");
        }
    }

    [Fact]
    public void EveryChapterPageShowsItsPicturesAndOutput()
    {
        foreach (int n in Chapters)
        {
            string page = File.ReadAllText(Path.Combine(course.Dir, $"chapter-{n}.html"));
            var images = ImageSource().Matches(page).Select(m => m.Groups[1].Value).ToList();
            Assert.True(images.Count > 0, $"chapter {n} has no figure");
            foreach (string image in images)
            {
                byte[] png = File.ReadAllBytes(Path.Combine(course.Dir, image));
                Assert.True(png.Length > 1000, $"{image} is only {png.Length} bytes");
                Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png[..4]);
            }
            Assert.Contains("<pre", page);
        }
    }

    [Fact]
    public void ClassifiersLearnInQuickMode()
    {
        var accuracies = TestAccuracy().Matches(course.Result.Output).Select(m => double.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(2, accuracies.Count);
        Assert.All(accuracies, a => Assert.InRange(a, 0.5, 1.0));
    }

    [GeneratedRegex("<img[^>]*src=\"([^\"]+)\"")]
    private static partial Regex ImageSource();

    [GeneratedRegex(@"^test accuracy: (\d\.\d+)$", RegexOptions.Multiline)]
    private static partial Regex TestAccuracy();
}
