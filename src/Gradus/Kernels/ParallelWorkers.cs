using System.Diagnostics;

namespace Gradus.Kernels;

/// <summary>A parallel loop's share of work that a helper thread can run (or drop, if it arrives too late).</summary>
internal interface IParallelWork : IThreadPoolWorkItem
{
    /// <summary>The helper handed this work will never run it: stop counting it as inside.</summary>
    void Abandon();
}

/// <summary>
/// Dedicated helper threads for <see cref="ParallelFor"/>, one per extra core. After each loop a helper spins for a
/// short while before sleeping, so the back-to-back loops of a training step (a GEMM, then an activation, ...) find
/// it awake instead of paying a thread wake-up each time (tens of microseconds on a busy machine), as OpenMP does.
/// One caller owns the helpers at a time; a concurrent or nested loop uses the .NET thread pool instead.
/// </summary>
internal static class ParallelWorkers
{
    /// <summary>How long an idle helper spins for the next loop before it sleeps.</summary>
    private static readonly long SpinTicks = Stopwatch.Frequency / 5000; // 200 µs

    private static readonly object s_createLock = new();
    private static Helper[] s_helpers = [];
    private static int s_owned;

    /// <summary>
    /// Hands <paramref name="work"/> to <paramref name="helpers"/> helper threads, or returns false (handing nothing)
    /// when another loop owns them. After true, the caller must call <see cref="Release"/> once its loop is done.
    /// </summary>
    public static bool TryStart(IParallelWork work, int helpers)
    {
        if (Interlocked.CompareExchange(ref s_owned, 1, 0) != 0) return false;
        var all = Helpers(helpers);
        for (int i = 0; i < helpers; i++) all[i].Post(work);
        return true;
    }

    /// <summary>Gives the helpers back for the next loop.</summary>
    public static void Release() => Volatile.Write(ref s_owned, 0);

    /// <summary>Spins until <paramref name="done"/> reports true or about <see cref="SpinTicks"/> pass; true if it did.</summary>
    public static bool SpinUntil<TState>(TState state, Func<TState, bool> done)
    {
        long start = Stopwatch.GetTimestamp();
        var spin = new SpinWait();
        while (!done(state))
        {
            if (Stopwatch.GetTimestamp() - start > SpinTicks) return false;
            spin.SpinOnce(sleep1Threshold: -1);
        }
        return true;
    }

    private static Helper[] Helpers(int count)
    {
        var helpers = Volatile.Read(ref s_helpers);
        if (helpers.Length >= count) return helpers;
        lock (s_createLock)
        {
            if (s_helpers.Length < count)
            {
                var grown = new Helper[count];
                Array.Copy(s_helpers, grown, s_helpers.Length);
                for (int i = s_helpers.Length; i < count; i++) grown[i] = new Helper(i);
                Volatile.Write(ref s_helpers, grown);
            }
            return s_helpers;
        }
    }

    /// <summary>One helper thread: runs the work posted to it, spins a little, then sleeps until the next post.</summary>
    private sealed class Helper
    {
        private readonly ManualResetEventSlim _wake = new(false);
        private IParallelWork? _work;
        private int _sleeping;

        public Helper(int index)
        {
            var thread = new Thread(Loop) { IsBackground = true, Name = $"Gradus kernel helper {index + 1}" };
            thread.Start();
        }

        /// <summary>Gives this helper its next work (dropping an earlier one it never got to).</summary>
        public void Post(IParallelWork work)
        {
            Interlocked.Exchange(ref _work, work)?.Abandon();
            Interlocked.MemoryBarrier();
            if (Volatile.Read(ref _sleeping) == 1) _wake.Set();
        }

        private void Loop()
        {
            while (true)
            {
                if (!SpinUntil(this, static h => Volatile.Read(ref h._work) is not null))
                {
                    _wake.Reset();
                    Volatile.Write(ref _sleeping, 1);
                    Interlocked.MemoryBarrier();
                    if (Volatile.Read(ref _work) is null) _wake.Wait();
                    Volatile.Write(ref _sleeping, 0);
                }
                Interlocked.Exchange(ref _work, null)?.Execute();
            }
        }
    }
}
