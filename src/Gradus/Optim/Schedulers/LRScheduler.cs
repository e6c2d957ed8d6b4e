namespace Gradus.Optim.Schedulers;

/// <summary>
/// Base of the epoch-indexed learning-rate schedules, as <c>torch.optim.lr_scheduler._LRScheduler</c>
/// (PyTorch 1.13): construction records <c>initial_lr</c> and takes the first step; each
/// <see cref="Step"/> advances <see cref="LastEpoch"/> and writes the new rates into the groups.
/// </summary>
public abstract class LRScheduler
{
    private double[] lastLr = [];

    /// <summary>Attaches to <paramref name="optimizer"/> and applies the rate for epoch 0.</summary>
    protected LRScheduler(Optimizer optimizer)
    {
        Optimizer = optimizer;
        foreach (var g in optimizer.ParamGroups)
            if (double.IsNaN(g.InitialLr)) g.InitialLr = g.Lr;
        BaseLrs = optimizer.ParamGroups.Select(g => g.InitialLr).ToArray();
    }

    /// <summary>Finishes construction: subclasses call this last so their fields are set before the first step.</summary>
    protected void Initialize() => Step();

    /// <summary>The optimizer whose groups this schedule drives.</summary>
    public Optimizer Optimizer { get; }

    /// <summary>The groups' learning rates when the schedule started.</summary>
    public double[] BaseLrs { get; private set; }

    /// <summary>The epoch index of the last step (0 after construction).</summary>
    public int LastEpoch { get; private set; } = -1;

    /// <summary>How many times <see cref="Step"/> ran, construction included.</summary>
    protected int StepCount { get; private set; }

    /// <summary>Advances one epoch (or batch) and updates the groups' learning rates.</summary>
    public void Step()
    {
        StepCount++;
        LastEpoch++;
        var lrs = GetLr();
        for (int i = 0; i < lrs.Length; i++) Optimizer.ParamGroups[i].Lr = lrs[i];
        lastLr = lrs;
    }

    /// <summary>The learning rates the last step set, as <c>get_last_lr()</c>.</summary>
    public double[] GetLastLr() => (double[])lastLr.Clone();

    /// <summary>The rates for <see cref="LastEpoch"/>, computed from the groups' current rates (PyTorch's chainable form).</summary>
    protected abstract double[] GetLr();

    /// <summary>The groups' current rates.</summary>
    protected double[] CurrentLrs() => Optimizer.ParamGroups.Select(g => g.Lr).ToArray();

    /// <summary>The schedule's position, for checkpoints.</summary>
    public virtual Dictionary<string, double> StateDict() => new()
    {
        ["last_epoch"] = LastEpoch,
        ["_step_count"] = StepCount,
    };

    /// <summary>Restores a position saved by <see cref="StateDict"/>.</summary>
    public virtual void LoadStateDict(IReadOnlyDictionary<string, double> state)
    {
        LastEpoch = (int)state["last_epoch"];
        StepCount = (int)state["_step_count"];
        lastLr = CurrentLrs();
    }
}
