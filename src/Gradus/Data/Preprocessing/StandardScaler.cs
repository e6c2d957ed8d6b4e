namespace Gradus.Data.Preprocessing;

/// <summary>
/// Standardizes each feature to zero mean and unit variance, <c>z = (x - mean) / scale</c>, as scikit-learn's
/// <c>StandardScaler</c>: the population standard deviation (ddof = 0), scale 1 for a constant feature, NaNs
/// ignored when fitting and kept when transforming. State: <c>mean</c>, <c>var</c>, <c>scale</c>, <c>n_samples_seen</c>.
/// </summary>
public sealed class StandardScaler(bool withMean = true, bool withStd = true) : Scaler(nameof(StandardScaler))
{
    private const double Float64Eps = 2.220446049250313e-16; // np.finfo(np.float64).eps

    private double[] _mean = [];
    private double[] _var = [];
    private double[] _scale = [];
    private long[] _samplesSeen = [];

    /// <summary>Whether <see cref="Scaler.Transform"/> subtracts the mean.</summary>
    public bool WithMean { get; } = withMean;

    /// <summary>Whether <see cref="Scaler.Transform"/> divides by the standard deviation.</summary>
    public bool WithStd { get; } = withStd;

    /// <summary>The per-feature means (<c>mean_</c>, float64).</summary>
    public Tensor Mean => Vector(_mean, false);

    /// <summary>The per-feature population variances (<c>var_</c>, float64).</summary>
    public Tensor Var => Vector(_var, false);

    /// <summary>The per-feature divisors (<c>scale_</c>, float64): the standard deviation, or 1 for a constant feature.</summary>
    public Tensor Scale => Vector(_scale, false);

    /// <summary>The number of non-NaN samples seen per feature (<c>n_samples_seen_</c>, int64).</summary>
    public Tensor NSamplesSeen => new(_samplesSeen.ToArray(), [_samplesSeen.Length], DType.Int64);

    /// <summary>Fits and returns this scaler (typed), as <c>StandardScaler().fit(X)</c>.</summary>
    public new StandardScaler Fit(Tensor x) => (StandardScaler)base.Fit(x);

    private protected override IReadOnlyList<string> SaveKeys => ["mean", "var", "scale", "n_samples_seen"];

    private protected override void FitColumns(double[] data, int rows, int cols, bool float32)
    {
        // scikit-learn's _incremental_mean_and_var from nothing: the corrected two-pass algorithm, in float64.
        var counts = Counts(data, rows, cols);
        var sum = new double[cols];
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < cols; c++)
            {
                double v = data[r * cols + c];
                if (!double.IsNaN(v)) sum[c] += v;
            }
        }
        var mean = new double[cols];
        for (int c = 0; c < cols; c++)
            mean[c] = sum[c] / counts[c];
        var correction = new double[cols];
        var squares = new double[cols];
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < cols; c++)
            {
                double v = data[r * cols + c];
                if (double.IsNaN(v)) continue;
                double d = v - mean[c];
                correction[c] += d;
                squares[c] += d * d;
            }
        }
        var variance = new double[cols];
        var scale = new double[cols];
        for (int c = 0; c < cols; c++)
        {
            variance[c] = (squares[c] - correction[c] * correction[c] / counts[c]) / counts[c];
            // _is_constant_feature: var <= n * eps * var + (n * mean * eps)^2 gives scale 1.
            double n = counts[c];
            double bound = n * Float64Eps * variance[c] + Math.Pow(n * mean[c] * Float64Eps, 2);
            scale[c] = variance[c] <= bound ? 1.0 : Math.Sqrt(variance[c]);
        }
        _mean = mean;
        _var = variance;
        _scale = scale;
        _samplesSeen = counts;
    }

    private protected override void MapColumns(double[] data, int cols, bool float32, bool inverse)
    {
        for (int i = 0; i < data.Length; i++)
        {
            int c = i % cols;
            double v = data[i];
            if (!inverse)
            {
                if (WithMean) v = Round(v - _mean[c], float32);
                if (WithStd) v = Round(v / _scale[c], float32);
            }
            else
            {
                if (WithStd) v = Round(v * _scale[c], float32);
                if (WithMean) v = Round(v + _mean[c], float32);
            }
            data[i] = v;
        }
    }

    private protected override Dictionary<string, Tensor> SaveState() => new()
    {
        ["mean"] = Mean,
        ["var"] = Var,
        ["scale"] = Scale,
        ["n_samples_seen"] = NSamplesSeen,
    };

    private protected override int LoadState(IReadOnlyDictionary<string, Tensor> state)
    {
        var mean = Entry(state, "mean", null);
        int features = mean.Length;
        var variance = Entry(state, "var", features);
        var scale = Entry(state, "scale", features);
        var seen = Entry(state, "n_samples_seen", features);
        _mean = mean;
        _var = variance;
        _scale = scale;
        _samplesSeen = seen.Select(v => (long)v).ToArray();
        return features;
    }
}
