using Gradus.Random;

namespace Gradus.Data.Samplers;

/// <summary>
/// Random indices, as <c>torch.utils.data.RandomSampler</c>: without replacement a permutation per n samples, with
/// replacement uniform draws. Without a generator every epoch seeds a fresh generator from one draw of
/// <see cref="Generator.Default"/>, as PyTorch does, so <c>Torch.ManualSeed</c> fixes the epochs' orders.
/// </summary>
public sealed class RandomSampler : Sampler<int>
{
    private readonly Func<int> _dataCount;
    private readonly int? _numSamples;

    /// <summary>Samples <paramref name="dataSource"/> at random (its size is read at each epoch).</summary>
    public RandomSampler(Dataset dataSource, bool replacement = false, int? numSamples = null, Generator? generator = null)
        : this(CountOf(dataSource), replacement, numSamples, generator) { }

    /// <summary>Samples 0..<paramref name="count"/>-1 at random, as <c>RandomSampler(range(count), ...)</c>.</summary>
    public RandomSampler(int count, bool replacement = false, int? numSamples = null, Generator? generator = null)
        : this(FixedCount(count), replacement, numSamples, generator) { }

    private RandomSampler(Func<int> dataCount, bool replacement, int? numSamples, Generator? generator)
    {
        _dataCount = dataCount;
        _numSamples = numSamples;
        Replacement = replacement;
        Generator = generator;
        if (Count <= 0)
            throw new ArgumentException($"num_samples should be a positive integer value, but got num_samples={Count}", nameof(numSamples));
    }

    /// <summary>Whether indices are drawn with replacement.</summary>
    public bool Replacement { get; }

    /// <summary>The generator the draws come from; null means a fresh one per epoch seeded from the default generator.</summary>
    public Generator? Generator { get; }

    /// <summary>The number of indices per epoch (<c>num_samples</c>; the data set's size unless given).</summary>
    public override int Count => _numSamples ?? _dataCount();

    /// <inheritdoc/>
    public override IEnumerator<int> GetEnumerator()
    {
        int n = _dataCount();
        int total = Count;
        var generator = Generator ?? new Generator(Seeds.Draw(Random.Generator.Default));
        if (Replacement)
        {
            // torch.randint(high=n, size=(32,)) per 32 samples: the same stream as drawing them one after another.
            var chunk = new long[32];
            for (int done = 0; done < total; done += chunk.Length)
            {
                int length = Math.Min(chunk.Length, total - done);
                generator.RandomInt(chunk.AsSpan(0, length), 0, n);
                for (int k = 0; k < length; k++)
                    yield return (int)chunk[k];
            }
        }
        else
        {
            if (n == 0)
                throw new InvalidOperationException("RandomSampler: cannot draw samples without replacement from an empty data set");
            // As PyTorch: num_samples // n whole permutations, then one more permutation cut to num_samples % n
            // (drawn even when that is 0, which moves the generator on).
            for (int whole = total / n; whole > 0; whole--)
            {
                foreach (long i in generator.Randperm(n))
                    yield return (int)i;
            }
            long[] last = generator.Randperm(n);
            for (int k = 0; k < total % n; k++)
                yield return (int)last[k];
        }
    }

    private static Func<int> CountOf(Dataset dataSource)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        return () => dataSource.Count;
    }

    private static Func<int> FixedCount(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return () => count;
    }
}
