namespace Gradus.Optim;

/// <summary>
/// A set of parameters optimised with its own hyperparameters, as one entry of PyTorch's
/// <c>optimizer.param_groups</c>. Options left null take the optimizer's defaults.
/// </summary>
public sealed class ParamGroup
{
    /// <summary>Creates a group; null options take the optimizer's defaults.</summary>
    public ParamGroup(IEnumerable<Tensor> parameters, double? lr = null, double? weightDecay = null,
        double? momentum = null, (double, double)? betas = null)
    {
        Params = parameters.ToList();
        if (Params.Count == 0) throw new ArgumentException("optimizer got an empty parameter list");
        Lr = lr ?? double.NaN;
        WeightDecay = weightDecay ?? double.NaN;
        Momentum = momentum ?? double.NaN;
        Betas = betas ?? (double.NaN, double.NaN);
    }

    /// <summary>The parameters of this group.</summary>
    public IReadOnlyList<Tensor> Params { get; }

    /// <summary>The current learning rate (schedulers change it).</summary>
    public double Lr { get; set; }

    /// <summary>The learning rate when a scheduler first took this group, as <c>initial_lr</c>.</summary>
    public double InitialLr { get; set; } = double.NaN;

    /// <summary>The L2 penalty added to gradients (decoupled in AdamW).</summary>
    public double WeightDecay { get; set; }

    /// <summary>Momentum for SGD and RMSprop (cycled by OneCycleLR).</summary>
    public double Momentum { get; set; }

    /// <summary>Adam-family betas (beta1 is cycled by OneCycleLR).</summary>
    public (double Beta1, double Beta2) Betas { get; set; }

    internal void FillDefaults(double lr, double weightDecay, double momentum, (double, double) betas)
    {
        if (double.IsNaN(Lr)) Lr = lr;
        if (double.IsNaN(WeightDecay)) WeightDecay = weightDecay;
        if (double.IsNaN(Momentum)) Momentum = momentum;
        if (double.IsNaN(Betas.Beta1)) Betas = betas;
    }
}
