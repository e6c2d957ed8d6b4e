namespace Gradus.IO;

/// <summary>A data file (safetensors, IDX) whose bytes break its format; names the file and the byte offset.</summary>
public sealed class DataFormatException : IOException
{
    /// <summary>Creates the error for <paramref name="fileName"/> at <paramref name="byteOffset"/> (null when no single offset applies).</summary>
    public DataFormatException(string fileName, long? byteOffset, string problem, Exception? inner = null)
        : base(byteOffset is long offset ? $"{fileName}: {problem} (at byte offset {offset})" : $"{fileName}: {problem}", inner)
    {
        FileName = fileName;
        ByteOffset = byteOffset;
        Problem = problem;
    }

    /// <summary>The file (or stream name) that failed to parse.</summary>
    public string FileName { get; }

    /// <summary>The offset from the start of the file where the problem is, when one applies.</summary>
    public long? ByteOffset { get; }

    /// <summary>The problem, without the file name and offset.</summary>
    public string Problem { get; }
}
