using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace Gradus.Data;

/// <summary>
/// Loads items 0..count-1 in order on a background thread, at most <c>capacity</c> ahead of the consumer, so loading
/// overlaps the consumer's work. The order is the index order; an exception from the loader is rethrown (its own type
/// and stack) on the consumer once the items before it have been taken.
/// </summary>
internal sealed class Prefetcher<T> : IDisposable
{
    private readonly BlockingCollection<T> _ready;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _producer;
    private volatile ExceptionDispatchInfo? _error;
    private bool _disposed;

    /// <summary>Starts loading; <paramref name="gradEnabled"/> is the consumer's grad mode, used on the loading thread too.</summary>
    public Prefetcher(int count, Func<int, T> load, int capacity, bool gradEnabled)
    {
        _ready = new BlockingCollection<T>(new ConcurrentQueue<T>(), capacity);
        bool recycle = BufferPool.TracksCollected;
        _producer = Task.Factory.StartNew(() => Produce(count, load, gradEnabled, recycle), CancellationToken.None,
            TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <summary>Waits for the next item; false once all are taken. Rethrows the loader's exception at its place in the order.</summary>
    public bool TryTake(out T item)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_ready.TryTake(out item!, Timeout.Infinite))
            return true;
        _error?.Throw();
        return false;
    }

    /// <summary>Stops the loading thread (after the item it is loading) and waits for it.</summary>
    public void Dispose()
    {
        if (_disposed)
            return;
        _disposed = true;
        _stop.Cancel();
        _producer.Wait();
        _ready.Dispose();
        _stop.Dispose();
    }

    /// <summary>Loads the items; with <paramref name="recycle"/> (the consumer trains) their memory is recycled once the consumer drops them.</summary>
    private void Produce(int count, Func<int, T> load, bool gradEnabled, bool recycle)
    {
        using var mode = GradMode.Set(gradEnabled);
        try
        {
            for (int i = 0; i < count && !_stop.IsCancellationRequested; i++)
            {
                if (recycle) BufferPool.TrackCollectedOnThisThread();
                _ready.Add(load(i), _stop.Token);
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // The consumer stopped early (break out of foreach): nothing more is wanted.
        }
        catch (Exception e)
        {
            _error = ExceptionDispatchInfo.Capture(e);
        }
        finally
        {
            _ready.CompleteAdding();
        }
    }
}
