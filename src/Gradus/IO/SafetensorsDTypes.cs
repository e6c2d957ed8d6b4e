namespace Gradus.IO;

/// <summary>The dtype names of the safetensors format, their bit widths and the reference writer's order.</summary>
public static class SafetensorsDTypes
{
    // The reference implementation's Dtype enum, in increasing alignment order, with bit widths.
    private static readonly (string Name, int Bits)[] Table =
    [
        ("BOOL", 8), ("F4", 4), ("F6_E2M3", 6), ("F6_E3M2", 6), ("U8", 8), ("I8", 8), ("F8_E5M2", 8),
        ("F8_E4M3", 8), ("F8_E8M0", 8), ("F8_E4M3FNUZ", 8), ("F8_E5M2FNUZ", 8), ("I16", 16), ("U16", 16),
        ("F16", 16), ("BF16", 16), ("I32", 32), ("U32", 32), ("F32", 32), ("C64", 64), ("F64", 64),
        ("I64", 64), ("U64", 64),
    ];

    private static readonly Dictionary<string, int> RankByName =
        Table.Select((t, i) => (t.Name, i)).ToDictionary(t => t.Name, t => t.i, StringComparer.Ordinal);

    /// <summary>Every dtype name the format defines ("BOOL", "U8", ..., "F32", "F64", "I64", "U64").</summary>
    public static IReadOnlyList<string> Names { get; } = Table.Select(t => t.Name).ToArray();

    /// <summary>Whether <paramref name="dtype"/> is a dtype name of the format (case-sensitive, like the reference).</summary>
    public static bool IsKnown(string dtype) => RankByName.ContainsKey(dtype);

    /// <summary>Bits per element of <paramref name="dtype"/> (32 for "F32", 4 for "F4"); throws for an unknown name.</summary>
    public static int BitsOf(string dtype) =>
        RankByName.TryGetValue(dtype, out int rank)
            ? Table[rank].Bits
            : throw new ArgumentException($"Unknown safetensors dtype '{dtype}'; expected one of {string.Join(", ", Names)}.", nameof(dtype));

    /// <summary>The position in the reference's alignment order; the writer puts higher ranks first.</summary>
    internal static int Rank(string dtype) => RankByName[dtype];

    /// <summary>
    /// Computes the bytes taken by <paramref name="shape"/> elements of <paramref name="dtype"/>; returns null on
    /// success, else the problem (a negative dimension, an overflowing product, sub-byte elements off a byte boundary).
    /// </summary>
    internal static string? TryByteSize(string dtype, IReadOnlyList<long> shape, out long bytes)
    {
        bytes = 0;
        long bits = BitsOf(dtype);
        long count = 1;
        foreach (long d in shape)
        {
            if (d < 0)
                return $"shape [{string.Join(", ", shape)}] has a negative dimension";
            if (d != 0 && count > long.MaxValue / d / bits)
                return $"shape [{string.Join(", ", shape)}] with dtype {dtype} overflows a 64-bit byte count";
            count *= d;
        }
        if (count * bits % 8 != 0)
            return $"shape [{string.Join(", ", shape)}] with dtype {dtype} holds {count * bits} bits, not a whole number of bytes";
        bytes = count * bits / 8;
        return null;
    }
}
