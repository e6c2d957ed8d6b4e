namespace Gradus;

/// <summary>
/// Recycles the large arrays behind tensors, as PyTorch's caching allocator does: a storage whose owner knows it
/// is dead (an op's scratch tensor, an intermediate gradient the autograd engine has consumed) hands its array
/// back, and the next tensor of the same dtype and length takes it instead of faulting in fresh pages.
/// </summary>
/// <remarks>
/// Only arrays of at least <see cref="MinBytes"/> are pooled (smaller ones are cheap for the GC). Arrays are kept
/// by exact length, since training repeats the same shapes step after step. The pool holds at most
/// <see cref="MaxBytes"/>; a length nobody asked for between two full (gen 2) collections is dropped, so memory
/// that a finished computation used goes back to the GC.
/// </remarks>
internal static class BufferPool
{
    /// <summary>Arrays smaller than this many bytes are allocated and collected as usual.</summary>
    public const int MinBytes = 64 * 1024;

    /// <summary>The most bytes the pool keeps at once (a quarter of the memory the GC may use, at most 2 GiB).</summary>
    public static readonly long MaxBytes = Math.Min(2L << 30, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 4);

    private static readonly object gate = new();
    private static readonly Dictionary<(DType, int), Bucket> buckets = [];
    private static long pooledBytes;

    /// <summary>Arrays of collected storages, by creator thread, waiting for that thread's next safe point.</summary>
    private static readonly Dictionary<int, Collection> collected = [];

    /// <summary>Arrays handed out from the pool (instead of freshly allocated) since the process started.</summary>
    public static long Hits => Interlocked.Read(ref hits);

    /// <summary>Poolable arrays that had to be freshly allocated since the process started.</summary>
    public static long Misses => Interlocked.Read(ref misses);

    /// <summary>Bytes held by the pool right now.</summary>
    public static long PooledBytes { get { lock (gate) return pooledBytes; } }

    private static long hits, misses;

    /// <summary>Bytes handed out and not given back explicitly since the last collection: live tensors or garbage the GC has not found.</summary>
    private static long outstanding;

    private static int lastCollection;

    /// <summary>
    /// When this many bytes are out at a safe point, it runs a gen 0 collection, so the storages that died since (the
    /// activations of finished steps) come back within a step or two instead of at the GC's own pace.
    /// </summary>
    public const long CollectAfterBytes = 64L << 20;

    static BufferPool() => _ = new Gen2Trimmer();

    /// <summary>Whether an array of <paramref name="length"/> elements of <paramref name="dtype"/> goes through the pool.</summary>
    public static bool Poolable(DType dtype, int length) => (long)length * DTypes.ElementSize(dtype) >= MinBytes;

    /// <summary>An array of <paramref name="length"/> elements: a recycled one when available (zeroed when asked), else a new one.</summary>
    public static Array Rent(DType dtype, int length, bool zero)
    {
        Array? array = null;
        lock (gate)
        {
            if (buckets.TryGetValue((dtype, length), out var bucket))
            {
                bucket.Used = true;
                if (bucket.Arrays.TryPop(out array)) pooledBytes -= Bytes(dtype, length);
            }
        }
        if (array is null)
        {
            Interlocked.Increment(ref misses);
            Interlocked.Add(ref outstanding, Bytes(dtype, length));
            return zero ? Storage.NewArray(dtype, length) : Storage.NewUninitializedArray(dtype, length);
        }
        Interlocked.Increment(ref hits);
        Interlocked.Add(ref outstanding, Bytes(dtype, length));
        if (zero) Array.Clear(array);
        return array;
    }

    /// <summary>Takes back an array no tensor uses any more (dropped when the pool is full).</summary>
    public static void Return(DType dtype, Array array)
    {
        Interlocked.Add(ref outstanding, -Bytes(dtype, array.Length));
        lock (gate) ReturnLocked(dtype, array);
    }

    private static void ReturnLocked(DType dtype, Array array)
    {
        long bytes = Bytes(dtype, array.Length);
        if (pooledBytes + bytes > MaxBytes) return;
        if (!buckets.TryGetValue((dtype, array.Length), out var bucket)) buckets[(dtype, array.Length)] = bucket = new Bucket();
        bucket.Arrays.Push(array);
        bucket.Used = true;
        pooledBytes += bytes;
    }

    /// <summary>
    /// The array of a storage the GC found unreachable (from <see cref="PoolTicket"/>'s finalizer): queued for its
    /// creator thread if that thread has reached a safe point before (others never drain), else left to the GC.
    /// </summary>
    public static void Collected(int ownerThread, DType dtype, Array array)
    {
        long bytes = Bytes(dtype, array.Length);
        lock (gate)
        {
            if (!collected.TryGetValue(ownerThread, out var queue) || queue.Bytes + bytes > MaxBytes) return;
            queue.Arrays.Add((dtype, array));
            queue.Bytes += bytes;
        }
    }

    /// <summary>
    /// A safe point of the calling thread: none of its frames reads tensor memory (the end of a backward pass, an
    /// optimizer step). The arrays of its collected storages join the pool here, and not earlier.
    /// </summary>
    public static void SafePoint()
    {
        int me = Environment.CurrentManagedThreadId;
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
        }
        int gcs = GC.CollectionCount(0);
        if (gcs != Volatile.Read(ref lastCollection))
        {
            Volatile.Write(ref lastCollection, gcs);
            Interlocked.Exchange(ref outstanding, 0);
        }
        else if (Interlocked.Read(ref outstanding) >= CollectAfterBytes)
        {
            Interlocked.Exchange(ref outstanding, 0);
            GC.Collect(1, GCCollectionMode.Forced, blocking: true);
            Volatile.Write(ref lastCollection, GC.CollectionCount(0));
        }
    }

    /// <summary>Drops every pooled array (they go back to the GC).</summary>
    public static void Clear()
    {
        lock (gate)
        {
            buckets.Clear();
            pooledBytes = 0;
            foreach (var queue in collected.Values)
            {
                queue.Arrays.Clear();
                queue.Bytes = 0;
            }
        }
    }

    private static long Bytes(DType dtype, int length) => (long)length * DTypes.ElementSize(dtype);

    /// <summary>Drops the lengths nobody rented or returned since the previous gen 2 collection.</summary>
    private static void Trim()
    {
        lock (gate)
        {
            foreach (var (key, bucket) in buckets.ToArray())
            {
                if (bucket.Used)
                {
                    bucket.Used = false;
                    continue;
                }
                pooledBytes -= bucket.Arrays.Count * Bytes(key.Item1, key.Item2);
                buckets.Remove(key);
            }
        }
    }

    private sealed class Collection
    {
        public readonly List<(DType, Array)> Arrays = [];
        public long Bytes;
    }

    private sealed class Bucket
    {
        public readonly Stack<Array> Arrays = new();
        public bool Used;
    }

    /// <summary>An object whose finalizer runs once per gen 2 collection (it re-registers itself) and trims the pool.</summary>
    private sealed class Gen2Trimmer
    {
        ~Gen2Trimmer()
        {
            if (Environment.HasShutdownStarted) return;
            Trim();
            GC.ReRegisterForFinalize(this);
        }
    }
}
