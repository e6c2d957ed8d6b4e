using ScottPlot;
using SkiaSharp;

namespace Gradus.Plots;

/// <summary>
/// A picture made of one or more ScottPlot panels laid out in a grid, with an optional title above them;
/// it renders to PNG or SVG at any size.
/// </summary>
public sealed class Figure
{
    private const float TitleBand = 44;
    private readonly Plot[] _panels;

    /// <summary>A figure of one panel.</summary>
    public Figure(Plot plot, int width = 640, int height = 480)
        : this([plot ?? throw new ArgumentNullException(nameof(plot))], 1, 1, null, width, height)
    {
    }

    /// <summary>
    /// A figure of <paramref name="rows"/> x <paramref name="columns"/> panels filled row by row, with an optional title;
    /// each panel's default size is <paramref name="panelWidth"/> x <paramref name="panelHeight"/> pixels.
    /// </summary>
    public Figure(IReadOnlyList<Plot> panels, int rows, int columns, string? title = null, int panelWidth = 600, int panelHeight = 500)
    {
        ArgumentNullException.ThrowIfNull(panels);
        Check.Positive("Figure", nameof(rows), rows);
        Check.Positive("Figure", nameof(columns), columns);
        Check.Positive("Figure", nameof(panelWidth), panelWidth);
        Check.Positive("Figure", nameof(panelHeight), panelHeight);
        if (panels.Count == 0) throw new ArgumentException("Figure: needs at least one panel", nameof(panels));
        if (panels.Count > rows * columns)
            throw new ArgumentException($"Figure: {panels.Count} panels do not fit in {rows} x {columns}", nameof(panels));
        if (panels.Any(p => p is null)) throw new ArgumentException("Figure: a panel is null", nameof(panels));
        _panels = panels.ToArray();
        Rows = rows;
        Columns = columns;
        Title = string.IsNullOrEmpty(title) ? null : title;
        DefaultWidth = columns * panelWidth;
        DefaultHeight = rows * panelHeight + (Title is null ? 0 : (int)TitleBand);
    }

    /// <summary>The panels, row by row; each is a ScottPlot <see cref="Plot"/> that can still be styled.</summary>
    public IReadOnlyList<Plot> Panels => _panels;

    /// <summary>Number of panel rows.</summary>
    public int Rows { get; }

    /// <summary>Number of panel columns.</summary>
    public int Columns { get; }

    /// <summary>The title drawn above all panels, or null.</summary>
    public string? Title { get; }

    /// <summary>Width in pixels used when none is given.</summary>
    public int DefaultWidth { get; }

    /// <summary>Height in pixels used when none is given.</summary>
    public int DefaultHeight { get; }

    /// <summary>Saves the figure as a PNG file (written to a temporary name, then renamed).</summary>
    public void SavePng(string path, int? width = null, int? height = null) =>
        AtomicFile.WriteAllBytes(path, ToPngBytes(width, height));

    /// <summary>Saves the figure as an SVG file (written to a temporary name, then renamed).</summary>
    public void SaveSvg(string path, int? width = null, int? height = null) =>
        AtomicFile.WriteAllText(path, ToSvg(width, height));

    /// <summary>The figure encoded as PNG bytes.</summary>
    public byte[] ToPngBytes(int? width = null, int? height = null)
    {
        var (w, h) = Size(width, height);
        using var surface = SKSurface.Create(new SKImageInfo(w, h, SKColorType.Rgba8888, SKAlphaType.Premul))
            ?? throw new InvalidOperationException($"Figure: could not create a {w}x{h} drawing surface");
        Render(surface.Canvas, w, h);
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    /// <summary>The figure as an SVG document.</summary>
    public string ToSvg(int? width = null, int? height = null)
    {
        var (w, h) = Size(width, height);
        using var stream = new MemoryStream();
        using (var canvas = SKSvgCanvas.Create(new SKRect(0, 0, w, h), stream))
            Render(canvas, w, h);
        string svg = System.Text.Encoding.UTF8.GetString(stream.ToArray());
        // Heatmap cells are embedded as small bitmaps: keep them crisp when a viewer scales them up, as in the PNG.
        int root = svg.IndexOf("<svg", StringComparison.Ordinal);
        int end = root < 0 ? -1 : svg.IndexOf('>', root);
        return end < 0 ? svg : svg.Insert(end + 1, "\n\t<style>image { image-rendering: pixelated; }</style>");
    }

    /// <summary>The pixel rectangle panel <paramref name="index"/> occupies in a <paramref name="width"/> x <paramref name="height"/> rendering.</summary>
    public PixelRect PanelRect(int index, int width, int height)
    {
        if (index < 0 || index >= _panels.Length)
            throw new IndexOutOfRangeException($"Figure.PanelRect: index {index} is out of range for {_panels.Length} panels");
        float top = Title is null ? 0 : TitleBand;
        float cellW = (float)width / Columns, cellH = (height - top) / Rows;
        int row = index / Columns, col = index % Columns;
        return new PixelRect(col * cellW, (col + 1) * cellW, top + (row + 1) * cellH, top + row * cellH);
    }

    private (int W, int H) Size(int? width, int? height)
    {
        int w = width ?? DefaultWidth, h = height ?? DefaultHeight;
        if (w <= 0 || h <= 0) throw new ArgumentOutOfRangeException(nameof(width), $"Figure: size must be positive, got {w}x{h}");
        if (Title is not null && h <= TitleBand) throw new ArgumentOutOfRangeException(nameof(height), $"Figure: height {h} leaves no room below the title");
        return (w, h);
    }

    private void Render(SKCanvas canvas, int width, int height)
    {
        canvas.Clear(SKColors.White);
        for (int i = 0; i < _panels.Length; i++)
        {
            PixelRect rect = PanelRect(i, width, height);
            canvas.Save();
            canvas.ClipRect(new SKRect(rect.Left, rect.Top, rect.Right, rect.Bottom));
            _panels[i].Render(canvas, rect);
            canvas.Restore();
        }
        if (Title is not null) DrawTitle(canvas, width);
    }

    private void DrawTitle(SKCanvas canvas, int width)
    {
        SKTypeface typeface = Fonts.GetTypeface(Style.FontName ?? Fonts.Default, bold: true, italic: false); // cached by ScottPlot: not disposed here
        using var font = new SKFont(typeface, 20);
        using var paint = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        canvas.DrawText(Title!, width / 2f, TitleBand / 2 + 7, SKTextAlign.Center, font, paint);
    }
}
