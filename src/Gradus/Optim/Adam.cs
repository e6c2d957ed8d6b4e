using System.Numerics;
using Gradus.Kernels;

namespace Gradus.Optim;

/// <summary>
/// Adam, as <c>torch.optim.Adam</c> (AdamW derives from it with decoupled weight decay):
/// <code>
/// m = β1·m + (1 − β1)·d;  v = β2·v + (1 − β2)·d²;  (amsgrad: v̂ = max(v̂, v))
/// p −= lr/(1 − β1^t) · m / (√v / √(1 − β2^t) + eps)
/// </code>
/// </summary>
public class Adam : Optimizer
{
    /// <summary>Creates Adam with PyTorch's defaults.</summary>
    public Adam(IEnumerable<Tensor> parameters, double lr = 1e-3, (double, double)? betas = null, double eps = 1e-8,
        double weightDecay = 0, bool amsgrad = false, bool maximize = false)
        : this(One(parameters), lr, betas, eps, weightDecay, amsgrad, maximize) { }

    /// <summary>Creates Adam over parameter groups.</summary>
    public Adam(IEnumerable<ParamGroup> groups, double lr = 1e-3, (double, double)? betas = null, double eps = 1e-8,
        double weightDecay = 0, bool amsgrad = false, bool maximize = false)
        : base(groups, lr, weightDecay, 0, CheckBetas(betas ?? (0.9, 0.999), eps))
    {
        (Eps, Amsgrad, Maximize) = (eps, amsgrad, maximize);
    }

    /// <summary>Validates betas and eps with PyTorch's messages.</summary>
    internal static (double, double) CheckBetas((double B1, double B2) b, double eps)
    {
        if (eps < 0) throw new ArgumentException($"Invalid epsilon value: {eps}");
        if (b.B1 < 0 || b.B1 >= 1) throw new ArgumentException($"Invalid beta parameter at index 0: {b.B1}");
        if (b.B2 < 0 || b.B2 >= 1) throw new ArgumentException($"Invalid beta parameter at index 1: {b.B2}");
        return b;
    }

    /// <summary>Term added to the denominator.</summary>
    public double Eps { get; }

    /// <summary>Whether the AMSGrad variant is used.</summary>
    public bool Amsgrad { get; }

    /// <summary>Whether the objective is maximised.</summary>
    public bool Maximize { get; }

    /// <summary>True for AdamW: weight decay shrinks the parameter instead of adding to the gradient.</summary>
    protected virtual bool Decoupled => false;

    /// <inheritdoc/>
    protected override void Update<T>(ParamGroup g, Tensor param, Tensor grad, Dictionary<string, Tensor> state)
    {
        var m = Buffer(state, "exp_avg", param).Span<T>();
        var v = Buffer(state, "exp_avg_sq", param).Span<T>();
        var vmax = Amsgrad ? Buffer(state, "max_exp_avg_sq", param).Span<T>() : default;
        double step = NextStep(state);
        var (b1, b2) = g.Betas;
        if (Decoupled) OptimizerKernels.Scale(param.Span<T>(), T.CreateChecked(1 - g.Lr * g.WeightDecay));
        double stepSize = g.Lr / (1 - Math.Pow(b1, step));
        double bc2Sqrt = Math.Sqrt(1 - Math.Pow(b2, step));
        OptimizerKernels.Adam(param.Span<T>(), grad.Span<T>(), m, v, vmax, T.CreateChecked(b1), T.CreateChecked(1 - b1), T.CreateChecked(b2), T.CreateChecked(1 - b2),
            T.CreateChecked(-stepSize), T.CreateChecked(bc2Sqrt), T.CreateChecked(Eps),
            Decoupled ? T.Zero : T.CreateChecked(g.WeightDecay), Amsgrad, Maximize);
    }
}

/// <summary>AdamW, as <c>torch.optim.AdamW</c>: Adam with decoupled weight decay p·(1 − lr·wd), default wd 0.01.</summary>
public sealed class AdamW : Adam
{
    /// <summary>Creates AdamW with PyTorch's defaults.</summary>
    public AdamW(IEnumerable<Tensor> parameters, double lr = 1e-3, (double, double)? betas = null, double eps = 1e-8,
        double weightDecay = 1e-2, bool amsgrad = false, bool maximize = false)
        : base(parameters, lr, betas, eps, weightDecay, amsgrad, maximize) { }

    /// <inheritdoc/>
    protected override bool Decoupled => true;
}
