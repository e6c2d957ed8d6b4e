using Gradus.IO;

namespace Gradus.Cli.Tests;

public class CommandTests
{
    [Fact]
    public void GdWritesItsPicturesAndConverges()
    {
        string dir = CliRun.TempDir();
        try
        {
            var result = CliRun.Run("gd", "--lr", "0.5", "--batch-size", "16", "--out", dir);
            Assert.True(result.ExitCode == 0, result.Error);
            Assert.Contains("mini-batch gradient descent: lr = 0.5, batch size 16, 100 epochs", result.Output);
            Assert.Contains("after 500 updates: b = 1.01", result.Output);
            Assert.DoesNotContain("diverged", result.Output);
            foreach (string picture in new[] { "loss-surface.png", "cross-sections.png", "fit.png", "losses.png" })
                Assert.True(new FileInfo(Path.Combine(dir, picture)).Length > 1000, picture);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void GdReportsDivergence()
    {
        string dir = CliRun.TempDir();
        try
        {
            var result = CliRun.Run("gd", "--lr", "1.5", "--epochs", "30", "--out", dir);
            Assert.Equal(0, result.ExitCode);
            Assert.Contains("diverged: the loss grew from 2.74216 to", result.Output);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void TrainSavesWeightsAndReportAndResumesFromItsCheckpoint()
    {
        string dir = CliRun.TempDir();
        string checkpoint = Path.Combine(dir, "run.ckpt");
        try
        {
            var first = CliRun.Run("train", "digits", "--model", "softmax", "--epochs", "1", "--quick", "--checkpoint", checkpoint, "--out", dir);
            Assert.True(first.ExitCode == 0, first.Error);
            Assert.Contains("epoch  1:", first.Output);
            var weights = TensorFiles.LoadFile(Path.Combine(dir, "model.safetensors"));
            Assert.Equal([10, 784], weights["1.weight"].Shape);
            Assert.Equal([10], weights["1.bias"].Shape);
            Assert.True(File.Exists(checkpoint));
            Assert.Contains("<img", File.ReadAllText(Path.Combine(dir, "chapter-1.html")));

            var resumed = CliRun.Run("train", "digits", "--model", "softmax", "--epochs", "2", "--quick", "--checkpoint", checkpoint, "--resume", "--out", dir);
            Assert.True(resumed.ExitCode == 0, resumed.Error);
            Assert.Contains($"resumed from {checkpoint} after epoch 1; 1 epochs to go", resumed.Output);
            Assert.Contains("epoch  2:", resumed.Output);
            Assert.DoesNotContain("epoch  1:", resumed.Output);
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void TrainWithAMissingDataFolderFailsWithOneLine()
    {
        var result = CliRun.Run("train", "fashion-mnist", "--data", "/nonexistent/gradus-data", "--out", Path.Combine(Path.GetTempPath(), "gradus-unused"));
        Assert.Equal(1, result.ExitCode);
        string line = Assert.Single(result.ErrorLines);
        Assert.Equal("gradus: Fashion-MNIST folder '/nonexistent/gradus-data' does not exist.", line);
    }

    [Fact]
    public void CourseWithAMissingDataFolderFailsWithOneLine()
    {
        string dir = CliRun.TempDir();
        try
        {
            var result = CliRun.Run("chapter", "4", "--data", "/nonexistent/gradus-data", "--out", dir);
            Assert.Equal(1, result.ExitCode);
            Assert.Contains("'/nonexistent/gradus-data' does not exist", Assert.Single(result.ErrorLines));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Theory]
    [InlineData("train", "cifar")]
    [InlineData("train", "digits", "--model", "rnn")]
    [InlineData("train", "digits", "--optimizer", "lbfgs")]
    [InlineData("train", "digits", "--epochs", "0")]
    [InlineData("train", "digits", "--resume")]
    [InlineData("gd", "--batch-size", "0")]
    [InlineData("gd", "--lr", "fast")]
    public void BadValuesAreUsageErrors(params string[] args)
    {
        var result = CliRun.Run(args);
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("gradus: ", Assert.Single(result.ErrorLines));
    }
}
