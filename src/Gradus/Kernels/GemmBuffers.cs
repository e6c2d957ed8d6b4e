using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Gradus.Kernels;

/// <summary>
/// Per-thread, pinned, 64-byte aligned packing buffers for GEMM, grown on demand and reused, so repeated
/// calls allocate nothing.
/// </summary>
internal static unsafe class GemmBuffers<T> where T : unmanaged
{
    private const int Alignment = 64;

    [ThreadStatic] private static T[]? s_packedA;
    [ThreadStatic] private static T[]? s_packedB;
    [ThreadStatic] private static T[]? s_tile;
    [ThreadStatic] private static T[]? s_row;

    /// <summary>This thread's buffer for a packed block of A, at least <paramref name="length"/> elements.</summary>
    public static T* PackedA(int length) => Get(ref s_packedA, length);

    /// <summary>This thread's buffer for a packed block of B, at least <paramref name="length"/> elements.</summary>
    public static T* PackedB(int length) => Get(ref s_packedB, length);

    /// <summary>This thread's scratch tile for partial register tiles, at least <paramref name="length"/> elements.</summary>
    public static T* Tile(int length) => Get(ref s_tile, length);

    /// <summary>This thread's buffer for one gathered row of a transposed operand, at least <paramref name="length"/> elements.</summary>
    public static T* Row(int length) => Get(ref s_row, length);

    private static T* Get(ref T[]? buffer, int length)
    {
        int padded = length + Alignment / sizeof(T);
        if (buffer is null || buffer.Length < padded)
            buffer = GC.AllocateUninitializedArray<T>(padded, pinned: true);
        nint p = (nint)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(buffer));
        return (T*)((p + (Alignment - 1)) & ~(nint)(Alignment - 1));
    }
}
