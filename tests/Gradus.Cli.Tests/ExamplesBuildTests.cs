using System.Diagnostics;

namespace Gradus.Cli.Tests;

/// <summary>Every file-based example under examples/ still compiles against the library (`dotnet build examples/NN.cs`).</summary>
public class ExamplesBuildTests
{
    private static string RepoRoot()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "Gradus.slnx"))) return d.FullName;
        throw new DirectoryNotFoundException("the repository root (with Gradus.slnx) was not found above the test folder");
    }

    [Fact]
    public async Task EveryExampleCompiles()
    {
        string root = RepoRoot();
        var examples = Directory.GetFiles(Path.Combine(root, "examples"), "*.cs").Order().ToArray();
        Assert.True(examples.Length >= 10, $"expected the course's examples, found {examples.Length}");
        foreach (string file in examples)
        {
            var info = new ProcessStartInfo("dotnet", ["build", file, "-nologo", "-v", "q"])
            {
                WorkingDirectory = root,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            using var process = Process.Start(info)!;
            Task<string> output = process.StandardOutput.ReadToEndAsync();
            Task<string> errors = process.StandardError.ReadToEndAsync();
            Assert.True(process.WaitForExit(TimeSpan.FromMinutes(3)), $"{Path.GetFileName(file)}: build did not finish in 3 minutes");
            string stdout = await output, stderr = await errors;
            Assert.True(process.ExitCode == 0, $"{Path.GetFileName(file)} does not compile:\n{stdout}\n{stderr}");
        }
    }
}
