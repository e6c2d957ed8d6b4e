namespace Gradus.NN;

/// <summary>Binary cross-entropy of probabilities, as <c>nn.BCELoss</c>; the weight is a buffer.</summary>
public sealed class BCELoss(Tensor? weight = null, Reduction reduction = Reduction.Mean) : Loss(reduction)
{
    [Buffer] private readonly Tensor? weight = weight;

    /// <summary>The per-element rescaling weight, or null.</summary>
    public Tensor? Weight => weight;

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input, Tensor target) => F.BinaryCrossEntropy(input, target, weight, Reduction);
}

/// <summary>Binary cross-entropy of logits (sigmoid folded in, stable), as <c>nn.BCEWithLogitsLoss</c>.</summary>
public sealed class BCEWithLogitsLoss(Tensor? weight = null, Reduction reduction = Reduction.Mean, Tensor? posWeight = null) : Loss(reduction)
{
    [Buffer] private readonly Tensor? weight = weight;
    [Buffer] private readonly Tensor? posWeight = posWeight;

    /// <summary>The per-element rescaling weight, or null.</summary>
    public Tensor? Weight => weight;

    /// <summary>The weight of positive examples per class, or null.</summary>
    public Tensor? PosWeight => posWeight;

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input, Tensor target) =>
        F.BinaryCrossEntropyWithLogits(input, target, weight, Reduction, posWeight);
}

/// <summary>Negative log-likelihood of class indices given log-probabilities, as <c>nn.NLLLoss</c>.</summary>
public sealed class NLLLoss(Tensor? weight = null, long ignoreIndex = -100, Reduction reduction = Reduction.Mean) : Loss(reduction)
{
    [Buffer] private readonly Tensor? weight = weight;

    /// <summary>The per-class weight, or null.</summary>
    public Tensor? Weight => weight;

    /// <summary>The target value that contributes nothing.</summary>
    public long IgnoreIndex { get; } = ignoreIndex;

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input, Tensor target) => F.NllLoss(input, target, weight, IgnoreIndex, Reduction);
}

/// <summary>Cross-entropy of logits against class indices or class probabilities, as <c>nn.CrossEntropyLoss</c>.</summary>
public sealed class CrossEntropyLoss(Tensor? weight = null, long ignoreIndex = -100, Reduction reduction = Reduction.Mean,
    double labelSmoothing = 0.0) : Loss(reduction)
{
    [Buffer] private readonly Tensor? weight = weight;

    /// <summary>The per-class weight, or null.</summary>
    public Tensor? Weight => weight;

    /// <summary>The target value that contributes nothing.</summary>
    public long IgnoreIndex { get; } = ignoreIndex;

    /// <summary>The amount of smoothing towards the uniform distribution, in [0, 1].</summary>
    public double LabelSmoothing { get; } = labelSmoothing;

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input, Tensor target) =>
        F.CrossEntropy(input, target, weight, IgnoreIndex, Reduction, LabelSmoothing);
}
