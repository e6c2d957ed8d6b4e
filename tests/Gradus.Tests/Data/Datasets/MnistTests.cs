using System.Diagnostics;
using System.Text.Json;
using Gradus.Data;
using Gradus.Data.Datasets;
using Gradus.Data.Files;
using Gradus.Data.Transforms;
using Gradus.Random;

namespace Gradus.Tests.Data.Datasets;

public class MnistTests
{
    private static readonly JsonElement Fixture = DataFixtures.Load("mnist.json");

    internal static string Sample(string folder) =>
        DataFiles.FindRepositorySample(folder, [AppContext.BaseDirectory])
        ?? throw new DirectoryNotFoundException($"data/{folder} not found above {AppContext.BaseDirectory}");

    private static void AssertMatches(Mnist data, JsonElement expected)
    {
        Assert.Equal(expected.GetProperty("count").GetInt32(), data.Count);
        Assert.Equal([data.Count], data.Targets.Shape);
        Assert.Equal(DType.Int64, data.Targets.DType);
        Assert.Equal(expected.GetProperty("first_labels").Ints().Select(v => (long)v), data.Targets.ToArray<long>().Take(20));
        Assert.Equal(data.Count * 28 * 28, data.Data.Length);

        var (image, label) = data[0];
        Assert.Equal([1, 28, 28], image.Shape);
        Assert.Equal(DType.Float32, image.DType);
        Assert.Equal(expected.GetProperty("first_labels")[0].GetInt64(), label.Item<long>());
        var firstImage = DataFixtures.Flat(expected.GetProperty("first_image"));
        Assert.Equal(firstImage, image.ToArray<float>().Select(v => (double)v));

        Assert.Equal([data.Count, 1, 28, 28], data.Images.Shape);
        Assert.Equal(firstImage, data.Images.ToArray<float>().Take(784).Select(v => (double)v));
        Assert.Equal(expected.GetProperty("mean").GetDouble(), data.Images.Double().Mean().Item(), 1e-9);

        // A shuffled first batch gathered straight from the bytes equals PyTorch's from a TensorDataset.
        var (x, y) = new DataLoader(data, batchSize: 64, shuffle: true, generator: new Generator(11)).First();
        Assert.Equal([64, 1, 28, 28], x.Shape);
        Assert.Equal(expected.GetProperty("shuffled_batch_targets").Ints().Select(v => (long)v), y.ToArray<long>());
        Gradus.Tests.Fixture.Close(expected.GetProperty("shuffled_batch_image_sums").Doubles(), x.Double().Sum([1, 2, 3]).ToArray<double>(), 1e-12);
    }

    [Theory]
    [InlineData(true, "train")]
    [InlineData(false, "test")]
    public void FashionMnistSampleLoadsWithPyTorchsValues(bool train, string split)
    {
        var data = new FashionMnist(Sample("fashion-mnist"), train);
        Assert.Equal("Ankle boot", data.Classes[9]);
        Assert.Equal(["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"], data.Classes);
        Assert.Equal(2, data.ClassToIndex["Pullover"]);
        AssertMatches(data, Fixture.GetProperty("fashion").GetProperty(split));
    }

    [Theory]
    [InlineData(true, "train")]
    [InlineData(false, "test")]
    public void DigitsSampleLoadsWithPyTorchsValues(bool train, string split)
    {
        var data = new Mnist(Sample("digits"), train);
        Assert.Equal("7 - seven", data.Classes[7]);
        AssertMatches(data, Fixture.GetProperty("digits").GetProperty(split));
    }

    [Fact]
    public void ATransformSeesTheRawPixelsLikeTorchvisionsPilImage()
    {
        var plain = new FashionMnist(Sample("fashion-mnist"), train: false);
        var pipeline = new Compose(new ToTensor(), new Normalize(0.5, 0.5), new Flatten());
        var data = new FashionMnist(Sample("fashion-mnist"), train: false, transform: pipeline);
        var (x, y) = data[3];
        Assert.Equal([784], x.Shape);
        Assert.Equal(((plain[3][0] - 0.5) / 0.5).Flatten().ToArray<float>(), x.ToArray<float>());
        Assert.Equal(plain[3][1].Item(), y.Item());
        Assert.False(data.TryGetBatch([0, 1], out _));

        var (batch, labels) = new DataLoader(data, batchSize: 5, generator: new Generator(1)).First();
        Assert.Equal([5, 784], batch.Shape);
        Assert.Equal(plain.Targets.ToArray<long>().Take(5), labels.ToArray<long>());
    }

    [Fact]
    public void TheSampleNoticeIsShownOncePerProcess()
    {
        var location = new DataLocation(Sample("digits"), true, $"notice {Guid.NewGuid()}");
        var writer = new StringWriter();
        Assert.True(Mnist.ShowNoticeOnce(location, writer));
        Assert.False(Mnist.ShowNoticeOnce(location, writer));
        Assert.Equal(location.Notice + Environment.NewLine, writer.ToString());
        Assert.False(Mnist.ShowNoticeOnce(location with { IsSample = false, Notice = null }, writer));

        var found = DataFiles.Find(DataFiles.Digits, null, _ => null, [AppContext.BaseDirectory]);
        Assert.True(found.IsSample);
        Assert.NotNull(found.Notice);
    }

    [Fact]
    public void FullFashionMnistLoadsQuicklyWhenInstalled()
    {
        if (!MnistRaw.HasFiles(DataFiles.DebianFashionMnistDirectory))
            return;   // Debian's dataset-fashion-mnist is not installed here: the sample tests above cover the loader.
        var watch = Stopwatch.StartNew();
        var data = new FashionMnist(DataFiles.DebianFashionMnistDirectory);
        var images = data.Images;
        watch.Stop();
        Assert.False(data.IsSample);
        Assert.Equal([60_000, 1, 28, 28], images.Shape);
        var sample = new FashionMnist(Sample("fashion-mnist"));
        Assert.Equal(sample.Images.ToArray<float>(), images.ToArray<float>().Take(2000 * 784));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"loading took {watch.Elapsed}");
    }
}
