using System.Globalization;
using System.Text;

namespace Gradus.IO;

/// <summary>
/// Builds a safetensors header exactly as the reference writer does: compact JSON with
/// <c>__metadata__</c> first, then the tensors in file order, padded with spaces to a multiple of 8 bytes.
/// </summary>
internal static class SafetensorsHeaderWriter
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly byte[] HexDigits = "0123456789abcdef"u8.ToArray();

    /// <summary>The padded header bytes for <paramref name="ordered"/> entries (already in file order).</summary>
    public static byte[] Build(IReadOnlyList<SafetensorsEntry> ordered, IReadOnlyDictionary<string, string>? metadata)
    {
        var output = new MemoryStream();
        output.WriteByte((byte)'{');
        bool first = true;
        if (metadata is not null)
        {
            WriteString(output, "__metadata__");
            output.Write(":{"u8);
            bool firstKey = true;
            foreach (var key in metadata.Keys.OrderBy(Utf8, Utf8Comparer.Instance))
            {
                if (!firstKey)
                    output.WriteByte((byte)',');
                WriteString(output, key);
                output.WriteByte((byte)':');
                WriteString(output, metadata[key]);
                firstKey = false;
            }
            output.WriteByte((byte)'}');
            first = false;
        }
        long offset = 0;
        foreach (var entry in ordered)
        {
            if (!first)
                output.WriteByte((byte)',');
            first = false;
            WriteString(output, entry.Name);
            output.Write(":{\"dtype\":"u8);
            WriteString(output, entry.DType);
            output.Write(",\"shape\":["u8);
            WriteAscii(output, string.Join(",", entry.Shape.Select(d => d.ToString(CultureInfo.InvariantCulture))));
            output.Write("],\"data_offsets\":["u8);
            WriteAscii(output, $"{offset.ToString(CultureInfo.InvariantCulture)},{(offset + entry.Data.Length).ToString(CultureInfo.InvariantCulture)}");
            output.Write("]}"u8);
            offset += entry.Data.Length;
        }
        output.WriteByte((byte)'}');
        while (output.Length % 8 != 0)
            output.WriteByte((byte)' ');
        return output.ToArray();
    }

    /// <summary>The UTF-8 bytes of <paramref name="text"/>; throws for a lone surrogate, which UTF-8 cannot hold.</summary>
    internal static byte[] Utf8(string text)
    {
        try
        {
            return StrictUtf8.GetBytes(text);
        }
        catch (EncoderFallbackException ex)
        {
            throw new ArgumentException($"'{text}' is not valid Unicode text (lone surrogate at index {ex.Index}).", nameof(text), ex);
        }
    }

    // A JSON string the way serde_json writes it: UTF-8 kept as is; '"', '\\' and control characters escaped.
    private static void WriteString(MemoryStream output, string text)
    {
        output.WriteByte((byte)'"');
        foreach (byte b in Utf8(text))
        {
            switch (b)
            {
                case (byte)'"': output.Write("\\\""u8); break;
                case (byte)'\\': output.Write("\\\\"u8); break;
                case (byte)'\b': output.Write("\\b"u8); break;
                case (byte)'\f': output.Write("\\f"u8); break;
                case (byte)'\n': output.Write("\\n"u8); break;
                case (byte)'\r': output.Write("\\r"u8); break;
                case (byte)'\t': output.Write("\\t"u8); break;
                case < 0x20:
                    output.Write("\\u00"u8);
                    output.WriteByte(HexDigits[b >> 4]);
                    output.WriteByte(HexDigits[b & 0xF]);
                    break;
                default: output.WriteByte(b); break;
            }
        }
        output.WriteByte((byte)'"');
    }

    private static void WriteAscii(MemoryStream output, string text) => output.Write(Encoding.ASCII.GetBytes(text));
}

/// <summary>Orders UTF-8 byte strings bytewise, which is Unicode code point order (Rust's and Python's string order).</summary>
internal sealed class Utf8Comparer : IComparer<byte[]>
{
    /// <summary>The shared instance.</summary>
    public static readonly Utf8Comparer Instance = new();

    /// <inheritdoc/>
    public int Compare(byte[]? x, byte[]? y) => x.AsSpan().SequenceCompareTo(y);
}
