namespace Gradus;

/// <summary>
/// The finalizable companion of a pooled <see cref="Storage"/>: only the storage references it, so both become
/// unreachable in the same collection, and the ticket's finalizer hands the array to its creator thread's queue in
/// the <see cref="BufferPool"/>. The queue is emptied into the pool only at that thread's safe points (after a
/// backward pass, an optimizer step), where no kernel of that thread can still be reading the array.
/// </summary>
internal sealed class PoolTicket(DType dtype, Array array)
{
    private Array? array = array;

    /// <summary>The managed thread that created the storage (or took it over, see <see cref="Storage.Adopt"/>).</summary>
    public volatile int OwnerThread = Environment.CurrentManagedThreadId;

    /// <summary>The array will not be recycled when collected (released explicitly, or shared across threads).</summary>
    public void Cancel()
    {
        array = null;
        GC.SuppressFinalize(this);
    }

    ~PoolTicket()
    {
        if (array is { } a && !Environment.HasShutdownStarted) BufferPool.Collected(OwnerThread, dtype, a);
    }
}
