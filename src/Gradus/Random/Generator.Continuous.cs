namespace Gradus.Random;

public sealed partial class Generator
{
    private const float TwoPiFloat = (float)(2.0 * Math.PI);

    /// <summary>Fills <paramref name="dst"/> as <c>torch.rand</c> / <c>uniform_(from, to)</c> on a float32 tensor (24 random bits each).</summary>
    public void Uniform(Span<float> dst, double from = 0, double to = 1)
    {
        CheckUniformBounds(from, to, float.MinValue, float.MaxValue, "float", "Float");
        float lo = (float)from;
        float range = (float)to - lo;
        lock (_sync)
        {
            for (int i = 0; i < dst.Length; i++)
            {
                dst[i] = MathF.FusedMultiplyAdd(NextFloat24(), range, lo);
            }
        }
    }

    /// <summary>Fills <paramref name="dst"/> as <c>torch.rand</c> / <c>uniform_(from, to)</c> on a float64 tensor (53 random bits each).</summary>
    public void Uniform(Span<double> dst, double from = 0, double to = 1)
    {
        CheckUniformBounds(from, to, double.MinValue, double.MaxValue, "double", "Double");
        double range = to - from;
        lock (_sync)
        {
            for (int i = 0; i < dst.Length; i++)
            {
                dst[i] = Math.FusedMultiplyAdd(NextDouble53(), range, from);
            }
        }
    }

    /// <summary>
    /// Fills <paramref name="dst"/> as <c>torch.randn</c> / <c>normal_(mean, std)</c> on a contiguous float32
    /// tensor of that length: Box-Muller over the whole buffer from 16 elements on, the cached scalar path below.
    /// For a non-contiguous tensor pass <paramref name="contiguous"/> = false (PyTorch then always takes the scalar
    /// path) and scatter the values in memory order, the order PyTorch's TensorIterator visits.
    /// </summary>
    public void Normal(Span<float> dst, double mean = 0, double std = 1, bool contiguous = true)
    {
        CheckNormalStd(std);
        lock (_sync)
        {
            if (contiguous && dst.Length >= 16)
            {
                NormalFillFloat(dst, (float)mean, (float)std);
            }
            else
            {
                for (int i = 0; i < dst.Length; i++)
                {
                    dst[i] = (float)NextNormal(mean, std);
                }
            }
        }
    }

    /// <summary>
    /// Fills <paramref name="dst"/> as <c>torch.randn</c> / <c>normal_(mean, std)</c> on a contiguous float64
    /// tensor of that length: Box-Muller over the whole buffer from 16 elements on, the cached scalar path below.
    /// For a non-contiguous tensor pass <paramref name="contiguous"/> = false, as for the float32 overload.
    /// </summary>
    public void Normal(Span<double> dst, double mean = 0, double std = 1, bool contiguous = true)
    {
        CheckNormalStd(std);
        lock (_sync)
        {
            if (contiguous && dst.Length >= 16)
            {
                NormalFillDouble(dst, mean, std);
            }
            else
            {
                for (int i = 0; i < dst.Length; i++)
                {
                    dst[i] = NextNormal(mean, std);
                }
            }
        }
    }

    /// <summary>Fills <paramref name="dst"/> as <c>exponential_(lambd)</c> on a float32 tensor.</summary>
    public void Exponential(Span<float> dst, double lambd = 1)
    {
        CheckLambda(lambd);
        lock (_sync)
        {
            for (int i = 0; i < dst.Length; i++)
            {
                dst[i] = (float)NextExponential(lambd);
            }
        }
    }

    /// <summary>Fills <paramref name="dst"/> as <c>exponential_(lambd)</c> on a float64 tensor.</summary>
    public void Exponential(Span<double> dst, double lambd = 1)
    {
        CheckLambda(lambd);
        lock (_sync)
        {
            for (int i = 0; i < dst.Length; i++)
            {
                dst[i] = NextExponential(lambd);
            }
        }
    }

    /// <summary>ATen's <c>exponential_distribution&lt;double&gt;</c>: -1/lambda * log(1 - u). Caller holds the lock.</summary>
    private double NextExponential(double lambd) => -1.0 / lambd * Math.Log(1.0 - NextDouble53());

    /// <summary>ATen's <c>normal_distribution&lt;double&gt;</c> with the cached sine sample. Caller holds the lock.</summary>
    private double NextNormal(double mean, double std)
    {
        if (_nextDoubleNormal is double cached)
        {
            _nextDoubleNormal = null;
            return Math.FusedMultiplyAdd(cached, std, mean);
        }
        double u1 = NextDouble53();
        double u2 = NextDouble53();
        double r = Math.Sqrt(-2.0 * Math.Log(1.0 - u2));
        double theta = 2.0 * Math.PI * u1;
        _nextDoubleNormal = r * Math.Sin(theta);
        return Math.FusedMultiplyAdd(r * Math.Cos(theta), std, mean);
    }

    /// <summary>ATen's AVX2 <c>normal_fill_AVX2</c> for float32 (16 or more elements). Caller holds the lock.</summary>
    private void NormalFillFloat(Span<float> data, float mean, float std)
    {
        for (int i = 0; i < data.Length; i++)
        {
            data[i] = NextFloat24();
        }
        for (int i = 0; i + 16 <= data.Length; i += 16)
        {
            NormalFill16(data.Slice(i, 16), mean, std);
        }
        if (data.Length % 16 != 0)
        {
            // Recompute the last 16 values from fresh uniforms, as ATen does.
            Span<float> tail = data[^16..];
            for (int i = 0; i < 16; i++)
            {
                tail[i] = NextFloat24();
            }
            NormalFill16(tail, mean, std);
        }
    }

    private static void NormalFill16(Span<float> data, float mean, float std)
    {
        for (int j = 0; j < 8; j++)
        {
            float u1 = 1f - data[j];
            float u2 = data[j + 8];
            float radius = MathF.Sqrt(-2f * CephesFloat.Log(u1));
            CephesFloat.SinCos(TwoPiFloat * u2, out float sin, out float cos);
            data[j] = MathF.FusedMultiplyAdd(radius * cos, std, mean);
            data[j + 8] = MathF.FusedMultiplyAdd(radius * sin, std, mean);
        }
    }

    /// <summary>ATen's <c>normal_fill&lt;double&gt;</c> (16 or more elements). Caller holds the lock.</summary>
    private void NormalFillDouble(Span<double> data, double mean, double std)
    {
        for (int i = 0; i < data.Length; i++)
        {
            data[i] = NextDouble53();
        }
        for (int i = 0; i + 16 <= data.Length; i += 16)
        {
            NormalFill16(data.Slice(i, 16), mean, std);
        }
        if (data.Length % 16 != 0)
        {
            Span<double> tail = data[^16..];
            for (int i = 0; i < 16; i++)
            {
                tail[i] = NextDouble53();
            }
            NormalFill16(tail, mean, std);
        }
    }

    private static void NormalFill16(Span<double> data, double mean, double std)
    {
        for (int j = 0; j < 8; j++)
        {
            double u1 = 1 - data[j];
            double u2 = data[j + 8];
            double radius = Math.Sqrt(-2 * Math.Log(u1));
            double theta = 2.0 * Math.PI * u2;
            data[j] = Math.FusedMultiplyAdd(radius * Math.Cos(theta), std, mean);
            data[j + 8] = Math.FusedMultiplyAdd(radius * Math.Sin(theta), std, mean);
        }
    }

    private static void CheckUniformBounds(double from, double to, double min, double max, string dtype, string typeName)
    {
        if (!(from >= min && from <= max))
        {
            throw new ArgumentException($"from is out of bounds for {dtype}");
        }
        if (!(to >= min && to <= max))
        {
            throw new ArgumentException($"to is out of bounds for {dtype}");
        }
        if (!(from <= to))
        {
            throw new ArgumentException(
                $"uniform_ expects to return a [from, to) range, but found from={CppFormat.Double(from)} > to={CppFormat.Double(to)}");
        }
        if (!(to - from <= max))
        {
            throw new ArgumentException(
                $"uniform_ expects to-from <= std::numeric_limits<{typeName}>::max(), but found to={CppFormat.Double(to)} " +
                $"and from={CppFormat.Double(from)} which result in to-from to exceed the limit");
        }
    }

    private static void CheckNormalStd(double std)
    {
        if (!(std >= 0.0))
        {
            throw new ArgumentException($"normal expects std >= 0.0, but found std {CppFormat.Double(std)}");
        }
    }

    private static void CheckLambda(double lambd)
    {
        if (!(lambd >= 0.0))
        {
            throw new ArgumentException($"exponential_ expects lambda >= 0.0, but found lambda={CppFormat.Double(lambd)}");
        }
    }
}
