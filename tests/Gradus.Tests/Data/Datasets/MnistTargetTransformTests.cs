using Gradus.Data;
using Gradus.Data.Datasets;
using Gradus.Data.Transforms;
using Gradus.Random;

namespace Gradus.Tests.Data.Datasets;

/// <summary>
/// torchvision's <c>target_transform</c> on Mnist / FashionMnist: applied to each fetched label (a 0-d int64 tensor)
/// after the image transform, sample by sample, and collated by the loader.
/// </summary>
public class MnistTargetTransformTests
{
    private static string Sample(string folder) => MnistTests.Sample(folder);

    private static Tensor OneHot(Tensor label)
    {
        var row = Torch.Zeros(10);
        row[(int)label.Item<long>()] = Torch.Tensor(1f);
        return row;
    }

    [Fact]
    public void FashionMnistAppliesTheTargetTransformToEachLabel()
    {
        var plain = new FashionMnist(Sample("fashion-mnist"), train: false);
        var seen = new List<Tensor>();
        var data = new FashionMnist(Sample("fashion-mnist"), train: false, targetTransform: (Func<Tensor, Tensor>)(t => { seen.Add(t); return OneHot(t); }));
        Assert.NotNull(data.TargetTransform);
        Assert.Null(data.Transform);
        var (image, target) = data[5];
        Assert.Single(seen);
        Assert.Equal(DType.Int64, seen[0].DType);
        Assert.Empty(seen[0].Shape);
        Assert.Equal(plain[5][1].Item<long>(), seen[0].Item<long>());
        Assert.Equal(plain[5][0].ToArray<float>(), image.ToArray<float>());
        Assert.Equal([10], target.Shape);
        Assert.Equal(1f, target[(int)plain[5][1].Item<long>()].Item<float>());
        Assert.Equal(1f, target.Sum().Item<float>());
        Assert.False(data.TryGetBatch([0, 1], out _));
    }

    [Fact]
    public void MnistLoaderCollatesTransformedTargets()
    {
        var plain = new Mnist(Sample("digits"), train: true);
        var data = new Mnist(Sample("digits"), train: true, transform: new Compose(new ToTensor(), new Flatten()),
            targetTransform: (Func<Tensor, Tensor>)(t => t * 10 + 3));
        var (x, y) = new DataLoader(data, batchSize: 6, shuffle: true, generator: new Generator(5)).First();
        var (px, py) = new DataLoader(plain, batchSize: 6, shuffle: true, generator: new Generator(5)).First();
        Assert.Equal([6, 784], x.Shape);
        Assert.Equal(px.Reshape(6, 784).ToArray<float>(), x.ToArray<float>());
        Assert.Equal([6], y.Shape);
        Assert.Equal(DType.Int64, y.DType);
        Assert.Equal(py.ToArray<long>().Select(v => v * 10 + 3), y.ToArray<long>());
    }

    [Fact]
    public void WithoutATargetTransformTheLabelIsTheRawInt64()
    {
        var data = new Mnist(Sample("digits"), train: false);
        Assert.Null(data.TargetTransform);
        var (_, label) = data[0];
        Assert.Equal(DType.Int64, label.DType);
        Assert.Equal(data.Targets[0].Item<long>(), label.Item<long>());
        Assert.True(data.TryGetBatch([0, 1], out _));
    }
}
