namespace Gradus.Cli.Course;

/// <summary>One chapter of the course: it computes the course's numbers and pictures and puts them on its page.</summary>
internal abstract class CourseChapter
{
    /// <summary>The chapter number (its page is chapter-N.html).</summary>
    public abstract int Number { get; }

    /// <summary>The chapter title.</summary>
    public abstract string Title { get; }

    /// <summary>Runs the chapter, writing its text, printed output and figures through <paramref name="run"/>.</summary>
    public abstract void Run(ChapterRun run);
}
