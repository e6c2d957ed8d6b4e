using System.Numerics;

namespace Gradus.Random;

public sealed partial class Generator
{
    private const int MaxCategories = 1 << 24;

    /// <summary>Samples category indices from float32 weights as <c>torch.multinomial(w, numSamples, replacement)</c>.</summary>
    public long[] Multinomial(ReadOnlySpan<float> weights, int numSamples, bool replacement = false) =>
        MultinomialCore(weights, 1, numSamples, replacement);

    /// <summary>Samples category indices from float64 weights as <c>torch.multinomial(w, numSamples, replacement)</c>.</summary>
    public long[] Multinomial(ReadOnlySpan<double> weights, int numSamples, bool replacement = false) =>
        MultinomialCore(weights, 1, numSamples, replacement);

    /// <summary>
    /// Row-wise <c>torch.multinomial</c> on a (rows, categories) float32 matrix stored row-major;
    /// returns (rows, numSamples) indices row-major.
    /// </summary>
    public long[] Multinomial(ReadOnlySpan<float> weights, int rows, int numSamples, bool replacement = false) =>
        MultinomialCore(weights, rows, numSamples, replacement);

    /// <summary>
    /// Row-wise <c>torch.multinomial</c> on a (rows, categories) float64 matrix stored row-major;
    /// returns (rows, numSamples) indices row-major.
    /// </summary>
    public long[] Multinomial(ReadOnlySpan<double> weights, int rows, int numSamples, bool replacement = false) =>
        MultinomialCore(weights, rows, numSamples, replacement);

    private long[] MultinomialCore<T>(ReadOnlySpan<T> weights, int rows, int numSamples, bool replacement)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (rows <= 0 || weights.Length % rows != 0)
        {
            throw new ArgumentException(
                $"multinomial: {weights.Length} weights cannot be split into {rows} rows of equal length");
        }
        int categories = weights.Length / rows;
        if (numSamples <= 0)
        {
            throw new ArgumentException("cannot sample n_sample <= 0 samples");
        }
        if (!replacement && numSamples > categories)
        {
            throw new ArgumentException("cannot sample n_sample > prob_dist.size(-1) samples without replacement");
        }
        if (categories > MaxCategories)
        {
            throw new ArgumentException("number of categories cannot exceed 2^24");
        }
        var result = new long[rows * numSamples];
        if (!replacement)
        {
            SampleByExponentialRace(weights, rows, categories, numSamples, result);
        }
        else
        {
            SampleWithReplacement(weights, rows, categories, numSamples, result);
        }
        return result;
    }

    /// <summary>
    /// PyTorch's path without replacement: q ~ Exp(1), take the top-k of p / q per row.
    /// </summary>
    private void SampleByExponentialRace<T>(ReadOnlySpan<T> weights, int rows, int categories, int numSamples, long[] result)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (int i = 0; i < weights.Length; i++)
        {
            T w = weights[i];
            if (!(w < T.PositiveInfinity && w >= T.Zero))
            {
                throw new ArgumentException("probability tensor contains either `inf`, `nan` or element < 0");
            }
        }
        for (int r = 0; r < rows; r++)
        {
            T sum = T.Zero;
            foreach (T w in weights.Slice(r * categories, categories))
            {
                sum += w;
            }
            if (sum == T.Zero)
            {
                throw new ArgumentException("invalid multinomial distribution (sum of probabilities <= 0)");
            }
        }

        var q = new T[weights.Length];
        lock (_sync)
        {
            for (int i = 0; i < q.Length; i++)
            {
                q[i] = T.CreateChecked(NextExponential(1.0));
            }
        }
        for (int i = 0; i < q.Length; i++)
        {
            q[i] = weights[i] / q[i];
        }

        var order = new int[categories];
        for (int r = 0; r < rows; r++)
        {
            int offset = r * categories;
            for (int c = 0; c < categories; c++)
            {
                order[c] = c;
            }
            // Largest first (NaN counts as largest, as topk does); ties keep the lower index.
            Array.Sort(order, (a, b) =>
            {
                int byValue = CompareDescending(q[offset + a], q[offset + b]);
                return byValue != 0 ? byValue : a.CompareTo(b);
            });
            for (int k = 0; k < numSamples; k++)
            {
                result[(r * numSamples) + k] = order[k];
            }
        }
    }

    private static int CompareDescending<T>(T x, T y)
        where T : IFloatingPointIeee754<T>
    {
        bool xNaN = T.IsNaN(x), yNaN = T.IsNaN(y);
        if (xNaN || yNaN)
        {
            return xNaN == yNaN ? 0 : (xNaN ? -1 : 1);
        }
        return x > y ? -1 : (x < y ? 1 : 0);
    }

    /// <summary>PyTorch's CPU kernel with replacement: normalized cumulative sums and a binary search per draw.</summary>
    private void SampleWithReplacement<T>(ReadOnlySpan<T> weights, int rows, int categories, int numSamples, long[] result)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var cumulative = new T[categories];
        lock (_sync)
        {
            for (int r = 0; r < rows; r++)
            {
                ReadOnlySpan<T> row = weights.Slice(r * categories, categories);
                T sum = T.Zero;
                for (int j = 0; j < categories; j++)
                {
                    T w = row[j];
                    if (!(w >= T.Zero))
                    {
                        throw new ArgumentException("invalid multinomial distribution (encountering probability entry < 0)");
                    }
                    if (!T.IsFinite(w))
                    {
                        throw new ArgumentException("invalid multinomial distribution (encountering probability entry = infinity or NaN)");
                    }
                    sum += w;
                    cumulative[j] = sum;
                }
                if (!(sum > T.Zero))
                {
                    throw new ArgumentException("invalid multinomial distribution (sum of probabilities <= 0)");
                }
                for (int j = 0; j < categories; j++)
                {
                    cumulative[j] /= sum;
                }
                cumulative[categories - 1] = T.One;
                for (int k = 0; k < numSamples; k++)
                {
                    double u = NextDouble53();
                    int left = 0, right = categories;
                    while (right - left > 0)
                    {
                        int mid = left + ((right - left) / 2);
                        if (double.CreateChecked(cumulative[mid]) < u)
                        {
                            left = mid + 1;
                        }
                        else
                        {
                            right = mid;
                        }
                    }
                    result[(r * numSamples) + k] = left;
                }
            }
        }
    }
}
