using Spectre.Console;

namespace Gradus.Cli;

/// <summary>Reports how far a long job has come: <paramref name="done"/> of the total steps, with a short status text.</summary>
internal delegate void ProgressReport(int done, string status);

/// <summary>
/// Where a command writes: its output and error writers, and progress shown as a live Spectre.Console bar when the
/// output is a terminal, or as plain lines (at most about twenty per job) when it is redirected.
/// </summary>
internal sealed class CliConsole(TextWriter output, TextWriter error, bool interactive)
{
    /// <summary>Standard output.</summary>
    public TextWriter Out { get; } = output;

    /// <summary>Standard error.</summary>
    public TextWriter Error { get; } = error;

    /// <summary>Whether the output is a terminal (live progress bars).</summary>
    public bool Interactive { get; } = interactive;

    /// <summary>Writes one line to the output.</summary>
    public void WriteLine(string text = "") => Out.WriteLine(text);

    /// <summary>Runs <paramref name="work"/>, which reports progress over <paramref name="total"/> steps.</summary>
    public void Progress(string title, int total, Action<ProgressReport> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (total <= 0) throw new ArgumentOutOfRangeException(nameof(total), total, "CliConsole.Progress: total must be positive");
        if (Interactive)
        {
            var ansi = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Out) });
            ansi.Progress()
                .AutoClear(false)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
                .Start(context =>
                {
                    var task = context.AddTask(Markup.Escape(title), maxValue: total);
                    work((done, status) =>
                    {
                        task.Value = done;
                        task.Description = Markup.Escape(status.Length == 0 ? title : $"{title} {status}");
                    });
                    task.Value = total;
                });
            return;
        }
        int every = Math.Max(1, total / 20), last = -1;
        work((done, status) =>
        {
            if (done == last || (done % every != 0 && done != total)) return;
            last = done;
            Out.WriteLine($"{title} [{done}/{total}] {status}".TrimEnd());
        });
    }
}
