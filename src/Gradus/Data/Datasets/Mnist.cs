using Gradus.Data.Files;
using Gradus.Data.Transforms;

namespace Gradus.Data.Datasets;

/// <summary>
/// The MNIST handwritten digits, as <c>torchvision.datasets.MNIST</c>: 28x28 grey images and int64 labels 0-9.
/// Sample i is <c>[image, target]</c> with the image as <c>ToTensor</c> makes it (float32 1x28x28 in [0, 1]) or, with
/// a transform, the transform applied to the raw pixels (an Int64 28x28 tensor of 0..255, torchvision's PIL image),
/// so <c>new Compose(new ToTensor(), new Normalize(0.1307, 0.3081))</c> works as in PyTorch; a target transform is
/// applied to each label (a 0-d int64 tensor) as torchvision's <c>target_transform</c>. Files are found by
/// <see cref="DataFiles"/>; when only the sample in data/ is found, its notice is printed once to stderr.
/// </summary>
public class Mnist : Dataset<Tensor[]>
{
    private static readonly HashSet<string> NoticesShown = [];
    private readonly byte[] _pixels;
    private readonly byte[] _labels;
    private readonly int _imageSize;
    private readonly Lazy<Tensor> _images;

    /// <summary>
    /// Loads the train (60,000) or test (10,000) digits from <paramref name="root"/> or the default locations;
    /// <paramref name="targetTransform"/> is applied to each fetched label, as <c>target_transform</c>.
    /// </summary>
    public Mnist(string? root = null, bool train = true, Transform? transform = null, Transform? targetTransform = null)
        : this(DataFiles.FindDigits(root), train, transform, targetTransform,
            ["0 - zero", "1 - one", "2 - two", "3 - three", "4 - four", "5 - five", "6 - six", "7 - seven", "8 - eight", "9 - nine"]) { }

    /// <summary>Loads an MNIST-layout data set found at <paramref name="location"/> with the given class names.</summary>
    private protected Mnist(DataLocation location, bool train, Transform? transform, Transform? targetTransform, string[] classes)
    {
        ArgumentNullException.ThrowIfNull(location);
        ShowNoticeOnce(location, Console.Error);
        var raw = MnistRaw.Load(location.Directory, train);
        _pixels = raw.Images;
        _labels = raw.Labels;
        Rows = raw.Rows;
        Cols = raw.Cols;
        _imageSize = raw.Rows * raw.Cols;
        Root = location.Directory;
        IsSample = location.IsSample;
        Train = train;
        Transform = transform;
        TargetTransform = targetTransform;
        Classes = classes;
        ClassToIndex = classes.Select((c, i) => (c, i)).ToDictionary(t => t.c, t => t.i);
        var targets = new long[raw.Count];
        for (int i = 0; i < targets.Length; i++)
            targets[i] = _labels[i];
        Targets = new Tensor(targets, [raw.Count], DType.Int64);
        _images = new Lazy<Tensor>(() => GatherImages(null, raw.Count));
    }

    /// <summary>The folder the files were read from.</summary>
    public string Root { get; }

    /// <summary>True when the files are the small sample shipped in data/, not the full set.</summary>
    public bool IsSample { get; }

    /// <summary>Whether this is the training split (else the test split).</summary>
    public bool Train { get; }

    /// <summary>The transform applied to each image's raw pixels; null gives <c>ToTensor</c>'s result.</summary>
    public Transform? Transform { get; }

    /// <summary>The transform applied to each label (a 0-d int64 tensor), as <c>dataset.target_transform</c>; null leaves it.</summary>
    public Transform? TargetTransform { get; }

    /// <summary>The class names, indexed by label, as <c>dataset.classes</c>.</summary>
    public IReadOnlyList<string> Classes { get; }

    /// <summary>Each class name's label, as <c>dataset.class_to_idx</c>.</summary>
    public IReadOnlyDictionary<string, int> ClassToIndex { get; }

    /// <summary>The image height in pixels (28).</summary>
    public int Rows { get; }

    /// <summary>The image width in pixels (28).</summary>
    public int Cols { get; }

    /// <summary>The raw pixels, N x rows x cols bytes row-major, as <c>dataset.data</c> (uint8).</summary>
    public ReadOnlyMemory<byte> Data => _pixels;

    /// <summary>Every image as one float32 tensor N x 1 x rows x cols in [0, 1] (<c>ToTensor</c> applied; made on first use).</summary>
    public Tensor Images => _images.Value;

    /// <summary>The labels as an int64 tensor of N values, as <c>dataset.targets</c>.</summary>
    public Tensor Targets { get; }

    /// <inheritdoc/>
    public override int Count => _labels.Length;

    /// <inheritdoc/>
    protected override Tensor[] GetItem(int index)
    {
        var pixels = _pixels.AsSpan(index * _imageSize, _imageSize);
        Tensor image;
        if (Transform is null)
        {
            image = ToTensor.FromBytes(pixels, Rows, Cols);
        }
        else
        {
            var raw = new long[_imageSize];
            for (int i = 0; i < raw.Length; i++)
                raw[i] = pixels[i];
            image = Transform.Apply(new Tensor(raw, [Rows, Cols], DType.Int64));
        }
        var target = Torch.Tensor((long)_labels[index]);
        return [image, TargetTransform is null ? target : TargetTransform.Apply(target)];
    }

    /// <summary>
    /// Without a transform, converts the images at <paramref name="indices"/> straight from bytes into one
    /// B x 1 x rows x cols float32 tensor and gathers their labels; with a transform or a target transform, false
    /// (sample by sample).
    /// </summary>
    public override bool TryGetBatch(ReadOnlySpan<int> indices, out Tensor[] batch)
    {
        if (Transform is not null || TargetTransform is not null)
        {
            batch = null!;
            return false;
        }
        CheckBatchIndices(indices);
        var index = indices.ToArray();
        var targets = new long[index.Length];
        for (int k = 0; k < index.Length; k++)
            targets[k] = _labels[index[k]];
        batch = [GatherImages(index, index.Length), new Tensor(targets, [index.Length], DType.Int64)];
        return true;
    }

    /// <summary>Writes the location's notice (the sample in data/ is in use) the first time it is seen in this process; true when written.</summary>
    internal static bool ShowNoticeOnce(DataLocation location, TextWriter writer)
    {
        if (!location.IsSample || location.Notice is not string notice)
            return false;
        lock (NoticesShown)
        {
            if (!NoticesShown.Add(notice))
                return false;
        }
        writer.WriteLine(notice);
        return true;
    }

    // The images at indices (all of them, in order, when null) as B x 1 x rows x cols floats in [0, 1].
    private Tensor GatherImages(int[]? indices, int count)
    {
        var result = Torch.Empty([count, 1, Rows, Cols]);
        var floats = result.Data<float>();
        int size = _imageSize;
        byte[] pixels = _pixels;
        void Convert(int k)
        {
            int source = indices is null ? k : indices[k];
            ToTensor.Scale(pixels.AsSpan(source * size, size), floats.AsSpan(k * size, size));
        }
        if ((long)count * size >= 1 << 20)
            Parallel.For(0, count, Convert);
        else
            for (int k = 0; k < count; k++)
                Convert(k);
        return result;
    }
}
