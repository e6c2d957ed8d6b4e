using System.CommandLine;
using System.Globalization;
using Gradus.Cli.Chapters;
using Gradus.Cli.Course;

namespace Gradus.Cli.Commands;

/// <summary><c>gradus course</c> and <c>gradus chapter N</c>.</summary>
internal static class CourseCommands
{
    /// <summary><c>gradus course [--out DIR] [--quick] [--data DIR]</c>: every chapter, then index.html.</summary>
    public static Command Course(CliConsole console)
    {
        var outDir = CommonOptions.Out("gradus-course", "the report");
        var quick = CommonOptions.Quick();
        var data = CommonOptions.Data();
        var command = new Command("course", "Run every chapter of the course and write an HTML report (DIR/index.html) linking one page per chapter")
        {
            outDir, quick, data,
        };
        command.SetAction(result =>
        {
            var options = new CourseOptions(result.GetValue(outDir)!, result.GetValue(quick), result.GetValue(data));
            CourseRunner.Run(ChapterCatalog.All, options, console);
            return GradusCli.Success;
        });
        return command;
    }

    /// <summary><c>gradus chapter N [--out DIR] [--quick] [--data DIR]</c>: one chapter and its page.</summary>
    public static Command Chapter(CliConsole console)
    {
        var number = new Argument<int>("N") { Description = ChapterList() };
        number.Validators.Add(result =>
        {
            if (CommonOptions.Token<int>(result.Tokens) is int n && ChapterCatalog.Find(n) is null)
                result.AddError(string.Create(CultureInfo.InvariantCulture,
                    $"there is no chapter {n}; chapters are {ChapterCatalog.All[0].Number} to {ChapterCatalog.All[^1].Number}"));
        });
        var outDir = CommonOptions.Out("gradus-course", "the chapter page");
        var quick = CommonOptions.Quick();
        var data = CommonOptions.Data();
        var command = new Command("chapter", "Run one chapter of the course and write its page (and an index.html linking it)")
        {
            number, outDir, quick, data,
        };
        command.SetAction(result =>
        {
            var options = new CourseOptions(result.GetValue(outDir)!, result.GetValue(quick), result.GetValue(data));
            CourseRunner.Run([ChapterCatalog.Find(result.GetValue(number))!], options, console);
            return GradusCli.Success;
        });
        return command;
    }

    private static string ChapterList() =>
        "The chapter number: " + string.Join(", ", ChapterCatalog.All.Select(c => $"{c.Number} {c.Title}"));
}
