using System.Text;
using Gradus.Plots;
using Gradus.Plots.Report;

namespace Gradus.Cli.Course;

/// <summary>
/// What a chapter writes to while it runs: printed lines are echoed to the console and collected into one output block
/// on the page until the next heading, paragraph, figure or table.
/// </summary>
internal sealed class ChapterRun(Chapter page, CliConsole console, CourseOptions options)
{
    private readonly StringBuilder _printed = new();

    /// <summary>The course options (quick mode, data folder).</summary>
    public CourseOptions Options { get; } = options;

    /// <summary>Whether this is the quick run (samples, few epochs).</summary>
    public bool Quick => Options.Quick;

    /// <summary>The console, for progress bars.</summary>
    public CliConsole Console { get; } = console;

    /// <summary>Every line printed so far (for tests and the console).</summary>
    public List<string> Printed { get; } = [];

    /// <summary>Starts a section.</summary>
    public void Heading(string text, int level = 2)
    {
        Flush();
        page.AddHeading(text, level);
        Console.WriteLine();
        Console.WriteLine(level == 2 ? $"## {text}" : $"### {text}");
    }

    /// <summary>Adds explanatory text to the page.</summary>
    public void Text(string paragraph)
    {
        Flush();
        page.AddParagraph(paragraph);
    }

    /// <summary>Prints a line of program output (possibly several lines), like Python's <c>print</c>.</summary>
    public void Print(string text = "")
    {
        _printed.Append(text).Append('\n');
        foreach (string line in text.Split('\n'))
        {
            Printed.Add(line);
            Console.WriteLine(line);
        }
    }

    /// <summary>Adds a figure with its alternative text and caption.</summary>
    public void Figure(Figure figure, string alt, string caption)
    {
        Flush();
        page.AddFigure(figure, alt, caption);
    }

    /// <summary>Adds a table.</summary>
    public void Table(IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<string>> rows, string? caption = null)
    {
        Flush();
        page.AddTable(header, rows, caption);
    }

    /// <summary>Puts the pending printed lines on the page as one output block.</summary>
    public void Flush()
    {
        if (_printed.Length == 0) return;
        page.AddOutput(_printed.ToString().TrimEnd('\n'));
        _printed.Clear();
    }
}
