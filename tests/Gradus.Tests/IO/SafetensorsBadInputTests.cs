using System.Buffers.Binary;
using System.Text;
using Gradus.IO;

namespace Gradus.Tests.IO;

public class SafetensorsBadInputTests
{
    private const string Name = "bad.safetensors";

    // A file with the given header text (not padded) and data bytes; `n` overrides the header length field.
    private static byte[] File(string header, int dataBytes = 0, ulong? n = null) => File(Encoding.UTF8.GetBytes(header), dataBytes, n);

    private static byte[] File(byte[] header, int dataBytes = 0, ulong? n = null)
    {
        var bytes = new byte[8 + header.Length + dataBytes];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, n ?? (ulong)header.Length);
        header.CopyTo(bytes, 8);
        return bytes;
    }

    private static DataFormatException Fails(byte[] bytes) =>
        Assert.Throws<DataFormatException>(() => Safetensors.ReadStream(new MemoryStream(bytes), Name));

    private static string Tensor(string name, string dtype, string shape, long begin, long end) =>
        $"\"{name}\":{{\"dtype\":\"{dtype}\",\"shape\":{shape},\"data_offsets\":[{begin},{end}]}}";

    [Fact]
    public void FileShorterThanEightBytes()
    {
        var ex = Fails([1, 0, 0]);

        Assert.Equal(Name, ex.FileName);
        Assert.Equal(0, ex.ByteOffset);
        Assert.Contains("the file is 3 bytes, shorter than the 8-byte header length", ex.Message);
        Assert.StartsWith($"{Name}: ", ex.Message);
    }

    [Fact]
    public void HeaderLengthBeyondTheFile()
    {
        var ex = Fails(File("{}", n: 1000));

        Assert.Contains("header length 1000 runs past the end of the file (10 bytes)", ex.Message);
        Assert.Equal(0, ex.ByteOffset);
    }

    [Theory]
    [InlineData(100_000_001UL)]
    [InlineData(ulong.MaxValue)]
    public void AbsurdHeaderLengthIsRejectedBeforeAllocating(ulong n)
    {
        // A 10-byte file claiming a huge header: rejected from the 8-byte prefix alone.
        var ex = Fails(File("{}", n: n));

        Assert.Contains($"header length {n} is over the 100000000-byte limit", ex.Message);
    }

    [Fact]
    public void InvalidUtf8NamesItsOffset()
    {
        var header = Encoding.UTF8.GetBytes("{\"a\u00e9\":1}");
        header[4] = 0xFF; // breaks the two-byte sequence of 'é'

        var ex = Fails(File(header));

        Assert.Contains("not valid UTF-8", ex.Message);
        Assert.Equal(8 + 3, ex.ByteOffset);
    }

    [Theory]
    [InlineData("{\"a\":", "invalid JSON")]
    [InlineData("{\"__metadata__\":{} ,}", "invalid JSON")]
    [InlineData("{} x", "invalid JSON")]
    [InlineData(" {}", "must begin with '{'")]
    [InlineData("[]", "must begin with '{'")]
    public void InvalidJsonIsReported(string header, string message)
    {
        var ex = Fails(File(header));

        Assert.Contains(message, ex.Message);
        Assert.NotNull(ex.ByteOffset);
    }

    [Fact]
    public void JsonErrorOffsetPointsIntoTheHeader()
    {
        var ex = Fails(File("{\"a\":tru}"));

        Assert.Contains("invalid JSON", ex.Message);
        Assert.InRange(ex.ByteOffset!.Value, 8 + 5, 8 + 9);
    }

    [Fact]
    public void UnknownDtype()
    {
        string header = "{" + Tensor("w", "F33", "[1]", 0, 4) + "}";

        var ex = Fails(File(header, 4));

        Assert.Contains("tensor 'w' has unknown dtype 'F33'", ex.Message);
        Assert.Equal(8 + header.IndexOf("\"F33\"", StringComparison.Ordinal), ex.ByteOffset);
    }

    [Fact]
    public void ShapeTimesDtypeDifferentFromTheOffsetsSpan()
    {
        string header = "{" + Tensor("w", "F32", "[2,3]", 0, 20) + "}";

        var ex = Fails(File(header, 20));

        Assert.Contains("shape [2, 3] with dtype F32 needs 24 bytes but the offsets span 20", ex.Message);
        Assert.Equal(8 + 1, ex.ByteOffset);
    }

    [Fact]
    public void OffsetsPastTheEndOfTheBuffer()
    {
        string header = "{" + Tensor("w", "F32", "[2]", 0, 8) + "}";

        var ex = Fails(File(header, 4));

        Assert.Contains("runs past the end of the data buffer (4 bytes)", ex.Message);
    }

    [Fact]
    public void EndBeforeBegin()
    {
        var ex = Fails(File("{" + Tensor("w", "F32", "[0]", 8, 4) + "}", 8));

        Assert.Contains("ends before it begins", ex.Message);
    }

    [Fact]
    public void OverlappingTensors()
    {
        string header = "{" + Tensor("a", "F32", "[2]", 0, 8) + "," + Tensor("b", "F32", "[2]", 4, 12) + "}";

        var ex = Fails(File(header, 12));

        Assert.Contains("tensor 'b' with data_offsets [4, 12] overlaps the previous tensor, which ends at 8", ex.Message);
        Assert.Equal(8 + header.IndexOf("\"b\"", StringComparison.Ordinal), ex.ByteOffset);
    }

    [Fact]
    public void HoleBetweenTensors()
    {
        string header = "{" + Tensor("a", "F32", "[1]", 0, 4) + "," + Tensor("b", "F32", "[1]", 8, 12) + "}";

        var ex = Fails(File(header, 12));

        Assert.Contains("leaves a hole of 4 bytes after offset 4", ex.Message);
    }

    [Fact]
    public void BytesAfterTheLastTensor()
    {
        string header = "{" + Tensor("a", "F32", "[1]", 0, 4) + "}";

        var ex = Fails(File(header, 6));

        Assert.Contains("2 bytes after the last tensor are not covered", ex.Message);
        Assert.Equal(8 + header.Length + 4, ex.ByteOffset);
    }

    [Fact]
    public void DuplicateTensorNames()
    {
        string header = "{" + Tensor("a", "F32", "[1]", 0, 4) + "," + Tensor("a", "F32", "[1]", 4, 8) + "}";

        var ex = Fails(File(header, 8));

        Assert.Contains("duplicate name 'a'", ex.Message);
        Assert.Equal(8 + header.LastIndexOf("\"a\"", StringComparison.Ordinal), ex.ByteOffset);
    }

    [Theory]
    [InlineData("{\"__metadata__\":{\"k\":1}}", "__metadata__ value of 'k' must be a string")]
    [InlineData("{\"__metadata__\":[\"k\"]}", "__metadata__ must be an object of strings")]
    [InlineData("{\"__metadata__\":{\"k\":\"a\",\"k\":\"b\"}}", "duplicate key 'k' in __metadata__")]
    [InlineData("{\"w\":{\"dtype\":\"F32\",\"shape\":[1]}}", "tensor 'w' has no 'data_offsets'")]
    [InlineData("{\"w\":{\"dtype\":\"F32\",\"dtype\":\"F32\",\"shape\":[0],\"data_offsets\":[0,0]}}", "tensor 'w' has 'dtype' twice")]
    [InlineData("{\"w\":{\"dtype\":\"F32\",\"shape\":[-1],\"data_offsets\":[0,0]}}", "shape must hold non-negative integers, found '-1'")]
    [InlineData("{\"w\":{\"dtype\":\"F32\",\"shape\":[1.5],\"data_offsets\":[0,0]}}", "shape must hold non-negative integers, found '1.5'")]
    [InlineData("{\"w\":{\"dtype\":\"F32\",\"shape\":[0],\"data_offsets\":[0]}}", "data_offsets must be [begin, end], found 1 numbers")]
    [InlineData("{\"w\":[1]}", "tensor 'w' must be an object")]
    [InlineData("{\"w\":{\"dtype\":\"F32\",\"shape\":[4294967296,4294967296],\"data_offsets\":[0,0]}}", "overflows a 64-bit byte count")]
    [InlineData("{\"w\":{\"dtype\":\"F4\",\"shape\":[3],\"data_offsets\":[0,1]}}", "not a whole number of bytes")]
    public void MalformedHeaderEntries(string header, string message)
    {
        var ex = Fails(File(header));

        Assert.Contains(message, ex.Message);
        Assert.NotNull(ex.ByteOffset);
    }

    [Fact]
    public void ReadFromPathNamesThePath()
    {
        using var folder = IoFixtures.NewFolder();
        string path = folder.File("truncated.safetensors");
        byte[] good = System.IO.File.ReadAllBytes(IoFixtures.Path("safetensors", "basic.safetensors"));
        System.IO.File.WriteAllBytes(path, good[..^3]);

        var ex = Assert.Throws<DataFormatException>(() => Safetensors.Read(path));

        Assert.Equal(path, ex.FileName);
        Assert.Contains(path, ex.Message);
        Assert.Contains("runs past the end of the data buffer", ex.Message);
    }

    [Fact]
    public void UnknownFieldsInATensorAreIgnoredLikeTheReference()
    {
        var read = Safetensors.ReadStream(new MemoryStream(File("{\"w\":{\"dtype\":\"U8\",\"extra\":{\"x\":[1]},\"shape\":[2],\"data_offsets\":[0,2]}}", 2)));

        Assert.Equal([0, 0], read["w"].Data);
    }
}
