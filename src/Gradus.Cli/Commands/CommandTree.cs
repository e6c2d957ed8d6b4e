using System.CommandLine;
using System.CommandLine.Help;

namespace Gradus.Cli.Commands;

/// <summary>The whole command tree of <c>gradus</c>.</summary>
internal static class CommandTree
{
    /// <summary>The root command with every sub-command, writing through <paramref name="console"/>.</summary>
    public static Command Build(CliConsole console)
    {
        // A plain command named "gradus" rather than RootCommand, whose name is the host process's (testhost, dotnet).
        var root = new Command("gradus",
            "Gradus: deep learning step by step in C#. Runs the course and writes it as an HTML report, trains classifiers, " +
            "and draws gradient descent.");
        root.Add(new HelpOption());
        root.Add(new VersionOption());
        root.Add(CourseCommands.Course(console));
        root.Add(CourseCommands.Chapter(console));
        root.Add(TrainCommand.Create(console));
        root.Add(GdCommand.Create(console));
        return root;
    }
}
