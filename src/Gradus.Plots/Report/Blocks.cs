using System.Globalization;
using System.Text;

namespace Gradus.Plots.Report;

/// <summary>One piece of a chapter page, rendered to HTML in the order it was added.</summary>
internal abstract record Block
{
    /// <summary>Appends this block's HTML.</summary>
    public abstract void Render(StringBuilder html);
}

/// <summary>A section heading (h2 to h4) with an anchor id.</summary>
internal sealed record HeadingBlock(string Text, int Level, string Id) : Block
{
    public override void Render(StringBuilder html) =>
        html.Append($"<h{Level} id=\"{Html.Escape(Id)}\">{Html.Escape(Text)}</h{Level}>\n");
}

/// <summary>A paragraph of plain text; blank lines start a new paragraph.</summary>
internal sealed record ParagraphBlock(string Text) : Block
{
    public override void Render(StringBuilder html)
    {
        foreach (string part in Text.Replace("\r\n", "\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            html.Append("<p>").Append(Html.Escape(part)).Append("</p>\n");
    }
}

/// <summary>Printed program output, kept verbatim in a pre element.</summary>
internal sealed record OutputBlock(string Text) : Block
{
    public override void Render(StringBuilder html) =>
        html.Append("<pre>").Append(Html.Escape(Text.Replace("\r\n", "\n").TrimEnd('\n'))).Append("</pre>\n");
}

/// <summary>A figure saved as a PNG file next to the page.</summary>
internal sealed record FigureBlock(int Number, string FileName, byte[] Png, int Width, int Height, string Alt, string Caption) : Block
{
    public override void Render(StringBuilder html)
    {
        html.Append("<figure>\n")
            .Append(CultureInfo.InvariantCulture,
                $"<img src=\"{Html.Escape(FileName)}\" alt=\"{Html.Escape(Alt)}\" width=\"{Width}\" height=\"{Height}\">\n");
        if (Caption.Length > 0)
            html.Append(CultureInfo.InvariantCulture, $"<figcaption>Figure {Number}: {Html.Escape(Caption)}</figcaption>\n");
        html.Append("</figure>\n");
    }
}

/// <summary>A table with a header row; cells that read as numbers are right-aligned.</summary>
internal sealed record TableBlock(string[] Header, string[][] Rows, string? Caption) : Block
{
    public override void Render(StringBuilder html)
    {
        html.Append("<table>\n");
        if (!string.IsNullOrEmpty(Caption)) html.Append("<caption>").Append(Html.Escape(Caption)).Append("</caption>\n");
        html.Append("<thead><tr>");
        foreach (string h in Header) html.Append("<th>").Append(Html.Escape(h)).Append("</th>");
        html.Append("</tr></thead>\n<tbody>\n");
        foreach (string[] row in Rows)
        {
            html.Append("<tr>");
            foreach (string cell in row)
            {
                bool number = double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out _);
                html.Append(number ? "<td class=\"num\">" : "<td>").Append(Html.Escape(cell)).Append("</td>");
            }
            html.Append("</tr>\n");
        }
        html.Append("</tbody>\n</table>\n");
    }
}
