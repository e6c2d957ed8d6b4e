namespace Gradus.Plots;

/// <summary>Renders Graphviz DOT text (for example an autograd graph) to SVG or PNG by running the <c>dot</c> program.</summary>
public static class GraphPicture
{
    /// <summary>The message given when <c>dot</c> cannot be started.</summary>
    public const string MissingDotMessage = Autograd.MissingDotMessage;

    /// <summary>How long <c>dot</c> may run before it is stopped.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(30);

    /// <summary>The graph as an SVG document.</summary>
    public static string ToSvg(string dot, TimeSpan? timeout = null) =>
        System.Text.Encoding.UTF8.GetString(Run(dot, "svg", timeout));

    /// <summary>The graph as PNG bytes.</summary>
    public static byte[] ToPng(string dot, TimeSpan? timeout = null) => Run(dot, "png", timeout);

    /// <summary>Saves the graph as SVG or PNG, chosen by the extension of <paramref name="path"/> (written atomically).</summary>
    public static void Save(string dot, string path, TimeSpan? timeout = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string ext = Path.GetExtension(path).ToLowerInvariant();
        switch (ext)
        {
            case ".svg": AtomicFile.WriteAllBytes(path, Run(dot, "svg", timeout)); break;
            case ".png": AtomicFile.WriteAllBytes(path, Run(dot, "png", timeout)); break;
            default: throw new ArgumentException($"GraphPicture.Save: '{path}' must end in .svg or .png, got '{ext}'", nameof(path));
        }
    }

    private static byte[] Run(string dot, string format, TimeSpan? timeout) => Run("dot", dot, format, timeout);

    /// <summary>Runs <c><paramref name="program"/> -T<paramref name="format"/></c> on the text (the library's Graphviz runner).</summary>
    internal static byte[] Run(string program, string dot, string format, TimeSpan? timeout)
    {
        TimeSpan limit = timeout ?? DefaultTimeout;
        if (limit <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(timeout), limit, "GraphPicture: timeout must be positive");
        return Autograd.RenderDotBytes(dot, format, limit, program);
    }
}
