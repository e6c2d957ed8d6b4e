using System.Runtime.InteropServices;

namespace Gradus.IO;

/// <summary>
/// The contents of an IDX file (the MNIST format): a type code, the dimensions, and the elements as bytes in this
/// machine's (little-endian) order, row-major. For ubyte (0x08) <see cref="Data"/> holds the values themselves.
/// </summary>
public sealed class IdxArray
{
    /// <summary>Wraps <paramref name="data"/> (little-endian elements) of type <paramref name="typeCode"/> and shape <paramref name="dims"/>; checks that they agree.</summary>
    public IdxArray(byte typeCode, int[] dims, byte[] data)
    {
        ArgumentNullException.ThrowIfNull(dims);
        ArgumentNullException.ThrowIfNull(data);
        int size = Idx.ElementSize(typeCode);
        if (dims.Length is < 1 or > 255)
            throw new ArgumentException($"An IDX array has 1 to 255 dimensions, got {dims.Length}.", nameof(dims));
        long count = 1;
        foreach (int d in dims)
        {
            if (d < 0)
                throw new ArgumentException($"IDX dimensions must be non-negative, got [{string.Join(", ", dims)}].", nameof(dims));
            count *= d;
            if (count > Array.MaxLength)
                throw new ArgumentException($"IDX dimensions [{string.Join(", ", dims)}] hold more elements than an array can.", nameof(dims));
        }
        if (count * size != data.Length)
            throw new ArgumentException(
                $"IDX dimensions [{string.Join(", ", dims)}] of type 0x{typeCode:X2} need {count * size} bytes, got {data.Length}.", nameof(data));
        TypeCode = typeCode;
        Dims = dims;
        Data = data;
    }

    /// <summary>The IDX type code: 0x08 ubyte, 0x09 sbyte, 0x0B int16, 0x0C int32, 0x0D float32, 0x0E float64.</summary>
    public byte TypeCode { get; }

    /// <summary>The dimensions, outermost first (60000, 28, 28 for MNIST images).</summary>
    public int[] Dims { get; }

    /// <summary>The elements' bytes, row-major, each multi-byte element already converted to little-endian.</summary>
    public byte[] Data { get; }

    /// <summary>The number of elements (the product of <see cref="Dims"/>).</summary>
    public long Count => Data.Length / Idx.ElementSize(TypeCode);

    /// <summary>Makes a ubyte (0x08) array from <paramref name="data"/> with shape <paramref name="dims"/> (no copy).</summary>
    public static IdxArray FromBytes(byte[] data, params int[] dims) => new(Idx.UByte, dims, data);

    /// <summary>The elements as signed bytes (type 0x09).</summary>
    public sbyte[] ToSByteArray() => As<sbyte>(Idx.SByte);

    /// <summary>The elements as 16-bit integers (type 0x0B).</summary>
    public short[] ToInt16Array() => As<short>(Idx.Int16);

    /// <summary>The elements as 32-bit integers (type 0x0C).</summary>
    public int[] ToInt32Array() => As<int>(Idx.Int32);

    /// <summary>The elements as 32-bit floats (type 0x0D).</summary>
    public float[] ToSingleArray() => As<float>(Idx.Float32);

    /// <summary>The elements as 64-bit floats (type 0x0E).</summary>
    public double[] ToDoubleArray() => As<double>(Idx.Float64);

    private T[] As<T>(byte expected) where T : unmanaged
    {
        if (TypeCode != expected)
            throw new InvalidOperationException($"This IDX array has type 0x{TypeCode:X2}, not 0x{expected:X2} ({typeof(T).Name}).");
        return MemoryMarshal.Cast<byte, T>(Data).ToArray();
    }
}
