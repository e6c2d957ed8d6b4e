using System.Globalization;
using System.Text;

namespace Gradus.Plots.Report;

/// <summary>
/// The HTML course report: one page per chapter (chapter-N.html) with its figures as PNG files next to it, and an
/// index.html linking them; plain HTML and CSS, no scripts and no external URLs.
/// </summary>
public sealed class CourseReport
{
    private readonly SortedDictionary<int, Chapter> _chapters = [];

    /// <summary>A report that <see cref="Write"/> will write into <paramref name="outDir"/>.</summary>
    public CourseReport(string outDir, string title = "Gradus: Deep Learning Step by Step")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(outDir);
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        OutDir = Path.GetFullPath(outDir);
        Title = title;
    }

    /// <summary>The folder the pages and pictures are written to.</summary>
    public string OutDir { get; }

    /// <summary>The report's title, shown on the index page.</summary>
    public string Title { get; }

    /// <summary>The chapters, by number.</summary>
    public IReadOnlyList<Chapter> Chapters => _chapters.Values.ToList();

    /// <summary>Starts a new chapter; numbers must be unique and not negative.</summary>
    public Chapter AddChapter(int number, string title)
    {
        if (number < 0)
            throw new ArgumentOutOfRangeException(nameof(number), number, $"CourseReport.AddChapter: number must be >= 0, got {number}");
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        if (_chapters.ContainsKey(number))
            throw new ArgumentException($"CourseReport.AddChapter: chapter {number} was already added ('{_chapters[number].Title}')", nameof(number));
        var chapter = new Chapter(number, title);
        _chapters.Add(number, chapter);
        return chapter;
    }

    /// <summary>Writes every figure, every chapter page and index.html (each through a temporary file); returns index.html's path.</summary>
    public string Write()
    {
        Directory.CreateDirectory(OutDir);
        var chapters = _chapters.Values.ToList();
        for (int c = 0; c < chapters.Count; c++)
        {
            Chapter chapter = chapters[c];
            foreach (var figure in chapter.Blocks.OfType<FigureBlock>())
                AtomicFile.WriteAllBytes(Path.Combine(OutDir, figure.FileName), figure.Png);
            string nav = Nav(c > 0 ? chapters[c - 1] : null, c + 1 < chapters.Count ? chapters[c + 1] : null);
            string page = Html.Page($"Chapter {chapter.Number}: {chapter.Title} - {Title}", chapter.RenderBody(nav));
            AtomicFile.WriteAllText(Path.Combine(OutDir, chapter.FileName), page);
        }
        string index = Path.Combine(OutDir, "index.html");
        AtomicFile.WriteAllText(index, Html.Page(Title, IndexBody(chapters)));
        return index;
    }

    private string IndexBody(List<Chapter> chapters)
    {
        var html = new StringBuilder();
        html.Append("<h1>").Append(Html.Escape(Title)).Append("</h1>\n");
        if (chapters.Count == 0)
        {
            html.Append("<p class=\"muted\">No chapters yet.</p>\n");
            return html.ToString();
        }
        html.Append("<ol class=\"contents\">\n");
        foreach (Chapter chapter in chapters)
        {
            string figures = chapter.FigureCount == 1 ? "1 figure" : $"{chapter.FigureCount} figures";
            html.Append(CultureInfo.InvariantCulture,
                $"<li value=\"{chapter.Number}\"><a href=\"{chapter.FileName}\">Chapter {chapter.Number}: {Html.Escape(chapter.Title)}</a> <span class=\"muted\">({figures})</span></li>\n");
        }
        html.Append("</ol>\n");
        return html.ToString();
    }

    private static string Nav(Chapter? previous, Chapter? next)
    {
        string Link(Chapter? ch, string arrowLeft, string arrowRight) => ch is null ? "<span></span>"
            : $"<a href=\"{ch.FileName}\">{arrowLeft}Chapter {ch.Number.ToString(CultureInfo.InvariantCulture)}: {Html.Escape(ch.Title)}{arrowRight}</a>";
        return $"<nav class=\"pager\">{Link(previous, "&larr; ", "")}<a href=\"index.html\">Contents</a>{Link(next, "", " &rarr;")}</nav>\n";
    }
}
