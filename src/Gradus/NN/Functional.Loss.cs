using System.Globalization;
using Gradus.Ops;

namespace Gradus.NN;

public static partial class F
{
    /// <summary>Mean (or sum, or each) of the squared differences, as <c>F.mse_loss</c>.</summary>
    public static Tensor MseLoss(Tensor input, Tensor target, Reduction reduction = Reduction.Mean)
    {
        WarnIfBroadcast(input, target);
        var d = input - target;
        return Reduce(d * d, reduction);
    }

    /// <summary>Mean (or sum, or each) of the absolute differences, as <c>F.l1_loss</c>.</summary>
    public static Tensor L1Loss(Tensor input, Tensor target, Reduction reduction = Reduction.Mean)
    {
        WarnIfBroadcast(input, target);
        return Reduce((input - target).Abs(), reduction);
    }

    /// <summary>
    /// Squared error for |x − y| &lt; delta, linear beyond (0.5·d² or delta·(|d| − delta/2)), as <c>F.huber_loss</c>.
    /// </summary>
    public static Tensor HuberLoss(Tensor input, Tensor target, Reduction reduction = Reduction.Mean, double delta = 1.0)
    {
        if (!(delta > 0)) throw new ArgumentException("huber_loss does not support non-positive values for delta.");
        WarnIfBroadcast(input, target);
        var d = input - target;
        var ad = d.Abs();
        return Reduce(Torch.Where(ad.Lt(delta), 0.5 * d * d, delta * (ad - 0.5 * delta)), reduction);
    }

    /// <summary>
    /// −w·(y·log x + (1 − y)·log(1 − x)) for probabilities x, logs clamped at −100, as <c>F.binary_cross_entropy</c>.
    /// </summary>
    public static Tensor BinaryCrossEntropy(Tensor input, Tensor target, Tensor? weight = null, Reduction reduction = Reduction.Mean)
    {
        if (!Shapes.SameShape(input.shape, target.shape))
            throw new ArgumentException($"Using a target size ({target.Shape}) that is different to the input size ({input.Shape}) is deprecated. Please ensure they have the same size.");
        foreach (var v in input.ToArray<double>())
            if (!(v >= 0 && v <= 1)) throw new InvalidOperationException("all elements of input should be between 0 and 1");
        if (weight is not null) weight = weight.Expand(Shapes.Broadcast(target.shape, weight.shape));
        return Reduce(LossOp.BinaryCrossEntropy(input, target, weight), reduction);
    }

    /// <summary>
    /// Binary cross-entropy on logits, computed stably (never overflows for large |x|), with optional
    /// per-class <paramref name="posWeight"/> on the positive term, as <c>F.binary_cross_entropy_with_logits</c>.
    /// </summary>
    public static Tensor BinaryCrossEntropyWithLogits(Tensor input, Tensor target, Tensor? weight = null,
        Reduction reduction = Reduction.Mean, Tensor? posWeight = null)
    {
        if (!Shapes.SameShape(input.shape, target.shape))
            throw new ArgumentException($"Target size ({target.Shape}) must be the same as input size ({input.Shape})");
        var maxVal = (-input).Clamp(min: 0);
        var logSum = ((-maxVal).Exp() + (-input - maxVal).Exp()).Log() + maxVal;
        var loss = posWeight is null
            ? (1.0 - target) * input + logSum
            : (1.0 - target) * input + ((posWeight - 1.0) * target + 1.0) * logSum;
        if (weight is not null) loss = loss * weight;
        return Reduce(loss, reduction);
    }

    /// <summary>
    /// Negative log-likelihood of class indices given log-probabilities ([N, C], [C] or [N, C, d1, ...]), with
    /// class weights and an ignored index; the mean divides by the summed weights, as <c>F.nll_loss</c>.
    /// </summary>
    public static Tensor NllLoss(Tensor input, Tensor target, Tensor? weight = null, long ignoreIndex = -100, Reduction reduction = Reduction.Mean)
    {
        var (flat, targets, classes) = ClassesLast(input, target);
        var w = ClassWeights(weight, classes);
        var per = LossOp.NllPick(flat, targets, w, ignoreIndex);
        return reduction switch
        {
            Reduction.None => per.Reshape(target.shape),
            Reduction.Sum => per.Sum(),
            _ => per.Sum() / TotalWeight(targets, w, ignoreIndex),
        };
    }

    /// <summary>
    /// Cross-entropy of logits, as <c>F.cross_entropy</c>: log-softmax over the class dim then NLL for class
    /// indices (weights, ignored index, label smoothing), or the soft cross-entropy for a probability target of the
    /// input's shape. Stable for large logits.
    /// </summary>
    public static Tensor CrossEntropy(Tensor input, Tensor target, Tensor? weight = null, long ignoreIndex = -100,
        Reduction reduction = Reduction.Mean, double labelSmoothing = 0.0)
    {
        if (!(labelSmoothing >= 0 && labelSmoothing <= 1))
            throw new ArgumentException($"label_smoothing must be between 0.0 and 1.0. Got: {labelSmoothing.ToString(CultureInfo.InvariantCulture)}");
        if (input.Dim == 0) throw new ArgumentException("Expected 1 or more dimensions (got 0)");
        int classDim = input.Dim == 1 ? 0 : 1;
        int classes = input.shape[classDim];
        var logp = LogSoftmax(input, classDim);
        var wView = weight is null ? null : ClassWeightView(weight, classes, input.Dim, classDim);
        if (target.IsFloatingPoint && Shapes.SameShape(input.shape, target.shape))
        {
            var probs = labelSmoothing > 0 ? target * (1 - labelSmoothing) + labelSmoothing / classes : target;
            var prod = logp * probs;
            if (wView is not null) prod = prod * wView;
            return reduction switch
            {
                Reduction.None => -prod.Sum(classDim),
                Reduction.Sum => -prod.Sum(),
                _ => -prod.Sum() / (input.Numel == 0 ? double.NaN : input.Numel / (double)classes),
            };
        }
        var nll = NllLoss(logp, target, weight, ignoreIndex, reduction);
        if (labelSmoothing == 0) return nll;
        var smooth = -(wView is null ? logp : logp * wView).Sum(classDim);
        var ignored = target.Eq(Torch.Scalar(ignoreIndex, DType.Int64));
        smooth = Torch.Where(ignored, 0.0, smooth);
        Tensor ret = reduction switch
        {
            Reduction.None => smooth,
            Reduction.Sum => smooth.Sum(),
            _ => smooth.Sum() / TotalWeight(target.ToArray<long>(), weight is null ? null : ClassWeights(weight, classes), ignoreIndex),
        };
        return (1 - labelSmoothing) * nll + ret * (labelSmoothing / classes);
    }

    /// <summary>Applies the reduction to per-element losses.</summary>
    private static Tensor Reduce(Tensor loss, Reduction reduction) => reduction switch
    {
        Reduction.None => loss,
        Reduction.Sum => loss.Sum(),
        Reduction.Mean => loss.Mean(),
        _ => throw new ArgumentException($"{reduction} is not a valid value for reduction"),
    };

    private static void WarnIfBroadcast(Tensor input, Tensor target)
    {
        if (!Shapes.SameShape(input.shape, target.shape))
            Warnings.Warn($"Using a target size ({target.Shape}) that is different to the input size ({input.Shape}). " +
                          "This will likely lead to incorrect results due to broadcasting. Please ensure they have the same size.");
    }

    /// <summary>Checks NLL's input and target and returns the input as [M, C] rows with M class indices.</summary>
    private static (Tensor Flat, long[] Targets, int Classes) ClassesLast(Tensor input, Tensor target)
    {
        if (input.Dim < 1) throw new ArgumentException($"Expected 1 or more dimensions (got {input.Dim})");
        if (input.Dim != 1 && input.shape[0] != (target.Dim == 0 ? 1 : target.shape[0]))
            throw new ArgumentException($"Expected input batch_size ({input.shape[0]}) to match target batch_size ({(target.Dim == 0 ? 1 : target.shape[0])}).");
        int classDim = input.Dim == 1 ? 0 : 1;
        int classes = input.shape[classDim];
        if (input.Dim <= 2)
        {
            if (target.Dim > 1) throw new ArgumentException("0D or 1D target tensor expected, multi-target not supported");
            if (input.Dim == 1 && target.Numel != 1) throw new ArgumentException($"Expected a 0D target for a 1D input, got shape {Shapes.Format(target.shape)}");
        }
        else
        {
            int[] expected = [input.shape[0], .. input.shape[2..]];
            if (!Shapes.SameShape(expected, target.shape))
                throw new ArgumentException($"Expected target size {Shapes.Format(expected)}, got {Shapes.Format(target.shape)}");
        }
        if (target.DType != DType.Int64) throw new ArgumentException($"expected scalar type Long but found {ScalarTypeName(target.DType)}");
        Tensor flat = input.Dim switch
        {
            1 => input.Reshape(1, classes),
            2 => input,
            _ => input.Permute([0, .. Enumerable.Range(2, input.Dim - 2), 1]).Reshape(-1, classes),
        };
        return (flat, target.ToArray<long>(), classes);
    }

    private static string ScalarTypeName(DType d) => d switch
    {
        DType.Float32 => "Float",
        DType.Float64 => "Double",
        DType.Int64 => "Long",
        _ => "Bool",
    };

    /// <summary>The class weights as doubles, after checking there is one per class.</summary>
    private static double[]? ClassWeights(Tensor? weight, int classes)
    {
        if (weight is null) return null;
        if (weight.Dim != 1 || weight.Numel != classes)
            throw new ArgumentException($"weight tensor should be defined either for all {classes} classes or no classes but got weight tensor of shape: {Shapes.Format(weight.shape)}");
        return weight.ToArray<double>();
    }

    /// <summary>The class weights shaped to broadcast along the class dim of an input of <paramref name="ndim"/> dims.</summary>
    private static Tensor ClassWeightView(Tensor weight, int classes, int ndim, int classDim)
    {
        ClassWeights(weight, classes);
        var shape = Enumerable.Repeat(1, ndim).ToArray();
        shape[classDim] = classes;
        return weight.Reshape(shape);
    }

    /// <summary>The sum of the weights of the targets that are not ignored (their count when unweighted).</summary>
    private static double TotalWeight(long[] targets, double[]? weight, long ignoreIndex)
    {
        double total = 0;
        foreach (var t in targets)
            if (t != ignoreIndex) total += weight?[t] ?? 1.0;
        return total;
    }
}
