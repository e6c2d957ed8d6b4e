namespace Gradus.Optim.Schedulers;

/// <summary>
/// Lowers the rate by <c>factor</c> when a monitored metric stops improving for <c>patience</c>
/// epochs, as <c>ReduceLROnPlateau</c>. Call <see cref="Step"/> with the metric after each epoch.
/// </summary>
public sealed class ReduceLROnPlateau
{
    private readonly bool max, relative;
    private readonly double factor, threshold, minLr, eps;
    private readonly int patience, cooldown;
    private int cooldownCounter;

    /// <summary>Creates the schedule with PyTorch's defaults.</summary>
    public ReduceLROnPlateau(Optimizer optimizer, string mode = "min", double factor = 0.1, int patience = 10, double threshold = 1e-4,
        string thresholdMode = "rel", int cooldown = 0, double minLr = 0, double eps = 1e-8)
    {
        if (factor >= 1.0) throw new ArgumentException("Factor should be < 1.0.");
        if (mode is not ("min" or "max")) throw new ArgumentException($"mode {mode} is unknown!");
        if (thresholdMode is not ("rel" or "abs")) throw new ArgumentException($"threshold mode {thresholdMode} is unknown!");
        Optimizer = optimizer;
        (max, relative, this.factor, this.patience, this.threshold, this.cooldown, this.minLr, this.eps) =
            (mode == "max", thresholdMode == "rel", factor, patience, threshold, cooldown, minLr, eps);
        Best = max ? double.NegativeInfinity : double.PositiveInfinity;
    }

    /// <summary>The optimizer whose rates are lowered.</summary>
    public Optimizer Optimizer { get; }

    /// <summary>The best metric seen so far.</summary>
    public double Best { get; private set; }

    /// <summary>Epochs since the metric last improved.</summary>
    public int NumBadEpochs { get; private set; }

    /// <summary>How many times <see cref="Step"/> ran.</summary>
    public int LastEpoch { get; private set; }

    /// <summary>Records one epoch's metric and lowers the rates after <c>patience</c> bad epochs.</summary>
    public void Step(double metric)
    {
        LastEpoch++;
        if (IsBetter(metric)) { Best = metric; NumBadEpochs = 0; }
        else NumBadEpochs++;
        if (cooldownCounter > 0) { cooldownCounter--; NumBadEpochs = 0; }
        if (NumBadEpochs > patience)
        {
            foreach (var g in Optimizer.ParamGroups)
            {
                double newLr = Math.Max(g.Lr * factor, minLr);
                if (g.Lr - newLr > eps) g.Lr = newLr;
            }
            cooldownCounter = cooldown;
            NumBadEpochs = 0;
        }
    }

    /// <summary>The groups' current learning rates.</summary>
    public double[] GetLastLr() => Optimizer.ParamGroups.Select(g => g.Lr).ToArray();

    private bool IsBetter(double a) => (max, relative) switch
    {
        (false, true) => a < Best * (1 - threshold),
        (false, false) => a < Best - threshold,
        (true, true) => a > Best * (threshold + 1),
        _ => a > Best + threshold,
    };

    /// <summary>The schedule's state, for checkpoints.</summary>
    public Dictionary<string, double> StateDict() => new()
    {
        ["best"] = Best, ["num_bad_epochs"] = NumBadEpochs, ["cooldown_counter"] = cooldownCounter, ["last_epoch"] = LastEpoch,
    };

    /// <summary>Restores a state saved by <see cref="StateDict"/>.</summary>
    public void LoadStateDict(IReadOnlyDictionary<string, double> s)
    {
        Best = s["best"];
        NumBadEpochs = (int)s["num_bad_epochs"];
        cooldownCounter = (int)s["cooldown_counter"];
        LastEpoch = (int)s["last_epoch"];
    }
}
