namespace Gradus.Data.Csv;

/// <summary>How <see cref="CsvTable"/> reads a file: delimiter, quote character, header row, missing-value markers.</summary>
public sealed record CsvOptions
{
    /// <summary>The options used when none are given: comma, double quote, a header row, "", "NA" and "?" missing.</summary>
    public static CsvOptions Default { get; } = new();

    /// <summary>The field separator (',' by default; '\t' for TSV, ';' for European CSV).</summary>
    public char Delimiter { get; init; } = ',';

    /// <summary>The quote character; inside quotes the delimiter and line breaks are text and a doubled quote is one quote.</summary>
    public char Quote { get; init; } = '"';

    /// <summary>Whether the first record names the columns (pandas' <c>header=0</c>); otherwise columns are named "0", "1", ...</summary>
    public bool HasHeader { get; init; } = true;

    /// <summary>Field values that mean "missing": NaN in numeric columns, null in text columns (pandas' <c>na_values</c>).</summary>
    public IReadOnlySet<string> MissingValues { get; init; } = new HashSet<string>(StringComparer.Ordinal) { "", "NA", "?" };
}
