namespace Gradus.NN;

/// <summary>
/// Batch normalisation with learnable scale and shift and running statistics, as PyTorch's <c>_BatchNorm</c>.
/// State dict keys: weight, bias, running_mean, running_var, num_batches_tracked.
/// </summary>
public abstract class BatchNorm : Module
{
    private readonly Parameter? weight;
    private readonly Parameter? bias;
    [Buffer] private readonly Tensor? runningMean;
    [Buffer] private readonly Tensor? runningVar;
    [Buffer] private readonly Tensor? numBatchesTracked;

    /// <summary>Creates the layer: weight 1 and bias 0 when affine, running mean 0 and variance 1 when tracking.</summary>
    protected BatchNorm(int numFeatures, double eps, double? momentum, bool affine, bool trackRunningStats)
    {
        NumFeatures = numFeatures;
        Eps = eps;
        Momentum = momentum;
        Affine = affine;
        TrackRunningStats = trackRunningStats;
        if (affine)
        {
            weight = new Parameter(Torch.Ones([numFeatures], DType.Float32));
            bias = new Parameter(Torch.Zeros([numFeatures], DType.Float32));
        }
        if (trackRunningStats)
        {
            runningMean = Torch.Zeros([numFeatures], DType.Float32);
            runningVar = Torch.Ones([numFeatures], DType.Float32);
            numBatchesTracked = Torch.Tensor(0L);
        }
    }

    /// <summary>The number of channels C.</summary>
    public int NumFeatures { get; }

    /// <summary>Added to the variance for stability.</summary>
    public double Eps { get; }

    /// <summary>The running statistics' update factor; null for a cumulative average.</summary>
    public double? Momentum { get; }

    /// <summary>Whether the layer has a learnable weight and bias.</summary>
    public bool Affine { get; }

    /// <summary>Whether running statistics are kept (and used in eval mode).</summary>
    public bool TrackRunningStats { get; }

    /// <summary>The per-channel scale γ, or null when not affine.</summary>
    public Parameter? Weight => weight;

    /// <summary>The per-channel shift β, or null when not affine.</summary>
    public Parameter? Bias => bias;

    /// <summary>The running mean per channel, or null when not tracking.</summary>
    public Tensor? RunningMean => runningMean;

    /// <summary>The running (unbiased) variance per channel, or null when not tracking.</summary>
    public Tensor? RunningVar => runningVar;

    /// <summary>How many training batches have updated the running statistics (int64), or null when not tracking.</summary>
    public Tensor? NumBatchesTracked => numBatchesTracked;

    /// <summary>Throws PyTorch's message when the input has the wrong number of dims.</summary>
    protected abstract void CheckInputDim(Tensor input);

    /// <summary>Normalises with batch statistics in training (updating the running ones) or running statistics in eval.</summary>
    public override Tensor Forward(Tensor input)
    {
        CheckInputDim(input);
        double factor = Momentum ?? 0.0;
        if (Training && TrackRunningStats && numBatchesTracked is not null)
        {
            using (Torch.NoGrad()) numBatchesTracked.Add_(1.0);
            factor = Momentum ?? 1.0 / numBatchesTracked.Item();
        }
        bool useBatchStats = Training || (runningMean is null && runningVar is null);
        bool passRunning = !Training || TrackRunningStats;
        return F.BatchNorm(input, passRunning ? runningMean : null, passRunning ? runningVar : null, weight, bias,
            useBatchStats, factor, Eps);
    }

    /// <summary>Resets the running statistics to mean 0, variance 1 and no batches, as <c>reset_running_stats()</c>.</summary>
    public void ResetRunningStats()
    {
        if (runningMean is null || runningVar is null || numBatchesTracked is null) return;
        Init.Zeros_(runningMean);
        Init.Ones_(runningVar);
        Init.Zeros_(numBatchesTracked);
    }

    /// <inheritdoc/>
    public override string ExtraRepr() =>
        $"{NumFeatures}, eps={PyRepr.Float(Eps)}, momentum={(Momentum is { } m ? PyRepr.Float(m) : "None")}, " +
        $"affine={PyRepr.Bool(Affine)}, track_running_stats={PyRepr.Bool(TrackRunningStats)}";

    /// <summary>Fills in num_batches_tracked = 0 when a checkpoint lacks it, as PyTorch does for plain dicts.</summary>
    protected override void LoadFromStateDict(IDictionary<string, Tensor> stateDict, string prefix,
        List<string> missingKeys, List<string> unexpectedKeys, List<string> errorMessages)
    {
        if (TrackRunningStats && !stateDict.ContainsKey(prefix + "num_batches_tracked"))
            stateDict[prefix + "num_batches_tracked"] = Torch.Tensor(0L);
        base.LoadFromStateDict(stateDict, prefix, missingKeys, unexpectedKeys, errorMessages);
    }
}

/// <summary>Batch normalisation of [N, C] or [N, C, L] inputs, as <c>nn.BatchNorm1d</c>.</summary>
public sealed class BatchNorm1d(int numFeatures, double eps = 1e-5, double? momentum = 0.1, bool affine = true, bool trackRunningStats = true)
    : BatchNorm(numFeatures, eps, momentum, affine, trackRunningStats)
{
    /// <inheritdoc/>
    protected override void CheckInputDim(Tensor input)
    {
        if (input.Dim is not (2 or 3)) throw new ArgumentException($"expected 2D or 3D input (got {input.Dim}D input)");
    }
}

/// <summary>Batch normalisation of [N, C, H, W] inputs, as <c>nn.BatchNorm2d</c>.</summary>
public sealed class BatchNorm2d(int numFeatures, double eps = 1e-5, double? momentum = 0.1, bool affine = true, bool trackRunningStats = true)
    : BatchNorm(numFeatures, eps, momentum, affine, trackRunningStats)
{
    /// <inheritdoc/>
    protected override void CheckInputDim(Tensor input)
    {
        if (input.Dim != 4) throw new ArgumentException($"expected 4D input (got {input.Dim}D input)");
    }
}
