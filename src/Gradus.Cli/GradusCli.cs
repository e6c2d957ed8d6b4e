using System.CommandLine;
using System.Reflection;
using Gradus.Cli.Commands;

namespace Gradus.Cli;

/// <summary>
/// The <c>gradus</c> command: parses the arguments, runs the chosen command and turns every failure into one line on
/// standard error and an exit code (0 success, 1 runtime failure, 2 usage error).
/// </summary>
public static class GradusCli
{
    /// <summary>Exit code of a command that finished its work.</summary>
    public const int Success = 0;

    /// <summary>Exit code of a command that failed while running (missing data, unwritable folder, ...).</summary>
    public const int Failure = 1;

    /// <summary>Exit code of a command line that could not be understood (unknown command or option, bad value).</summary>
    public const int UsageError = 2;

    /// <summary>Runs the command line on the process console; a live progress bar is shown when stdout is a terminal.</summary>
    public static int Run(string[] args) =>
        Run(args, Console.Out, Console.Error, interactive: !Console.IsOutputRedirected && !Console.IsErrorRedirected);

    /// <summary>Runs the command line writing its output to <paramref name="output"/> and errors to <paramref name="error"/> (plain progress lines).</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error) => Run(args, output, error, interactive: false);

    private static int Run(string[] args, TextWriter output, TextWriter error, bool interactive)
    {
        ArgumentNullException.ThrowIfNull(args);
        var console = new CliConsole(output, error, interactive);
        Command root = CommandTree.Build(console);
        ParseResult parsed;
        try
        {
            parsed = root.Parse(args);
        }
        catch (InvalidOperationException e)
        {
            error.WriteLine($"gradus: {OneLine(e.Message)} (see 'gradus --help')");
            return UsageError;
        }
        if (parsed.Errors.Count > 0)
        {
            var messages = parsed.Errors.Select(e => e.Message).Distinct().ToList();
            if (messages.Count > 1) messages.RemoveAll(m => m.StartsWith("Required command was not provided", StringComparison.Ordinal));
            error.WriteLine($"gradus: {OneLine(string.Join("; ", messages))} (see 'gradus --help')");
            return UsageError;
        }
        try
        {
            return parsed.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (Exception e)
        {
            Exception inner = Unwrap(e);
            bool usage = inner is UsageException;
            error.WriteLine($"gradus: {OneLine(inner.Message)}" + (usage ? " (see 'gradus --help')" : ""));
            return usage ? UsageError : Failure;
        }
        finally
        {
            output.Flush();
            error.Flush();
        }
    }

    private static Exception Unwrap(Exception e)
    {
        while (true)
        {
            switch (e)
            {
                case AggregateException { InnerExceptions.Count: 1 } a: e = a.InnerExceptions[0]; break;
                case TargetInvocationException { InnerException: { } inner }: e = inner; break;
                default: return e;
            }
        }
    }

    private static string OneLine(string text) =>
        string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
