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
internal static partial class BufferPool
{
    /// <summary>Arrays smaller than this many bytes are allocated and collected as usual.</summary>
    public const int MinBytes = 64 * 1024;

    /// <summary>The most bytes the pool keeps at once (a quarter of the memory the GC may use, at most 2 GiB).</summary>
    public static readonly long MaxBytes = Math.Min(2L << 30, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 4);

    private static readonly object gate = new();
    private static readonly Dictionary<(DType, int), Bucket> buckets = [];
    private static long pooledBytes;

    /// <summary>Arrays handed out from the pool (instead of freshly allocated) since the process started.</summary>
    public static long Hits => Interlocked.Read(ref hits);

    /// <summary>Poolable arrays that had to be freshly allocated since the process started.</summary>
    public static long Misses => Interlocked.Read(ref misses);

    /// <summary>Bytes held by the pool right now.</summary>
    public static long PooledBytes { get { lock (gate) return pooledBytes; } }

    private static long hits, misses;

    static BufferPool() => _ = new Gen2Trimmer();

    /// <summary>Whether an array of <paramref name="length"/> elements of <paramref name="dtype"/> goes through the pool.</summary>
    public static bool Poolable(DType dtype, int length) => (long)length * DTypes.ElementSize(dtype) >= MinBytes;

    /// <summary>An array of <paramref name="length"/> elements: a recycled one when available (zeroed when asked), else a new one.</summary>
    public static Array Rent(DType dtype, int length, bool zero)
    {
        Array? array = null;
        lock (gate)
        {
            if (!buckets.TryGetValue((dtype, length), out var bucket)) buckets[(dtype, length)] = bucket = new Bucket();
            bucket.Used = true;
            bucket.Demand = DemandSafePoints;
            if (bucket.Arrays.TryPop(out array)) pooledBytes -= Bytes(dtype, length);
        }
        if (array is null)
        {
            Interlocked.Increment(ref misses);
            Handed(Bytes(dtype, length));
            return Storage.NewArray(dtype, length, zero);
        }
        Interlocked.Increment(ref hits);
        Handed(Bytes(dtype, length));
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
            TrimQueuesLocked();
        }
    }

    private sealed class Bucket
    {
        public readonly Stack<Array> Arrays = new();
        public bool Used;

        /// <summary>Collecting safe points left before this length no longer counts as in demand (see <see cref="DemandSafePoints"/>).</summary>
        public int Demand;
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
