using System.Text;

namespace Gradus.Data.Csv;

/// <summary>One record of a CSV text: its fields and the line it starts on (1-based).</summary>
internal readonly record struct CsvRecord(string[] Fields, int Line);

/// <summary>
/// Splits CSV text into records (RFC 4180): fields separated by the delimiter, records by \n, \r\n or \r, quoted
/// fields may hold delimiters, line breaks and doubled quotes. Empty lines are skipped.
/// </summary>
internal static class CsvParser
{
    /// <summary>All records of <paramref name="text"/>; errors name <paramref name="source"/> and the line.</summary>
    public static List<CsvRecord> Parse(string text, CsvOptions options, string source)
    {
        if (options.Delimiter == options.Quote || options.Delimiter is '\n' or '\r' || options.Quote is '\n' or '\r')
            throw new ArgumentException($"CSV delimiter '{options.Delimiter}' and quote '{options.Quote}' must differ and not be line breaks.", nameof(options));
        var records = new List<CsvRecord>();
        var fields = new List<string>();
        var field = new StringBuilder();
        int line = 1, recordLine = 1, i = 0;
        bool atFieldStart = true;
        while (i < text.Length)
        {
            char c = text[i];
            if (atFieldStart && c == options.Quote)
            {
                int quoteLine = line;
                i++;
                while (true)
                {
                    if (i >= text.Length)
                        throw new InvalidDataException($"{source}: line {quoteLine}: a quoted field is never closed.");
                    char q = text[i];
                    if (q == options.Quote)
                    {
                        if (i + 1 < text.Length && text[i + 1] == options.Quote)
                        {
                            field.Append(options.Quote);
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    if (q == '\n' || (q == '\r' && !(i + 1 < text.Length && text[i + 1] == '\n')))
                        line++;
                    field.Append(q);
                    i++;
                }
                if (i < text.Length && text[i] != options.Delimiter && text[i] != '\n' && text[i] != '\r')
                    throw new InvalidDataException($"{source}: line {line}: unexpected '{text[i]}' after a closing quote (expected '{options.Delimiter}' or the end of the line).");
                atFieldStart = false;
                continue;
            }
            if (c == options.Delimiter)
            {
                fields.Add(field.ToString());
                field.Clear();
                atFieldStart = true;
                i++;
                continue;
            }
            if (c == '\n' || c == '\r')
            {
                i += c == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1;
                EndRecord(records, fields, field, recordLine, atFieldStart);
                line++;
                recordLine = line;
                atFieldStart = true;
                continue;
            }
            field.Append(c);
            atFieldStart = false;
            i++;
        }
        EndRecord(records, fields, field, recordLine, atFieldStart);
        return records;
    }

    // Closes the current record; a line with no characters at all is skipped.
    private static void EndRecord(List<CsvRecord> records, List<string> fields, StringBuilder field, int line, bool atFieldStart)
    {
        bool emptyLine = fields.Count == 0 && field.Length == 0 && atFieldStart;
        if (!emptyLine)
        {
            fields.Add(field.ToString());
            records.Add(new CsvRecord(fields.ToArray(), line));
        }
        fields.Clear();
        field.Clear();
    }
}
