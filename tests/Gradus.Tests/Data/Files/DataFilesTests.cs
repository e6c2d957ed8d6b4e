using Gradus.Data.Files;
using Gradus.IO;
using Gradus.Tests.IO;

namespace Gradus.Tests.Data.Files;

public class DataFilesTests
{
    private static readonly string[] NoStarts = [];

    // Writes the four (tiny) MNIST files into `dir`.
    internal static void WriteMnist(string dir, int trainCount = 3, int testCount = 2, string testPrefix = "t10k", string suffix = ".gz")
    {
        Directory.CreateDirectory(dir);
        foreach (var (prefix, count) in new[] { ("train", trainCount), (testPrefix, testCount) })
        {
            byte[] pixels = Enumerable.Range(0, count * 4 * 4).Select(i => (byte)(i * 3 + count)).ToArray();
            Idx.Write(Path.Combine(dir, $"{prefix}-images-idx3-ubyte{suffix}"), IdxArray.FromBytes(pixels, count, 4, 4));
            Idx.Write(Path.Combine(dir, $"{prefix}-labels-idx1-ubyte{suffix}"), IdxArray.FromBytes(Enumerable.Range(0, count).Select(i => (byte)(i % 10)).ToArray(), count));
        }
    }

    private static Func<string, string?> Env(string? gradusData) => name => name == DataFiles.EnvironmentVariable ? gradusData : null;

    [Fact]
    public void MissingExplicitFolderNamesIt()
    {
        string dir = Path.Combine(Path.GetTempPath(), "gradus-missing-" + Guid.NewGuid().ToString("N"));

        var ex = Assert.Throws<DirectoryNotFoundException>(() => DataFiles.FindFashionMnist(dir));

        Assert.Contains(dir, ex.Message);
    }

    [Fact]
    public void ExplicitFolderWithTheFilesWins()
    {
        using var folder = IoFixtures.NewFolder();
        WriteMnist(folder.Dir);

        var found = DataFiles.Find(DataFiles.FashionMnist, folder.Dir, Env(null), NoStarts);

        Assert.Equal(new DataLocation(folder.Dir, false, null), found);
    }

    [Fact]
    public void ExplicitFolderHoldingTheDataSetFolderIsAccepted()
    {
        using var folder = IoFixtures.NewFolder();
        WriteMnist(Path.Combine(folder.Dir, "fashion-mnist"));

        var found = DataFiles.FindFashionMnist(folder.Dir);

        Assert.Equal(Path.Combine(folder.Dir, "fashion-mnist"), found.Directory);
        Assert.False(found.IsSample);
    }

    [Fact]
    public void ExplicitFolderWithoutTheFilesIsAnError()
    {
        using var folder = IoFixtures.NewFolder();

        var ex = Assert.Throws<FileNotFoundException>(() => DataFiles.FindDigits(folder.Dir));

        Assert.Contains(folder.Dir, ex.Message);
        Assert.Contains("digits/", ex.Message);
    }

    [Fact]
    public void EnvironmentVariableWithTheDataSetFolderOrTheFiles()
    {
        using var nested = IoFixtures.NewFolder();
        WriteMnist(Path.Combine(nested.Dir, "digits"), testPrefix: "test");
        using var flat = IoFixtures.NewFolder();
        WriteMnist(flat.Dir, suffix: "");

        Assert.Equal(Path.Combine(nested.Dir, "digits"), DataFiles.Find(DataFiles.Digits, null, Env(nested.Dir), NoStarts).Directory);
        Assert.Equal(flat.Dir, DataFiles.Find(DataFiles.Digits, null, Env(flat.Dir), NoStarts).Directory);
    }

    [Fact]
    public void EnvironmentVariableWithoutTheFilesFallsThroughToTheSample()
    {
        using var empty = IoFixtures.NewFolder();

        var found = DataFiles.Find(DataFiles.Digits, null, Env(empty.Dir), [AppContext.BaseDirectory]);

        Assert.True(found.IsSample);
        Assert.EndsWith(Path.Combine("data", "digits"), found.Directory);
    }

    [Fact]
    public void SystemFolderComesBeforeTheSample()
    {
        using var system = IoFixtures.NewFolder();
        WriteMnist(system.Dir);
        var spec = DataFiles.FashionMnist with { SystemDirectories = [system.Dir] };

        var found = DataFiles.Find(spec, null, Env(null), [AppContext.BaseDirectory]);

        Assert.Equal(new DataLocation(system.Dir, false, null), found);
    }

    [Fact]
    public void SampleIsFoundByWalkingUpWithTheNotice()
    {
        var spec = DataFiles.FashionMnist with { SystemDirectories = [] };

        var found = DataFiles.Find(spec, null, Env(null), [AppContext.BaseDirectory]);

        Assert.True(found.IsSample);
        Assert.True(File.Exists(Path.Combine(found.Directory, "train-images-idx3-ubyte.gz")));
        Assert.Equal(
            "Using the Fashion-MNIST sample in data/ (2,000 train / 1,000 test images); install Debian's dataset-fashion-mnist or set GRADUS_DATA for the full set.",
            found.Notice);
    }

    [Fact]
    public void NothingFoundSaysWhereItLookedAndHowToFix()
    {
        using var nowhere = IoFixtures.NewFolder();
        var spec = DataFiles.FashionMnist with { SystemDirectories = [Path.Combine(nowhere.Dir, "sys")] };

        var ex = Assert.Throws<FileNotFoundException>(() => DataFiles.Find(spec, null, Env(null), [nowhere.Dir]));

        Assert.Contains("GRADUS_DATA (unset)", ex.Message);
        Assert.Contains(nowhere.Dir, ex.Message);
        Assert.Contains("dataset-fashion-mnist", ex.Message);
    }

    [Fact]
    public void PublicFindersReturnAFolderWithAllFourFiles()
    {
        var fashion = DataFiles.FindFashionMnist();
        var digits = DataFiles.FindDigits();

        Assert.True(MnistRaw.HasFiles(fashion.Directory));
        Assert.True(MnistRaw.HasFiles(digits.Directory));
        Assert.Equal(fashion.IsSample, fashion.Notice is not null);
        Assert.Equal(digits.IsSample, digits.Notice is not null);
    }
}
