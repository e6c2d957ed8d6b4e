namespace Gradus.Kernels;

/// <summary>The body of a parallel loop: runs one task, identified by its index.</summary>
internal interface IParallelBody
{
    /// <summary>Runs task <paramref name="task"/> of the loop.</summary>
    void Invoke(int task);
}

/// <summary>The body of a parallel loop over a range: runs the items [start, end).</summary>
internal interface IRangeBody
{
    /// <summary>Runs the items from <paramref name="start"/> (inclusive) to <paramref name="end"/> (exclusive).</summary>
    void Invoke(int start, int end);
}

/// <summary>
/// The one parallel iterator of the kernels: uses a second core only when each task carries at least
/// <see cref="MinWorkPerTask"/> units of work, so small problems run inline on the calling thread.
/// </summary>
internal static class ParallelFor
{
    /// <summary>Work (about one flop or one element touched) a task needs before a second thread is worth waking.</summary>
    public const long MinWorkPerTask = 1L << 18;

    /// <summary>Cores the kernels use; tests and benchmarks may lower it (1 = single-threaded).</summary>
    public static int MaxDegree { get; set; } = Environment.ProcessorCount;

    /// <summary>How many tasks <paramref name="totalWork"/> units of work should be split into (at least 1).</summary>
    public static int TaskCount(long totalWork, long maxTasks)
    {
        long byWork = totalWork / MinWorkPerTask;
        long tasks = Math.Min(Math.Min(byWork, maxTasks), MaxDegree);
        return (int)Math.Max(1, tasks);
    }

    /// <summary>
    /// Runs <c>body.Invoke(i)</c> for every i in [0, <paramref name="count"/>): the calling thread and up to
    /// <see cref="MaxDegree"/> - 1 helper threads (<see cref="ParallelWorkers"/>, or thread-pool threads while another
    /// loop holds those) take tasks from a shared counter, so a thread that comes late simply takes fewer. Allocates
    /// nothing once warm.
    /// </summary>
    public static void Run<TBody>(int count, TBody body) where TBody : struct, IParallelBody
    {
        if (count <= 0) return;
        int helpers = Math.Min(count, MaxDegree) - 1;
        var job = helpers > 0 ? ParallelJob<TBody>.Rent() : null;
        if (job is null)
        {
            for (int i = 0; i < count; i++) body.Invoke(i);
            return;
        }
        job.Run(body, count, helpers);
    }

    /// <summary>
    /// Splits [0, <paramref name="length"/>) into contiguous chunks, one per task, where each item costs
    /// <paramref name="workPerItem"/> units, and runs <c>body.Invoke(start, end)</c> on each chunk.
    /// </summary>
    public static void Range<TBody>(int length, long workPerItem, TBody body) where TBody : struct, IRangeBody
    {
        if (length <= 0) return;
        workPerItem = Math.Max(1, workPerItem);
        long total = workPerItem > long.MaxValue / length ? long.MaxValue : length * workPerItem;
        int tasks = TaskCount(total, length);
        if (tasks == 1)
        {
            body.Invoke(0, length);
            return;
        }
        Run(tasks, new Chunked<TBody>(body, length, tasks));
    }

    private readonly struct Chunked<TBody>(TBody body, int length, int tasks) : IParallelBody where TBody : struct, IRangeBody
    {
        public void Invoke(int task)
        {
            int start = (int)((long)length * task / tasks);
            int end = (int)((long)length * (task + 1) / tasks);
            body.Invoke(start, end);
        }
    }
}
