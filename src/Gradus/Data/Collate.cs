namespace Gradus.Data;

/// <summary>The collate step of a data loader: turning a list of samples into one batch.</summary>
public static class Collate
{
    /// <summary>
    /// Stacks the samples field by field, as <c>torch.utils.data.default_collate</c> on tuples of tensors:
    /// field j of the batch is <c>torch.stack([s[j] for s in samples])</c>.
    /// </summary>
    public static Tensor[] Default(IReadOnlyList<Tensor[]> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        if (samples.Count == 0)
            throw new ArgumentException("default_collate: the batch holds no samples", nameof(samples));
        int fields = samples[0].Length;
        for (int s = 1; s < samples.Count; s++)
        {
            if (samples[s].Length != fields)
                throw new InvalidOperationException(
                    $"each element in list of batch should be of equal size (sample 0 has {fields} tensors, sample {s} has {samples[s].Length})");
        }
        var batch = new Tensor[fields];
        var column = new Tensor[samples.Count];
        for (int j = 0; j < fields; j++)
        {
            for (int s = 0; s < column.Length; s++)
                column[s] = samples[s][j];
            batch[j] = Torch.Stack(column);
        }
        return batch;
    }

    /// <summary>Stacks single-tensor samples into one batch tensor, as <c>default_collate</c> on a list of tensors.</summary>
    public static Tensor Default(IReadOnlyList<Tensor> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        if (samples.Count == 0)
            throw new ArgumentException("default_collate: the batch holds no samples", nameof(samples));
        return Torch.Stack(samples);
    }
}
