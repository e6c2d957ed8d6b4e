using System.Security.Cryptography;

namespace Gradus.Random;

/// <summary>
/// NumPy's legacy <c>numpy.random.RandomState</c> (MT19937 with <c>_legacy_seeding</c>), giving the
/// same float64 and int64 streams as NumPy 1.24 for the same seed: <c>new RandomState(42)</c> is
/// <c>np.random.RandomState(42)</c>, and <see cref="Global"/> is what <c>np.random.seed</c> reseeds.
/// </summary>
public sealed partial class RandomState
{
    private readonly Lock _sync = new();
    private readonly Mt19937 _engine = new();
    private bool _hasGauss;
    private double _gauss;

    /// <summary>Creates a generator seeded from OS entropy, as <c>RandomState()</c>.</summary>
    public RandomState() => SeedFromEntropy();

    /// <summary>Creates a generator seeded as <c>RandomState(seed)</c>; the seed must be in [0, 2**32 - 1].</summary>
    public RandomState(long seed) => Seed(seed);

    /// <summary>Creates a generator seeded with an array as <c>RandomState([s0, s1, ...])</c> (<c>init_by_array</c>).</summary>
    public RandomState(ReadOnlySpan<long> seed) => Seed(seed);

    /// <summary>The process-wide instance behind <c>np.random.*</c> functions, seeded from OS entropy.</summary>
    public static RandomState Global { get; } = new();

    /// <summary>Reseeds as <c>np.random.seed(seed)</c>; the seed must be in [0, 2**32 - 1].</summary>
    public RandomState Seed(long seed)
    {
        CheckSeed(seed);
        lock (_sync)
        {
            _engine.Seed((uint)seed);
            _engine.SetNumPyPos(Mt19937.StateSize);
            ResetGauss();
        }
        return this;
    }

    /// <summary>Reseeds with an array of 32-bit values as <c>np.random.seed([s0, s1, ...])</c>.</summary>
    public RandomState Seed(ReadOnlySpan<long> seed)
    {
        if (seed.IsEmpty)
        {
            throw new ArgumentException("Seed must be non-empty");
        }
        var key = new uint[seed.Length];
        for (int i = 0; i < seed.Length; i++)
        {
            CheckSeed(seed[i]);
            key[i] = (uint)seed[i];
        }
        lock (_sync)
        {
            _engine.SeedByArray(key);
            _engine.SetNumPyPos(Mt19937.StateSize);
            ResetGauss();
        }
        return this;
    }

    /// <summary>The state as <c>get_state()</c> returns it: key, pos, has_gauss and cached_gaussian.</summary>
    public RandomStateSnapshot GetState()
    {
        lock (_sync)
        {
            return new RandomStateSnapshot((uint[])_engine.State.Clone(), _engine.NumPyPos, _hasGauss, _gauss);
        }
    }

    /// <summary>Restores a state from <see cref="GetState"/> or from NumPy's <c>get_state()</c> tuple.</summary>
    public RandomState SetState(RandomStateSnapshot state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.Key is null || state.Key.Length != Mt19937.StateSize)
        {
            throw new ArgumentException($"state must be {Mt19937.StateSize} elements");
        }
        if (state.Pos < 0 || state.Pos > Mt19937.StateSize)
        {
            throw new ArgumentException($"state pos must be between 0 and {Mt19937.StateSize}, but got {state.Pos}");
        }
        lock (_sync)
        {
            Array.Copy(state.Key, _engine.State, Mt19937.StateSize);
            _engine.SetNumPyPos(state.Pos);
            _hasGauss = state.HasGauss;
            _gauss = state.HasGauss ? state.CachedGaussian : 0.0;
        }
        return this;
    }

    /// <summary>An independent generator with the same state, cached Gaussian included.</summary>
    public RandomState Clone() => new RandomState(0).SetState(GetState());

    /// <summary><c>mt19937_next_double</c>: 53 bits from two draws. Caller holds the lock.</summary>
    private double NextDouble()
    {
        int a = (int)(_engine.NextUInt32() >> 5);
        int b = (int)(_engine.NextUInt32() >> 6);
        return ((a * 67108864.0) + b) / 9007199254740992.0;
    }

    /// <summary><c>legacy_gauss</c>: Marsaglia's polar method, the second value kept for the next call. Caller holds the lock.</summary>
    private double NextGauss()
    {
        if (_hasGauss)
        {
            double cached = _gauss;
            ResetGauss();
            return cached;
        }
        double x1, x2, r2;
        do
        {
            x1 = (2.0 * NextDouble()) - 1.0;
            x2 = (2.0 * NextDouble()) - 1.0;
            r2 = (x1 * x1) + (x2 * x2);
        }
        while (r2 >= 1.0 || r2 == 0.0);
        double f = Math.Sqrt(-2.0 * Math.Log(r2) / r2);
        _gauss = f * x1;
        _hasGauss = true;
        return f * x2;
    }

    /// <summary><c>random_interval</c>: uniform in [0, max] by masked rejection. Caller holds the lock.</summary>
    private ulong RandomInterval(ulong max)
    {
        if (max == 0)
        {
            return 0;
        }
        ulong mask = SmallestMask(max);
        ulong value;
        if (max <= uint.MaxValue)
        {
            while ((value = _engine.NextUInt32() & mask) > max)
            {
            }
        }
        else
        {
            while ((value = _engine.NextUInt64() & mask) > max)
            {
            }
        }
        return value;
    }

    /// <summary><c>random_bounded_uint64_fill</c> with masking: off + [0, rng]. Caller holds the lock.</summary>
    private ulong BoundedMasked(ulong off, ulong rng)
    {
        if (rng == 0)
        {
            return off;
        }
        if (rng == uint.MaxValue)
        {
            return off + _engine.NextUInt32();
        }
        if (rng == ulong.MaxValue)
        {
            return off + _engine.NextUInt64();
        }
        return off + RandomInterval(rng);
    }

    private static ulong SmallestMask(ulong max)
    {
        ulong mask = max;
        mask |= mask >> 1;
        mask |= mask >> 2;
        mask |= mask >> 4;
        mask |= mask >> 8;
        mask |= mask >> 16;
        mask |= mask >> 32;
        return mask;
    }

    private void ResetGauss()
    {
        _hasGauss = false;
        _gauss = 0.0;
    }

    private void SeedFromEntropy()
    {
        Span<byte> bytes = stackalloc byte[4 * Mt19937.StateSize];
        RandomNumberGenerator.Fill(bytes);
        lock (_sync)
        {
            for (int i = 0; i < Mt19937.StateSize; i++)
            {
                _engine.State[i] = BitConverter.ToUInt32(bytes[(4 * i)..]);
            }
            // As NumPy does for a seed of None: MSB set so the state is never all zero.
            _engine.State[0] = 0x80000000u;
            _engine.SetNumPyPos(Mt19937.StateSize);
            ResetGauss();
        }
    }

    private static void CheckSeed(long seed)
    {
        if (seed < 0 || seed > uint.MaxValue)
        {
            throw new ArgumentException("Seed must be between 0 and 2**32 - 1");
        }
    }
}

/// <summary>
/// A <see cref="RandomState"/> state, field for field NumPy's <c>get_state()</c> tuple
/// <c>('MT19937', key, pos, has_gauss, cached_gaussian)</c>.
/// </summary>
/// <param name="Key">The 624 MT19937 words.</param>
/// <param name="Pos">Index of the next word (624: the next draw twists).</param>
/// <param name="HasGauss">Whether a second polar-method Gaussian is cached.</param>
/// <param name="CachedGaussian">The cached Gaussian (0 when none).</param>
public sealed record RandomStateSnapshot(uint[] Key, int Pos, bool HasGauss, double CachedGaussian);
