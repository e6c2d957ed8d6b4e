namespace Gradus.Optim;

/// <summary>Gradient clipping, as <c>torch.nn.utils.clip_grad_norm_</c> and <c>clip_grad_value_</c>.</summary>
public static class GradClip
{
    /// <summary>
    /// Scales all gradients together so their total p-norm is at most <paramref name="maxNorm"/>
    /// (coefficient maxNorm / (norm + 1e-6), capped at 1) and returns the total norm before clipping.
    /// </summary>
    public static Tensor ClipGradNorm_(IEnumerable<Tensor> parameters, double maxNorm, double normType = 2.0, bool errorIfNonfinite = false)
    {
        var grads = parameters.Select(p => p.Grad).OfType<Tensor>().ToList();
        if (grads.Count == 0) return Torch.Scalar(0);
        using var _ = Torch.NoGrad();
        // PyTorch 1.13's steps, in the gradients' dtype: the norm of each gradient, the norm of those norms, then
        // coefficient = maxNorm / (total + 1e-6) clamped at 1, multiplied into every gradient.
        var norms = grads.Select(g => Linalg.VectorNorm(g.Detach(), normType)).ToArray();
        var total = Linalg.VectorNorm(Torch.Stack(norms), normType);
        if (errorIfNonfinite && !double.IsFinite(total.Item()))
            throw new InvalidOperationException($"The total norm of order {normType} for gradients from `parameters` is non-finite, so it cannot be clipped. To disable this error and scale the gradients by the non-finite norm anyway, set errorIfNonfinite: false");
        var coef = (maxNorm / (total + 1e-6)).Clamp(max: 1.0);
        foreach (var g in grads) g.Mul_(coef.To(g.DType));
        return total;
    }

    /// <summary>Clamps every gradient element into [−clipValue, clipValue].</summary>
    public static void ClipGradValue_(IEnumerable<Tensor> parameters, double clipValue)
    {
        using var _ = Torch.NoGrad();
        foreach (var p in parameters)
            p.Grad?.Clamp_(-clipValue, clipValue);
    }
}

/// <summary>The course's weight-decay penalties added to an error function: λ·Σ|w| (L1) and λ·Σw² (L2).</summary>
public static class Penalty
{
    /// <summary>λ times the sum of absolute values of the parameters (differentiable).</summary>
    public static Tensor L1(IEnumerable<Tensor> parameters, double lambda) =>
        parameters.Select(p => p.Abs().Sum()).Aggregate((a, b) => a + b) * lambda;

    /// <summary>λ times the sum of squares of the parameters (differentiable).</summary>
    public static Tensor L2(IEnumerable<Tensor> parameters, double lambda) =>
        parameters.Select(p => (p * p).Sum()).Aggregate((a, b) => a + b) * lambda;
}
