namespace Gradus;

/// <summary>
/// How storages the GC found unreachable come back to the pool: their arrays wait, per creator thread, for a safe
/// point of that thread; and safe points between training steps run a collection when many pooled bytes are out,
/// so the garbage among them (the activations of finished steps) returns within a few steps.
/// </summary>
internal static partial class BufferPool
{
    /// <summary>Arrays of collected storages, by creator thread, waiting for that thread's next safe point.</summary>
    private static readonly Dictionary<int, Collection> collected = [];

    /// <summary>The most bytes waiting for one thread (beyond, collected arrays are left to the GC).</summary>
    private const long MaxQueuedBytes = 2 * CollectAfterBytes;

    /// <summary>Whether storages made on this thread get a <see cref="PoolTicket"/> (it trains: it reached a safe point).</summary>
    [ThreadStatic] private static bool tracksCollected;

    /// <summary>Pooled bytes this thread rented since its last safe point.</summary>
    [ThreadStatic] private static long rentedSinceOwnSafePoint;

    /// <summary>
    /// Whether pooled storages made on the calling thread are recycled when collected: only on threads that train, and
    /// only while they reach safe points (a loop of tensor math that never does would keep every array alive through
    /// one more collection for nothing: the GC then collects less and the heap grows).
    /// </summary>
    public static bool TracksCollected => tracksCollected && rentedSinceOwnSafePoint < MaxQueuedBytes;

    /// <summary>
    /// Storages the calling thread makes from now until it has rented <see cref="MaxQueuedBytes"/> more are recycled
    /// when collected (a loading thread calls this per batch a training thread adopts).
    /// </summary>
    public static void TrackCollectedOnThisThread()
    {
        tracksCollected = true;
        rentedSinceOwnSafePoint = 0;
    }

    /// <summary>Bytes handed out and not given back explicitly since the last collection: live tensors or garbage the GC has not found.</summary>
    private static long outstanding;

    private static int lastCollection;

    /// <summary>Bytes handed out since the last collecting safe point, and the most handed out between two of them lately.</summary>
    private static long rentedSinceSafePoint, busiestInterval;

    /// <summary>Counts <paramref name="bytes"/> handed out by <see cref="Rent"/>.</summary>
    private static void Handed(long bytes)
    {
        rentedSinceOwnSafePoint += bytes;
        Interlocked.Add(ref outstanding, bytes);
        Interlocked.Add(ref rentedSinceSafePoint, bytes);
    }

    /// <summary>
    /// When this many bytes are out at a safe point, it runs a gen 1 collection, so the storages that died since (the
    /// activations of finished steps) come back within a step or two instead of at the GC's own pace.
    /// </summary>
    public const long CollectAfterBytes = 64L << 20;

    /// <summary>
    /// The array of a storage the GC found unreachable (from <see cref="PoolTicket"/>'s finalizer): queued for its
    /// creator thread if that thread has reached a safe point before (others never drain), else left to the GC.
    /// </summary>
    public static void Collected(int ownerThread, DType dtype, Array array)
    {
        long bytes = Bytes(dtype, array.Length);
        lock (gate)
        {
            if (!collected.TryGetValue(ownerThread, out var queue) || queue.Bytes + bytes > MaxQueuedBytes) return;
            queue.Arrays.Add((dtype, array));
            queue.Bytes += bytes;
        }
    }

    /// <summary>
    /// A safe point of the calling thread: none of its frames reads tensor memory (a module call, the end of a backward
    /// pass, an optimizer step). The arrays of its collected storages join the pool here, and not earlier. With
    /// <paramref name="mayCollect"/> (between training steps, not in the middle of a forward pass) it may also run a
    /// collection when many pooled bytes are out, so the garbage among them comes back soon.
    /// </summary>
    public static void SafePoint(bool mayCollect = true)
    {
        int me = Environment.CurrentManagedThreadId;
        TrackCollectedOnThisThread();
        lock (gate)
        {
            if (!collected.TryGetValue(me, out var queue))
            {
                collected[me] = new Collection();
                return;
            }
            foreach (var (dtype, array) in queue.Arrays) ReturnLocked(dtype, array);
            queue.Arrays.Clear();
            queue.Bytes = 0;
            queue.Drained = true;
        }
        if (!mayCollect) return;
        long interval = Interlocked.Exchange(ref rentedSinceSafePoint, 0);
        busiestInterval = Math.Max(interval, busiestInterval - busiestInterval / 64);
        int gcs = GC.CollectionCount(0);
        if (gcs != Volatile.Read(ref lastCollection))
        {
            Volatile.Write(ref lastCollection, gcs);
            Interlocked.Exchange(ref outstanding, 0);
            return;
        }
        long outNow = Interlocked.Read(ref outstanding);
        // Collect when much is out, or before the pool runs dry: when what it holds of the lengths in demand could not
        // serve two more busy intervals and a quarter as much is out (so a collection has garbage to find, and runs
        // every few steps rather than each one).
        if (outNow >= CollectAfterBytes || (outNow >= CollectAfterBytes / 4 && AvailableInDemand() < 2 * busiestInterval))
        {
            Interlocked.Exchange(ref outstanding, 0);
            GC.Collect(1, GCCollectionMode.Forced, blocking: true);
            Volatile.Write(ref lastCollection, GC.CollectionCount(0));
        }
    }

    /// <summary>A length rented counts as in demand for this many collecting safe points (a training step has several).</summary>
    private const int DemandSafePoints = 4;

    /// <summary>Bytes the pool holds of the lengths rented lately; ages each length's demand by one safe point.</summary>
    private static long AvailableInDemand()
    {
        long bytes = 0;
        lock (gate)
            foreach (var (key, bucket) in buckets)
            {
                if (bucket.Demand == 0) continue;
                bucket.Demand--;
                bytes += bucket.Arrays.Count * Bytes(key.Item1, key.Item2);
            }
        return bytes;
    }

    /// <summary>Empties the queues of threads that reached no safe point since the previous call (a gen 2 collection).</summary>
    private static void TrimQueuesLocked()
    {
        foreach (var queue in collected.Values)
        {
            if (!queue.Drained)
            {
                queue.Arrays.Clear();
                queue.Bytes = 0;
            }
            queue.Drained = false;
        }
    }

    private sealed class Collection
    {
        public readonly List<(DType, Array)> Arrays = [];
        public long Bytes;
        public bool Drained;
    }
}
