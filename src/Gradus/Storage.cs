namespace Gradus;

/// <summary>The flat typed array behind one or more tensors (views share it), with PyTorch's version counter.</summary>
internal sealed class Storage
{
    /// <summary>A float[], double[], long[] or bool[] holding the elements.</summary>
    public readonly Array Data;

    /// <summary>Bumped by every in-place write; autograd compares it with the version a node saved.</summary>
    public int Version;

    public Storage(Array data) => Data = data;

    /// <summary>A zeroed array of <paramref name="length"/> elements.</summary>
    public static Storage Allocate(DType dtype, int length) => new(dtype switch
    {
        DType.Float32 => new float[length],
        DType.Float64 => new double[length],
        DType.Int64 => new long[length],
        DType.Bool => new bool[length],
        _ => throw new ArgumentOutOfRangeException(nameof(dtype)),
    });

    /// <summary>An array whose contents are garbage, for results an op overwrites completely (skips zeroing).</summary>
    public static Storage AllocateUninitialized(DType dtype, int length) => new(dtype switch
    {
        DType.Float32 => GC.AllocateUninitializedArray<float>(length),
        DType.Float64 => GC.AllocateUninitializedArray<double>(length),
        DType.Int64 => GC.AllocateUninitializedArray<long>(length),
        DType.Bool => GC.AllocateUninitializedArray<bool>(length),
        _ => throw new ArgumentOutOfRangeException(nameof(dtype)),
    });
}
