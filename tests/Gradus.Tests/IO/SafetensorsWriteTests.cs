using System.Text.Json;
using Gradus.IO;

namespace Gradus.Tests.IO;

public class SafetensorsWriteTests
{
    private static readonly JsonElement Expected = IoFixtures.Json("safetensors", "expected.json");

    // The entries of a fixture, rebuilt from expected.json in scrambled order (the writer must sort them).
    private static List<SafetensorsEntry> EntriesOf(string file) =>
        Expected.GetProperty(file).GetProperty("tensors").EnumerateObject()
            .Select(t => new SafetensorsEntry(
                t.Name,
                t.Value.GetProperty("dtype").GetString()!,
                t.Value.GetProperty("shape").EnumerateArray().Select(e => e.GetInt64()).ToArray(),
                Convert.FromHexString(t.Value.GetProperty("hex").GetString()!)))
            .OrderBy(e => e.Data.Length).ThenByDescending(e => e.Name, StringComparer.Ordinal)
            .ToList();

    private static Dictionary<string, string> MetadataOf(string file) =>
        Expected.GetProperty(file).GetProperty("metadata").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);

    [Fact]
    public void WrittenFileIsByteIdenticalToTheReferenceLayout()
    {
        using var folder = IoFixtures.NewFolder();
        string path = folder.File("basic.safetensors");

        Safetensors.Write(path, EntriesOf("basic.safetensors"), MetadataOf("basic.safetensors"));

        Assert.Equal(File.ReadAllBytes(IoFixtures.Path("safetensors", "basic.safetensors")), File.ReadAllBytes(path));
    }

    [Fact]
    public void WrittenFileWithoutMetadataIsByteIdentical()
    {
        using var folder = IoFixtures.NewFolder();
        string path = folder.File("plain.safetensors");

        Safetensors.Write(path, EntriesOf("no_metadata.safetensors"));

        Assert.Equal(File.ReadAllBytes(IoFixtures.Path("safetensors", "no_metadata.safetensors")), File.ReadAllBytes(path));
    }

    [Fact]
    public void HeaderIsPaddedWithSpacesToEightBytes()
    {
        byte[] bytes = Safetensors.Serialize([SafetensorsEntry.FromArray<float>("a", "F32", [1f], 1)]);
        long n = BitConverter.ToInt64(bytes, 0);
        string header = System.Text.Encoding.UTF8.GetString(bytes, 8, (int)n);

        Assert.Equal(0, n % 8);
        Assert.Equal("{\"a\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[0,4]}}  ", header);
        Assert.Equal(8 + n + 4, bytes.Length);
    }

    [Fact]
    public void EntriesAreOrderedByDescendingAlignmentThenName()
    {
        var entries = new[]
        {
            SafetensorsEntry.FromArray<bool>("a_mask", "BOOL", [true], 1),
            SafetensorsEntry.FromArray<float>("b", "F32", [1f], 1),
            SafetensorsEntry.FromArray<float>("a", "F32", [2f], 1),
            SafetensorsEntry.FromArray<long>("z", "I64", [3L], 1),
        };

        var read = Safetensors.ReadStream(new MemoryStream(Safetensors.Serialize(entries)));

        Assert.Equal(["z", "a", "b", "a_mask"], read.Names.ToArray());
    }

    [Fact]
    public void ControlCharactersAreEscapedLikeSerdeJson()
    {
        var metadata = new Dictionary<string, string> { ["k"] = "\u0001\u001f/\u007f" };
        byte[] bytes = Safetensors.Serialize([], metadata);
        string header = System.Text.Encoding.UTF8.GetString(bytes, 8, bytes.Length - 8).TrimEnd(' ');

        Assert.Equal("{\"__metadata__\":{\"k\":\"\\u0001\\u001f/\u007f\"}}", header);
        Assert.Equal(metadata["k"], Safetensors.ReadStream(new MemoryStream(bytes)).Metadata["k"]);
    }

    [Fact]
    public void RoundTripKeepsEveryEntryAndTheMetadata()
    {
        using var folder = IoFixtures.NewFolder();
        string path = folder.File("round.safetensors");
        var entries = EntriesOf("basic.safetensors");

        Safetensors.Write(path, entries, new Dictionary<string, string> { ["epoch"] = "7" });
        var read = Safetensors.Read(path);

        Assert.Equal(entries.Count, read.Entries.Count);
        foreach (var entry in entries)
        {
            Assert.Equal(entry.DType, read[entry.Name].DType);
            Assert.Equal(entry.Shape, read[entry.Name].Shape);
            Assert.Equal(entry.Data, read[entry.Name].Data);
        }
        Assert.Equal("7", read.Metadata["epoch"]);
    }

    [Fact]
    public void WriteReplacesAnExistingFile()
    {
        using var folder = IoFixtures.NewFolder();
        string path = folder.File("w.safetensors");
        Safetensors.Write(path, [SafetensorsEntry.FromArray<float>("old", "F32", [1f, 2f], 2)]);

        Safetensors.Write(path, [SafetensorsEntry.FromArray<double>("new", "F64", [3.0], 1)]);

        Assert.Equal(["new"], Safetensors.Read(path).Names.ToArray());
        Assert.Equal([3.0], Safetensors.Read(path)["new"].ToArray<double>());
        Assert.Single(Directory.GetFiles(folder.Dir));
    }

    [Fact]
    public void FailedWriteLeavesThePreviousFileAndNoTemporaryFile()
    {
        using var folder = IoFixtures.NewFolder();
        string path = folder.File("model.safetensors");
        Safetensors.Write(path, [SafetensorsEntry.FromArray<float>("w", "F32", [1f, 2f], 2)]);
        byte[] before = File.ReadAllBytes(path);
        var bad = new SafetensorsEntry("w", "F32", [2, 3], new byte[20]);

        var ex = Assert.Throws<ArgumentException>(() => Safetensors.Write(path, [bad]));

        Assert.Contains("'w'", ex.Message);
        Assert.Contains("needs 24 bytes but its data has 20", ex.Message);
        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Equal([path], Directory.GetFiles(folder.Dir));
    }

    [Fact]
    public void WriteThatThrowsWhileEnumeratingLeavesThePreviousFile()
    {
        using var folder = IoFixtures.NewFolder();
        string path = folder.File("model.safetensors");
        Safetensors.Write(path, [SafetensorsEntry.FromArray<float>("w", "F32", [1f], 1)]);
        byte[] before = File.ReadAllBytes(path);

        static IEnumerable<SafetensorsEntry> Failing()
        {
            yield return SafetensorsEntry.FromArray<float>("a", "F32", [5f], 1);
            throw new InvalidOperationException("source failed mid-way");
        }

        Assert.Throws<InvalidOperationException>(() => Safetensors.Write(path, Failing()));
        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.Equal([path], Directory.GetFiles(folder.Dir));
    }

    [Fact]
    public void WriteIntoAMissingFolderNamesTheFolder()
    {
        string path = Path.Combine(Path.GetTempPath(), "gradus-no-such-folder-" + Guid.NewGuid().ToString("N"), "m.safetensors");

        var ex = Assert.Throws<DirectoryNotFoundException>(() => Safetensors.Write(path, []));

        Assert.Contains("gradus-no-such-folder-", ex.Message);
    }

    [Theory]
    [InlineData("F33", "unknown dtype 'F33'")]
    [InlineData("f32", "unknown dtype 'f32'")]
    public void WriteRejectsUnknownDtypes(string dtype, string message)
    {
        var ex = Assert.Throws<ArgumentException>(() => Safetensors.Serialize([new SafetensorsEntry("x", dtype, [1], new byte[4])]));
        Assert.Contains(message, ex.Message);
    }

    [Fact]
    public void WriteRejectsDuplicateNamesReservedNamesAndNegativeShapes()
    {
        var a = SafetensorsEntry.FromArray<float>("a", "F32", [1f], 1);

        Assert.Contains("Two entries are named 'a'", Assert.Throws<ArgumentException>(() => Safetensors.Serialize([a, a])).Message);
        Assert.Contains("'__metadata__' is reserved",
            Assert.Throws<ArgumentException>(() => Safetensors.Serialize([a with { Name = "__metadata__" }])).Message);
        Assert.Contains("negative dimension",
            Assert.Throws<ArgumentException>(() => Safetensors.Serialize([new SafetensorsEntry("n", "F32", [-1], [])])).Message);
        Assert.Contains("lone surrogate",
            Assert.Throws<ArgumentException>(() => Safetensors.Serialize([a with { Name = "bad\ud800" }])).Message);
    }

    [Fact]
    public void TypedHelpersCheckElementSizeAndCount()
    {
        Assert.Contains("does not match safetensors dtype F64",
            Assert.Throws<ArgumentException>(() => SafetensorsEntry.FromArray<float>("x", "F64", [1f], 1)).Message);
        Assert.Contains("holds 4 elements but 3 values",
            Assert.Throws<ArgumentException>(() => SafetensorsEntry.FromArray<float>("x", "F32", [1f, 2f, 3f], 2, 2)).Message);
        Assert.Throws<ArgumentException>(() => SafetensorsEntry.FromArray<float>("x", "F32", [1f], 1).ToArray<long>());
    }
}
