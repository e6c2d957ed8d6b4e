using System.Buffers.Binary;

namespace Gradus.IO;

/// <summary>
/// Reads and writes the safetensors format (as <c>safetensors.torch.load_file</c> / <c>save_file</c>):
/// an 8-byte little-endian header length N, N bytes of JSON header, then the tensors' bytes, packed with no holes.
/// </summary>
public static class Safetensors
{
    /// <summary>The largest header accepted, as in the reference implementation (100,000,000 bytes).</summary>
    public const long MaxHeaderSize = 100_000_000;

    /// <summary>Reads and validates the safetensors file at <paramref name="path"/>.</summary>
    public static SafetensorsFile Read(string path) => DataSource.FromFile(path, ReadCore);

    /// <summary>
    /// Reads a safetensors file from <paramref name="stream"/> (from its current position to its end);
    /// <paramref name="name"/> names the source in errors.
    /// </summary>
    public static SafetensorsFile ReadStream(Stream stream, string name = "<stream>") => DataSource.FromStream(stream, name, ReadCore);

    /// <summary>
    /// Writes <paramref name="entries"/> (and optional string <paramref name="metadata"/>) to <paramref name="path"/>
    /// atomically: a temporary file in the same folder is written, flushed and renamed over the target, so a failure
    /// leaves any previous file intact. The layout matches the reference writer byte for byte.
    /// </summary>
    public static void Write(string path, IEnumerable<SafetensorsEntry> entries, IReadOnlyDictionary<string, string>? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(entries);
        AtomicFile.Write(path, stream => WriteStream(stream, entries, metadata));
    }

    /// <summary>
    /// Writes the safetensors bytes of <paramref name="entries"/> to <paramref name="stream"/>: tensors ordered by
    /// descending dtype alignment, then by name; every entry is validated before the first byte is written.
    /// </summary>
    public static void WriteStream(Stream stream, IEnumerable<SafetensorsEntry> entries, IReadOnlyDictionary<string, string>? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(entries);
        var ordered = Validate(entries, metadata);
        byte[] header = SafetensorsHeaderWriter.Build(ordered, metadata);
        if (header.Length > MaxHeaderSize)
            throw new ArgumentException($"The safetensors header would be {header.Length} bytes, over the {MaxHeaderSize}-byte limit.", nameof(entries));
        Span<byte> length = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(length, (ulong)header.Length);
        stream.Write(length);
        stream.Write(header);
        foreach (var entry in ordered)
            stream.Write(entry.Data);
    }

    /// <summary>The safetensors bytes of <paramref name="entries"/>, as <see cref="WriteStream"/> writes them.</summary>
    public static byte[] Serialize(IEnumerable<SafetensorsEntry> entries, IReadOnlyDictionary<string, string>? metadata = null)
    {
        var output = new MemoryStream();
        WriteStream(output, entries, metadata);
        return output.ToArray();
    }

    private static List<SafetensorsEntry> Validate(IEnumerable<SafetensorsEntry> entries, IReadOnlyDictionary<string, string>? metadata)
    {
        var list = new List<(SafetensorsEntry Entry, byte[] Name)>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (entry is null)
                throw new ArgumentException("A safetensors entry is null.", nameof(entries));
            ArgumentNullException.ThrowIfNull(entry.Name, "entry.Name");
            if (entry.Name == "__metadata__")
                throw new ArgumentException("'__metadata__' is reserved by the safetensors format and cannot name a tensor.", nameof(entries));
            if (!names.Add(entry.Name))
                throw new ArgumentException($"Two entries are named '{entry.Name}'; safetensors names must be unique.", nameof(entries));
            if (entry.DType is null || !SafetensorsDTypes.IsKnown(entry.DType))
                throw new ArgumentException($"Entry '{entry.Name}' has unknown dtype '{entry.DType}'; expected one of {string.Join(", ", SafetensorsDTypes.Names)}.", nameof(entries));
            if (entry.Shape is null || entry.Data is null)
                throw new ArgumentException($"Entry '{entry.Name}' has no {(entry.Shape is null ? "shape" : "data")}.", nameof(entries));
            string? problem = SafetensorsDTypes.TryByteSize(entry.DType, entry.Shape, out long size);
            if (problem is not null)
                throw new ArgumentException($"Entry '{entry.Name}': {problem}.", nameof(entries));
            if (size != entry.Data.Length)
                throw new ArgumentException(
                    $"Entry '{entry.Name}': shape [{string.Join(", ", entry.Shape)}] with dtype {entry.DType} needs {size} bytes but its data has {entry.Data.Length}.",
                    nameof(entries));
            list.Add((entry, SafetensorsHeaderWriter.Utf8(entry.Name)));
        }
        if (metadata is not null)
        {
            foreach (var (key, value) in metadata)
            {
                if (key is null || value is null)
                    throw new ArgumentException("safetensors metadata keys and values must be non-null strings.", nameof(metadata));
            }
        }
        list.Sort((a, b) =>
        {
            int byAlignment = SafetensorsDTypes.Rank(b.Entry.DType).CompareTo(SafetensorsDTypes.Rank(a.Entry.DType));
            return byAlignment != 0 ? byAlignment : Utf8Comparer.Instance.Compare(a.Name, b.Name);
        });
        return list.Select(t => t.Entry).ToList();
    }

    private static SafetensorsFile ReadCore(Stream stream, long length, string file)
    {
        if (length < 8)
            throw new DataFormatException(file, 0, $"the file is {length} bytes, shorter than the 8-byte header length");
        Span<byte> prefix = stackalloc byte[8];
        stream.ReadExactly(prefix);
        ulong n = BinaryPrimitives.ReadUInt64LittleEndian(prefix);
        if (n > MaxHeaderSize)
            throw new DataFormatException(file, 0, $"header length {n} is over the {MaxHeaderSize}-byte limit");
        if ((long)n > length - 8)
            throw new DataFormatException(file, 0, $"header length {n} runs past the end of the file ({length} bytes)");
        byte[] header = new byte[n];
        stream.ReadExactly(header);
        var (tensors, metadata) = SafetensorsHeaderReader.Parse(header, file);
        long dataStart = 8 + (long)n;
        CheckLayout(tensors, length - dataStart, dataStart, file);

        var entries = new List<SafetensorsEntry>(tensors.Count);
        foreach (var info in tensors)
        {
            byte[] data = new byte[info.End - info.Begin];
            stream.ReadExactly(data);
            entries.Add(new SafetensorsEntry(info.Name, info.DType, info.Shape, data));
        }
        return new SafetensorsFile(entries, (IReadOnlyDictionary<string, string>?)metadata ?? new Dictionary<string, string>());
    }

    // Sorts the tensors by offsets and checks that they tile the data buffer exactly, as the reference does.
    private static void CheckLayout(List<SafetensorsTensorInfo> tensors, long dataLength, long dataStart, string file)
    {
        tensors.Sort((a, b) => a.Begin != b.Begin ? a.Begin.CompareTo(b.Begin) : a.End.CompareTo(b.End));
        long position = 0;
        foreach (var t in tensors)
        {
            string where = $"tensor '{t.Name}' with data_offsets [{t.Begin}, {t.End}]";
            if (t.End < t.Begin)
                throw new DataFormatException(file, t.HeaderOffset, $"{where} ends before it begins");
            string? problem = SafetensorsDTypes.TryByteSize(t.DType, t.Shape, out long size);
            if (problem is not null)
                throw new DataFormatException(file, t.HeaderOffset, $"{where}: {problem}");
            if (size != t.End - t.Begin)
                throw new DataFormatException(file, t.HeaderOffset,
                    $"{where}: shape [{string.Join(", ", t.Shape)}] with dtype {t.DType} needs {size} bytes but the offsets span {t.End - t.Begin}");
            if (t.Begin < position)
                throw new DataFormatException(file, t.HeaderOffset, $"{where} overlaps the previous tensor, which ends at {position}");
            if (t.Begin > position)
                throw new DataFormatException(file, t.HeaderOffset, $"{where} leaves a hole of {t.Begin - position} bytes after offset {position}");
            if (t.End > dataLength)
                throw new DataFormatException(file, t.HeaderOffset, $"{where} runs past the end of the data buffer ({dataLength} bytes)");
            position = t.End;
        }
        if (position != dataLength)
            throw new DataFormatException(file, dataStart + position,
                $"{dataLength - position} bytes after the last tensor are not covered by any tensor (the buffer must be fully indexed)");
    }
}
