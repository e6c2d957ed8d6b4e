namespace Gradus.Random;

public sealed partial class RandomState
{
    /// <summary><c>np.finfo(np.float64).eps</c>; <c>choice</c> accepts p summing to 1 within its square root.</summary>
    private const double Float64Eps = 2.220446049250313e-16;

    /// <summary><c>rand(n)</c> / <c>random_sample(n)</c>: uniform float64 in [0, 1). Shaped draws are row-major.</summary>
    public double[] Rand(int n)
    {
        var result = NewArray<double>(n);
        lock (_sync)
        {
            for (int i = 0; i < n; i++)
            {
                result[i] = NextDouble();
            }
        }
        return result;
    }

    /// <summary><c>random_sample(n)</c>, the same stream as <see cref="Rand"/>.</summary>
    public double[] RandomSample(int n) => Rand(n);

    /// <summary><c>randn(n)</c> / <c>standard_normal(n)</c>: the legacy polar-method Gaussian with its cached second value.</summary>
    public double[] Randn(int n)
    {
        var result = NewArray<double>(n);
        lock (_sync)
        {
            for (int i = 0; i < n; i++)
            {
                result[i] = NextGauss();
            }
        }
        return result;
    }

    /// <summary><c>uniform(low, high, n)</c>: low + (high - low) * u.</summary>
    public double[] Uniform(double low, double high, int n)
    {
        double range = high - low;
        if (!double.IsFinite(range))
        {
            throw new OverflowException("Range exceeds valid bounds");
        }
        var result = NewArray<double>(n);
        lock (_sync)
        {
            for (int i = 0; i < n; i++)
            {
                result[i] = low + (range * NextDouble());
            }
        }
        return result;
    }

    /// <summary><c>normal(loc, scale, n)</c>: loc + scale * gauss.</summary>
    public double[] Normal(double loc, double scale, int n)
    {
        if (scale < 0)
        {
            throw new ArgumentException("scale < 0");
        }
        var result = NewArray<double>(n);
        lock (_sync)
        {
            for (int i = 0; i < n; i++)
            {
                result[i] = loc + (scale * NextGauss());
            }
        }
        return result;
    }

    /// <summary><c>randint(low, high, n)</c>: int64 in [low, high) by masked rejection sampling.</summary>
    public long[] Randint(long low, long high, int n)
    {
        var result = NewArray<long>(n);
        if (n == 0)
        {
            // NumPy returns an empty array before it checks the bounds.
            return result;
        }
        if (low >= high)
        {
            throw new ArgumentException("low >= high");
        }
        ulong rng = unchecked((ulong)(high - 1 - low));
        ulong off = unchecked((ulong)low);
        lock (_sync)
        {
            for (int i = 0; i < n; i++)
            {
                result[i] = unchecked((long)BoundedMasked(off, rng));
            }
        }
        return result;
    }

    /// <summary><c>randint(high, size=n)</c>: int64 in [0, high).</summary>
    public long[] Randint(long high, int n) => Randint(0, high, n);

    /// <summary><c>shuffle(x)</c> in place for a 1-D sequence (Fisher-Yates from the end, <c>random_interval</c>).</summary>
    public void Shuffle<T>(Span<T> x)
    {
        lock (_sync)
        {
            for (int i = x.Length - 1; i > 0; i--)
            {
                int j = (int)RandomInterval((ulong)i);
                (x[i], x[j]) = (x[j], x[i]);
            }
        }
    }

    /// <summary><c>permutation(n)</c>: a shuffled <c>arange(n)</c> (empty for n &lt;= 0, as NumPy).</summary>
    public long[] Permutation(int n)
    {
        var result = new long[Math.Max(n, 0)];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = i;
        }
        Shuffle<long>(result);
        return result;
    }

    /// <summary><c>permutation(x)</c>: a shuffled copy of <paramref name="x"/>.</summary>
    public T[] Permutation<T>(ReadOnlySpan<T> x)
    {
        T[] copy = x.ToArray();
        Shuffle<T>(copy);
        return copy;
    }

    /// <summary>
    /// <c>choice(a, size, replace, p)</c> for an integer population 0..a-1, with NumPy's legacy
    /// algorithms: randint or an inverse-CDF search with replacement, a permutation prefix or repeated
    /// CDF draws without.
    /// </summary>
    public long[] Choice(int a, int size, bool replace = true, double[]? p = null)
    {
        if (a <= 0 && size != 0)
        {
            throw new ArgumentException("a must be greater than 0 unless no samples are taken");
        }
        if (p is not null)
        {
            CheckProbabilities(a, p);
        }
        if (replace)
        {
            if (size < 0)
            {
                throw new ArgumentException("negative dimensions are not allowed");
            }
            return p is null ? Randint(0, a, size) : SearchCdf(p, Rand(size));
        }
        if (size > a)
        {
            throw new ArgumentException("Cannot take a larger sample than population when 'replace=False'");
        }
        if (size < 0)
        {
            throw new ArgumentException("Negative dimensions are not allowed");
        }
        return p is null ? Permutation(a)[..size] : ChooseUniqueWeighted(p, size);
    }

    private long[] ChooseUniqueWeighted(double[] probabilities, int size)
    {
        if (probabilities.Count(v => v > 0) < size)
        {
            throw new ArgumentException("Fewer non-zero entries in p than size");
        }
        double[] p = (double[])probabilities.Clone();
        var found = new long[size];
        int unique = 0;
        var seen = new HashSet<long>();
        while (unique < size)
        {
            double[] x = Rand(size - unique);
            for (int i = 0; i < unique; i++)
            {
                p[found[i]] = 0;
            }
            // np.unique(new, return_index=True) then sorting the indices keeps first occurrences in draw order.
            seen.Clear();
            var fresh = new List<long>();
            foreach (long index in SearchCdf(p, x))
            {
                if (seen.Add(index))
                {
                    fresh.Add(index);
                }
            }
            foreach (long index in fresh)
            {
                found[unique++] = index;
            }
        }
        return found;
    }

    /// <summary><c>cdf = p.cumsum(); cdf /= cdf[-1]; cdf.searchsorted(u, side='right')</c>.</summary>
    private static long[] SearchCdf(double[] p, double[] uniforms)
    {
        var cdf = new double[p.Length];
        double running = 0;
        for (int i = 0; i < p.Length; i++)
        {
            running += p[i];
            cdf[i] = running;
        }
        double total = cdf[^1];
        for (int i = 0; i < cdf.Length; i++)
        {
            cdf[i] /= total;
        }
        var result = new long[uniforms.Length];
        for (int k = 0; k < uniforms.Length; k++)
        {
            double u = uniforms[k];
            int lo = 0, hi = cdf.Length;
            while (lo < hi)
            {
                int mid = lo + ((hi - lo) / 2);
                if (cdf[mid] <= u)
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid;
                }
            }
            result[k] = lo;
        }
        return result;
    }

    private static void CheckProbabilities(int a, double[] p)
    {
        if (p.Length != a)
        {
            throw new ArgumentException("'a' and 'p' must have same size");
        }
        double sum = p.Length == 0 ? 0 : KahanSum(p);
        if (double.IsNaN(sum))
        {
            throw new ArgumentException("probabilities contain NaN");
        }
        if (p.Any(v => v < 0))
        {
            throw new ArgumentException("probabilities are not non-negative");
        }
        if (Math.Abs(sum - 1.0) > Math.Sqrt(Float64Eps))
        {
            throw new ArgumentException("probabilities do not sum to 1");
        }
    }

    private static double KahanSum(double[] values)
    {
        double sum = values[0], c = 0.0;
        for (int i = 1; i < values.Length; i++)
        {
            double y = values[i] - c;
            double t = sum + y;
            c = (t - sum) - y;
            sum = t;
        }
        return sum;
    }

    private static T[] NewArray<T>(int n)
    {
        if (n < 0)
        {
            throw new ArgumentException("negative dimensions are not allowed");
        }
        return new T[n];
    }
}
