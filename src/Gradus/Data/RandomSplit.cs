using Gradus.Random;

namespace Gradus.Data;

public abstract partial class Dataset
{
    /// <summary>
    /// Splits <paramref name="dataset"/> at random into non-overlapping subsets of the given lengths, as
    /// <c>torch.utils.data.random_split</c>: one <c>randperm(sum(lengths), generator)</c> cut into consecutive slices.
    /// The default generator is <see cref="Generator.Default"/>.
    /// </summary>
    public static Subset<T>[] RandomSplit<T>(Dataset<T> dataset, IReadOnlyList<int> lengths, Generator? generator = null)
    {
        ArgumentNullException.ThrowIfNull(lengths);
        return RandomSplit(dataset, lengths.Select(l => (double)l).ToArray(), generator);
    }

    /// <summary>
    /// Splits <paramref name="dataset"/> at random by lengths or, when they sum to 1, by fractions: each split gets
    /// <c>floor(fraction * len(dataset))</c> and the remainder is dealt out one by one from the first split, as
    /// <c>torch.utils.data.random_split(dataset, [0.8, 0.2], generator)</c>.
    /// </summary>
    public static Subset<T>[] RandomSplit<T>(Dataset<T> dataset, IReadOnlyList<double> lengths, Generator? generator = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(lengths);
        int n = dataset.Count;
        int[] sizes = SplitSizes(lengths, n);
        long[] order = (generator ?? Generator.Default).Randperm(n);
        var subsets = new Subset<T>[sizes.Length];
        int start = 0;
        for (int s = 0; s < sizes.Length; s++)
        {
            var indices = new int[sizes[s]];
            for (int k = 0; k < indices.Length; k++)
                indices[k] = (int)order[start + k];
            subsets[s] = new Subset<T>(dataset, indices);
            start += sizes[s];
        }
        return subsets;
    }

    // PyTorch's rule: a list whose sum is close to 1 (and at most 1) is fractions, anything else is lengths.
    private static int[] SplitSizes(IReadOnlyList<double> lengths, int n)
    {
        double sum = 0;
        foreach (double l in lengths)
            sum += l;
        int[] sizes;
        if (Math.Abs(sum - 1) <= 1e-9 * Math.Max(Math.Abs(sum), 1) && sum <= 1)
        {
            sizes = new int[lengths.Count];
            for (int i = 0; i < sizes.Length; i++)
            {
                if (!(lengths[i] >= 0 && lengths[i] <= 1))
                    throw new ArgumentException($"Fraction at index {i} is not between 0 and 1", nameof(lengths));
                sizes[i] = (int)Math.Floor(n * lengths[i]);
            }
            int remainder = n - sizes.Sum();
            for (int i = 0; i < remainder; i++)
                sizes[i % sizes.Length]++;
            for (int i = 0; i < sizes.Length; i++)
            {
                if (sizes[i] == 0)
                    Console.Error.WriteLine($"UserWarning: Length of split at index {i} is 0. This might result in an empty dataset.");
            }
        }
        else
        {
            sizes = new int[lengths.Count];
            for (int i = 0; i < sizes.Length; i++)
            {
                double l = lengths[i];
                if (!(l >= 0) || l != Math.Floor(l) || l > int.MaxValue)
                    throw new ArgumentException($"RandomSplit: length at index {i} must be a non-negative integer (or all lengths fractions summing to 1), got {l}", nameof(lengths));
                sizes[i] = (int)l;
            }
        }
        if (sizes.Sum(s => (long)s) != n)
            throw new ArgumentException("Sum of input lengths does not equal the length of the input dataset!", nameof(lengths));
        return sizes;
    }
}
