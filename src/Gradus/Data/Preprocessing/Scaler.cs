namespace Gradus.Data.Preprocessing;

/// <summary>
/// What the scikit-learn-style scalers share: a fit on a [samples, features] tensor (NaNs ignored, as scikit-learn
/// does), a per-element transform and its inverse with NumPy's precision (a float32 input stays float32 and is
/// rounded after each step; other dtypes give float64), and the fitted state as tensors for a state dict.
/// </summary>
public abstract class Scaler
{
    private readonly string _name;

    private protected Scaler(string name) => _name = name;

    /// <summary>The number of features seen by <see cref="Fit"/> (<c>n_features_in_</c>); null before fitting.</summary>
    public int? NFeaturesIn { get; private set; }

    /// <summary>Computes the scaling from <paramref name="x"/> ([samples, features]) and returns this scaler, as <c>fit(X)</c>.</summary>
    public Scaler Fit(Tensor x)
    {
        var (data, rows, cols, float32) = Read(x, "fit");
        if (rows == 0)
            throw new ArgumentException($"Found array with 0 sample(s) (shape=({rows}, {cols})) while a minimum of 1 is required by {_name}.", nameof(x));
        FitColumns(data, rows, cols, float32);
        NFeaturesIn = cols;
        return this;
    }

    /// <summary>Scales <paramref name="x"/> with the fitted values, as <c>transform(X)</c>; the input is not changed.</summary>
    public Tensor Transform(Tensor x) => Map(x, "transform", inverse: false);

    /// <summary>Fits on <paramref name="x"/> and scales it, as <c>fit_transform(X)</c>.</summary>
    public Tensor FitTransform(Tensor x) => Fit(x).Transform(x);

    /// <summary>Undoes <see cref="Transform"/>, as <c>inverse_transform(X)</c>.</summary>
    public Tensor InverseTransform(Tensor x) => Map(x, "inverse_transform", inverse: true);

    /// <summary>The fitted state as named tensors (scikit-learn's attribute names without the trailing underscore), to save with a model.</summary>
    public Dictionary<string, Tensor> StateDict()
    {
        CheckFitted();
        return SaveState();
    }

    /// <summary>Restores a state from <see cref="StateDict"/>; every key must be present with one value per feature.</summary>
    public void LoadStateDict(IReadOnlyDictionary<string, Tensor> state)
    {
        ArgumentNullException.ThrowIfNull(state);
        NFeaturesIn = LoadState(state);
    }

    /// <summary>Fits on the row-major [rows, cols] values; <paramref name="float32"/> when the input was float32.</summary>
    private protected abstract void FitColumns(double[] data, int rows, int cols, bool float32);

    /// <summary>Transforms (or inverts) the row-major values in place, rounding each step to float32 when asked.</summary>
    private protected abstract void MapColumns(double[] data, int cols, bool float32, bool inverse);

    /// <summary>The fitted values by name.</summary>
    private protected abstract Dictionary<string, Tensor> SaveState();

    /// <summary>Restores the fitted values and returns the number of features.</summary>
    private protected abstract int LoadState(IReadOnlyDictionary<string, Tensor> state);

    /// <summary>Rounds to float32 when the computation runs in float32, as NumPy's in-place ops on a float32 array do.</summary>
    private protected static double Round(double value, bool float32) => float32 ? (float)value : value;

    /// <summary>The values of one named state entry: a 1-D tensor of <paramref name="features"/> values (any count when null).</summary>
    private protected double[] Entry(IReadOnlyDictionary<string, Tensor> state, string key, int? features)
    {
        if (!state.TryGetValue(key, out var t) || t is null)
            throw new KeyNotFoundException($"{_name}.LoadStateDict: missing key '{key}' (expected {string.Join(", ", SaveKeys)})");
        if (t.Dim != 1 || (features is int f && t.Size(0) != f))
            throw new ArgumentException(
                $"{_name}.LoadStateDict: '{key}' should be a 1-D tensor{(features is int n ? $" of {n} values" : "")}, got shape {Shapes.Format(t.Shape)}", nameof(state));
        return t.ToArray<double>();
    }

    /// <summary>The keys <see cref="StateDict"/> writes.</summary>
    private protected abstract IReadOnlyList<string> SaveKeys { get; }

    /// <summary>A 1-D float64 (or float32) tensor of per-feature values.</summary>
    private protected static Tensor Vector(double[] values, bool float32) =>
        float32 ? new Tensor(values.Select(v => (float)v).ToArray(), [values.Length], DType.Float32)
                : new Tensor(values.ToArray(), [values.Length], DType.Float64);

    /// <summary>The number of non-NaN values in each column.</summary>
    private protected static long[] Counts(double[] data, int rows, int cols)
    {
        var counts = new long[cols];
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < cols; c++)
            {
                if (!double.IsNaN(data[r * cols + c]))
                    counts[c]++;
            }
        }
        return counts;
    }

    private void CheckFitted()
    {
        if (NFeaturesIn is null)
            throw new InvalidOperationException(
                $"This {_name} instance is not fitted yet. Call 'fit' with appropriate arguments before using this estimator.");
    }

    private Tensor Map(Tensor x, string op, bool inverse)
    {
        CheckFitted();
        var (data, _, cols, float32) = Read(x, op);
        if (cols != NFeaturesIn)
            throw new ArgumentException($"X has {cols} features, but {_name} is expecting {NFeaturesIn} features as input.", nameof(x));
        MapColumns(data, cols, float32, inverse);
        return float32
            ? new Tensor(data.Select(v => (float)v).ToArray(), x.Shape, DType.Float32)
            : new Tensor(data, x.Shape, DType.Float64);
    }

    private (double[] Data, int Rows, int Cols, bool Float32) Read(Tensor x, string op)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.Dim != 2)
            throw new ArgumentException(
                $"{_name}.{op}: Expected 2D array, got {(x.Dim == 1 ? "1D array" : $"{x.Dim}D array")} of shape {Shapes.Format(x.Shape)} instead; reshape to [samples, features].", nameof(x));
        var data = x.ToArray<double>();
        foreach (double v in data)
        {
            if (double.IsInfinity(v))
                throw new ArgumentException($"{_name}.{op}: Input contains infinity or a value too large for dtype('float64').", nameof(x));
        }
        return (data, x.Size(0), x.Size(1), x.DType == DType.Float32);
    }
}
