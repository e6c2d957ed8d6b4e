namespace Gradus.Cli;

/// <summary>Makes sure an output folder exists and can be written to before any long work starts.</summary>
internal static class OutputFolder
{
    /// <summary>Creates <paramref name="dir"/> when needed and checks that a file can be written in it; returns its full path.</summary>
    public static string Prepare(string dir, string optionName = "--out")
    {
        if (string.IsNullOrWhiteSpace(dir)) throw new UsageException($"{optionName} needs a folder name");
        string full = Path.GetFullPath(dir);
        if (File.Exists(full)) throw new IOException($"cannot write to {optionName} '{dir}': it is a file, not a folder");
        try
        {
            Directory.CreateDirectory(full);
            string probe = Path.Combine(full, $".gradus-write-test-{Environment.ProcessId}");
            File.WriteAllText(probe, "");
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"cannot write to {optionName} '{dir}': {e.Message}", e);
        }
        return full;
    }
}
