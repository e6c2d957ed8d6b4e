using System.Numerics;
using Gradus.Kernels;

namespace Gradus.Optim;

/// <summary>
/// Adagrad, as <c>torch.optim.Adagrad</c>:
/// <code>clr = lr / (1 + (step − 1)·lr_decay);  sum += d²;  p −= clr · d / (√sum + eps)</code>
/// </summary>
public sealed class Adagrad : Optimizer
{
    /// <summary>Creates Adagrad with PyTorch's defaults.</summary>
    public Adagrad(IEnumerable<Tensor> parameters, double lr = 0.01, double lrDecay = 0, double weightDecay = 0,
        double initialAccumulatorValue = 0, double eps = 1e-10, bool maximize = false)
        : base(One(parameters), lr, weightDecay)
    {
        if (lrDecay < 0) throw new ArgumentException($"Invalid lr_decay value: {lrDecay}");
        if (initialAccumulatorValue < 0) throw new ArgumentException($"Invalid initial_accumulator_value value: {initialAccumulatorValue}");
        if (eps < 0) throw new ArgumentException($"Invalid epsilon value: {eps}");
        (LrDecay, InitialAccumulatorValue, Eps, Maximize) = (lrDecay, initialAccumulatorValue, eps, maximize);
    }

    /// <summary>Learning-rate decay per step.</summary>
    public double LrDecay { get; }

    /// <summary>Starting value of the squared-gradient sums.</summary>
    public double InitialAccumulatorValue { get; }

    /// <summary>Term added to the denominator.</summary>
    public double Eps { get; }

    /// <summary>Whether the objective is maximised.</summary>
    public bool Maximize { get; }

    /// <inheritdoc/>
    protected override void Update<T>(ParamGroup group, Tensor param, Tensor grad, Dictionary<string, Tensor> state)
    {
        var sum = Buffer(state, "sum", param, InitialAccumulatorValue);
        double step = NextStep(state);
        double clr = group.Lr / (1 + (step - 1) * LrDecay);
        OptimizerKernels.Adagrad(param.Span<T>(), grad.Span<T>(), sum.Span<T>(), T.CreateChecked(clr), T.CreateChecked(group.WeightDecay),
            T.CreateChecked(Eps), Maximize);
    }
}
