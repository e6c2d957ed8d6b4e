using System.Text.RegularExpressions;

namespace Gradus.Plots.Tests.Report;

/// <summary>Opens the written report in headless Chromium: no console messages, every image decoded, a real screenshot.</summary>
public class BrowserTests
{
    // Added only to a copy of a page: after load, writes how many of its images decoded into the DOM.
    private const string ImageProbe =
        "<script>window.addEventListener('load', function () { var all = Array.from(document.images);" +
        " document.body.setAttribute('data-images', all.filter(function (i) { return i.complete && i.naturalWidth > 0; }).length + '/' + all.length); });</script>";

    [Fact]
    public async Task EveryPageLoadsWithoutConsoleErrorsAndWithAllImages()
    {
        Chromium.Require();
        using var sample = new SampleReport();
        foreach (string page in SampleReport.Pages)
        {
            string path = Path.Combine(sample.Dir, page);
            string shot = Path.Combine(sample.Dir, page + ".screenshot.png");
            string html = File.ReadAllText(path);
            int expected = Regex.Matches(html, "<img ").Count;
            string probe = Path.Combine(sample.Dir, "probe-" + page);
            File.WriteAllText(probe, html.Replace("</body>", ImageProbe + "</body>"));

            // The page itself (screenshot, console) and its probing copy (images) load side by side.
            var screenshot = Task.Run(() => Chromium.Screenshot(path, shot));
            string dom = Chromium.DumpDom(probe);
            string[] console = await screenshot;

            Assert.True(console.Length == 0, $"{page} logged to the console:\n{string.Join("\n", console)}");
            Assert.True(File.Exists(shot), $"{page}: no screenshot was written");
            using (var png = Png.Decode(File.ReadAllBytes(shot), 1200, 2000))
                Assert.True(png.DistinctColors() > 50, $"{page}: the screenshot is nearly blank");
            Assert.Contains($"data-images=\"{expected}/{expected}\"", dom);
        }
    }

    [Fact]
    public void TheConsoleCheckCatchesAnErrorAndTheImageCheckAMissingImage()
    {
        Chromium.Require();
        string dir = Directory.CreateTempSubdirectory("gradus-browser-").FullName;
        try
        {
            string page = Path.Combine(dir, "bad.html");
            File.WriteAllText(page, "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>bad</title></head><body><p>x</p>" +
                "<img src=\"missing.png\" alt=\"missing\"><script>console.error('deliberate error');</script></body></html>");
            string[] console = Chromium.Screenshot(page, Path.Combine(dir, "bad.png"));
            Assert.Contains(console, line => line.Contains("deliberate error"));
            File.WriteAllText(page, File.ReadAllText(page).Replace("</body>", ImageProbe + "</body>"));
            Assert.Contains("data-images=\"0/1\"", Chromium.DumpDom(page));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
