using System.Text;
using System.Text.Json;

namespace Gradus.IO;

/// <summary>One tensor as the header declares it; <see cref="HeaderOffset"/> is where its name starts in the file.</summary>
internal sealed record SafetensorsTensorInfo(string Name, string DType, long[] Shape, long Begin, long End, long HeaderOffset);

/// <summary>
/// Parses a safetensors JSON header: UTF-8, an object that begins with '{', unique names, a string-to-string
/// <c>__metadata__</c>, and for every tensor a known dtype, a shape of non-negative integers and two data offsets.
/// Errors name the file and the byte offset in the file (the header starts at offset 8).
/// </summary>
internal static class SafetensorsHeaderReader
{
    private const long HeaderStart = 8;

    /// <summary>Parses <paramref name="header"/>; the tensors come back in header order.</summary>
    public static (List<SafetensorsTensorInfo> Tensors, Dictionary<string, string>? Metadata) Parse(ReadOnlySpan<byte> header, string file)
    {
        CheckUtf8(header, file);
        if (header.Length == 0 || header[0] != (byte)'{')
            throw Fail(file, 0, "the JSON header must begin with '{'");
        var tensors = new List<SafetensorsTensorInfo>();
        Dictionary<string, string>? metadata = null;
        var names = new HashSet<string>(StringComparer.Ordinal);
        var reader = new Utf8JsonReader(header, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
        try
        {
            reader.Read();
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                long at = reader.TokenStartIndex;
                string name = reader.GetString()!;
                if (!names.Add(name))
                    throw Fail(file, at, $"duplicate name '{name}' in the header");
                reader.Read();
                if (name == "__metadata__")
                    metadata = ReadMetadata(ref reader, file);
                else
                    tensors.Add(ReadTensor(ref reader, name, at, file));
            }
            while (reader.Read())
            {
                // Only whitespace may follow the header object; the reader throws on anything else.
            }
        }
        catch (JsonException ex)
        {
            throw Fail(file, OffsetOf(header, ex), $"invalid JSON in the header: {Trim(ex.Message)}", ex);
        }
        return (tensors, metadata);
    }

    private static Dictionary<string, string>? ReadMetadata(ref Utf8JsonReader reader, string file)
    {
        if (reader.TokenType == JsonTokenType.Null)
            return null;
        if (reader.TokenType != JsonTokenType.StartObject)
            throw Fail(file, reader.TokenStartIndex, $"__metadata__ must be an object of strings, found {reader.TokenType}");
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            long at = reader.TokenStartIndex;
            string key = reader.GetString()!;
            reader.Read();
            if (reader.TokenType != JsonTokenType.String)
                throw Fail(file, reader.TokenStartIndex, $"__metadata__ value of '{key}' must be a string, found {reader.TokenType}");
            if (!metadata.TryAdd(key, reader.GetString()!))
                throw Fail(file, at, $"duplicate key '{key}' in __metadata__");
        }
        return metadata;
    }

    private static SafetensorsTensorInfo ReadTensor(ref Utf8JsonReader reader, string name, long at, string file)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
            throw Fail(file, reader.TokenStartIndex, $"tensor '{name}' must be an object with dtype, shape and data_offsets, found {reader.TokenType}");
        string? dtype = null;
        long[]? shape = null, offsets = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            long keyAt = reader.TokenStartIndex;
            string key = reader.GetString()!;
            reader.Read();
            bool duplicate = key switch
            {
                "dtype" => dtype is not null,
                "shape" => shape is not null,
                "data_offsets" => offsets is not null,
                _ => false,
            };
            if (duplicate)
                throw Fail(file, keyAt, $"tensor '{name}' has '{key}' twice");
            switch (key)
            {
                case "dtype":
                    if (reader.TokenType != JsonTokenType.String)
                        throw Fail(file, reader.TokenStartIndex, $"tensor '{name}': dtype must be a string, found {reader.TokenType}");
                    dtype = reader.GetString()!;
                    if (!SafetensorsDTypes.IsKnown(dtype))
                        throw Fail(file, reader.TokenStartIndex, $"tensor '{name}' has unknown dtype '{dtype}'");
                    break;
                case "shape":
                    shape = ReadIntegers(ref reader, name, key, file);
                    break;
                case "data_offsets":
                    long offsetsAt = reader.TokenStartIndex;
                    offsets = ReadIntegers(ref reader, name, key, file);
                    if (offsets.Length != 2)
                        throw Fail(file, offsetsAt, $"tensor '{name}': data_offsets must be [begin, end], found {offsets.Length} numbers");
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }
        if (dtype is null || shape is null || offsets is null)
        {
            string missing = dtype is null ? "dtype" : shape is null ? "shape" : "data_offsets";
            throw Fail(file, at, $"tensor '{name}' has no '{missing}'");
        }
        return new SafetensorsTensorInfo(name, dtype, shape, offsets[0], offsets[1], HeaderStart + at);
    }

    private static long[] ReadIntegers(ref Utf8JsonReader reader, string name, string key, string file)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
            throw Fail(file, reader.TokenStartIndex, $"tensor '{name}': {key} must be an array of integers, found {reader.TokenType}");
        var values = new List<long>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt64(out long value) || value < 0)
                throw Fail(file, reader.TokenStartIndex,
                    $"tensor '{name}': {key} must hold non-negative integers, found '{Encoding.UTF8.GetString(reader.ValueSpan)}'");
            values.Add(value);
        }
        return values.ToArray();
    }

    private static void CheckUtf8(ReadOnlySpan<byte> header, string file)
    {
        if (System.Text.Unicode.Utf8.IsValid(header))
            return;
        int i = 0;
        while (i < header.Length)
        {
            if (System.Text.Rune.DecodeFromUtf8(header[i..], out _, out int consumed) != System.Buffers.OperationStatus.Done)
                throw Fail(file, i, "the header is not valid UTF-8");
            i += consumed;
        }
    }

    // Utf8JsonReader reports a line and a byte position in that line; turn them into an offset in the header.
    private static long OffsetOf(ReadOnlySpan<byte> header, JsonException ex)
    {
        long line = ex.LineNumber ?? 0, start = 0;
        for (int i = 0; i < header.Length && line > 0; i++)
        {
            if (header[i] == (byte)'\n')
            {
                line--;
                start = i + 1;
            }
        }
        return start + (ex.BytePositionInLine ?? 0);
    }

    private static string Trim(string message)
    {
        int cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }

    private static DataFormatException Fail(string file, long headerOffset, string problem, Exception? inner = null) =>
        new(file, HeaderStart + headerOffset, problem, inner);
}
