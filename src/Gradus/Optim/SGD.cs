using System.Numerics;
using Gradus.Kernels;

namespace Gradus.Optim;

/// <summary>
/// Stochastic gradient descent with momentum, dampening, Nesterov and weight decay, as <c>torch.optim.SGD</c>.
/// <code>
/// d = ±g + weight_decay·p
/// buf = d (first step) | momentum·buf + (1 − dampening)·d;  d = nesterov ? d + momentum·buf : buf
/// p = p − lr·d
/// </code>
/// </summary>
public sealed class SGD : Optimizer
{
    /// <summary>Creates SGD over parameters with PyTorch's defaults.</summary>
    public SGD(IEnumerable<Tensor> parameters, double lr, double momentum = 0, double dampening = 0, double weightDecay = 0,
        bool nesterov = false, bool maximize = false)
        : this(One(parameters), lr, momentum, dampening, weightDecay, nesterov, maximize) { }

    /// <summary>Creates SGD over parameter groups.</summary>
    public SGD(IEnumerable<ParamGroup> groups, double lr, double momentum = 0, double dampening = 0, double weightDecay = 0,
        bool nesterov = false, bool maximize = false)
        : base(groups, lr, weightDecay, momentum)
    {
        if (nesterov && (momentum <= 0 || dampening != 0))
            throw new ArgumentException("Nesterov momentum requires a momentum and zero dampening");
        (Dampening, Nesterov, Maximize) = (dampening, nesterov, maximize);
    }

    /// <summary>Dampening for momentum.</summary>
    public double Dampening { get; }

    /// <summary>Whether Nesterov momentum is used.</summary>
    public bool Nesterov { get; }

    /// <summary>Whether the objective is maximised.</summary>
    public bool Maximize { get; }

    /// <inheritdoc/>
    protected override void Update<T>(ParamGroup g, Tensor param, Tensor grad, Dictionary<string, Tensor> state)
    {
        bool first = g.Momentum != 0 && !state.ContainsKey("momentum_buffer");
        var buf = g.Momentum != 0 ? Buffer(state, "momentum_buffer", param).Span<T>() : default;
        OptimizerKernels.Sgd(param.Span<T>(), grad.Span<T>(), buf, first, T.CreateChecked(g.Lr), T.CreateChecked(g.WeightDecay),
            T.CreateChecked(g.Momentum), T.CreateChecked(1 - Dampening), Nesterov, Maximize);
    }
}
