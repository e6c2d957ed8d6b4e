using System.CommandLine;

namespace Gradus.Cli.Commands;

/// <summary>The whole command tree of <c>gradus</c>.</summary>
internal static class CommandTree
{
    /// <summary>The root command with every sub-command, writing through <paramref name="console"/>.</summary>
    public static RootCommand Build(CliConsole console)
    {
        var root = new RootCommand(
            "Gradus: deep learning step by step in C#. Runs the course and writes it as an HTML report, trains classifiers, " +
            "and draws gradient descent.");
        root.Add(CourseCommands.Course(console));
        root.Add(CourseCommands.Chapter(console));
        return root;
    }
}
