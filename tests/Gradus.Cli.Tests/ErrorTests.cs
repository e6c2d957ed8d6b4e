namespace Gradus.Cli.Tests;

public class ErrorTests
{
    [Fact]
    public void UnknownCommandIsAUsageErrorOnOneLine()
    {
        var result = CliRun.Run("fly");
        Assert.Equal(2, result.ExitCode);
        string line = Assert.Single(result.ErrorLines);
        Assert.StartsWith("gradus: ", line);
        Assert.Contains("'fly'", line);
        Assert.Equal("", result.Output);
    }

    [Fact]
    public void UnknownOptionIsAUsageErrorOnOneLine()
    {
        var result = CliRun.Run("course", "--fast");
        Assert.Equal(2, result.ExitCode);
        string line = Assert.Single(result.ErrorLines);
        Assert.Contains("--fast", line);
    }

    [Fact]
    public void NoCommandIsAUsageError()
    {
        var result = CliRun.Run();
        Assert.Equal(2, result.ExitCode);
        Assert.Single(result.ErrorLines);
    }

    [Fact]
    public void ChapterThatDoesNotExistIsAUsageError()
    {
        var result = CliRun.Run("chapter", "99");
        Assert.Equal(2, result.ExitCode);
        string line = Assert.Single(result.ErrorLines);
        Assert.Contains("there is no chapter 99", line);
    }

    [Fact]
    public void ChapterNumberMustBeANumber()
    {
        var result = CliRun.Run("chapter", "one");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("'one'", Assert.Single(result.ErrorLines));
    }

    [Fact]
    public void UnwritableOutFolderFailsWithOneLineBeforeAnyWork()
    {
        string dir = CliRun.TempDir();
        string file = Path.Combine(dir, "not-a-folder.txt");
        File.WriteAllText(file, "x");
        try
        {
            var result = CliRun.Run("chapter", "1", "--out", Path.Combine(file, "report"));
            Assert.Equal(1, result.ExitCode);
            string line = Assert.Single(result.ErrorLines);
            Assert.StartsWith("gradus: cannot write to --out", line);
            Assert.DoesNotContain("   at ", result.Error);
            Assert.DoesNotContain("## ", result.Output);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void OutThatIsAFileFails()
    {
        string dir = CliRun.TempDir();
        string file = Path.Combine(dir, "report.html");
        File.WriteAllText(file, "x");
        try
        {
            var result = CliRun.Run("chapter", "0", "--out", file);
            Assert.Equal(1, result.ExitCode);
            Assert.Contains("it is a file", Assert.Single(result.ErrorLines));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void HelpListsTheCommandsAndExitsZero()
    {
        var result = CliRun.Run("--help");
        Assert.Equal(0, result.ExitCode);
        foreach (string command in new[] { "course", "chapter", "train", "gd" })
            Assert.Contains(command, result.Output);
        Assert.Equal("", result.Error);
    }

    [Fact]
    public void CommandHelpDescribesItsOptions()
    {
        var result = CliRun.Run("course", "--help");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("--out", result.Output);
        Assert.Contains("--quick", result.Output);
    }
}
