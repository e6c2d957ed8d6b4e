using System.Security.Cryptography;

namespace Gradus.Random;

/// <summary>
/// PyTorch's CPU random generator (<c>torch.Generator()</c>): MT19937 plus the cached Box-Muller
/// sample, producing the same streams as PyTorch 1.13 for the same seed.
/// </summary>
/// <remarks>
/// Every method locks the generator, as ATen does, so one generator may be shared between threads;
/// the order of draws across threads is then up to the caller.
/// </remarks>
public sealed partial class Generator
{
    /// <summary>The seed of a new <c>torch.Generator()</c> (<c>default_rng_seed_val</c>).</summary>
    public const ulong DefaultSeed = 67280421310721;

    private readonly Lock _sync = new();
    private readonly Mt19937 _engine = new();
    private ulong _initialSeed;
    private double? _nextDoubleNormal;
    private float? _nextFloatNormal;

    /// <summary>Creates a generator seeded with <paramref name="seed"/> (as <c>torch.Generator().manual_seed(seed)</c>).</summary>
    public Generator(ulong seed = DefaultSeed) => ManualSeed(seed);

    /// <summary>Creates a generator from a signed seed; negatives wrap to 2^64 + seed, as PyTorch does.</summary>
    public Generator(long seed) => ManualSeed(seed);

    /// <summary>
    /// The process-wide default generator (<c>torch.default_generator</c>), seeded from the OS
    /// at start-up as PyTorch's is; <c>Torch.ManualSeed</c> reseeds it.
    /// </summary>
    public static Generator Default { get; } = new Generator(NonDeterministicSeed());

    /// <summary>The seed this generator was last seeded with (<c>initial_seed()</c>).</summary>
    public ulong InitialSeed
    {
        get
        {
            lock (_sync)
            {
                return _initialSeed;
            }
        }
    }

    /// <summary>Reseeds the generator and clears the cached normal samples (<c>manual_seed</c>).</summary>
    public Generator ManualSeed(ulong seed)
    {
        lock (_sync)
        {
            _initialSeed = seed;
            _engine.Seed(unchecked((uint)seed));
            _nextDoubleNormal = null;
            _nextFloatNormal = null;
        }
        return this;
    }

    /// <summary>Reseeds from a signed seed; a negative seed is read as its two's complement, as PyTorch does.</summary>
    public Generator ManualSeed(long seed) => ManualSeed(unchecked((ulong)seed));

    /// <summary>Reseeds from 64 bits of OS entropy and returns the seed used (<c>Generator.seed()</c>).</summary>
    public ulong Seed()
    {
        ulong seed = NonDeterministicSeed();
        ManualSeed(seed);
        return seed;
    }

    /// <summary>An independent generator with the same state, cached normals included.</summary>
    public Generator Clone()
    {
        var copy = new Generator();
        lock (_sync)
        {
            copy._engine.CopyFrom(_engine);
            copy._initialSeed = _initialSeed;
            copy._nextDoubleNormal = _nextDoubleNormal;
            copy._nextFloatNormal = _nextFloatNormal;
        }
        return copy;
    }

    /// <summary>
    /// The full state in PyTorch's byte layout (the 5056 bytes of <c>torch.get_rng_state()</c>),
    /// cached normal samples included.
    /// </summary>
    public byte[] GetState()
    {
        lock (_sync)
        {
            return GeneratorState.Write(_engine, _initialSeed, _nextDoubleNormal, _nextFloatNormal);
        }
    }

    /// <summary>
    /// Restores a state from <see cref="GetState"/> or from <c>torch.get_rng_state()</c>
    /// (the current 5056-byte layout or the legacy 5048-byte one).
    /// </summary>
    public Generator SetState(byte[] state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var engine = new Mt19937();
        GeneratorState.Read(state, engine, out ulong seed, out double? nextDouble, out float? nextFloat);
        lock (_sync)
        {
            _engine.CopyFrom(engine);
            _initialSeed = seed;
            _nextDoubleNormal = nextDouble;
            _nextFloatNormal = nextFloat;
        }
        return this;
    }

    /// <summary>One raw 32-bit draw (ATen's <c>random()</c>); for kernels built on this generator.</summary>
    internal uint NextUInt32()
    {
        lock (_sync)
        {
            return _engine.NextUInt32();
        }
    }

    /// <summary>One raw 64-bit draw (ATen's <c>random64()</c>); for kernels built on this generator.</summary>
    internal ulong NextUInt64()
    {
        lock (_sync)
        {
            return _engine.NextUInt64();
        }
    }

    /// <summary>A uniform double in [0, 1) from 53 bits of <c>random64()</c>.</summary>
    private double NextDouble53() => (_engine.NextUInt64() & ((1UL << 53) - 1)) * (1.0 / (1UL << 53));

    /// <summary>A uniform float in [0, 1) from 24 bits of <c>random()</c>.</summary>
    private float NextFloat24() => (_engine.NextUInt32() & ((1u << 24) - 1)) * (1.0f / (1 << 24));

    private static ulong NonDeterministicSeed()
    {
        Span<byte> bytes = stackalloc byte[8];
        RandomNumberGenerator.Fill(bytes);
        return BitConverter.ToUInt64(bytes);
    }
}
