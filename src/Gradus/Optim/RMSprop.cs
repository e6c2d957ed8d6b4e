using System.Numerics;
using Gradus.Kernels;

namespace Gradus.Optim;

/// <summary>
/// RMSprop, as <c>torch.optim.RMSprop</c>:
/// <code>
/// v = α·v + (1 − α)·d²;  centered: ḡ = α·ḡ + (1 − α)·d, avg = √(v − ḡ²) else √v;  avg += eps
/// momentum: buf = μ·buf + d/avg, p −= lr·buf;  else p −= lr·d/avg
/// </code>
/// </summary>
public sealed class RMSprop : Optimizer
{
    /// <summary>Creates RMSprop with PyTorch's defaults.</summary>
    public RMSprop(IEnumerable<Tensor> parameters, double lr = 0.01, double alpha = 0.99, double eps = 1e-8, double weightDecay = 0,
        double momentum = 0, bool centered = false, bool maximize = false)
        : base(One(parameters), lr, weightDecay, momentum)
    {
        if (eps < 0) throw new ArgumentException($"Invalid epsilon value: {eps}");
        if (alpha < 0) throw new ArgumentException($"Invalid alpha value: {alpha}");
        (Alpha, Eps, Centered, Maximize) = (alpha, eps, centered, maximize);
    }

    /// <summary>Smoothing constant.</summary>
    public double Alpha { get; }

    /// <summary>Term added to the denominator.</summary>
    public double Eps { get; }

    /// <summary>Whether the variance estimate is centred.</summary>
    public bool Centered { get; }

    /// <summary>Whether the objective is maximised.</summary>
    public bool Maximize { get; }

    /// <inheritdoc/>
    protected override void Update<T>(ParamGroup g, Tensor param, Tensor grad, Dictionary<string, Tensor> state)
    {
        NextStep(state);
        var sq = Buffer(state, "square_avg", param).Span<T>();
        var gavg = Centered ? Buffer(state, "grad_avg", param).Span<T>() : default;
        var buf = g.Momentum > 0 ? Buffer(state, "momentum_buffer", param).Span<T>() : default;
        OptimizerKernels.RmsProp(param.Span<T>(), grad.Span<T>(), sq, gavg, buf, T.CreateChecked(g.Lr), T.CreateChecked(Alpha), T.CreateChecked(1 - Alpha),
            T.CreateChecked(Eps), T.CreateChecked(g.WeightDecay), T.CreateChecked(g.Momentum), Centered, Maximize);
    }
}
