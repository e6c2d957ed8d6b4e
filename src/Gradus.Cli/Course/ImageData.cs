using Gradus.Data.Datasets;

namespace Gradus.Cli.Course;

/// <summary>One split of an image data set: N x 1 x 28 x 28 float images in [0, 1], int64 labels and the raw bytes.</summary>
internal sealed record ImageSplit(Tensor Images, Tensor Labels, byte[] Pixels)
{
    /// <summary>Number of images.</summary>
    public int Count => Labels.Size(0);

    /// <summary>The first <paramref name="n"/> images (all when there are fewer).</summary>
    public ImageSplit Head(int n)
    {
        int count = Math.Min(n, Count);
        return new ImageSplit(Images.Narrow(0, 0, count), Labels.Narrow(0, 0, count), Pixels[..(count * ImageData.Side * ImageData.Side)]);
    }

    /// <summary>The labels as ints.</summary>
    public int[] LabelArray() => [.. Labels.ToArray<long>().Select(l => (int)l)];
}

/// <summary>An image classification data set (Fashion-MNIST or the MNIST digits) as whole tensors, possibly cut short.</summary>
internal sealed record ImageData(string Name, IReadOnlyList<string> Classes, ImageSplit Train, ImageSplit Test, string Folder)
{
    /// <summary>Image height and width.</summary>
    public const int Side = 28;

    /// <summary>
    /// Fashion-MNIST from <paramref name="dataDir"/> (or the usual search); with limits, only the first images of each split
    /// (the first 2,000 / 1,000 are exactly the sample shipped in data/).
    /// </summary>
    public static ImageData FashionMnist(string? dataDir, int? trainLimit = null, int? testLimit = null) =>
        Load("Fashion-MNIST", new Data.Datasets.FashionMnist(dataDir, train: true), new Data.Datasets.FashionMnist(dataDir, train: false), trainLimit, testLimit);

    /// <summary>The MNIST handwritten digits, as <see cref="FashionMnist"/>.</summary>
    public static ImageData Digits(string? dataDir, int? trainLimit = null, int? testLimit = null) =>
        Load("MNIST digits", new Mnist(dataDir, train: true), new Mnist(dataDir, train: false), trainLimit, testLimit);

    /// <summary>One line saying what was loaded.</summary>
    public string Describe() =>
        $"{Name}: {Train.Count} training and {Test.Count} test images of {Side}x{Side} from {Folder}";

    private static ImageData Load(string name, Mnist train, Mnist test, int? trainLimit, int? testLimit) =>
        new(name, train.Classes, Split(train, trainLimit), Split(test, testLimit), train.Root);

    private static ImageSplit Split(Mnist set, int? limit)
    {
        int n = Math.Min(limit ?? set.Count, set.Count);
        int size = set.Rows * set.Cols;
        return new ImageSplit(set.Images.Narrow(0, 0, n), set.Targets.Narrow(0, 0, n), set.Data.Span[..(n * size)].ToArray());
    }
}
