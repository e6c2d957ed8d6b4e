namespace Gradus.Data.Samplers;

/// <summary>
/// Groups another sampler's indices into batches of <see cref="BatchSize"/>, the last one shorter unless
/// <see cref="DropLast"/>, as <c>torch.utils.data.BatchSampler</c>.
/// </summary>
public sealed class BatchSampler : Sampler<int[]>
{
    /// <summary>Batches the indices of <paramref name="sampler"/>.</summary>
    public BatchSampler(Sampler<int> sampler, int batchSize, bool dropLast)
    {
        ArgumentNullException.ThrowIfNull(sampler);
        if (batchSize <= 0)
            throw new ArgumentException($"batch_size should be a positive integer value, but got batch_size={batchSize}", nameof(batchSize));
        Sampler = sampler;
        BatchSize = batchSize;
        DropLast = dropLast;
    }

    /// <summary>The sampler whose indices are batched.</summary>
    public Sampler<int> Sampler { get; }

    /// <summary>The number of indices per batch.</summary>
    public int BatchSize { get; }

    /// <summary>Whether a last, shorter batch is dropped.</summary>
    public bool DropLast { get; }

    /// <summary>The number of batches per epoch: <c>len(sampler) // batch_size</c>, rounded up unless <see cref="DropLast"/>.</summary>
    public override int Count => DropLast ? Sampler.Count / BatchSize : (int)(((long)Sampler.Count + BatchSize - 1) / BatchSize);

    /// <inheritdoc/>
    public override IEnumerator<int[]> GetEnumerator()
    {
        var batch = new int[BatchSize];
        int filled = 0;
        foreach (int index in Sampler)
        {
            batch[filled++] = index;
            if (filled == BatchSize)
            {
                yield return batch;
                batch = new int[BatchSize];
                filled = 0;
            }
        }
        if (filled > 0 && !DropLast)
            yield return batch[..filled];
    }
}
