using System.Xml.Linq;

namespace Gradus.Plots.Tests;

/// <summary>Renders a figure the way every test does, keeping a copy under bin/.../rendered to look at.</summary>
internal static class Rendered
{
    public static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "rendered");

    /// <summary>Renders to PNG bytes, checks the header and that it is not one flat colour, saves a copy, and decodes it.</summary>
    public static Png Check(Figure figure, string name, int width, int height, int minColors = 16)
    {
        byte[] bytes = figure.ToPngBytes(width, height);
        Directory.CreateDirectory(Folder);
        File.WriteAllBytes(Path.Combine(Folder, name + ".png"), bytes);
        var png = Png.Decode(bytes, width, height);
        int colors = png.DistinctColors();
        Assert.True(colors >= minColors, $"{name}: only {colors} distinct colours, expected a real picture");
        return png;
    }

    /// <summary>Saves the SVG through <see cref="Figure.SaveSvg"/> and checks it parses as XML with an svg root of that size.</summary>
    public static XDocument CheckSvg(Figure figure, string name, int width, int height)
    {
        Directory.CreateDirectory(Folder);
        string path = Path.Combine(Folder, name + ".svg");
        figure.SaveSvg(path, width, height);
        var doc = XDocument.Load(path);
        Assert.Equal("svg", doc.Root!.Name.LocalName);
        Assert.Equal(width, (int)double.Parse(doc.Root.Attribute("width")!.Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(height, (int)double.Parse(doc.Root.Attribute("height")!.Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(doc.Descendants().Count() > 20, $"{name}: the SVG has almost no elements");
        return doc;
    }
}
