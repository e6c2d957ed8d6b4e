using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Gradus.IO;

/// <summary>
/// One tensor of a safetensors file: its name, dtype name ("F32", "F64", "I64", "BOOL", ...), shape and raw
/// little-endian row-major bytes.
/// </summary>
public sealed record SafetensorsEntry(string Name, string DType, long[] Shape, byte[] Data)
{
    /// <summary>Number of elements: the product of <see cref="Shape"/> (1 for a scalar).</summary>
    public long ElementCount
    {
        get
        {
            long count = 1;
            foreach (long d in Shape)
                count = checked(count * d);
            return count;
        }
    }

    /// <summary>
    /// Makes an entry from typed values (float for "F32", double for "F64", long for "I64", bool for "BOOL", ...),
    /// copying their bytes; the element size must match the dtype and the count the shape.
    /// </summary>
    public static SafetensorsEntry FromArray<T>(string name, string dtype, ReadOnlySpan<T> values, params long[] shape)
        where T : unmanaged
    {
        CheckElementType<T>(dtype);
        var entry = new SafetensorsEntry(name, dtype, shape, MemoryMarshal.AsBytes(values).ToArray());
        if (entry.ElementCount != values.Length)
            throw new ArgumentException(
                $"Entry '{name}': shape [{string.Join(", ", shape)}] holds {entry.ElementCount} elements but {values.Length} values were given.",
                nameof(values));
        return entry;
    }

    /// <summary>Copies the data out as typed values (float for "F32", long for "I64", bool for "BOOL", ...).</summary>
    public T[] ToArray<T>() where T : unmanaged
    {
        CheckElementType<T>(DType);
        if (Data.Length % Unsafe.SizeOf<T>() != 0)
            throw new InvalidOperationException($"Entry '{Name}': {Data.Length} bytes is not a whole number of {typeof(T).Name} values.");
        return MemoryMarshal.Cast<byte, T>(Data).ToArray();
    }

    private static void CheckElementType<T>(string dtype) where T : unmanaged
    {
        if (!BitConverter.IsLittleEndian)
            throw new PlatformNotSupportedException("safetensors data is little-endian; typed access needs a little-endian machine.");
        int bits = SafetensorsDTypes.BitsOf(dtype);
        int size = Unsafe.SizeOf<T>();
        if (size * 8 != bits)
            throw new ArgumentException($"Element type {typeof(T).Name} ({size * 8} bits) does not match safetensors dtype {dtype} ({bits} bits).", nameof(dtype));
    }
}
