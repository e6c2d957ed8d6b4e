namespace Gradus.Data.Preprocessing;

/// <summary>
/// Scales each feature linearly onto <see cref="FeatureRange"/>, <c>x * scale + min</c>, as scikit-learn's
/// <c>MinMaxScaler</c>: a constant feature (zero range) gets scale <c>max - min</c> of the range, NaNs are ignored
/// when fitting; fitted on float32 the state is float32, as NumPy keeps it. State: <c>data_min</c>,
/// <c>data_max</c>, <c>data_range</c>, <c>scale</c>, <c>min</c>, <c>n_samples_seen</c>.
/// </summary>
public sealed class MinMaxScaler : Scaler
{
    private double[] _dataMin = [];
    private double[] _dataMax = [];
    private double[] _dataRange = [];
    private double[] _scale = [];
    private double[] _min = [];
    private long[] _samplesSeen = [];
    private bool _float32;

    /// <summary>A scaler onto [<paramref name="min"/>, <paramref name="max"/>] (default [0, 1]).</summary>
    public MinMaxScaler(double min = 0, double max = 1) : base(nameof(MinMaxScaler))
    {
        if (!(min < max))
            throw new ArgumentException($"Minimum of desired feature range must be smaller than maximum. Got ({min}, {max}).", nameof(min));
        FeatureRange = (min, max);
    }

    /// <summary>The target range (<c>feature_range</c>).</summary>
    public (double Min, double Max) FeatureRange { get; }

    /// <summary>The per-feature minimum seen (<c>data_min_</c>).</summary>
    public Tensor DataMin => Vector(_dataMin, _float32);

    /// <summary>The per-feature maximum seen (<c>data_max_</c>).</summary>
    public Tensor DataMax => Vector(_dataMax, _float32);

    /// <summary>The per-feature range <c>data_max - data_min</c> (<c>data_range_</c>).</summary>
    public Tensor DataRange => Vector(_dataRange, _float32);

    /// <summary>The per-feature factor (<c>scale_</c>).</summary>
    public Tensor Scale => Vector(_scale, _float32);

    /// <summary>The per-feature offset added after scaling (<c>min_</c>).</summary>
    public Tensor Min => Vector(_min, _float32);

    /// <summary>The number of non-NaN samples seen per feature (int64).</summary>
    public Tensor NSamplesSeen => new(_samplesSeen.ToArray(), [_samplesSeen.Length], DType.Int64);

    /// <summary>Fits and returns this scaler (typed), as <c>MinMaxScaler().fit(X)</c>.</summary>
    public new MinMaxScaler Fit(Tensor x) => (MinMaxScaler)base.Fit(x);

    private protected override IReadOnlyList<string> SaveKeys => ["data_min", "data_max", "data_range", "scale", "min", "n_samples_seen"];

    private protected override void FitColumns(double[] data, int rows, int cols, bool float32)
    {
        var low = Enumerable.Repeat(double.NaN, cols).ToArray();
        var high = Enumerable.Repeat(double.NaN, cols).ToArray();
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < cols; c++)
            {
                double v = data[r * cols + c];
                if (double.IsNaN(v)) continue;
                if (double.IsNaN(low[c]) || v < low[c]) low[c] = v;
                if (double.IsNaN(high[c]) || v > high[c]) high[c] = v;
            }
        }
        // NumPy keeps the input's precision here: float32 data give float32 ranges, scales and offsets,
        // and a range counts as zero below 10 * eps of that precision.
        double zero = 10 * (float32 ? 1.1920928955078125e-07 : 2.220446049250313e-16); // np.finfo(dtype).eps
        double span = Round(FeatureRange.Max - FeatureRange.Min, float32);
        double lo = Round(FeatureRange.Min, float32);
        var range = new double[cols];
        var scale = new double[cols];
        var offset = new double[cols];
        for (int c = 0; c < cols; c++)
        {
            range[c] = Round(high[c] - low[c], float32);
            double divisor = range[c] < zero ? 1.0 : range[c];
            scale[c] = Round(span / divisor, float32);
            offset[c] = Round(lo - Round(low[c] * scale[c], float32), float32);
        }
        _dataMin = low;
        _dataMax = high;
        _dataRange = range;
        _scale = scale;
        _min = offset;
        _samplesSeen = Counts(data, rows, cols);
        _float32 = float32;
    }

    private protected override void MapColumns(double[] data, int cols, bool float32, bool inverse)
    {
        for (int i = 0; i < data.Length; i++)
        {
            int c = i % cols;
            data[i] = inverse
                ? Round(Round(data[i] - _min[c], float32) / _scale[c], float32)
                : Round(Round(data[i] * _scale[c], float32) + _min[c], float32);
        }
    }

    private protected override Dictionary<string, Tensor> SaveState() => new()
    {
        ["data_min"] = DataMin,
        ["data_max"] = DataMax,
        ["data_range"] = DataRange,
        ["scale"] = Scale,
        ["min"] = Min,
        ["n_samples_seen"] = NSamplesSeen,
    };

    private protected override int LoadState(IReadOnlyDictionary<string, Tensor> state)
    {
        var dataMin = Entry(state, "data_min", null);
        int features = dataMin.Length;
        _dataMax = Entry(state, "data_max", features);
        _dataRange = Entry(state, "data_range", features);
        _scale = Entry(state, "scale", features);
        _min = Entry(state, "min", features);
        _samplesSeen = Entry(state, "n_samples_seen", features).Select(v => (long)v).ToArray();
        _dataMin = dataMin;
        _float32 = state["scale"].DType == DType.Float32;
        return features;
    }
}
