namespace Gradus.Training;

/// <summary>
/// Stops training when a monitored value (validation loss by default) has not improved by at least
/// <see cref="MinDelta"/> for <see cref="Patience"/> epochs, and remembers the best epoch so the
/// trainer can restore its weights.
/// </summary>
public sealed class EarlyStopping
{
    /// <summary>Creates the rule; <paramref name="mode"/> is "min" for losses or "max" for metrics.</summary>
    public EarlyStopping(int patience = 5, double minDelta = 0, string mode = "min", bool restoreBestWeights = true)
    {
        if (patience < 0) throw new ArgumentException($"patience must be non-negative, got {patience}");
        if (minDelta < 0) throw new ArgumentException($"min_delta must be non-negative, got {minDelta}");
        if (mode is not ("min" or "max")) throw new ArgumentException($"mode must be 'min' or 'max', got '{mode}'");
        (Patience, MinDelta, Mode, RestoreBestWeights) = (patience, minDelta, mode, restoreBestWeights);
        Best = mode == "min" ? double.PositiveInfinity : double.NegativeInfinity;
    }

    /// <summary>Epochs without improvement tolerated before stopping.</summary>
    public int Patience { get; }

    /// <summary>The smallest change that counts as an improvement.</summary>
    public double MinDelta { get; }

    /// <summary>"min" or "max".</summary>
    public string Mode { get; }

    /// <summary>Whether the trainer reloads the best epoch's weights when it stops.</summary>
    public bool RestoreBestWeights { get; }

    /// <summary>The best value seen.</summary>
    public double Best { get; private set; }

    /// <summary>The epoch (0-based) of the best value, or -1.</summary>
    public int BestEpoch { get; private set; } = -1;

    /// <summary>Epochs since the last improvement.</summary>
    public int Wait { get; private set; }

    /// <summary>Records an epoch's value; returns true when it is a new best.</summary>
    public bool Update(int epoch, double value)
    {
        bool better = Mode == "min" ? value < Best - MinDelta : value > Best + MinDelta;
        if (better)
        {
            Best = value;
            BestEpoch = epoch;
            Wait = 0;
        }
        else Wait++;
        return better;
    }

    /// <summary>True once the patience is used up.</summary>
    public bool ShouldStop => Wait >= Patience;

    /// <summary>Restores the counters from a checkpoint.</summary>
    internal void Restore(double best, int bestEpoch, int wait) => (Best, BestEpoch, Wait) = (best, bestEpoch, wait);
}
