using ScottPlot;

namespace Gradus.Plots;

/// <summary>One scatter panel: a title, the points and the axis labels.</summary>
public sealed record ScatterPanel(string Title, double[] X, double[] Y, string XLabel = "x", string YLabel = "y");

/// <summary>Data scatter plots the course uses: generated train and validation sets, and panels side by side.</summary>
public static class Scatter
{
    private static readonly Color[] PanelColors =
        [Style.Cycle[0], Style.Cycle[3], Style.Cycle[2], Style.Cycle[1], Style.Cycle[4], Style.Cycle[5], Style.Cycle[6], Style.Cycle[9]];

    /// <summary>Two panels, "Generated Data - Train" (blue) and "Generated Data - Validation" (red), on the same y range.</summary>
    public static Figure TrainValidation(double[] xTrain, double[] yTrain, double[] xValidation, double[] yValidation)
    {
        var figure = Panels(
        [
            new ScatterPanel("Generated Data - Train", xTrain, yTrain),
            new ScatterPanel("Generated Data - Validation", xValidation, yValidation),
        ]);
        double lo = Math.Min(yTrain.Min(), yValidation.Min()), hi = Math.Max(yTrain.Max(), yValidation.Max());
        double pad = (hi - lo) * 0.05 + 1e-9;
        foreach (var panel in figure.Panels) panel.Axes.SetLimitsY(lo - pad, hi + pad);
        return figure;
    }

    /// <summary>Scatter panels side by side, coloured blue, red, green, ... in turn.</summary>
    public static Figure Panels(IReadOnlyList<ScatterPanel> panels)
    {
        const string op = "Scatter.Panels";
        Check.NotEmpty(op, nameof(panels), panels);
        var plots = new List<Plot>();
        for (int p = 0; p < panels.Count; p++)
        {
            ScatterPanel spec = panels[p] ?? throw new ArgumentException($"{op}: panels[{p}] is null", nameof(panels));
            plots.Add(Points(spec, PanelColors[p % PanelColors.Length]));
        }
        return new Figure(plots, 1, plots.Count, null, 520, 480);
    }

    /// <summary>A panel with the points of <paramref name="spec"/> in <paramref name="color"/>.</summary>
    internal static Plot Points(ScatterPanel spec, Color color)
    {
        const string op = "Scatter";
        Check.NotEmpty(op, $"{spec.Title} X", spec.X);
        Check.SameLength(op, $"{spec.Title} X", spec.X.Length, "Y", spec.Y?.Length ?? 0);
        Check.Finite(op, $"{spec.Title} X", spec.X);
        Check.Finite(op, $"{spec.Title} Y", spec.Y!);
        var plot = Style.NewPlot(spec.Title, spec.XLabel, spec.YLabel);
        var points = plot.Add.ScatterPoints(spec.X, spec.Y!, color);
        points.MarkerSize = 8;
        return plot;
    }
}
