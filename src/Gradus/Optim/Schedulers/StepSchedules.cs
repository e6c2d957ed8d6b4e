namespace Gradus.Optim.Schedulers;

/// <summary>Multiplies the rate by <c>gamma</c> every <c>stepSize</c> epochs, as <c>StepLR</c>.</summary>
public sealed class StepLR : LRScheduler
{
    private readonly int stepSize;
    private readonly double gamma;

    /// <summary>Creates the schedule.</summary>
    public StepLR(Optimizer optimizer, int stepSize, double gamma = 0.1) : base(optimizer)
    {
        if (stepSize <= 0) throw new ArgumentException($"step_size must be positive, got {stepSize}");
        (this.stepSize, this.gamma) = (stepSize, gamma);
        Initialize();
    }

    /// <inheritdoc/>
    protected override double[] GetLr() =>
        LastEpoch == 0 || LastEpoch % stepSize != 0 ? CurrentLrs() : CurrentLrs().Select(l => l * gamma).ToArray();
}

/// <summary>Multiplies the rate by <c>gamma</c> at each milestone epoch, as <c>MultiStepLR</c>.</summary>
public sealed class MultiStepLR : LRScheduler
{
    private readonly int[] milestones;
    private readonly double gamma;

    /// <summary>Creates the schedule.</summary>
    public MultiStepLR(Optimizer optimizer, IEnumerable<int> milestones, double gamma = 0.1) : base(optimizer)
    {
        (this.milestones, this.gamma) = (milestones.Order().ToArray(), gamma);
        Initialize();
    }

    /// <inheritdoc/>
    protected override double[] GetLr()
    {
        int hits = milestones.Count(m => m == LastEpoch);
        return hits == 0 ? CurrentLrs() : CurrentLrs().Select(l => l * Math.Pow(gamma, hits)).ToArray();
    }
}

/// <summary>Multiplies the rate by <c>gamma</c> every epoch, as <c>ExponentialLR</c>.</summary>
public sealed class ExponentialLR : LRScheduler
{
    private readonly double gamma;

    /// <summary>Creates the schedule.</summary>
    public ExponentialLR(Optimizer optimizer, double gamma) : base(optimizer)
    {
        this.gamma = gamma;
        Initialize();
    }

    /// <inheritdoc/>
    protected override double[] GetLr() => LastEpoch == 0 ? CurrentLrs() : CurrentLrs().Select(l => l * gamma).ToArray();
}

/// <summary>Scales the rate linearly from <c>startFactor</c> to <c>endFactor</c> over <c>totalIters</c> epochs, as <c>LinearLR</c>.</summary>
public sealed class LinearLR : LRScheduler
{
    private readonly double start, end;
    private readonly int total;

    /// <summary>Creates the schedule.</summary>
    public LinearLR(Optimizer optimizer, double startFactor = 1.0 / 3, double endFactor = 1.0, int totalIters = 5) : base(optimizer)
    {
        if (startFactor > 1 || startFactor <= 0)
            throw new ArgumentException("Starting multiplicative factor expected to be greater than 0 and less or equal to 1.");
        if (endFactor > 1 || endFactor < 0)
            throw new ArgumentException("Ending multiplicative factor expected to be between 0 and 1.");
        (start, end, total) = (startFactor, endFactor, totalIters);
        Initialize();
    }

    /// <inheritdoc/>
    protected override double[] GetLr()
    {
        if (LastEpoch == 0) return CurrentLrs().Select(l => l * start).ToArray();
        if (LastEpoch > total) return CurrentLrs();
        return CurrentLrs().Select(l => l * (1.0 + (end - start) / (total * start + (LastEpoch - 1) * (end - start)))).ToArray();
    }
}

/// <summary>Sets each group's rate to its initial rate times a function of the epoch, as <c>LambdaLR</c>.</summary>
public sealed class LambdaLR : LRScheduler
{
    private readonly Func<int, double> lambda;

    /// <summary>Creates the schedule.</summary>
    public LambdaLR(Optimizer optimizer, Func<int, double> lrLambda) : base(optimizer)
    {
        lambda = lrLambda;
        Initialize();
    }

    /// <inheritdoc/>
    protected override double[] GetLr() => BaseLrs.Select(b => b * lambda(LastEpoch)).ToArray();
}

/// <summary>Cosine annealing from the initial rate to <c>etaMin</c> over <c>tMax</c> epochs, PyTorch's recursive form.</summary>
public sealed class CosineAnnealingLR : LRScheduler
{
    private readonly int tMax;
    private readonly double etaMin;

    /// <summary>Creates the schedule.</summary>
    public CosineAnnealingLR(Optimizer optimizer, int tMax, double etaMin = 0) : base(optimizer)
    {
        (this.tMax, this.etaMin) = (tMax, etaMin);
        Initialize();
    }

    /// <inheritdoc/>
    protected override double[] GetLr()
    {
        var cur = CurrentLrs();
        if (LastEpoch == 0) return cur;
        if (StepCount == 1 && LastEpoch > 0)
            return BaseLrs.Select(b => etaMin + (b - etaMin) * (1 + Math.Cos(LastEpoch * Math.PI / tMax)) / 2).ToArray();
        if ((LastEpoch - 1 - tMax) % (2 * tMax) == 0)
            return cur.Select((l, i) => l + (BaseLrs[i] - etaMin) * (1 - Math.Cos(Math.PI / tMax)) / 2).ToArray();
        return cur.Select(l => (1 + Math.Cos(Math.PI * LastEpoch / tMax)) / (1 + Math.Cos(Math.PI * (LastEpoch - 1) / tMax)) * (l - etaMin) + etaMin).ToArray();
    }
}
