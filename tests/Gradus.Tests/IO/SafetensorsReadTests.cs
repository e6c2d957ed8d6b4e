using System.Text.Json;
using Gradus.IO;

namespace Gradus.Tests.IO;

public class SafetensorsReadTests
{
    private static readonly JsonElement Expected = IoFixtures.Json("safetensors", "expected.json");

    [Theory]
    [InlineData("basic.safetensors")]
    [InlineData("no_metadata.safetensors")]
    public void ReadsEveryTensorOfTheFixture(string file)
    {
        var read = Safetensors.Read(IoFixtures.Path("safetensors", file));
        var expected = Expected.GetProperty(file);

        var order = expected.GetProperty("order").EnumerateArray().Select(e => e.GetString()).ToArray();
        Assert.Equal(order, read.Names.ToArray());
        foreach (var tensor in expected.GetProperty("tensors").EnumerateObject())
        {
            var entry = read[tensor.Name];
            Assert.Equal(tensor.Value.GetProperty("dtype").GetString(), entry.DType);
            Assert.Equal(tensor.Value.GetProperty("shape").EnumerateArray().Select(e => e.GetInt64()), entry.Shape);
            Assert.Equal(Convert.FromHexString(tensor.Value.GetProperty("hex").GetString()!), entry.Data);
            AssertValues(entry, tensor.Value.GetProperty("values"));
        }
    }

    [Fact]
    public void ReadsMetadataWithEscapesAndUnicode()
    {
        var read = Safetensors.Read(IoFixtures.Path("safetensors", "basic.safetensors"));
        var expected = Expected.GetProperty("basic.safetensors").GetProperty("metadata");

        Assert.Equal(3, read.Metadata.Count);
        foreach (var pair in expected.EnumerateObject())
            Assert.Equal(pair.Value.GetString(), read.Metadata[pair.Name]);
        Assert.Equal("caf\u00e9 \"quoted\"\nline\ttab \U0001F600", read.Metadata["note"]);
    }

    [Fact]
    public void FileWithoutMetadataHasEmptyMetadata()
    {
        var read = Safetensors.Read(IoFixtures.Path("safetensors", "no_metadata.safetensors"));

        Assert.Empty(read.Metadata);
        Assert.Equal([1f, 2f, 3f, 4f], read["w"].ToArray<float>());
        Assert.Equal([2L, 2L], read["w"].Shape);
    }

    [Fact]
    public void ScalarAndEmptyTensorsKeepTheirShapes()
    {
        var read = Safetensors.Read(IoFixtures.Path("safetensors", "basic.safetensors"));

        Assert.Empty(read["steps"].Shape);
        Assert.Equal(1, read["steps"].ElementCount);
        Assert.Equal([1234567890123L], read["steps"].ToArray<long>());
        Assert.Equal([0L, 3L], read["empty"].Shape);
        Assert.Empty(read["empty"].Data);
    }

    [Fact]
    public void ReadStreamMatchesReadForSeekableAndForwardOnlyStreams()
    {
        string path = IoFixtures.Path("safetensors", "basic.safetensors");
        var fromFile = Safetensors.Read(path);
        var fromSeekable = Safetensors.ReadStream(new MemoryStream(File.ReadAllBytes(path)));
        var fromForwardOnly = Safetensors.ReadStream(new ForwardOnlyStream(File.ReadAllBytes(path)), "forward");

        foreach (var other in new[] { fromSeekable, fromForwardOnly })
        {
            Assert.Equal(fromFile.Names, other.Names);
            foreach (var entry in fromFile.Entries)
                Assert.Equal(entry.Data, other[entry.Name].Data);
        }
    }

    [Fact]
    public void MissingTensorNameListsTheNamesThatExist()
    {
        var read = Safetensors.Read(IoFixtures.Path("safetensors", "no_metadata.safetensors"));

        var ex = Assert.Throws<KeyNotFoundException>(() => read["weight"]);
        Assert.Contains("'weight'", ex.Message);
        Assert.Contains("w", ex.Message);
        Assert.False(read.TryGetEntry("weight", out _));
    }

    private static void AssertValues(SafetensorsEntry entry, JsonElement values)
    {
        switch (entry.DType)
        {
            case "F32":
                Assert.Equal(values.EnumerateArray().Select(v => (float)v.GetDouble()), entry.ToArray<float>());
                break;
            case "F64":
                Assert.Equal(values.EnumerateArray().Select(v => v.GetDouble()), entry.ToArray<double>());
                break;
            case "F16":
                Assert.Equal(values.EnumerateArray().Select(v => v.GetDouble()), entry.ToArray<Half>().Select(h => (double)h));
                break;
            case "BF16":
                // bfloat16 is the top half of a float32.
                Assert.Equal(values.EnumerateArray().Select(v => v.GetDouble()),
                    entry.ToArray<ushort>().Select(b => (double)BitConverter.Int32BitsToSingle(b << 16)));
                break;
            case "I64":
                Assert.Equal(values.EnumerateArray().Select(v => v.GetInt64()), entry.ToArray<long>());
                break;
            case "I32":
                Assert.Equal(values.EnumerateArray().Select(v => v.GetInt32()), entry.ToArray<int>());
                break;
            case "U8":
                Assert.Equal(values.EnumerateArray().Select(v => v.GetByte()), entry.ToArray<byte>());
                break;
            case "BOOL":
                Assert.Equal(values.EnumerateArray().Select(v => v.GetBoolean()), entry.ToArray<bool>());
                break;
            default:
                Assert.Fail($"fixture dtype {entry.DType} has no check");
                break;
        }
    }
}

/// <summary>A stream that can only be read forwards (no length, no seeking), like a network stream.</summary>
internal sealed class ForwardOnlyStream(byte[] bytes) : Stream
{
    private readonly MemoryStream _inner = new(bytes);

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, Math.Min(count, 7));
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
