using ScottPlot;

namespace Gradus.Plots;

/// <summary>A path that gradient descent took over a loss surface: the (b, w) values after each update.</summary>
public sealed record DescentPath(string Label, double[] B, double[] W)
{
    /// <summary>A path from a list of (b, w) points.</summary>
    public static DescentPath FromPoints(string label, IEnumerable<(double B, double W)> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var list = points.ToList();
        return new DescentPath(label, list.Select(p => p.B).ToArray(), list.Select(p => p.W).ToArray());
    }
}

/// <summary>One loss-surface panel: a title, the surface and the paths drawn on it.</summary>
public sealed record SurfacePanel(string Title, LossGrid Grid, IReadOnlyList<DescentPath> Paths);

/// <summary>
/// Loss surfaces of a two-parameter model (b, w) as a filled heatmap with labelled contour lines, a colour bar,
/// the minimum and the paths gradient descent took; the course's "Visualizing gradient descent" pictures.
/// </summary>
public static class LossSurface
{
    private static readonly Color[] PathColors =
        [Colors.Black, Color.FromHex("#ff00ff"), Colors.White, Color.FromHex("#00ffff"), Color.FromHex("#7f7f7f")];

    /// <summary>One loss surface with any number of labelled descent paths.</summary>
    public static Figure Plot(LossGrid grid, IReadOnlyList<DescentPath>? paths = null, string title = "Loss Surface") =>
        new(Panel(new SurfacePanel(title, grid, paths ?? [])), 640, 520);

    /// <summary>Loss surfaces side by side, one per panel.</summary>
    public static Figure Panels(IReadOnlyList<SurfacePanel> panels, string? title = null)
    {
        Check.NotEmpty("LossSurface.Panels", nameof(panels), panels);
        return new Figure(panels.Select(Panel).ToArray(), 1, panels.Count, title, 560, 500);
    }

    /// <summary>Three panels of the same surface with the paths of batch, mini-batch and stochastic gradient descent.</summary>
    public static Figure BatchMiniBatchStochastic(LossGrid grid, DescentPath batch, DescentPath miniBatch, DescentPath stochastic)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(miniBatch);
        ArgumentNullException.ThrowIfNull(stochastic);
        return Panels(
        [
            new SurfacePanel(batch.Label, grid, [batch]),
            new SurfacePanel(miniBatch.Label, grid, [miniBatch]),
            new SurfacePanel(stochastic.Label, grid, [stochastic]),
        ]);
    }

    /// <summary>Two panels: the loss surface before and after feature scaling, each with an optional descent path.</summary>
    public static Figure BeforeAfterScaling(LossGrid before, LossGrid after, DescentPath? pathBefore = null, DescentPath? pathAfter = null) =>
        Panels(
        [
            new SurfacePanel("Loss Surface - Before", before, pathBefore is null ? [] : [pathBefore]),
            new SurfacePanel("Loss Surface - After", after, pathAfter is null ? [] : [pathAfter]),
        ]);

    private static Plot Panel(SurfacePanel spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        LossGrid grid = spec.Grid ?? throw new ArgumentNullException(nameof(spec), "LossSurface: a panel's grid is null");
        var plot = Style.NewPlot(spec.Title, "b", "w");
        int nw = grid.W.Length, nb = grid.B.Length;

        // Heatmap rows are drawn top to bottom, so the largest w goes first.
        var cells = new double[nw, nb];
        double min = double.MaxValue, max = double.MinValue;
        var points = new Coordinates3d[nw, nb];
        for (int i = 0; i < nw; i++)
            for (int j = 0; j < nb; j++)
            {
                double loss = grid.Losses[i, j];
                cells[nw - 1 - i, j] = loss;
                points[i, j] = new Coordinates3d(grid.B[j], grid.W[i], loss);
                min = Math.Min(min, loss);
                max = Math.Max(max, loss);
            }
        var heatmap = plot.Add.Heatmap(cells);
        heatmap.Colormap = new PaleColormap(new ScottPlot.Colormaps.Jet(), 0.35);
        heatmap.Extent = new CoordinateRect(grid.B[0], grid.B[^1], grid.W[0], grid.W[^1]); // centres of the corner cells
        var colorBar = plot.Add.ColorBar(heatmap);
        colorBar.Label = "Loss";

        var contours = plot.Add.ContourLines(points, 10);
        contours.ContourLineLevels = Style.NiceLevels(min, max, 10);
        contours.Update(points);
        contours.LineColor = Colors.Black.WithAlpha(0.75);
        contours.LabelStyle.FontSize = 11;
        if (Style.FontName is { } font) contours.LabelStyle.FontName = font;

        var best = grid.Minimum();
        plot.Add.Marker(best.B, best.W, MarkerShape.FilledCircle, 10, Colors.Black);
        var label = plot.Add.Text("Minimum", best.B, best.W);
        label.LabelFontSize = 13;
        label.OffsetY = -8;
        label.Alignment = Alignment.LowerCenter;
        label.LabelBold = true;

        for (int p = 0; p < spec.Paths.Count; p++) AddPath(plot, spec.Paths[p], PathColors[p % PathColors.Length]);
        if (spec.Paths.Count > 0) plot.ShowLegend(Alignment.UpperRight);
        plot.Axes.SetLimits(grid.B[0], grid.B[^1], grid.W[0], grid.W[^1]);
        return plot;
    }

    private static void AddPath(Plot plot, DescentPath path, Color color)
    {
        ArgumentNullException.ThrowIfNull(path);
        Check.NotEmpty("LossSurface", "path.B", path.B);
        Check.SameLength("LossSurface", $"path '{path.Label}' B", path.B.Length, "W", path.W.Length);
        Check.Finite("LossSurface", $"path '{path.Label}' B", path.B);
        Check.Finite("LossSurface", $"path '{path.Label}' W", path.W);
        var line = plot.Add.ScatterLine(path.B, path.W, color);
        line.LineWidth = 2;
        line.MarkerShape = MarkerShape.FilledCircle;
        line.MarkerSize = path.B.Length > 200 ? 0 : 5;
        line.LegendText = path.Label;
        plot.Add.Marker(path.B[0], path.W[0], MarkerShape.OpenCircle, 12, color);
    }
}
