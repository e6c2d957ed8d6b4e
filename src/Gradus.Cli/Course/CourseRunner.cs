using System.Diagnostics;
using System.Globalization;
using Gradus.Plots.Report;

namespace Gradus.Cli.Course;

/// <summary>Runs chapters into one HTML report and writes it.</summary>
internal static class CourseRunner
{
    /// <summary>Runs <paramref name="chapters"/> in order and writes the report; returns the path of index.html.</summary>
    public static string Run(IReadOnlyList<CourseChapter> chapters, CourseOptions options, CliConsole console)
    {
        string outDir = OutputFolder.Prepare(options.OutDir);
        var report = new CourseReport(outDir);
        var total = Stopwatch.StartNew();
        foreach (CourseChapter chapter in chapters)
        {
            console.WriteLine($"# Chapter {chapter.Number}: {chapter.Title}");
            var watch = Stopwatch.StartNew();
            var run = new ChapterRun(report.AddChapter(chapter.Number, chapter.Title), console, options);
            chapter.Run(run);
            run.Flush();
            console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"(chapter {chapter.Number} took {watch.Elapsed.TotalSeconds:0.0} s)"));
            console.WriteLine();
        }
        string index = report.Write();
        console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Wrote {index} ({total.Elapsed.TotalSeconds:0.0} s)"));
        return index;
    }
}
