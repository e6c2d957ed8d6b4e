using Gradus.Kernels;

namespace Gradus;

public static partial class Torch
{
    /// <summary>The number of threads the CPU kernels use (all cores unless set), as <c>torch.get_num_threads</c>.</summary>
    public static int GetNumThreads() => ParallelFor.MaxDegree;

    /// <summary>Sets the number of threads the CPU kernels use (1 = single-threaded), as <c>torch.set_num_threads</c>.</summary>
    public static void SetNumThreads(int threads)
    {
        if (threads <= 0) throw new ArgumentException($"set_num_threads expects a positive integer, got {threads}", nameof(threads));
        ParallelFor.MaxDegree = threads;
    }
}
