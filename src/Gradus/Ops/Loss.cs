namespace Gradus.Ops;

/// <summary>
/// Loss kernels with PyTorch's own backward rules: the negative log-likelihood pick (and its adjoint, the
/// place) over class indices, and binary cross-entropy with its clamped logs.
/// </summary>
internal static class LossOp
{
    /// <summary>
    /// loss[i] = −w[t_i]·x[i, t_i] for a [N, C] input and N class indices (0 where t_i is <paramref name="ignoreIndex"/>).
    /// Throws PyTorch's "Target 5 is out of bounds." for an index outside [0, C).
    /// </summary>
    public static Tensor NllPick(Tensor x, long[] target, double[]? weight, long ignoreIndex)
    {
        int n = x.shape[0], c = x.shape[1];
        foreach (var t in target)
            if (t != ignoreIndex && (t < 0 || t >= c)) throw new IndexOutOfRangeException($"Target {t} is out of bounds.");
        var src = x.Detach().Contiguous();
        var r = Torch.Empty([n], x.DType);
        for (int i = 0; i < n; i++)
        {
            long t = target[i];
            if (t == ignoreIndex) continue;
            double w = weight?[t] ?? 1.0;
            r.SetFlat(i, -w * src.GetFlat(i * c + (int)t));
        }
        return Tensor.Record(r, "NllLossBackward0", [x], g => [NllPlace(g, target, weight, ignoreIndex, c)]);
    }

    /// <summary>The adjoint of <see cref="NllPick"/>: a [N, C] tensor holding −w[t_i]·g[i] at (i, t_i) and zeros elsewhere.</summary>
    public static Tensor NllPlace(Tensor g, long[] target, double[]? weight, long ignoreIndex, int classes)
    {
        int n = target.Length;
        var src = g.Detach().Contiguous();
        var r = Torch.Empty([n, classes], g.DType);
        for (int i = 0; i < n; i++)
        {
            long t = target[i];
            if (t == ignoreIndex) continue;
            double w = weight?[t] ?? 1.0;
            r.SetFlat(i * classes + (int)t, -w * src.GetFlat(i));
        }
        return Tensor.Record(r, "NllLossBackwardBackward0", [g], gg => [NllPick(gg, target, weight, ignoreIndex)]);
    }

    /// <summary>
    /// Unreduced binary cross-entropy −w·(y·log x + (1 − y)·log(1 − x)) with each log clamped at −100, and
    /// PyTorch's gradients: w·(x − y)/max(x(1 − x), 1e-12) for the input, −w·(log x − log(1 − x)) (unclamped) for the target;
    /// the weight (same shape as x) is a constant.
    /// </summary>
    public static Tensor BinaryCrossEntropy(Tensor x, Tensor y, Tensor? weight)
    {
        if (weight is { RequiresGrad: true } && GradMode.IsEnabled)
            throw new ArgumentException("The function 'binary_cross_entropy' is not differentiable with respect to argument 'weight'. This input cannot have requires_grad True.");
        var xd = x.Detach();
        var yd = y.Detach();
        var logX = xd.Log().Clamp(min: -100);
        var log1mX = (1.0 - xd).Log().Clamp(min: -100);
        var r = -(yd * logX + (1.0 - yd) * log1mX);
        if (weight is not null) r = r * weight.Detach();
        return Tensor.Record(r, "BinaryCrossEntropyBackward0", [x, y], g =>
        {
            var gw = weight is null ? g : g * weight.Detach();
            Tensor? gx = x.RequiresGrad ? gw * (x - y) / (x * (1.0 - x)).Clamp(min: 1e-12) : null;
            Tensor? gy = y.RequiresGrad ? -gw * (x.Log() - (1.0 - x).Log()) : null;
            return [gx, gy];
        }, x, y);
    }
}
