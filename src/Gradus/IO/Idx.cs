using System.Buffers.Binary;
using System.IO.Compression;
using System.Runtime.InteropServices;

namespace Gradus.IO;

/// <summary>
/// Reads and writes IDX files (LeCun's MNIST format), plain or gzip-compressed (detected by the 1f 8b magic):
/// two zero bytes, a type code, the number of dimensions, each dimension as a big-endian int32, then the
/// big-endian elements, row-major.
/// </summary>
public static class Idx
{
    /// <summary>Type code of unsigned bytes (MNIST images and labels).</summary>
    public const byte UByte = 0x08;

    /// <summary>Type code of signed bytes.</summary>
    public const byte SByte = 0x09;

    /// <summary>Type code of big-endian 16-bit integers.</summary>
    public const byte Int16 = 0x0B;

    /// <summary>Type code of big-endian 32-bit integers.</summary>
    public const byte Int32 = 0x0C;

    /// <summary>Type code of big-endian 32-bit floats.</summary>
    public const byte Float32 = 0x0D;

    /// <summary>Type code of big-endian 64-bit floats.</summary>
    public const byte Float64 = 0x0E;

    // Deflate cannot compress better than about 1032:1, so a gzip file of n bytes holds at most ~1032n bytes.
    private const long MaxDeflateRatio = 1032;

    /// <summary>Bytes per element of IDX type <paramref name="typeCode"/>; throws for an unknown code.</summary>
    public static int ElementSize(byte typeCode) => typeCode switch
    {
        UByte or SByte => 1,
        Int16 => 2,
        Int32 or Float32 => 4,
        Float64 => 8,
        _ => throw new ArgumentException($"Unknown IDX type code 0x{typeCode:X2}; expected 0x08, 0x09, 0x0B, 0x0C, 0x0D or 0x0E.", nameof(typeCode)),
    };

    /// <summary>Reads the IDX file at <paramref name="path"/> (plain or .gz) into one pre-sized array.</summary>
    public static IdxArray Read(string path) => DataSource.FromFile(path, ReadCore);

    /// <summary>Reads an IDX file (plain or gzip) from <paramref name="stream"/>; <paramref name="name"/> names it in errors.</summary>
    public static IdxArray ReadStream(Stream stream, string name = "<stream>") => DataSource.FromStream(stream, name, ReadCore);

    /// <summary>
    /// Writes <paramref name="array"/> to <paramref name="path"/> as IDX, gzip-compressed when the path ends in ".gz";
    /// atomically (temporary file, then rename).
    /// </summary>
    public static void Write(string path, IdxArray array)
    {
        ArgumentNullException.ThrowIfNull(array);
        bool gzip = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase);
        AtomicFile.Write(path, stream =>
        {
            if (!gzip)
            {
                WriteStream(stream, array);
                return;
            }
            using var compressed = new GZipStream(stream, CompressionLevel.Optimal, leaveOpen: true);
            WriteStream(compressed, array);
        });
    }

    /// <summary>Writes the uncompressed IDX bytes of <paramref name="array"/> to <paramref name="stream"/>.</summary>
    public static void WriteStream(Stream stream, IdxArray array)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(array);
        byte[] header = new byte[4 + 4 * array.Dims.Length];
        header[2] = array.TypeCode;
        header[3] = (byte)array.Dims.Length;
        for (int i = 0; i < array.Dims.Length; i++)
            BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4 + 4 * i), array.Dims[i]);
        stream.Write(header);
        if (ElementSize(array.TypeCode) == 1)
        {
            stream.Write(array.Data);
            return;
        }
        byte[] swapped = (byte[])array.Data.Clone();
        SwapEndianness(swapped, ElementSize(array.TypeCode));
        stream.Write(swapped);
    }

    private static IdxArray ReadCore(Stream stream, long length, string name)
    {
        Span<byte> magic = stackalloc byte[2];
        int got = stream.ReadAtLeast(magic, 2, throwOnEndOfStream: false);
        stream.Seek(-got, SeekOrigin.Current);
        if (got == 2 && magic[0] == 0x1F && magic[1] == 0x8B)
        {
            try
            {
                using var gzip = new GZipStream(stream, CompressionMode.Decompress, leaveOpen: true);
                return Parse(gzip, name, null, length);
            }
            catch (InvalidDataException ex)
            {
                throw new DataFormatException(name, null, $"the gzip data is corrupt: {ex.Message}", ex);
            }
        }
        return Parse(stream, name, length, null);
    }

    // Reads header and payload. `available` is the exact byte count of a plain source; `compressed` the size of a gzip file.
    private static IdxArray Parse(Stream source, string name, long? available, long? compressed)
    {
        string where = compressed is null ? "" : " of the decompressed data";
        Span<byte> head = stackalloc byte[4];
        int got = source.ReadAtLeast(head, 4, throwOnEndOfStream: false);
        if (got < 4)
            throw new DataFormatException(name, got, $"the data ends after {got} bytes, inside the 4-byte IDX magic number");
        if (head[0] != 0 || head[1] != 0)
            throw new DataFormatException(name, 0, $"not an IDX file: the magic number starts {head[0]:X2} {head[1]:X2}, expected 00 00");
        byte typeCode = head[2];
        if (typeCode is not (UByte or SByte or Int16 or Int32 or Float32 or Float64))
            throw new DataFormatException(name, 2, $"unknown IDX type code 0x{typeCode:X2} (expected 0x08, 0x09, 0x0B, 0x0C, 0x0D or 0x0E)");
        int rank = head[3];
        if (rank == 0)
            throw new DataFormatException(name, 3, "the IDX header declares 0 dimensions");

        byte[] dimBytes = new byte[4 * rank];
        got = source.ReadAtLeast(dimBytes, dimBytes.Length, throwOnEndOfStream: false);
        if (got < dimBytes.Length)
            throw new DataFormatException(name, 4 + got, $"the data{where} ends inside the {rank} dimensions of the IDX header");
        int[] dims = new int[rank];
        long count = 1;
        for (int i = 0; i < rank; i++)
        {
            dims[i] = BinaryPrimitives.ReadInt32BigEndian(dimBytes.AsSpan(4 * i));
            if (dims[i] < 0)
                throw new DataFormatException(name, 4 + 4 * i, $"dimension {i} is negative ({dims[i]})");
            count *= dims[i];
            if (count > Array.MaxLength)
                throw new DataFormatException(name, 4 + 4 * i, $"dimensions [{string.Join(", ", dims.Take(i + 1))}, ...] hold more elements than an array can");
        }
        int size = ElementSize(typeCode);
        long expected = count * size;
        long headerLength = 4 + 4L * rank;
        string shape = $"[{string.Join(", ", dims)}]";
        if (expected > Array.MaxLength)
            throw new DataFormatException(name, 4, $"dimensions {shape} need {expected} bytes, more than an array can hold");
        if (available is long plain && plain - headerLength != expected)
            throw new DataFormatException(name, headerLength, $"dimensions {shape} need {expected} bytes of data, but the file has {plain - headerLength}");
        if (compressed is long packed && expected > packed * MaxDeflateRatio + 1024)
            throw new DataFormatException(name, headerLength,
                $"dimensions {shape} need {expected} bytes of data, more than a {packed}-byte gzip file can hold");

        byte[] data = new byte[expected];
        int read = 0;
        try
        {
            int n;
            while (read < data.Length && (n = source.Read(data, read, data.Length - read)) > 0)
                read += n;
        }
        catch (InvalidDataException ex)
        {
            throw new DataFormatException(name, headerLength + read,
                $"dimensions {shape} need {expected} bytes of data, but the gzip data is corrupt after {read}: {ex.Message}", ex);
        }
        if (read < expected)
            throw new DataFormatException(name, headerLength + read,
                $"dimensions {shape} need {expected} bytes of data, but the {(compressed is null ? "file" : "decompressed data")} has only {read} (truncated?)");
        if (compressed is not null)
        {
            long extra = Drain(source);
            if (extra > 0)
                throw new DataFormatException(name, headerLength + expected,
                    $"dimensions {shape} need {expected} bytes of data, but the decompressed data has {expected + extra}");
        }
        if (size > 1)
            SwapEndianness(data, size);
        return new IdxArray(typeCode, dims, data);
    }

    private static long Drain(Stream source)
    {
        byte[] buffer = new byte[1 << 16];
        long total = 0;
        int n;
        while ((n = source.Read(buffer)) > 0)
            total += n;
        return total;
    }

    // IDX stores big-endian elements; flip each element's bytes in place (the same operation both ways).
    private static void SwapEndianness(byte[] data, int size)
    {
        if (!BitConverter.IsLittleEndian)
            return;
        switch (size)
        {
            case 2:
                var shorts = MemoryMarshal.Cast<byte, short>(data.AsSpan());
                BinaryPrimitives.ReverseEndianness(shorts, shorts);
                break;
            case 4:
                var ints = MemoryMarshal.Cast<byte, int>(data.AsSpan());
                BinaryPrimitives.ReverseEndianness(ints, ints);
                break;
            case 8:
                var longs = MemoryMarshal.Cast<byte, long>(data.AsSpan());
                BinaryPrimitives.ReverseEndianness(longs, longs);
                break;
        }
    }
}
