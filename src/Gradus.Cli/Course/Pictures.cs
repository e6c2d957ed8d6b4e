using Gradus.Plots;
using ScottPlot;

namespace Gradus.Cli.Course;

/// <summary>Pictures made elsewhere (a Graphviz rendering) wrapped as a <see cref="Figure"/> for the report.</summary>
internal static class Pictures
{
    /// <summary>A frameless figure showing <paramref name="png"/> at its own size.</summary>
    public static Figure FromPng(byte[] png)
    {
        var image = new Image(png);
        var plot = new Plot();
        plot.Add.ImageRect(image, new CoordinateRect(0, image.Width, 0, image.Height));
        plot.Axes.Frameless();
        plot.HideGrid();
        plot.Axes.SetLimits(0, image.Width, 0, image.Height);
        return new Figure(plot, image.Width, image.Height);
    }
}
