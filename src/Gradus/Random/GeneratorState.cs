using System.Buffers.Binary;

namespace Gradus.Random;

/// <summary>
/// PyTorch's CPU generator state bytes (<c>CPUGeneratorImplState</c>, x86-64 layout, little-endian):
/// initial seed, MT position, 624 words stored as 64-bit, the legacy normal fields, the float cache.
/// </summary>
internal static class GeneratorState
{
    /// <summary>Size of <c>CPUGeneratorImplState</c> (what <c>torch.get_rng_state()</c> returns).</summary>
    public const int CurrentSize = 5056;

    /// <summary>Size of the older <c>CPUGeneratorImplStateLegacy</c>, still accepted.</summary>
    public const int LegacySize = 5048;

    private const int SeedOffset = 0;
    private const int LeftOffset = 8;
    private const int SeededOffset = 12;
    private const int NextOffset = 16;
    private const int StateOffset = 24;
    private const int NormalXOffset = StateOffset + (8 * Mt19937.StateSize);
    private const int NormalYOffset = NormalXOffset + 8;
    private const int NormalRhoOffset = NormalYOffset + 8;
    private const int NormalValidOffset = NormalRhoOffset + 8;
    private const int FloatNormalOffset = LegacySize;
    private const int FloatValidOffset = FloatNormalOffset + 4;

    /// <summary>Serializes the state exactly as <c>CPUGeneratorImpl::get_state</c>.</summary>
    public static byte[] Write(Mt19937 engine, ulong seed, double? nextDouble, float? nextFloat)
    {
        var bytes = new byte[CurrentSize];
        Span<byte> b = bytes;
        BinaryPrimitives.WriteUInt64LittleEndian(b[SeedOffset..], seed);
        BinaryPrimitives.WriteInt32LittleEndian(b[LeftOffset..], engine.Left);
        BinaryPrimitives.WriteInt32LittleEndian(b[SeededOffset..], 1);
        BinaryPrimitives.WriteUInt64LittleEndian(b[NextOffset..], (ulong)engine.Next);
        for (int i = 0; i < Mt19937.StateSize; i++)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(b[(StateOffset + (8 * i))..], engine.State[i]);
        }
        if (nextDouble is double d)
        {
            BinaryPrimitives.WriteDoubleLittleEndian(b[NormalYOffset..], d);
            BinaryPrimitives.WriteInt32LittleEndian(b[NormalValidOffset..], 1);
        }
        if (nextFloat is float f)
        {
            BinaryPrimitives.WriteSingleLittleEndian(b[FloatNormalOffset..], f);
            b[FloatValidOffset] = 1;
        }
        return bytes;
    }

    /// <summary>Parses and validates a state as <c>CPUGeneratorImpl::set_state</c> does.</summary>
    public static void Read(ReadOnlySpan<byte> b, Mt19937 engine, out ulong seed, out double? nextDouble, out float? nextFloat)
    {
        if (b.Length != CurrentSize && b.Length != LegacySize)
        {
            throw new ArgumentException(
                $"Expected either a CPUGeneratorImplStateLegacy of size {LegacySize} or a CPUGeneratorImplState of size " +
                $"{CurrentSize} but found the input RNG state size to be {b.Length}");
        }
        seed = BinaryPrimitives.ReadUInt64LittleEndian(b[SeedOffset..]);
        int left = BinaryPrimitives.ReadInt32LittleEndian(b[LeftOffset..]);
        bool seeded = BinaryPrimitives.ReadInt32LittleEndian(b[SeededOffset..]) != 0;
        uint next = unchecked((uint)BinaryPrimitives.ReadUInt64LittleEndian(b[NextOffset..]));
        if (!seeded || left <= 0 || left > Mt19937.StateSize || next > Mt19937.StateSize)
        {
            throw new ArgumentException("Invalid mt19937 state");
        }
        for (int i = 0; i < Mt19937.StateSize; i++)
        {
            engine.State[i] = unchecked((uint)BinaryPrimitives.ReadUInt64LittleEndian(b[(StateOffset + (8 * i))..]));
        }
        engine.Left = left;
        engine.Next = (int)next;

        nextDouble = null;
        nextFloat = null;
        bool normalValid = BinaryPrimitives.ReadInt32LittleEndian(b[NormalValidOffset..]) != 0;
        if (b.Length == LegacySize)
        {
            if (normalValid)
            {
                // The legacy layout kept the uniform x and the radius rho; the cached sample is the sine branch.
                double rho = BinaryPrimitives.ReadDoubleLittleEndian(b[NormalRhoOffset..]);
                double theta = 2.0 * Math.PI * BinaryPrimitives.ReadDoubleLittleEndian(b[NormalXOffset..]);
                nextDouble = rho * Math.Sin(theta);
            }
            return;
        }
        if (b[FloatValidOffset] != 0)
        {
            nextFloat = BinaryPrimitives.ReadSingleLittleEndian(b[FloatNormalOffset..]);
        }
        if (normalValid)
        {
            nextDouble = BinaryPrimitives.ReadDoubleLittleEndian(b[NormalYOffset..]);
        }
    }
}
