namespace Gradus.Plots.Tests;

public class ImageGridTests
{
    private const int H = 12, W = 8;

    /// <summary>Image n is black with a white block in its top-left quarter, plus a mid-gray row n.</summary>
    private static byte[] Images(int count)
    {
        var pixels = new byte[count * H * W];
        for (int n = 0; n < count; n++)
            for (int r = 0; r < H; r++)
                for (int c = 0; c < W; c++)
                    pixels[(n * H + r) * W + c] = r < H / 2 && c < W / 2 ? (byte)255 : r == H - 1 - n ? (byte)128 : (byte)0;
        return pixels;
    }

    // Heatmap cell (row, column) is centred on (column, H - 1 - row): row 0 is the top of the picture.
    private static ScottPlot.Pixel Cell(Figure figure, int panel, int row, int column) =>
        figure.Panels[panel].GetPixel(new(column, H - 1 - row));

    [Fact]
    public void ImagesKeepTheirOrientationAndGrayLevels()
    {
        var figure = ImageGrid.Plot(Images(3), H, W, labels: [0, 1, 2], classNames: ["T-shirt", "Trouser", "Pullover"], columns: 3);
        Assert.Equal((1, 3), (figure.Rows, figure.Columns));
        Assert.Equal(["T-shirt", "Trouser", "Pullover"], figure.Panels.Select(p => p.Axes.Title.Label.Text));
        using var png = Rendered.Check(figure, "image-grid-labels", 450, 170, minColors: 4);
        for (int n = 0; n < 3; n++)
        {
            var white = Cell(figure, n, 2, 1);
            var black = Cell(figure, n, 4, 6);
            var gray = Cell(figure, n, H - 1 - n, 6);
            Assert.Equal((255, 255, 255), Rgb(png.At(white.X, white.Y)));
            Assert.Equal((0, 0, 0), Rgb(png.At(black.X, black.Y)));
            Assert.InRange(png.At(gray.X, gray.Y).Red, 118, 138);
        }
    }

    [Fact]
    public void MismatchedPredictionsAreTitledInRed()
    {
        var figure = ImageGrid.Plot(Images(4), H, W, labels: [3, 1, 4, 1], predictions: [3, 7, 4, 2], columns: 2);
        Assert.Equal((2, 2), (figure.Rows, figure.Columns));
        Assert.Equal(["3/3", "1/7", "4/4", "1/2"], figure.Panels.Select(p => p.Axes.Title.Label.Text));
        int width = 300, height = 340;
        using var png = Rendered.Check(figure, "image-grid-predictions", width, height, minColors: 4);
        for (int n = 0; n < 4; n++)
        {
            var rect = figure.PanelRect(n, width, height);
            float dataTop = figure.Panels[n].LastRender.DataRect.Top;
            int red = png.Count(rect.Left, rect.Top, rect.Right, dataTop, Png.IsRed);
            if (n is 1 or 3) Assert.True(red > 5, $"panel {n}: the wrong prediction's title is not red");
            else Assert.Equal(0, red);
        }
        var svg = Rendered.CheckSvg(figure, "image-grid-predictions", width, height);
        Assert.Equal(4, svg.Descendants().Count(e => e.Name.LocalName == "image"));
        Assert.Contains("image-rendering: pixelated", svg.Root!.Elements().First(e => e.Name.LocalName == "style").Value);
    }

    [Fact]
    public void FloatImagesAreShadedFromTheirOwnMinimumToMaximum()
    {
        float[] pixels = Images(1).Select(b => b / 255f * 4f - 2f).ToArray(); // values in [-2, 2]
        var figure = ImageGrid.Plot(pixels, H, W);
        using var png = Rendered.Check(figure, "image-grid-float", 150, 140, minColors: 3);
        var white = Cell(figure, 0, 0, 0);
        var black = Cell(figure, 0, H - 2, W - 1);
        Assert.Equal((255, 255, 255), Rgb(png.At(white.X, white.Y)));
        Assert.Equal((0, 0, 0), Rgb(png.At(black.X, black.Y)));
    }

    [Fact]
    public void SizesAndLabelsAreChecked()
    {
        var e = Assert.Throws<ArgumentException>(() => ImageGrid.Plot(new byte[100], H, W));
        Assert.Contains("100 pixels is not a whole, non-zero number of 12x8 images", e.Message);
        e = Assert.Throws<ArgumentException>(() => ImageGrid.Plot(Images(2), H, W, labels: [1]));
        Assert.Contains("images and labels must have the same length, got 2 and 1", e.Message);
        e = Assert.Throws<ArgumentException>(() => ImageGrid.Plot(Images(1), H, W, labels: [5], classNames: ["a", "b"]));
        Assert.Contains("label 5 has no class name", e.Message);
    }

    private static (byte, byte, byte) Rgb(SkiaSharp.SKColor c) => (c.Red, c.Green, c.Blue);
}
