namespace Gradus.NN;

/// <summary>PyTorch's <c>UserWarning</c>s: each distinct message is written to standard error once per process.</summary>
internal static class Warnings
{
    private static readonly HashSet<string> Shown = [];

    public static void Warn(string message)
    {
        lock (Shown)
            if (!Shown.Add(message)) return;
        Console.Error.WriteLine($"UserWarning: {message}");
    }

    /// <summary>Whether <paramref name="message"/> has been warned in this process.</summary>
    public static bool WasShown(string message)
    {
        lock (Shown)
            return Shown.Contains(message);
    }
}
