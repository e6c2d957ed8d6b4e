using Gradus.Cli.Course;

namespace Gradus.Cli.Chapters;

/// <summary>The chapters of the course, in order.</summary>
internal static class ChapterCatalog
{
    /// <summary>Every chapter, by number.</summary>
    public static IReadOnlyList<CourseChapter> All { get; } =
    [
        new GradientDescentChapter(),
        new SimpleRegressionChapter(),
        new PreliminariesChapter(),
        new LinearRegressionChapter(),
        new SoftmaxChapter(),
        new BackpropChapter(),
        new LeNetChapter(),
    ];

    /// <summary>The chapter numbered <paramref name="number"/>, or null.</summary>
    public static CourseChapter? Find(int number) => All.FirstOrDefault(c => c.Number == number);
}
