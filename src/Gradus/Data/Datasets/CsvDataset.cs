using Gradus.Data.Csv;

namespace Gradus.Data.Datasets;

/// <summary>How <see cref="CsvDataset"/> turns the target column into a tensor.</summary>
public enum TargetEncoding
{
    /// <summary><see cref="Label"/> for a text column, <see cref="Numeric"/> for a numeric one.</summary>
    Auto,

    /// <summary>Integer codes 0..k-1 over the sorted categories (int64, shape [n]), as scikit-learn's <c>LabelEncoder</c>; for classification losses.</summary>
    Label,

    /// <summary>One 0/1 column per sorted category (float32, shape [n, k]), as <c>pandas.get_dummies</c>.</summary>
    OneHot,

    /// <summary>The numbers themselves (float32, shape [n, 1]); for regression.</summary>
    Numeric,
}

/// <summary>
/// A CSV table as a <see cref="TensorDataset"/> of <c>[features, target]</c>: the feature columns become one float
/// tensor [n, features] (numeric columns as they are, text columns one-hot encoded into <c>column_category</c>
/// columns, as <c>pandas.get_dummies</c>), the target column a tensor encoded by <see cref="TargetEncoding"/>.
/// </summary>
public sealed class CsvDataset : TensorDataset
{
    private CsvDataset(Tensor features, Tensor targets, string[] featureNames, string target, string[]? classes)
        : base(features, targets)
    {
        FeatureNames = featureNames;
        TargetName = target;
        Classes = classes;
    }

    /// <summary>The features, [n, features] (<c>Tensors[0]</c>).</summary>
    public Tensor Features => Tensors[0];

    /// <summary>The encoded target (<c>Tensors[1]</c>).</summary>
    public Tensor Targets => Tensors[1];

    /// <summary>The name of each feature column, in order (one-hot columns as <c>column_category</c>).</summary>
    public IReadOnlyList<string> FeatureNames { get; }

    /// <summary>The target column's name.</summary>
    public string TargetName { get; }

    /// <summary>The target's categories, indexed by code, for label or one-hot targets; null for numeric targets.</summary>
    public IReadOnlyList<string>? Classes { get; }

    /// <summary>Loads the CSV file at <paramref name="path"/> and builds the data set (see <see cref="FromTable"/>).</summary>
    public static CsvDataset Load(string path, string target, IReadOnlyList<string>? features = null,
        TargetEncoding targetEncoding = TargetEncoding.Auto, DType dtype = DType.Float32, CsvOptions? options = null) =>
        FromTable(CsvTable.Load(path, options), target, features, targetEncoding, dtype);

    /// <summary>
    /// Builds the data set from <paramref name="table"/>: <paramref name="features"/> names the feature columns
    /// (default: every numeric column but the target); the features get <paramref name="dtype"/> (float32 by default).
    /// </summary>
    public static CsvDataset FromTable(CsvTable table, string target, IReadOnlyList<string>? features = null,
        TargetEncoding targetEncoding = TargetEncoding.Auto, DType dtype = DType.Float32)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentException.ThrowIfNullOrEmpty(target);
        if (!table.Columns.Contains(target))
            throw new KeyNotFoundException($"CsvDataset: no target column '{target}' in {table.Source}; columns: {string.Join(", ", table.Columns)}.");
        if (dtype is not (DType.Float32 or DType.Float64))
            throw new ArgumentException($"CsvDataset: features must be Float32 or Float64, got {dtype}", nameof(dtype));
        var columns = features?.ToArray() ?? table.Columns.Where(c => c != target && table.IsNumeric(c)).ToArray();
        if (columns.Length == 0)
            throw new ArgumentException($"CsvDataset: no feature columns in {table.Source} (no numeric column besides '{target}'); name them with features.", nameof(features));
        if (columns.Contains(target))
            throw new ArgumentException($"CsvDataset: the target column '{target}' is also listed as a feature", nameof(features));

        var (featureTensor, names) = BuildFeatures(table, columns, dtype);
        var (targetTensor, classes) = BuildTarget(table, target, targetEncoding);
        return new CsvDataset(featureTensor, targetTensor, names, target, classes);
    }

    private static (Tensor Features, string[] Names) BuildFeatures(CsvTable table, string[] columns, DType dtype)
    {
        var blocks = new List<(double[] Data, int Width)>();
        var names = new List<string>();
        foreach (string column in columns)
        {
            if (table.IsNumeric(column))
            {
                blocks.Add((table.GetNumeric(column), 1));
                names.Add(column);
            }
            else
            {
                var (data, shape, categories) = table.OneHot(column);
                blocks.Add((data, shape[1]));
                names.AddRange(categories.Select(c => $"{column}_{c}"));
            }
        }
        int rows = table.RowCount, width = names.Count;
        var matrix = new double[rows * width];
        int start = 0;
        foreach (var (data, w) in blocks)
        {
            for (int r = 0; r < rows; r++)
                Array.Copy(data, r * w, matrix, r * width + start, w);
            start += w;
        }
        var tensor = new Tensor(matrix, [rows, width], DType.Float64);
        return (dtype == DType.Float64 ? tensor : tensor.To(dtype), names.ToArray());
    }

    private static (Tensor Targets, string[]? Classes) BuildTarget(CsvTable table, string target, TargetEncoding encoding)
    {
        if (encoding == TargetEncoding.Auto)
            encoding = table.IsNumeric(target) ? TargetEncoding.Numeric : TargetEncoding.Label;
        int rows = table.RowCount;
        switch (encoding)
        {
            case TargetEncoding.Label:
                var (codes, categories) = table.LabelEncode(target);
                return (new Tensor(codes, [rows], DType.Int64), categories);
            case TargetEncoding.OneHot:
                var (data, shape, classes) = table.OneHot(target);
                return (new Tensor(data, shape, DType.Float64).To(DType.Float32), classes);
            case TargetEncoding.Numeric:
                if (!table.IsNumeric(target))
                    throw new ArgumentException($"CsvDataset: target column '{target}' of {table.Source} is text; use TargetEncoding.Label or OneHot", nameof(encoding));
                return (new Tensor(table.GetNumeric(target), [rows, 1], DType.Float64).To(DType.Float32), null);
            default:
                throw new ArgumentOutOfRangeException(nameof(encoding), encoding, "CsvDataset: unknown target encoding");
        }
    }
}
