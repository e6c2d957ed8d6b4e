namespace Gradus.IO;

/// <summary>Opens a file or stream for a reader that needs to know how many bytes it holds before allocating.</summary>
internal static class DataSource
{
    /// <summary>Runs <paramref name="read"/> on the file at <paramref name="path"/> with its length and name.</summary>
    public static T FromFile<T>(string path, Func<Stream, long, string, T> read)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan);
        return read(file, file.Length, path);
    }

    /// <summary>
    /// Runs <paramref name="read"/> on <paramref name="stream"/> from its position to its end. A stream without a
    /// length is first copied into memory (bounded by what it really holds, never by what a header claims).
    /// </summary>
    public static T FromStream<T>(Stream stream, string name, Func<Stream, long, string, T> read)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (stream.CanSeek)
            return read(stream, stream.Length - stream.Position, name);
        var copy = new MemoryStream();
        stream.CopyTo(copy);
        copy.Position = 0;
        return read(copy, copy.Length, name);
    }
}
