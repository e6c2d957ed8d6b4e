using System.Globalization;

namespace Gradus.Data.Csv;

/// <summary>
/// A CSV table loaded in full (like <c>pandas.read_csv</c>): named columns, each detected as numeric (every
/// non-missing field parses as a number; missing values become NaN) or text (missing values become null).
/// </summary>
public sealed class CsvTable
{
    private readonly string?[][] _text;
    private readonly double[]?[] _numeric;
    private readonly Dictionary<string, int> _index;

    private CsvTable(string source, string[] columns, string?[][] text, double[]?[] numeric, int rows)
    {
        Source = source;
        Columns = columns;
        _text = text;
        _numeric = numeric;
        RowCount = rows;
        _index = columns.Select((c, i) => (c, i)).ToDictionary(t => t.c, t => t.i, StringComparer.Ordinal);
    }

    /// <summary>The file (or source name) the table came from.</summary>
    public string Source { get; }

    /// <summary>The column names, in file order.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>The number of data rows (the header not counted).</summary>
    public int RowCount { get; }

    /// <summary>The number of columns.</summary>
    public int ColumnCount => Columns.Count;

    /// <summary>Reads and parses the whole CSV file at <paramref name="path"/>; nothing is returned unless every row is valid.</summary>
    public static CsvTable Load(string path, CsvOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return Parse(File.ReadAllText(path), options, path);
    }

    /// <summary>Parses CSV <paramref name="text"/>; <paramref name="source"/> names it in errors.</summary>
    public static CsvTable Parse(string text, CsvOptions? options = null, string source = "<text>")
    {
        ArgumentNullException.ThrowIfNull(text);
        options ??= CsvOptions.Default;
        var records = CsvParser.Parse(text, options, source);
        if (records.Count == 0)
            throw new InvalidDataException($"{source}: the CSV is empty{(options.HasHeader ? " (no header row)" : "")}.");

        int width = records[0].Fields.Length;
        string[] columns = options.HasHeader
            ? records[0].Fields.Select((name, i) => name.Length == 0 ? $"Unnamed: {i}" : name).ToArray()
            : Enumerable.Range(0, width).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (string name in columns)
        {
            if (!seen.Add(name))
                throw new InvalidDataException($"{source}: line {records[0].Line}: duplicate column name '{name}'.");
        }

        int first = options.HasHeader ? 1 : 0;
        int rows = records.Count - first;
        var cells = new string?[width][];
        for (int c = 0; c < width; c++)
            cells[c] = new string?[rows];
        for (int r = 0; r < rows; r++)
        {
            var record = records[first + r];
            if (record.Fields.Length != width)
                throw new InvalidDataException(
                    $"{source}: line {record.Line}: expected {width} fields{(options.HasHeader ? " (as in the header)" : "")}, found {record.Fields.Length}.");
            for (int c = 0; c < width; c++)
            {
                string value = record.Fields[c];
                cells[c][r] = options.MissingValues.Contains(value) ? null : value;
            }
        }

        var numeric = new double[]?[width];
        for (int c = 0; c < width; c++)
            numeric[c] = TryNumeric(cells[c]);
        return new CsvTable(source, columns, cells, numeric, rows);
    }

    /// <summary>Whether <paramref name="column"/> holds numbers (every non-missing field parsed as one).</summary>
    public bool IsNumeric(string column) => _numeric[IndexOf(column)] is not null;

    /// <summary>A copy of the numeric <paramref name="column"/>, NaN where a value is missing.</summary>
    public double[] GetNumeric(string column)
    {
        int c = IndexOf(column);
        return (_numeric[c] ?? throw NotNumeric(c, "GetNumeric")).ToArray();
    }

    /// <summary>A copy of <paramref name="column"/>'s fields as text (any column), null where a value is missing.</summary>
    public string?[] GetText(string column) => _text[IndexOf(column)].ToArray();

    /// <summary>
    /// The numeric <paramref name="columns"/> (all columns when none are named) as a row-major matrix of shape
    /// [rows, columns], like <c>df[columns].to_numpy()</c>; a text column is an error.
    /// </summary>
    public (double[] Data, int[] Shape) ToMatrix(params string[] columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        int[] picked = columns.Length == 0 ? Enumerable.Range(0, ColumnCount).ToArray() : columns.Select(IndexOf).ToArray();
        var sources = picked.Select(c => _numeric[c] ?? throw NotNumeric(c, "ToMatrix")).ToArray();
        var data = new double[RowCount * picked.Length];
        for (int r = 0; r < RowCount; r++)
        {
            for (int j = 0; j < sources.Length; j++)
                data[r * sources.Length + j] = sources[j][r];
        }
        return (data, [RowCount, picked.Length]);
    }

    /// <summary>
    /// Encodes <paramref name="column"/> as integer codes 0..k-1 over its sorted distinct values (ordinal for text,
    /// numeric order for numbers), like scikit-learn's <c>LabelEncoder</c>; returns the codes and the categories.
    /// </summary>
    public (long[] Codes, string[] Categories) LabelEncode(string column)
    {
        int c = IndexOf(column);
        string[] keys = Keys(c, "LabelEncode");
        string[] categories;
        if (_numeric[c] is double[] numbers)
            categories = numbers.Distinct().Order().Select(Format).ToArray();
        else
            categories = keys.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        var codeOf = categories.Select((k, i) => (k, i)).ToDictionary(t => t.k, t => (long)t.i, StringComparer.Ordinal);
        return (keys.Select(k => codeOf[k]).ToArray(), categories);
    }

    /// <summary>
    /// One-hot encodes <paramref name="column"/>: a row-major [rows, k] matrix of 0/1 with one column per category,
    /// in <see cref="LabelEncode"/>'s order (like <c>pandas.get_dummies</c>).
    /// </summary>
    public (double[] Data, int[] Shape, string[] Categories) OneHot(string column)
    {
        var (codes, categories) = LabelEncode(column);
        var data = new double[RowCount * categories.Length];
        for (int r = 0; r < RowCount; r++)
            data[r * categories.Length + codes[r]] = 1.0;
        return (data, [RowCount, categories.Length], categories);
    }

    // The category key of every row: the text, or the number formatted round-trip; a missing value is an error.
    private string[] Keys(int c, string op)
    {
        var keys = new string[RowCount];
        for (int r = 0; r < RowCount; r++)
        {
            if (_text[c][r] is null)
                throw new InvalidOperationException($"{op}: column '{Columns[c]}' of {Source} has a missing value in data row {r + 1}.");
            keys[r] = _numeric[c] is double[] numbers ? Format(numbers[r]) : _text[c][r]!;
        }
        return keys;
    }

    // -0 and 0 are one category.
    private static string Format(double value) => (value == 0 ? 0.0 : value).ToString("R", CultureInfo.InvariantCulture);

    private static double[]? TryNumeric(string?[] fields)
    {
        var values = new double[fields.Length];
        for (int r = 0; r < fields.Length; r++)
        {
            if (fields[r] is null)
                values[r] = double.NaN;
            else if (!double.TryParse(fields[r], NumberStyles.Float, CultureInfo.InvariantCulture, out values[r]))
                return null;
        }
        return values;
    }

    private int IndexOf(string column) =>
        _index.TryGetValue(column ?? throw new ArgumentNullException(nameof(column)), out int c)
            ? c
            : throw new KeyNotFoundException($"No column '{column}' in {Source}; columns: {string.Join(", ", Columns)}.");

    private InvalidOperationException NotNumeric(int c, string op) =>
        new($"{op}: column '{Columns[c]}' of {Source} is text, not numeric (e.g. '{_text[c].FirstOrDefault(t => t is not null && !double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out _))}'); use LabelEncode or OneHot.");
}
