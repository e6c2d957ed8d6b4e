namespace Gradus;

/// <summary>The flat typed array behind one or more tensors (views share it), with PyTorch's version counter.</summary>
internal sealed class Storage
{
    private static long created;

    /// <summary>A float[], double[], long[] or bool[] holding the elements (an empty array once released).</summary>
    public Array Data { get; private set; }

    /// <summary>Bumped by every in-place write; autograd compares it with the version a node saved.</summary>
    public int Version;

    /// <summary>Creation order: storages made after a moment have a larger serial than <see cref="LastSerial"/> read then.</summary>
    public readonly long Serial = Interlocked.Increment(ref created);

    /// <summary>The element type of <see cref="Data"/>.</summary>
    public readonly DType DType;

    /// <summary>Whether <see cref="Data"/> came from the <see cref="BufferPool"/> and may go back to it.</summary>
    private readonly bool pooled;

    /// <summary>Returns the array to the pool when this storage is collected, unless a thread other than its creator used it.</summary>
    private PoolTicket? ticket;

    /// <summary>True once <see cref="Release"/> gave the array back: any further access is a bug and throws.</summary>
    public bool Released { get; private set; }

    public Storage(Array data) : this(data, DTypes.OfArray(data), false) { }

    private Storage(Array data, DType dtype, bool pooled)
    {
        Data = data;
        DType = dtype;
        this.pooled = pooled;
        if (pooled && BufferPool.TracksCollected) ticket = new PoolTicket(dtype, data);
    }

    /// <summary>
    /// Called on every access to the elements: a storage used by a thread other than the one that made it is never
    /// recycled when collected (that thread might still be reading it; see <see cref="PoolTicket"/>).
    /// </summary>
    public void CheckThread()
    {
        if (ticket is { } t && t.OwnerThread != Environment.CurrentManagedThreadId)
        {
            ticket = null;
            t.Cancel();
        }
    }

    /// <summary>The serial of the newest storage so far.</summary>
    public static long LastSerial => Interlocked.Read(ref created);

    /// <summary>A zeroed array of <paramref name="length"/> elements (a recycled one when large).</summary>
    public static Storage Allocate(DType dtype, int length) => Make(dtype, length, zero: true);

    /// <summary>An array whose contents are garbage, for results an op overwrites completely (skips zeroing).</summary>
    public static Storage AllocateUninitialized(DType dtype, int length) => Make(dtype, length, zero: false);

    private static Storage Make(DType dtype, int length, bool zero) => BufferPool.Poolable(dtype, length)
        ? new(BufferPool.Rent(dtype, length, zero), dtype, true)
        : new(NewArray(dtype, length, zero), dtype, false);

    /// <summary>
    /// The calling thread takes over a storage another thread made and will not touch again (a batch a loading
    /// thread handed over), so it is recycled at the caller's safe points.
    /// </summary>
    public void Adopt()
    {
        if (ticket is { } t) t.OwnerThread = Environment.CurrentManagedThreadId;
    }

    /// <summary>
    /// Hands the array back to the <see cref="BufferPool"/>. Only the storage's sole owner may call this (an op's
    /// scratch, the autograd engine's consumed gradients); tensors over it must not be used afterwards.
    /// </summary>
    public void Release()
    {
        if (!pooled || Released) return;
        var data = Data;
        Released = true;
        ticket?.Cancel();
        ticket = null;
        Data = NewArray(DType, 0);
        BufferPool.Return(DType, data);
    }

    /// <summary>A new array, zeroed or (for results an op overwrites completely) with garbage contents.</summary>
    public static Array NewArray(DType dtype, int length, bool zero = true) => dtype switch
    {
        DType.Float32 => zero ? new float[length] : GC.AllocateUninitializedArray<float>(length),
        DType.Float64 => zero ? new double[length] : GC.AllocateUninitializedArray<double>(length),
        DType.Int64 => zero ? new long[length] : GC.AllocateUninitializedArray<long>(length),
        DType.Bool => zero ? new bool[length] : GC.AllocateUninitializedArray<bool>(length),
        _ => throw new ArgumentOutOfRangeException(nameof(dtype)),
    };
}
