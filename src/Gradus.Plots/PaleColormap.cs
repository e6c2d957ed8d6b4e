using ScottPlot;

namespace Gradus.Plots;

/// <summary>A colormap blended with white, so that black lines, markers and labels drawn over it stay readable.</summary>
internal sealed class PaleColormap(IColormap inner, double white) : IColormap
{
    /// <summary>The inner colormap's name with "(pale)".</summary>
    public string Name => inner.Name + " (pale)";

    /// <summary>The inner colour at <paramref name="position"/> mixed with <c>white</c> parts of white.</summary>
    public Color GetColor(double position) => inner.GetColor(position).MixedWith(Colors.White, white);
}
