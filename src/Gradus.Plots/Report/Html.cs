using System.Text;

namespace Gradus.Plots.Report;

/// <summary>HTML escaping and the page frame with its self-contained style sheet (no external URLs, no scripts).</summary>
internal static class Html
{
    private const string Css = """
        :root { color-scheme: light; }
        * { box-sizing: border-box; }
        body { margin: 0; background: #f6f7f9; color: #1d1f23;
               font: 16px/1.55 "DejaVu Sans", "Liberation Sans", Helvetica, Arial, sans-serif; }
        main { max-width: 1000px; margin: 0 auto; padding: 24px 32px 48px; background: #fff; min-height: 100vh; }
        nav.pager { display: flex; justify-content: space-between; gap: 16px; padding: 12px 0;
                    border-bottom: 1px solid #e2e5ea; margin-bottom: 16px; font-size: 14px; }
        nav.pager.bottom { border-bottom: none; border-top: 1px solid #e2e5ea; margin: 32px 0 0; }
        a { color: #1f5fa8; text-decoration: none; }
        a:hover { text-decoration: underline; }
        h1 { font-size: 28px; margin: 8px 0 16px; }
        h2 { font-size: 22px; margin: 32px 0 12px; border-bottom: 1px solid #e2e5ea; padding-bottom: 4px; }
        h3 { font-size: 18px; margin: 24px 0 8px; }
        h4 { font-size: 16px; margin: 20px 0 8px; }
        p { margin: 8px 0 12px; }
        pre { background: #f2f4f7; border: 1px solid #e2e5ea; border-radius: 4px; padding: 10px 12px;
              overflow-x: auto; font: 13px/1.45 "DejaVu Sans Mono", "Liberation Mono", Menlo, Consolas, monospace; }
        figure { margin: 20px 0; text-align: center; }
        figure img { max-width: 100%; height: auto; border: 1px solid #e2e5ea; }
        figcaption { font-size: 14px; color: #4a4f57; margin-top: 6px; }
        table { border-collapse: collapse; margin: 16px 0; font-size: 14px; }
        caption { caption-side: top; text-align: left; font-weight: bold; padding-bottom: 6px; }
        th, td { border: 1px solid #d5d9e0; padding: 4px 10px; text-align: left; }
        th { background: #f2f4f7; }
        td.num { text-align: right; font-variant-numeric: tabular-nums; }
        ol.contents { padding-left: 24px; }
        ol.contents li { margin: 6px 0; }
        ul.toc { font-size: 14px; padding-left: 20px; }
        .muted { color: #6b717b; font-size: 14px; }
        """;

    /// <summary>Escapes text for HTML element content and attribute values.</summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var sb = new StringBuilder(text.Length + 16);
        foreach (char c in text)
        {
            switch (c)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '"': sb.Append("&quot;"); break;
                case '\'': sb.Append("&#39;"); break;
                default: sb.Append(c); break;
            }
        }
        return sb.ToString();
    }

    /// <summary>A complete HTML5 page around <paramref name="body"/>.</summary>
    public static string Page(string title, string body) =>
        $"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{Escape(title)}</title>
        <link rel="icon" href="data:,">
        <style>
        {Css}
        </style>
        </head>
        <body>
        <main>
        {body}
        </main>
        </body>
        </html>

        """;
}
