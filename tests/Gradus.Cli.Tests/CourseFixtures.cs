using System.Text.Json;

namespace Gradus.Cli.Tests;

/// <summary>What the course's Python prints, from tools/gen_course_fixtures.py (NumPy 1.24, PyTorch 1.13).</summary>
public static class CourseFixtures
{
    private static readonly Lazy<Dictionary<string, string[]>> All = new(() =>
        JsonSerializer.Deserialize<Dictionary<string, string[]>>(
            File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "fixtures", "course.json")))!);

    /// <summary>The printed lines of one part of the course ("chapter0", "chapter1", ...).</summary>
    public static string[] Lines(string part) => All.Value[part];
}
