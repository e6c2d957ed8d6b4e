using System.Diagnostics;
using Gradus.IO;

namespace Gradus.Cli.Tests;

/// <summary>A training process killed while it writes checkpoints leaves the previous checkpoint loadable.</summary>
public class CheckpointKillTests
{
    [Fact]
    public void KillingTheProcessMidTrainingLeavesALoadableCheckpoint()
    {
        string dir = CliRun.TempDir();
        string ckpt = Path.Combine(dir, "run.safetensors");
        string cli = Path.Combine(AppContext.BaseDirectory, "Gradus.Cli.dll");
        try
        {
            var psi = new ProcessStartInfo("dotnet", ["exec", cli, "train", "digits", "--quick", "--model", "mlp", "--epochs", "400",
                "--batch-size", "16", "--checkpoint", ckpt, "--out", Path.Combine(dir, "out")])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            using var proc = Process.Start(psi)!;
            proc.OutputDataReceived += (_, _) => { };
            proc.ErrorDataReceived += (_, _) => { };
            proc.BeginOutputReadLine();
            proc.BeginErrorReadLine();
            var clock = Stopwatch.StartNew();
            while (!File.Exists(ckpt) && clock.Elapsed < TimeSpan.FromSeconds(90) && !proc.HasExited) Thread.Sleep(20);
            Assert.True(File.Exists(ckpt), "the training process wrote no checkpoint within 90 s");
            // Kill at a random moment of the save cycle (checkpoints are written every epoch).
            long lastSize = new FileInfo(ckpt).Length;
            Thread.Sleep(System.Random.Shared.Next(50, 400));
            proc.Kill(entireProcessTree: true);
            proc.WaitForExit();

            var tensors = TensorFiles.LoadFile(ckpt, out var meta);
            Assert.Equal("gradus-checkpoint-1", meta["format"]);
            Assert.Contains(tensors.Keys, k => k.StartsWith("model.", StringComparison.Ordinal));
            Assert.True(int.Parse(meta["total_epochs"]) >= 1);

            var resumed = CliRun.Run("train", "digits", "--quick", "--model", "mlp", "--epochs", (int.Parse(meta["total_epochs"]) + 1).ToString(),
                "--batch-size", "16", "--checkpoint", ckpt, "--resume", "--out", Path.Combine(dir, "out2"));
            Assert.True(resumed.ExitCode == 0, resumed.Error);
            Assert.True(lastSize > 0);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
