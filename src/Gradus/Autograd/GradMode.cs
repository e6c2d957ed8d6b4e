namespace Gradus;

/// <summary>Per-thread switch for gradient recording, as PyTorch's grad mode.</summary>
public static class GradMode
{
    [ThreadStatic] private static bool disabled;

    /// <summary>True when new operations are recorded for autograd on this thread.</summary>
    public static bool IsEnabled => !disabled;

    /// <summary>Sets grad mode on this thread and returns a scope that restores the previous mode.</summary>
    public static IDisposable Set(bool enabled)
    {
        var scope = new Scope(!disabled);
        disabled = !enabled;
        return scope;
    }

    private sealed class Scope(bool previous) : IDisposable
    {
        private bool done;

        public void Dispose()
        {
            if (done) return;
            done = true;
            disabled = !previous;
        }
    }
}
