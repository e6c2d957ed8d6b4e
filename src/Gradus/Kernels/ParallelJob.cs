using System.Runtime.ExceptionServices;

namespace Gradus.Kernels;

/// <summary>
/// One parallel loop in flight for <see cref="ParallelFor"/>: work that helper threads (<see cref="ParallelWorkers"/>,
/// or the .NET thread pool when those are taken) and the calling thread all run, each taking task indices from a
/// shared counter until none is left. Each calling thread keeps a few jobs and reuses one that no helper still
/// holds, so a warm loop allocates nothing.
/// </summary>
internal sealed class ParallelJob<TBody> : IParallelWork where TBody : struct, IParallelBody
{
    private const int CachedJobs = 4;

    [ThreadStatic] private static ParallelJob<TBody>?[]? s_cached;

    private readonly ManualResetEventSlim _done = new(false);
    private TBody _body;
    private int _count;
    private int _next;
    private int _remaining;
    private int _workersInside;
    private ExceptionDispatchInfo? _error;

    /// <summary>
    /// One of this thread's idle jobs (a pool thread may still be leaving an earlier loop's job), or null when
    /// every cached job is still queued: the pool is then too busy for parallelism to pay.
    /// </summary>
    public static ParallelJob<TBody>? Rent()
    {
        var jobs = s_cached ??= new ParallelJob<TBody>?[CachedJobs];
        for (int i = 0; i < jobs.Length; i++)
        {
            var job = jobs[i] ??= new ParallelJob<TBody>();
            if (Volatile.Read(ref job._workersInside) == 0) return job;
        }
        return null;
    }

    /// <summary>Runs tasks [0, count) of <paramref name="body"/> on this thread and <paramref name="helpers"/> helper threads.</summary>
    public void Run(TBody body, int count, int helpers)
    {
        _body = body;
        _count = count;
        _next = 0;
        _remaining = count;
        _error = null;
        _done.Reset();
        Volatile.Write(ref _workersInside, helpers);
        bool owned = ParallelWorkers.TryStart(this, helpers);
        if (!owned)
            for (int i = 0; i < helpers; i++) ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        TakeTasks();
        // The helpers are at work on their last tasks: spin briefly rather than sleep and pay a wake-up.
        if (!ParallelWorkers.SpinUntil(this, static j => Volatile.Read(ref j._remaining) == 0)) _done.Wait();
        if (owned) ParallelWorkers.Release();
        _error?.Throw();
    }

    /// <summary>Runs on a helper thread: takes tasks, then leaves the job.</summary>
    public void Execute()
    {
        TakeTasks();
        Interlocked.Decrement(ref _workersInside);
    }

    /// <inheritdoc/>
    public void Abandon() => Interlocked.Decrement(ref _workersInside);

    private void TakeTasks()
    {
        int task;
        while ((task = Interlocked.Increment(ref _next) - 1) < _count)
        {
            try
            {
                _body.Invoke(task);
            }
            catch (Exception e)
            {
                Interlocked.CompareExchange(ref _error, ExceptionDispatchInfo.Capture(e), null);
            }
            if (Interlocked.Decrement(ref _remaining) == 0) _done.Set();
        }
    }
}
