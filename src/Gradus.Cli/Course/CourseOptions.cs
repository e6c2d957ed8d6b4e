namespace Gradus.Cli.Course;

/// <summary>How the course runs: where the report goes, whether to run the quick version, and where the data sets are.</summary>
/// <param name="OutDir">Folder for index.html, the chapter pages and their pictures.</param>
/// <param name="Quick">Small data samples and few epochs, so the whole course runs in about a minute.</param>
/// <param name="DataDir">A folder holding the data sets (null: the usual search, see <c>Gradus.Data.Files.DataFiles</c>).</param>
internal sealed record CourseOptions(string OutDir, bool Quick, string? DataDir);
