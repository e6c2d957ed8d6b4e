using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Gradus.Plots.Tests.Report;

/// <summary>Runs Debian's headless Chromium on local pages: screenshots, console messages, the DOM after load.</summary>
internal static partial class Chromium
{
    public const string Path = "/usr/bin/chromium";

    /// <summary>A console message as Chromium logs it to stderr, e.g. <c>INFO:CONSOLE:1] "boom", source: file:///...</c>.</summary>
    [GeneratedRegex(@":CONSOLE[:(]\d+\)?\].*")]
    private static partial Regex ConsoleLine();

    /// <summary>Fails the test, saying how to install Chromium, when it is missing.</summary>
    public static void Require()
    {
        if (!File.Exists(Path))
            Assert.Fail($"Chromium is not installed at {Path}; run tools/setup.sh (it installs Debian's chromium) to run the report's browser test.");
    }

    /// <summary>Screenshots the page at 1200x2000 and returns the console messages it logged.</summary>
    public static string[] Screenshot(string page, string png)
    {
        string stderr = Run(page, $"--screenshot={png}", out _);
        return ConsoleLine().Matches(stderr).Select(m => m.Value).ToArray();
    }

    /// <summary>The DOM after the page has loaded.</summary>
    public static string DumpDom(string page)
    {
        Run(page, "--dump-dom", out string stdout);
        return stdout;
    }

    private static string Run(string page, string action, out string stdout)
    {
        string profile = Directory.CreateTempSubdirectory("gradus-chromium-").FullName;
        try
        {
            var info = new ProcessStartInfo(Path)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (string arg in new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                $"--user-data-dir={profile}", "--enable-logging=stderr", "--v=0", "--window-size=1200,2000",
                action, new Uri(page).AbsoluteUri,
            })
                info.ArgumentList.Add(arg);
            using var process = Process.Start(info)!;
            Task<string> output = process.StandardOutput.ReadToEndAsync();
            Task<string> errors = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"Chromium did not finish {action} of {page} within 60 s");
            }
            stdout = output.Result;
            Assert.True(process.ExitCode == 0, $"Chromium exited with {process.ExitCode} on {page}: {errors.Result}");
            return errors.Result;
        }
        finally
        {
            Directory.Delete(profile, true);
        }
    }
}
