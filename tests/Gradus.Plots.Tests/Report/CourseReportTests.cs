using System.Text.RegularExpressions;
using Gradus.Plots.Report;

namespace Gradus.Plots.Tests.Report;

public partial class CourseReportTests
{
    [GeneratedRegex("<img src=\"([^\"]+)\" alt=\"([^\"]*)\" width=\"(\\d+)\" height=\"(\\d+)\">")]
    private static partial Regex ImgTag();

    [Fact]
    public void WritesTheIndexAndOnePagePerChapterInNumberOrder()
    {
        using var sample = new SampleReport();
        Assert.Equal(Path.Combine(sample.Dir, "index.html"), sample.IndexPath);
        string index = File.ReadAllText(sample.IndexPath);
        Assert.Contains("<title>Gradus &lt;Course&gt; &amp; Report</title>", index);
        int zero = index.IndexOf("<a href=\"chapter-0.html\">Chapter 0: Visualizing Gradient Descent</a>", StringComparison.Ordinal);
        int one = index.IndexOf("<a href=\"chapter-1.html\">Chapter 1: A Simple Regression Problem</a>", StringComparison.Ordinal);
        Assert.True(zero > 0 && one > zero, "index must link chapter 0 then chapter 1");
        Assert.Contains("(2 figures)", index);
        string chapter0 = File.ReadAllText(Path.Combine(sample.Dir, "chapter-0.html"));
        Assert.Contains("<a href=\"chapter-1.html\">Chapter 1: A Simple Regression Problem &rarr;</a>", chapter0);
        Assert.Contains("<li><a href=\"#data\">Data</a></li>", chapter0);
        Assert.Contains("<h3 id=\"step-0\">Step 0</h3>", chapter0);
        Assert.Equal(["chapter-0-figure-1.png", "chapter-0-figure-2.png", "chapter-0.html", "chapter-1-figure-1.png", "chapter-1-figure-2.png", "chapter-1.html", "index.html"],
            Directory.GetFiles(sample.Dir).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void EveryImageExistsWithTheSizeItsTagDeclares()
    {
        using var sample = new SampleReport();
        int images = 0;
        foreach (string page in SampleReport.Pages)
        {
            string html = File.ReadAllText(Path.Combine(sample.Dir, page));
            foreach (Match m in ImgTag().Matches(html))
            {
                string file = Path.Combine(sample.Dir, m.Groups[1].Value);
                Assert.True(File.Exists(file), $"{page}: image {m.Groups[1].Value} is missing");
                Assert.NotEmpty(m.Groups[2].Value);
                var size = Png.HeaderSize(File.ReadAllBytes(file));
                Assert.Equal((int.Parse(m.Groups[3].Value), int.Parse(m.Groups[4].Value)), size);
                images++;
            }
            Assert.Equal(Regex.Matches(html, "<img ").Count, ImgTag().Matches(html).Count);
        }
        Assert.Equal(4, images);
        string chapter0 = File.ReadAllText(Path.Combine(sample.Dir, "chapter-0.html"));
        Assert.Contains("alt=\"Loss surface with the batch path\"", chapter0);
        Assert.Contains("<figcaption>Figure 2: MSE over b and w</figcaption>", chapter0);
    }

    [Fact]
    public void TextIsEscapedAndPagesAreSelfContained()
    {
        using var sample = new SampleReport();
        string chapter0 = File.ReadAllText(Path.Combine(sample.Dir, "chapter-0.html"));
        Assert.Contains("<p>We generate y = 1 + 2x + noise. &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; friends.</p>\n<p>Second paragraph.</p>", chapter0);
        Assert.Contains("<pre>[0.49671415] [-0.1382643]\ntensor([0.1940], requires_grad=True) &lt;grad&gt;</pre>", chapter0);
        Assert.Contains("<caption>Learning rates</caption>", chapter0);
        Assert.Contains("<tr><td class=\"num\">1.1</td><td>diverges</td></tr>", chapter0);
        foreach (string page in SampleReport.Pages)
        {
            string html = File.ReadAllText(Path.Combine(sample.Dir, page));
            Assert.StartsWith("<!DOCTYPE html>", html);
            Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("http://", html);
            Assert.DoesNotContain("https://", html);
            Assert.DoesNotContain("url(", html);
        }
        Assert.Empty(Directory.GetFiles(sample.Dir, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public void ChaptersAndBlocksCheckTheirArguments()
    {
        var report = new CourseReport(Path.Combine(Path.GetTempPath(), "unused-" + Guid.NewGuid().ToString("N")));
        var chapter = report.AddChapter(3, "Classification");
        var e = Assert.Throws<ArgumentException>(() => report.AddChapter(3, "Again"));
        Assert.Contains("chapter 3 was already added ('Classification')", e.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => report.AddChapter(-1, "Negative"));
        Assert.Throws<ArgumentOutOfRangeException>(() => chapter.AddHeading("Too deep", 5));
        e = Assert.Throws<ArgumentException>(() => chapter.AddTable(["a", "b"], [["1"]]));
        Assert.Contains("header and rows[0] must have the same length, got 2 and 1", e.Message);
        chapter.AddHeading("Same").AddHeading("Same");
        Assert.Equal("chapter-3.html", chapter.FileName);
    }

    [Fact]
    public void WritingAgainReplacesThePages()
    {
        string dir = Path.Combine(Path.GetTempPath(), "gradus-report-" + Guid.NewGuid().ToString("N"));
        try
        {
            var report = new CourseReport(dir);
            var chapter = report.AddChapter(2, "Rethinking the Training Loop").AddParagraph("first");
            report.Write();
            chapter.AddParagraph("second");
            report.Write();
            string html = File.ReadAllText(Path.Combine(dir, "chapter-2.html"));
            Assert.Contains("<p>first</p>\n<p>second</p>", html);
            Assert.Equal(2, Directory.GetFiles(dir).Length);
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, true);
        }
    }
}
