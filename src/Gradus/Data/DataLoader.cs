using Gradus.Data.Samplers;
using Gradus.Random;

namespace Gradus.Data;

/// <summary>
/// Iterates a data set in batches, as <c>torch.utils.data.DataLoader</c>: a sampler orders the sample indices
/// (reshuffled every epoch when <c>shuffle</c>), a batch sampler groups them, and <see cref="Collate"/> turns each
/// group of samples into a batch. Each enumeration is one epoch; a background task loads up to
/// <see cref="Prefetch"/> batches ahead, in order. Random draws follow PyTorch 1.13 exactly, so the same seed
/// gives the same batches (every epoch also draws PyTorch's per-epoch base seed from the generator).
/// </summary>
public class DataLoader<TItem, TBatch> : IEnumerable<TBatch>
{
    private readonly Func<int[], TBatch> _fetch;

    /// <summary>A loader over <paramref name="dataset"/> whose batches are made by <paramref name="collate"/>.</summary>
    public DataLoader(Dataset<TItem> dataset, Func<IReadOnlyList<TItem>, TBatch> collate, int batchSize = 1, bool shuffle = false,
        Sampler<int>? sampler = null, Sampler<int[]>? batchSampler = null, bool dropLast = false, Generator? generator = null, int prefetch = 2)
        : this(dataset, collate, batchSize, shuffle, sampler, batchSampler, dropLast, generator, prefetch, null) { }

    /// <summary>The full constructor; <paramref name="fetch"/> replaces the sample-by-sample load and collate when given.</summary>
    private protected DataLoader(Dataset<TItem> dataset, Func<IReadOnlyList<TItem>, TBatch> collate, int batchSize, bool shuffle,
        Sampler<int>? sampler, Sampler<int[]>? batchSampler, bool dropLast, Generator? generator, int prefetch, Func<int[], TBatch>? fetch)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(collate);
        if (sampler is not null && shuffle)
            throw new ArgumentException("sampler option is mutually exclusive with shuffle", nameof(sampler));
        if (batchSampler is not null && (batchSize != 1 || shuffle || sampler is not null || dropLast))
            throw new ArgumentException("batch_sampler option is mutually exclusive with batch_size, shuffle, sampler, and drop_last", nameof(batchSampler));
        ArgumentOutOfRangeException.ThrowIfNegative(prefetch);

        Dataset = dataset;
        Collate = collate;
        Generator = generator;
        Prefetch = prefetch;
        Sampler = sampler ?? (shuffle ? new RandomSampler(dataset, generator: generator) : new SequentialSampler(dataset));
        if (batchSampler is null)
        {
            BatchSampler = new BatchSampler(Sampler, batchSize, dropLast);
            BatchSize = batchSize;
            DropLast = dropLast;
        }
        else
        {
            BatchSampler = batchSampler;
        }
        _fetch = fetch ?? (indices =>
        {
            var samples = new TItem[indices.Length];
            for (int k = 0; k < samples.Length; k++)
                samples[k] = dataset[indices[k]];
            return collate(samples);
        });
    }

    /// <summary>The data set the batches come from.</summary>
    public Dataset<TItem> Dataset { get; }

    /// <summary>The number of samples per batch; null when a custom <see cref="BatchSampler"/> was given.</summary>
    public int? BatchSize { get; }

    /// <summary>Whether a last, shorter batch is dropped.</summary>
    public bool DropLast { get; }

    /// <summary>The order of sample indices (sequential, random, or the one given).</summary>
    public Sampler<int> Sampler { get; }

    /// <summary>The grouping of sample indices into batches.</summary>
    public Sampler<int[]> BatchSampler { get; }

    /// <summary>The step that turns a list of samples into a batch.</summary>
    public Func<IReadOnlyList<TItem>, TBatch> Collate { get; }

    /// <summary>The generator for shuffling and the per-epoch base seed; null means <see cref="Random.Generator.Default"/>.</summary>
    public Generator? Generator { get; }

    /// <summary>How many batches a background task loads ahead; 0 loads each batch on the enumerating thread when asked.</summary>
    public int Prefetch { get; }

    /// <summary>The number of batches per epoch, as <c>len(loader)</c>.</summary>
    public int Count => BatchSampler.Count;

    /// <summary>Starts an epoch: draws the base seed now and the epoch's order at the first <c>MoveNext</c>, as PyTorch does.</summary>
    public IEnumerator<TBatch> GetEnumerator() => new Epoch(this);

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>One pass over the data. The whole order is drawn on the enumerating thread before any loading starts,
    /// so the background task never touches a generator and the draws happen in PyTorch's order.</summary>
    private sealed class Epoch : IEnumerator<TBatch>
    {
        private readonly DataLoader<TItem, TBatch> _loader;
        private List<int[]>? _batches;
        private Prefetcher<TBatch>? _prefetcher;
        private int _next;
        private TBatch _current = default!;

        public Epoch(DataLoader<TItem, TBatch> loader)
        {
            _loader = loader;
            // _BaseDataLoaderIter.__init__: self._base_seed = torch.empty((), dtype=torch.int64).random_(generator=loader.generator)
            Seeds.Draw(loader.Generator ?? Random.Generator.Default);
        }

        public TBatch Current => _current;

        object? System.Collections.IEnumerator.Current => _current;

        public bool MoveNext()
        {
            // Between batches the consumer reads no tensor memory: collected arrays may rejoin the pool here.
            BufferPool.SafePoint(mayCollect: false);
            if (_batches is null)
            {
                _batches = _loader.BatchSampler.ToList();
                if (_loader.Prefetch > 0)
                {
                    var batches = _batches;
                    var fetch = _loader._fetch;
                    _prefetcher = new Prefetcher<TBatch>(batches.Count, i => fetch(batches[i]), _loader.Prefetch, GradMode.IsEnabled);
                }
            }
            if (_prefetcher is not null)
            {
                if (!_prefetcher.TryTake(out _current)) return false;
                Handover.Adopt(_current);
                return true;
            }
            if (_next >= _batches.Count)
                return false;
            _current = _loader._fetch(_batches[_next++]);
            return true;
        }

        public void Reset() => throw new NotSupportedException("A DataLoader epoch cannot be restarted; enumerate the loader again for a new epoch.");

        public void Dispose() => _prefetcher?.Dispose();
    }
}

/// <summary>
/// A data loader over tensor samples (<c>Tensor[]</c>, one tensor per field), as <c>torch.utils.data.DataLoader</c>
/// with <c>default_collate</c>: <c>foreach (var (x, y) in new DataLoader(dataset, batchSize: 64, shuffle: true))</c>.
/// With the default collate, data sets that gather whole batches at once (<see cref="TensorDataset"/>, the MNIST
/// sets) are read that way, with no per-sample tensors.
/// </summary>
public sealed class DataLoader : DataLoader<Tensor[], Tensor[]>
{
    /// <summary>A loader over <paramref name="dataset"/>; <paramref name="collate"/> defaults to stacking each field.</summary>
    public DataLoader(Dataset<Tensor[]> dataset, int batchSize = 1, bool shuffle = false, Sampler<int>? sampler = null,
        Sampler<int[]>? batchSampler = null, bool dropLast = false, Func<IReadOnlyList<Tensor[]>, Tensor[]>? collate = null,
        Generator? generator = null, int prefetch = 2)
        : base(dataset, collate ?? Data.Collate.Default, batchSize, shuffle, sampler, batchSampler, dropLast, generator, prefetch,
            collate is null ? indices => FetchGathered(dataset, indices) : null) { }

    private static Tensor[] FetchGathered(Dataset<Tensor[]> dataset, int[] indices)
    {
        if (dataset.TryGetBatch(indices, out var batch))
            return batch;
        var samples = new Tensor[indices.Length][];
        for (int k = 0; k < samples.Length; k++)
            samples[k] = dataset[indices[k]];
        return Data.Collate.Default(samples);
    }
}
