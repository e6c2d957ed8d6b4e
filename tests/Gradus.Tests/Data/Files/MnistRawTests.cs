using System.Security.Cryptography;
using System.Text.Json;
using Gradus.Data.Files;
using Gradus.IO;
using Gradus.Tests.IO;

namespace Gradus.Tests.Data.Files;

public class MnistRawTests
{
    private static string Sample(string folder) =>
        DataFiles.FindRepositorySample(folder, [AppContext.BaseDirectory])
        ?? throw new DirectoryNotFoundException($"data/{folder} not found above {AppContext.BaseDirectory}");

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    // The sample's split matches what tools/ recorded (digests, counts, labels) from the source data.
    private static void AssertMatchesRecord(MnistArrays split, JsonElement record)
    {
        Assert.Equal(record.GetProperty("count").GetInt32(), split.Count);
        Assert.Equal(record.GetProperty("rows").GetInt32(), split.Rows);
        Assert.Equal(record.GetProperty("cols").GetInt32(), split.Cols);
        Assert.Equal(split.Count * split.Rows * split.Cols, split.Images.Length);
        Assert.Equal(split.Count, split.Labels.Length);
        Assert.Equal(record.GetProperty("images_sha256").GetString(), Sha256(split.Images));
        Assert.Equal(record.GetProperty("labels_sha256").GetString(), Sha256(split.Labels));
        Assert.Equal(record.GetProperty("first_labels").EnumerateArray().Select(v => v.GetByte()), split.Labels.Take(20));
        Assert.Equal(record.GetProperty("first_image_sum").GetInt32(), split.Images.Take(split.Rows * split.Cols).Sum(b => b));
        Assert.Equal(record.GetProperty("label_counts").EnumerateArray().Select(v => v.GetInt32()),
            Enumerable.Range(0, 10).Select(k => split.Labels.Count(l => l == k)));
    }

    [Theory]
    [InlineData(true, "train")]
    [InlineData(false, "t10k")]
    public void FashionSampleIsTheFirstImagesOfTheDebianSet(bool train, string split)
    {
        var record = IoFixtures.Json("fashion_mnist_sample.json").GetProperty(split);
        var sample = MnistRaw.Load(Sample("fashion-mnist"), train);

        // The digests were taken from the first records of Debian's files when the sample was made.
        AssertMatchesRecord(sample, record);

        if (MnistRaw.HasFiles(DataFiles.DebianFashionMnistDirectory))
        {
            var full = MnistRaw.Load(DataFiles.DebianFashionMnistDirectory, train);
            Assert.Equal(train ? 60_000 : 10_000, full.Count);
            Assert.Equal(sample.Images, full.Images[..sample.Images.Length]);
            Assert.Equal(sample.Labels, full.Labels[..sample.Count]);
        }
    }

    [Theory]
    [InlineData(true, "train")]
    [InlineData(false, "test")]
    public void DigitsSampleMatchesTheConvertedPackage(bool train, string split)
    {
        var record = IoFixtures.Json("digits_sample.json");
        var sample = MnistRaw.Load(Sample("digits"), train);

        AssertMatchesRecord(sample, record.GetProperty(split));
        Assert.Equal(10_000, record.GetProperty("total").GetInt32());
    }

    [Fact]
    public void LoadsPlainFilesWithTheTestPrefixAndDotSeparator()
    {
        using var folder = IoFixtures.NewFolder();
        DataFilesTests.WriteMnist(folder.Dir, trainCount: 3, testCount: 2, testPrefix: "test", suffix: "");
        File.Move(Path.Combine(folder.Dir, "test-images-idx3-ubyte"), Path.Combine(folder.Dir, "test-images.idx3-ubyte"));

        var test = MnistRaw.Load(folder.Dir, train: false);

        Assert.Equal(new[] { 2, 4, 4 }, new[] { test.Count, test.Rows, test.Cols });
        Assert.Equal(Enumerable.Range(0, 32).Select(i => (byte)(i * 3 + 2)), test.Images);
        Assert.Equal([0, 1], test.Labels);
    }

    [Fact]
    public void MismatchedCountsNameBothFiles()
    {
        using var folder = IoFixtures.NewFolder();
        DataFilesTests.WriteMnist(folder.Dir);
        string labels = Path.Combine(folder.Dir, "train-labels-idx1-ubyte.gz");
        Idx.Write(labels, IdxArray.FromBytes([1, 2], 2));

        var ex = Assert.Throws<InvalidDataException>(() => MnistRaw.Load(folder.Dir, train: true));

        Assert.Contains(Path.Combine(folder.Dir, "train-images-idx3-ubyte.gz") + " holds 3 images", ex.Message);
        Assert.Contains(labels + " holds 2 labels", ex.Message);
    }

    [Fact]
    public void LabelsWithTheWrongShapeAreRejected()
    {
        using var folder = IoFixtures.NewFolder();
        DataFilesTests.WriteMnist(folder.Dir);
        Idx.Write(Path.Combine(folder.Dir, "t10k-labels-idx1-ubyte.gz"), IdxArray.FromBytes([1, 2], 2, 1));

        var ex = Assert.Throws<InvalidDataException>(() => MnistRaw.Load(folder.Dir, train: false));

        Assert.Contains("expected ubyte labels of shape [count]", ex.Message);
        Assert.Contains("dims [2, 1]", ex.Message);
    }

    [Fact]
    public void MissingFileIsNamed()
    {
        using var folder = IoFixtures.NewFolder();
        DataFilesTests.WriteMnist(folder.Dir);
        File.Delete(Path.Combine(folder.Dir, "t10k-images-idx3-ubyte.gz"));

        var ex = Assert.Throws<FileNotFoundException>(() => MnistRaw.Load(folder.Dir, train: false));

        Assert.Contains("t10k-images-idx3-ubyte[.gz]", ex.Message);
        Assert.Contains(folder.Dir, ex.Message);
        Assert.False(MnistRaw.HasFiles(folder.Dir));
    }
}
