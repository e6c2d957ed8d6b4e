using System.Text.RegularExpressions;
using Gradus.Plots.Tests.Report;

namespace Gradus.Cli.Tests;

/// <summary>The quick course report opened in headless Chromium: no console messages, every image decoded, a screenshot.</summary>
[Collection(QuickCourseCollection.Name)]
public class CourseBrowserTests(QuickCourse course)
{
    private const string ImageProbe =
        "<script>window.addEventListener('load', function () { var all = Array.from(document.images);" +
        " document.body.setAttribute('data-images', all.filter(function (i) { return i.complete && i.naturalWidth > 0; }).length + '/' + all.length); });</script>";

    [Fact]
    public void EveryPageOfTheCourseLoadsInChromium()
    {
        Chromium.Require();
        Assert.True(course.Result.ExitCode == 0, course.Result.Error);
        var pages = new[] { "index.html" }.Concat(Enumerable.Range(0, 7).Select(n => $"chapter-{n}.html"));
        foreach (string page in pages)
        {
            string path = Path.Combine(course.Dir, page);
            string shot = Path.Combine(course.Dir, page + ".screenshot.png");
            string[] console = Chromium.Screenshot(path, shot);
            Assert.True(console.Length == 0, $"{page} logged to the console:\n{string.Join("\n", console)}");
            Assert.True(new FileInfo(shot).Length > 10_000, $"{page}: the screenshot is missing or nearly empty");

            string html = File.ReadAllText(path);
            int expected = Regex.Matches(html, "<img ").Count;
            string probe = Path.Combine(course.Dir, "probe-" + page);
            File.WriteAllText(probe, html.Replace("</body>", ImageProbe + "</body>"));
            Assert.Contains($"data-images=\"{expected}/{expected}\"", Chromium.DumpDom(probe));
            File.Delete(probe);
        }
    }
}
