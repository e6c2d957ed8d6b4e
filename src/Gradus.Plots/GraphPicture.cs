using System.ComponentModel;
using System.Diagnostics;

namespace Gradus.Plots;

/// <summary>Renders Graphviz DOT text (for example an autograd graph) to SVG or PNG by running the <c>dot</c> program.</summary>
public static class GraphPicture
{
    /// <summary>The message given when <c>dot</c> cannot be started.</summary>
    public const string MissingDotMessage = "Graphviz 'dot' was not found on PATH; install Debian's graphviz";

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

    /// <summary>Runs <c><paramref name="program"/> -T<paramref name="format"/></c> on the text and returns what it writes.</summary>
    internal static byte[] Run(string program, string dot, string format, TimeSpan? timeout)
    {
        ArgumentNullException.ThrowIfNull(dot);
        TimeSpan limit = timeout ?? DefaultTimeout;
        if (limit <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(timeout), limit, "GraphPicture: timeout must be positive");
        var info = new ProcessStartInfo(program, ["-T" + format])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        Process process;
        try
        {
            process = Process.Start(info) ?? throw new InvalidOperationException(MissingDotMessage);
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException(MissingDotMessage, e);
        }
        using (process)
        {
            var output = new MemoryStream();
            Task copy = process.StandardOutput.BaseStream.CopyToAsync(output);
            Task<string> errors = process.StandardError.ReadToEndAsync();
            try
            {
                process.StandardInput.Write(dot);
                process.StandardInput.Close();
            }
            catch (IOException)
            {
                // dot quit before reading everything (bad input); its exit code and message say why.
            }
            if (!process.WaitForExit(limit))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"GraphPicture: 'dot -T{format}' did not finish within {limit.TotalSeconds:0.#} s");
            }
            Task.WaitAll(copy, errors);
            if (process.ExitCode != 0)
                throw new InvalidOperationException($"GraphPicture: 'dot -T{format}' failed with exit code {process.ExitCode}: {errors.Result.Trim()}");
            return output.ToArray();
        }
    }
}
