namespace Gradus.Random;

/// <summary>
/// The 32-bit Mersenne Twister (MT19937) shared by PyTorch's CPU generator
/// (ATen <c>core/MT19937RNGEngine.h</c>) and NumPy's legacy <c>RandomState</c>.
/// </summary>
/// <remarks>
/// The position is kept as ATen keeps it: <see cref="Left"/> counts down to the next twist and
/// <see cref="Next"/> indexes the word read next. A freshly seeded engine has <c>Left = 1</c>,
/// <c>Next = 0</c>, so its first draw twists the state. Not thread-safe; callers lock.
/// </remarks>
internal sealed class Mt19937
{
    /// <summary>Number of 32-bit words in the state.</summary>
    public const int StateSize = 624;

    private const int M = 397;
    private const uint MatrixA = 0x9908b0df;
    private const uint UpperMask = 0x80000000;
    private const uint LowerMask = 0x7fffffff;

    /// <summary>The 624 state words.</summary>
    public uint[] State { get; } = new uint[StateSize];

    /// <summary>Draws left before the next twist (1 means the next draw twists).</summary>
    public int Left { get; set; } = 1;

    /// <summary>Index of the next state word to temper and return.</summary>
    public int Next { get; set; }

    /// <summary>Seeds as <c>init_genrand</c>: the low 32 bits of <paramref name="seed"/>.</summary>
    public void Seed(uint seed)
    {
        uint[] s = State;
        s[0] = seed;
        for (int j = 1; j < StateSize; j++)
        {
            s[j] = unchecked(1812433253u * (s[j - 1] ^ (s[j - 1] >> 30)) + (uint)j);
        }
        Left = 1;
        Next = 0;
    }

    /// <summary>Seeds as <c>init_by_array</c> (NumPy's array seeds).</summary>
    public void SeedByArray(ReadOnlySpan<uint> key)
    {
        Seed(19650218u);
        uint[] mt = State;
        int i = 1, j = 0;
        int k = Math.Max(StateSize, key.Length);
        for (; k > 0; k--)
        {
            mt[i] = unchecked((mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1664525u)) + key[j] + (uint)j);
            i++;
            j++;
            if (i >= StateSize)
            {
                mt[0] = mt[StateSize - 1];
                i = 1;
            }
            if (j >= key.Length)
            {
                j = 0;
            }
        }
        for (k = StateSize - 1; k > 0; k--)
        {
            mt[i] = unchecked((mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1566083941u)) - (uint)i);
            i++;
            if (i >= StateSize)
            {
                mt[0] = mt[StateSize - 1];
                i = 1;
            }
        }
        mt[0] = 0x80000000u;
    }

    /// <summary>The next tempered 32-bit output.</summary>
    public uint NextUInt32()
    {
        if (--Left == 0)
        {
            Twist();
        }
        uint y = State[Next++];
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c5680u;
        y ^= (y << 15) & 0xefc60000u;
        y ^= y >> 18;
        return y;
    }

    /// <summary>Two outputs joined high word first, as ATen's <c>random64</c> and NumPy's <c>next_uint64</c>.</summary>
    public ulong NextUInt64()
    {
        ulong hi = NextUInt32();
        ulong lo = NextUInt32();
        return (hi << 32) | lo;
    }

    /// <summary>Copies state and position from <paramref name="other"/>.</summary>
    public void CopyFrom(Mt19937 other)
    {
        Array.Copy(other.State, State, StateSize);
        Left = other.Left;
        Next = other.Next;
    }

    /// <summary>NumPy's position (<c>pos</c> in <c>get_state()</c>): 624 when the next draw twists.</summary>
    public int NumPyPos => Left == 1 ? StateSize : Next;

    /// <summary>Sets the position from NumPy's <c>pos</c> (0..624).</summary>
    public void SetNumPyPos(int pos)
    {
        Next = pos;
        Left = StateSize + 1 - pos;
    }

    private void Twist()
    {
        uint[] s = State;
        Left = StateSize;
        Next = 0;
        int p = 0;
        for (int j = StateSize - M + 1; --j > 0; p++)
        {
            s[p] = s[p + M] ^ Mix(s[p], s[p + 1]);
        }
        for (int j = M; --j > 0; p++)
        {
            s[p] = s[p + M - StateSize] ^ Mix(s[p], s[p + 1]);
        }
        s[p] = s[p + M - StateSize] ^ Mix(s[p], s[0]);
    }

    private static uint Mix(uint u, uint v) =>
        (((u & UpperMask) | (v & LowerMask)) >> 1) ^ ((v & 1u) != 0 ? MatrixA : 0u);
}
