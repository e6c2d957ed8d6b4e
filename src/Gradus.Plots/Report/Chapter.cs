using System.Globalization;
using System.Text;

namespace Gradus.Plots.Report;

/// <summary>One chapter of the course report: an ordered list of headings, paragraphs, printed output, figures and tables.</summary>
public sealed class Chapter
{
    private readonly List<Block> _blocks = [];
    private readonly HashSet<string> _ids = [];
    private int _figures;

    internal Chapter(int number, string title)
    {
        Number = number;
        Title = title;
    }

    /// <summary>The chapter number; the page is chapter-N.html.</summary>
    public int Number { get; }

    /// <summary>The chapter title.</summary>
    public string Title { get; }

    /// <summary>The page's file name, chapter-N.html.</summary>
    public string FileName => $"chapter-{Number.ToString(CultureInfo.InvariantCulture)}.html";

    /// <summary>Number of figures added so far.</summary>
    public int FigureCount => _figures;

    internal IReadOnlyList<Block> Blocks => _blocks;

    /// <summary>Adds a section heading; <paramref name="level"/> 2 is a section, 3 a subsection, 4 a paragraph heading.</summary>
    public Chapter AddHeading(string text, int level = 2)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        if (level is < 2 or > 4)
            throw new ArgumentOutOfRangeException(nameof(level), level, $"Chapter.AddHeading: level must be 2, 3 or 4, got {level}");
        _blocks.Add(new HeadingBlock(text, level, UniqueId(text)));
        return this;
    }

    /// <summary>Adds plain text (HTML-escaped); a blank line starts a new paragraph.</summary>
    public Chapter AddParagraph(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        _blocks.Add(new ParagraphBlock(text));
        return this;
    }

    /// <summary>Adds printed program output, shown verbatim (HTML-escaped) in a monospaced block.</summary>
    public Chapter AddOutput(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        _blocks.Add(new OutputBlock(text));
        return this;
    }

    /// <summary>
    /// Renders <paramref name="figure"/> now to a PNG saved next to the page as chapter-N-figure-K.png, shown with
    /// <paramref name="alt"/> text and a numbered <paramref name="caption"/>.
    /// </summary>
    public Chapter AddFigure(Figure figure, string alt, string caption, int? width = null, int? height = null)
    {
        ArgumentNullException.ThrowIfNull(figure);
        ArgumentException.ThrowIfNullOrWhiteSpace(alt);
        ArgumentNullException.ThrowIfNull(caption);
        int w = width ?? figure.DefaultWidth, h = height ?? figure.DefaultHeight;
        byte[] png = figure.ToPngBytes(w, h);
        _figures++;
        string file = $"chapter-{Number.ToString(CultureInfo.InvariantCulture)}-figure-{_figures.ToString(CultureInfo.InvariantCulture)}.png";
        _blocks.Add(new FigureBlock(_figures, file, png, w, h, alt, caption));
        return this;
    }

    /// <summary>Adds a table with a header row; every row must have as many cells as the header.</summary>
    public Chapter AddTable(IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<string>> rows, string? caption = null)
    {
        Check.NotEmpty("Chapter.AddTable", nameof(header), header);
        ArgumentNullException.ThrowIfNull(rows);
        for (int r = 0; r < rows.Count; r++)
        {
            if (rows[r] is null) throw new ArgumentException($"Chapter.AddTable: rows[{r}] is null", nameof(rows));
            Check.SameLength("Chapter.AddTable", nameof(header), header.Count, $"rows[{r}]", rows[r].Count);
        }
        _blocks.Add(new TableBlock(header.ToArray(), rows.Select(r => r.Select(c => c ?? "").ToArray()).ToArray(), caption));
        return this;
    }

    /// <summary>The page body: navigation, title, contents of the sections, the blocks, navigation again.</summary>
    internal string RenderBody(string nav)
    {
        var html = new StringBuilder();
        html.Append(nav.Replace("class=\"pager\"", "class=\"pager top\""));
        html.Append(CultureInfo.InvariantCulture, $"<h1>Chapter {Number}: {Html.Escape(Title)}</h1>\n");
        var sections = _blocks.OfType<HeadingBlock>().Where(b => b.Level == 2).ToList();
        if (sections.Count > 1)
        {
            html.Append("<ul class=\"toc\">\n");
            foreach (var s in sections) html.Append($"<li><a href=\"#{Html.Escape(s.Id)}\">{Html.Escape(s.Text)}</a></li>\n");
            html.Append("</ul>\n");
        }
        foreach (Block block in _blocks) block.Render(html);
        html.Append(nav.Replace("class=\"pager\"", "class=\"pager bottom\""));
        return html.ToString();
    }

    private string UniqueId(string text)
    {
        var slug = new StringBuilder();
        foreach (char c in text.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c)) slug.Append(c);
            else if (slug.Length > 0 && slug[^1] != '-') slug.Append('-');
        }
        string id = slug.ToString().Trim('-');
        if (id.Length == 0) id = "section";
        string unique = id;
        for (int n = 2; !_ids.Add(unique); n++) unique = $"{id}-{n}";
        return unique;
    }
}
