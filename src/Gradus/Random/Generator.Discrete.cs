namespace Gradus.Random;

public sealed partial class Generator
{
    private const string BernoulliTensorMessage =
        "Expected p_in >= 0 && p_in <= 1 to be true, but got false.  " +
        "(Could this error message be improved?  If so, please report an enhancement request to PyTorch.)";

    /// <summary>Fills <paramref name="dst"/> as <c>torch.randint(low, high, ...)</c>: integers in [low, high).</summary>
    public void RandomInt(Span<long> dst, long low, long high)
    {
        if (low >= high)
        {
            throw new ArgumentException($"random_ expects 'from' to be less than 'to', but got from={low} >= to={high}");
        }
        ulong range = unchecked((ulong)(high - low));
        lock (_sync)
        {
            for (int i = 0; i < dst.Length; i++)
            {
                ulong value = range >= (1UL << 32) ? _engine.NextUInt64() : _engine.NextUInt32();
                dst[i] = unchecked((long)((value % range) + (ulong)low));
            }
        }
    }

    /// <summary>A random permutation of 0..n-1 as <c>torch.randperm(n)</c> on the CPU.</summary>
    public long[] Randperm(int n)
    {
        if (n < 0)
        {
            throw new ArgumentException($"Trying to create tensor with negative dimension {n}: [{n}]");
        }
        var result = new long[n];
        for (int i = 0; i < n; i++)
        {
            result[i] = i;
        }
        lock (_sync)
        {
            for (int i = 0; i < n - 1; i++)
            {
                int z = (int)(_engine.NextUInt32() % (uint)(n - i));
                (result[i], result[z + i]) = (result[z + i], result[i]);
            }
        }
        return result;
    }

    /// <summary>Fills <paramref name="dst"/> with 0/1 as <c>bernoulli_(p)</c> (what <c>F.dropout</c> draws with 1 - p).</summary>
    public void Bernoulli(Span<float> dst, double p)
    {
        CheckBernoulliP(p);
        lock (_sync)
        {
            for (int i = 0; i < dst.Length; i++)
            {
                dst[i] = NextDouble53() < p ? 1f : 0f;
            }
        }
    }

    /// <summary>Fills <paramref name="dst"/> with 0/1 as <c>bernoulli_(p)</c> on a float64 tensor.</summary>
    public void Bernoulli(Span<double> dst, double p)
    {
        CheckBernoulliP(p);
        lock (_sync)
        {
            for (int i = 0; i < dst.Length; i++)
            {
                dst[i] = NextDouble53() < p ? 1.0 : 0.0;
            }
        }
    }

    /// <summary>Draws each element with its own float32 probability, as <c>torch.bernoulli(p)</c> (24-bit uniforms).</summary>
    public void Bernoulli(Span<float> dst, ReadOnlySpan<float> p)
    {
        CheckSameLength(dst.Length, p.Length);
        for (int i = 0; i < p.Length; i++)
        {
            if (!(p[i] >= 0 && p[i] <= 1))
            {
                throw new ArgumentException(BernoulliTensorMessage);
            }
        }
        lock (_sync)
        {
            for (int i = 0; i < dst.Length; i++)
            {
                dst[i] = NextFloat24() < p[i] ? 1f : 0f;
            }
        }
    }

    /// <summary>Draws each element with its own float64 probability, as <c>torch.bernoulli(p)</c> (53-bit uniforms).</summary>
    public void Bernoulli(Span<double> dst, ReadOnlySpan<double> p)
    {
        CheckSameLength(dst.Length, p.Length);
        for (int i = 0; i < p.Length; i++)
        {
            if (!(p[i] >= 0 && p[i] <= 1))
            {
                throw new ArgumentException(BernoulliTensorMessage);
            }
        }
        lock (_sync)
        {
            for (int i = 0; i < dst.Length; i++)
            {
                dst[i] = NextDouble53() < p[i] ? 1.0 : 0.0;
            }
        }
    }

    private static void CheckBernoulliP(double p)
    {
        if (!(p >= 0 && p <= 1))
        {
            throw new ArgumentException($"bernoulli_ expects p to be in [0, 1], but got p={CppFormat.Double(p)}");
        }
    }

    private static void CheckSameLength(int dst, int p)
    {
        if (dst != p)
        {
            throw new ArgumentException($"bernoulli: destination has {dst} elements but p has {p}; they must match");
        }
    }
}
