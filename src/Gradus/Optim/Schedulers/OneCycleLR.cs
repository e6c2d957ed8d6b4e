namespace Gradus.Optim.Schedulers;

/// <summary>
/// The 1cycle policy, as <c>OneCycleLR</c> (PyTorch 1.13): the rate rises from max_lr/div_factor to
/// max_lr over <c>pctStart</c> of the steps, then anneals to initial/final_div_factor; momentum (or
/// Adam's beta1) cycles the other way. Step it once per batch.
/// </summary>
public sealed class OneCycleLR : LRScheduler
{
    private readonly int totalSteps;
    private readonly bool cos, cycleMomentum, useBeta1;
    private readonly (double End, Func<ParamGroup, double> Lr0, Func<ParamGroup, double> Lr1, Func<ParamGroup, double> M0, Func<ParamGroup, double> M1)[] phases;
    private readonly Dictionary<ParamGroup, (double Max, double Min, double Initial, double MaxM, double BaseM)> groupInfo = [];

    /// <summary>Creates the schedule for <paramref name="totalSteps"/> steps (or epochs × stepsPerEpoch).</summary>
    public OneCycleLR(Optimizer optimizer, double maxLr, int? totalSteps = null, int? epochs = null, int? stepsPerEpoch = null,
        double pctStart = 0.3, string annealStrategy = "cos", bool cycleMomentum = true, double baseMomentum = 0.85,
        double maxMomentum = 0.95, double divFactor = 25.0, double finalDivFactor = 1e4, bool threePhase = false)
        : base(optimizer)
    {
        if (totalSteps is null && (epochs is null || stepsPerEpoch is null))
            throw new ArgumentException("You must define either total_steps OR (epochs AND steps_per_epoch)");
        this.totalSteps = totalSteps ?? epochs!.Value * stepsPerEpoch!.Value;
        if (this.totalSteps <= 0) throw new ArgumentException($"Expected positive integer total_steps, but got {this.totalSteps}");
        if (pctStart < 0 || pctStart > 1) throw new ArgumentException($"Expected float between 0 and 1 pct_start, but got {pctStart}");
        if (annealStrategy is not ("cos" or "linear"))
            throw new ArgumentException($"anneal_strategy must by one of 'cos' or 'linear', instead got {annealStrategy}");
        cos = annealStrategy == "cos";
        this.cycleMomentum = cycleMomentum;
        useBeta1 = optimizer is Adam or NAdam;
        double T = this.totalSteps;
        phases = threePhase
            ?
            [
                (pctStart * T - 1, g => I(g).Initial, g => I(g).Max, g => I(g).MaxM, g => I(g).BaseM),
                (2 * pctStart * T - 2, g => I(g).Max, g => I(g).Initial, g => I(g).BaseM, g => I(g).MaxM),
                (T - 1, g => I(g).Initial, g => I(g).Min, g => I(g).MaxM, g => I(g).MaxM),
            ]
            :
            [
                (pctStart * T - 1, g => I(g).Initial, g => I(g).Max, g => I(g).MaxM, g => I(g).BaseM),
                (T - 1, g => I(g).Max, g => I(g).Min, g => I(g).BaseM, g => I(g).MaxM),
            ];
        foreach (var g in optimizer.ParamGroups)
        {
            double initial = maxLr / divFactor;
            g.InitialLr = initial;
            groupInfo[g] = (maxLr, initial / finalDivFactor, initial, maxMomentum, baseMomentum);
            if (cycleMomentum) SetMomentum(g, maxMomentum);
        }
        Initialize();
    }

    private (double Max, double Min, double Initial, double MaxM, double BaseM) I(ParamGroup g) => groupInfo[g];

    private void SetMomentum(ParamGroup g, double m)
    {
        if (useBeta1) g.Betas = (m, g.Betas.Beta2);
        else g.Momentum = m;
    }

    private double Anneal(double start, double end, double pct) =>
        cos ? end + (start - end) / 2.0 * (Math.Cos(Math.PI * pct) + 1) : (end - start) * pct + start;

    /// <inheritdoc/>
    protected override double[] GetLr()
    {
        int step = LastEpoch;
        if (step > totalSteps) throw new InvalidOperationException($"Tried to step {step} times. The specified number of total steps is {totalSteps}");
        var lrs = new double[Optimizer.ParamGroups.Count];
        for (int gi = 0; gi < lrs.Length; gi++)
        {
            var g = Optimizer.ParamGroups[gi];
            double start = 0;
            for (int i = 0; i < phases.Length; i++)
            {
                var ph = phases[i];
                if (step <= ph.End || i == phases.Length - 1)
                {
                    double pct = (step - start) / (ph.End - start);
                    lrs[gi] = Anneal(ph.Lr0(g), ph.Lr1(g), pct);
                    if (cycleMomentum) SetMomentum(g, Anneal(ph.M0(g), ph.M1(g), pct));
                    break;
                }
                start = ph.End;
            }
        }
        return lrs;
    }
}
