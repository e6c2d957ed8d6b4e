using System.Buffers.Binary;
using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json;
using Gradus.IO;
using Xunit.Abstractions;

namespace Gradus.Tests.IO;

public class IdxTests(ITestOutputHelper output)
{
    private static readonly JsonElement Expected = IoFixtures.Json("idx", "expected.json");

    public static TheoryData<string> FixtureFiles() =>
        [.. Expected.EnumerateObject().Select(p => p.Name)];

    [Theory]
    [MemberData(nameof(FixtureFiles))]
    public void ReadsEveryTypeFromNumpyWrittenFiles(string file)
    {
        var expected = Expected.GetProperty(file);
        var values = expected.GetProperty("values").EnumerateArray().ToArray();

        var array = Idx.Read(IoFixtures.Path("idx", file));

        Assert.Equal(expected.GetProperty("type_code").GetInt32(), array.TypeCode);
        Assert.Equal(expected.GetProperty("dims").EnumerateArray().Select(d => d.GetInt32()), array.Dims);
        Assert.Equal(values.Length, array.Count);
        switch (array.TypeCode)
        {
            case Idx.UByte: Assert.Equal(values.Select(v => v.GetByte()), array.Data); break;
            case Idx.SByte: Assert.Equal(values.Select(v => v.GetSByte()), array.ToSByteArray()); break;
            case Idx.Int16: Assert.Equal(values.Select(v => v.GetInt16()), array.ToInt16Array()); break;
            case Idx.Int32: Assert.Equal(values.Select(v => v.GetInt32()), array.ToInt32Array()); break;
            case Idx.Float32: Assert.Equal(values.Select(v => (float)v.GetDouble()), array.ToSingleArray()); break;
            case Idx.Float64: Assert.Equal(values.Select(v => v.GetDouble()), array.ToDoubleArray()); break;
            default: Assert.Fail($"unexpected type code {array.TypeCode}"); break;
        }
    }

    [Theory]
    [MemberData(nameof(FixtureFiles))]
    public void WriteReproducesTheFixtureBytes(string file)
    {
        using var folder = IoFixtures.NewFolder();
        var array = Idx.Read(IoFixtures.Path("idx", file));
        string plain = folder.File("copy.idx");
        string gz = folder.File("copy.idx.gz");

        Idx.Write(plain, array);
        Idx.Write(gz, array);

        byte[] original = File.ReadAllBytes(IoFixtures.Path("idx", file));
        if (file.EndsWith(".gz", StringComparison.Ordinal))
            original = Gunzip(original);
        Assert.Equal(original, File.ReadAllBytes(plain));
        Assert.Equal(original, Gunzip(File.ReadAllBytes(gz)));
        Assert.Equal(array.Data, Idx.Read(gz).Data);
    }

    [Fact]
    public void TypedAccessorRejectsTheWrongType()
    {
        var array = Idx.Read(IoFixtures.Path("idx", "ubyte_5.idx.gz"));

        var ex = Assert.Throws<InvalidOperationException>(() => array.ToSingleArray());
        Assert.Contains("type 0x08, not 0x0D", ex.Message);
    }

    [Fact]
    public void BadMagicIsRejected()
    {
        var ex = Fails([0x01, 0x00, 0x08, 0x01, 0, 0, 0, 0]);

        Assert.Contains("not an IDX file", ex.Message);
        Assert.Equal(0, ex.ByteOffset);
    }

    [Fact]
    public void UnknownTypeCodeIsRejected()
    {
        var ex = Fails([0, 0, 0x0A, 0x01, 0, 0, 0, 0]);

        Assert.Contains("unknown IDX type code 0x0A", ex.Message);
        Assert.Equal(2, ex.ByteOffset);
    }

    [Fact]
    public void ZeroDimensionsAreRejected()
    {
        Assert.Contains("declares 0 dimensions", Fails([0, 0, 0x08, 0x00]).Message);
    }

    [Fact]
    public void HeaderCutInsideTheDimensions()
    {
        Assert.Contains("ends inside the 2 dimensions", Fails([0, 0, 0x08, 0x02, 0, 0, 0, 1]).Message);
        Assert.Contains("inside the 4-byte IDX magic", Fails([0, 0]).Message);
    }

    [Fact]
    public void NegativeDimensionIsRejected()
    {
        var ex = Fails([0, 0, 0x08, 0x02, 0, 0, 0, 1, 0xFF, 0xFF, 0xFF, 0xFF]);

        Assert.Contains("dimension 1 is negative (-1)", ex.Message);
        Assert.Equal(8, ex.ByteOffset);
    }

    [Fact]
    public void TruncatedPlainFileReportsExpectedAndActualBytes()
    {
        using var folder = IoFixtures.NewFolder();
        string path = folder.File("cut.idx");
        byte[] bytes = File.ReadAllBytes(IoFixtures.Path("idx", "ubyte_2x3x4.idx"));
        File.WriteAllBytes(path, bytes[..^5]);

        var ex = Assert.Throws<DataFormatException>(() => Idx.Read(path));

        Assert.Equal(path, ex.FileName);
        Assert.Contains(path, ex.Message);
        Assert.Contains("dimensions [2, 3, 4] need 24 bytes of data, but the file has 19", ex.Message);
    }

    [Fact]
    public void PlainFileWithExtraBytesIsRejected()
    {
        byte[] bytes = [.. File.ReadAllBytes(IoFixtures.Path("idx", "ubyte_2x3x4.idx")), 9, 9];

        Assert.Contains("need 24 bytes of data, but the file has 26", Fails(bytes).Message);
    }

    [Fact]
    public void TruncatedGzipReportsExpectedAndActualBytes()
    {
        using var folder = IoFixtures.NewFolder();
        string path = folder.File("cut.idx.gz");
        byte[] raw = IdxBytes(Idx.UByte, [100, 100], Enumerable.Range(0, 10_000).Select(i => (byte)(i * 7919 % 251)).ToArray());
        byte[] gz = Gzip(raw);
        File.WriteAllBytes(path, gz[..(gz.Length / 2)]);

        var ex = Assert.Throws<DataFormatException>(() => Idx.Read(path));

        Assert.Contains(path, ex.Message);
        Assert.Contains("dimensions [100, 100] need 10000 bytes of data", ex.Message);
    }

    [Fact]
    public void GzipWithMoreDataThanTheDimensionsIsRejected()
    {
        byte[] raw = IdxBytes(Idx.UByte, [3], [1, 2, 3, 4, 5]);

        Assert.Contains("need 3 bytes of data, but the decompressed data has 5", Fails(Gzip(raw)).Message);
    }

    [Fact]
    public void GzipClaimingFarMoreThanItCanHoldIsRejectedBeforeAllocating()
    {
        byte[] raw = IdxBytes(Idx.UByte, [1_000_000, 1000], []);

        Assert.Contains("more than a", Fails(Gzip(raw)).Message);
    }

    [Fact]
    public void ReadStreamWorksOnForwardOnlyStreams()
    {
        byte[] bytes = File.ReadAllBytes(IoFixtures.Path("idx", "int32_3.idx.gz"));

        var array = Idx.ReadStream(new ForwardOnlyStream(bytes), "int32");

        Assert.Equal([int.MinValue, 16909060, int.MaxValue], array.ToInt32Array());
    }

    [Fact]
    public void IdxArrayRejectsDataThatDoesNotMatchItsDims()
    {
        var ex = Assert.Throws<ArgumentException>(() => IdxArray.FromBytes(new byte[5], 2, 3));

        Assert.Contains("[2, 3] of type 0x08 need 6 bytes, got 5", ex.Message);
    }

    [Fact]
    public void LoadsTheFullFashionMnistTrainImagesQuickly()
    {
        string path = "/usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz";
        using var folder = IoFixtures.NewFolder();
        if (!File.Exists(path))
        {
            // Without Debian's dataset-fashion-mnist, time a file of the same size instead.
            path = folder.File("train-images-idx3-ubyte.gz");
            Idx.Write(path, IdxArray.FromBytes(new byte[60_000 * 28 * 28], 60_000, 28, 28));
        }

        var clock = Stopwatch.StartNew();
        var images = Idx.Read(path);
        clock.Stop();

        Assert.Equal([60_000, 28, 28], images.Dims);
        Assert.Equal(47_040_000, images.Data.Length);
        output.WriteLine($"read {path} in {clock.Elapsed.TotalMilliseconds:F0} ms");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"reading took {clock.Elapsed}");
    }

    private static DataFormatException Fails(byte[] bytes) =>
        Assert.Throws<DataFormatException>(() => Idx.ReadStream(new MemoryStream(bytes), "bad.idx"));

    private static byte[] IdxBytes(byte type, int[] dims, byte[] data)
    {
        var header = new byte[4 + 4 * dims.Length];
        header[2] = type;
        header[3] = (byte)dims.Length;
        for (int i = 0; i < dims.Length; i++)
            BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4 + 4 * i), dims[i]);
        return [.. header, .. data];
    }

    private static byte[] Gzip(byte[] raw)
    {
        var output = new MemoryStream();
        using (var gz = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true))
            gz.Write(raw);
        return output.ToArray();
    }

    private static byte[] Gunzip(byte[] gz)
    {
        using var input = new GZipStream(new MemoryStream(gz), CompressionMode.Decompress);
        var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }
}
