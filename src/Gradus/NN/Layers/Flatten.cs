namespace Gradus.NN;

/// <summary>Flattens dims <see cref="StartDim"/>..<see cref="EndDim"/> into one, as <c>nn.Flatten</c> (by default all but the batch dim).</summary>
public sealed class Flatten(int startDim = 1, int endDim = -1) : Module
{
    /// <summary>The first dim flattened.</summary>
    public int StartDim { get; } = startDim;

    /// <summary>The last dim flattened.</summary>
    public int EndDim { get; } = endDim;

    /// <summary>Flattens the input, as <c>input.flatten(start_dim, end_dim)</c>.</summary>
    public override Tensor Forward(Tensor input) => input.Flatten(StartDim, EndDim);

    /// <inheritdoc/>
    public override string ExtraRepr() => $"start_dim={StartDim}, end_dim={EndDim}";
}

/// <summary>Splits one dim into several, as <c>nn.Unflatten(dim, unflattened_size)</c>.</summary>
public sealed class Unflatten(int dim, params int[] unflattenedSize) : Module
{
    /// <summary>The dim that is split.</summary>
    public int Dimension { get; } = dim;

    /// <summary>The sizes it is split into.</summary>
    public IReadOnlyList<int> UnflattenedSize { get; } = (int[])unflattenedSize.Clone();

    /// <summary>Splits the dim, as <c>input.unflatten(dim, sizes)</c>.</summary>
    public override Tensor Forward(Tensor input) => input.Unflatten(Dimension, [.. UnflattenedSize]);

    /// <inheritdoc/>
    public override string ExtraRepr() => $"dim={Dimension}, unflattened_size={PyRepr.Tuple(UnflattenedSize)}";
}
