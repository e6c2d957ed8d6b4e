using System.Text.Json;
using Gradus.Data.Transforms;

namespace Gradus.Tests.Data.Transforms;

public class TransformTests
{
    private static readonly JsonElement Fixture = DataFixtures.Load("transforms.json");

    private static Tensor Pixels(JsonElement nested, params int[] shape) =>
        new Tensor(DataFixtures.Flat(nested).Select(v => (long)v).ToArray(), shape, DType.Int64);

    [Fact]
    public void ToTensorScalesBytesAndMovesChannelsFirstAsTorchvision()
    {
        var gray = new ToTensor().Apply(Pixels(Fixture.GetProperty("gray").GetProperty("input"), 3, 5));
        Assert.Equal([1, 3, 5], gray.Shape);
        Assert.Equal(DType.Float32, gray.DType);
        Assert.Equal(DataFixtures.Flat(Fixture.GetProperty("gray").GetProperty("to_tensor")), gray.ToArray<float>().Select(v => (double)v));

        var color = new ToTensor().Apply(Pixels(Fixture.GetProperty("color").GetProperty("input"), 2, 3, 3));
        Assert.Equal([3, 2, 3], color.Shape);
        Assert.Equal(DataFixtures.Flat(Fixture.GetProperty("color").GetProperty("to_tensor")), color.ToArray<float>().Select(v => (double)v));

        // Bit for bit for every byte value, from an Int64 tensor and from raw interleaved bytes.
        var all = DataFixtures.Flat(Fixture.GetProperty("all_bytes"));
        var bytes = Enumerable.Range(0, 256).Select(b => (byte)b).ToArray();
        Assert.Equal(all, ToTensor.FromBytes(bytes, 16, 16).ToArray<float>().Select(v => (double)v));
        Assert.Equal(all, new ToTensor().Apply(new Tensor(bytes.Select(b => (long)b).ToArray(), [16, 16], DType.Int64)).ToArray<float>().Select(v => (double)v));
        var interleaved = DataFixtures.Flat(Fixture.GetProperty("color").GetProperty("input")).Select(v => (byte)v).ToArray();
        Assert.Equal(color.ToArray<float>(), ToTensor.FromBytes(interleaved, 2, 3, 3).ToArray<float>());

        // Float images are rearranged, not scaled.
        var floats = Fixture.GetProperty("float");
        var input = new Tensor(DataFixtures.Flat(floats.GetProperty("input")).Select(v => (float)v).ToArray(), [2, 3], DType.Float32);
        var asTensor = new ToTensor().Apply(input);
        Assert.Equal([1, 2, 3], asTensor.Shape);
        Assert.Equal(DataFixtures.Flat(floats.GetProperty("to_tensor")), asTensor.ToArray<float>().Select(v => (double)v));
    }

    [Fact]
    public void ToTensorRejectsWhatItCannotRead()
    {
        Assert.Throws<ArgumentException>(() => new ToTensor().Apply(Torch.Zeros(5)));
        var range = Assert.Throws<ArgumentException>(() => new ToTensor().Apply(Torch.Tensor(new long[,] { { 0, 256 } })));
        Assert.Contains("found 256", range.Message);
        Assert.Throws<ArgumentException>(() => ToTensor.FromBytes(new byte[5], 2, 3));
    }

    [Fact]
    public void NormalizeMatchesTorchvision()
    {
        var color = new ToTensor().Apply(Pixels(Fixture.GetProperty("color").GetProperty("input"), 2, 3, 3));
        var c = Fixture.GetProperty("normalize_color");
        var normalized = new Normalize(c.GetProperty("mean").Doubles(), c.GetProperty("std").Doubles()).Apply(color);
        Assert.Equal(DataFixtures.Flat(c.GetProperty("output")), normalized.ToArray<float>().Select(v => (double)v));

        var g = Fixture.GetProperty("normalize_gray");
        var pipeline = new Compose(new ToTensor(), new Normalize(g.GetProperty("mean")[0].GetDouble(), g.GetProperty("std")[0].GetDouble()));
        var gray = pipeline.Apply(Pixels(Fixture.GetProperty("gray").GetProperty("input"), 3, 5));
        Assert.Equal(DataFixtures.Flat(g.GetProperty("output")), gray.ToArray<float>().Select(v => (double)v));

        // A batch of images normalizes channel by channel too.
        var batch = new Normalize(c.GetProperty("mean").Doubles(), c.GetProperty("std").Doubles()).Apply(color.Unsqueeze(0));
        Assert.Equal(normalized.ToArray<float>(), batch.ToArray<float>());
    }

    [Fact]
    public void NormalizeRejectsBadInput()
    {
        var zero = Assert.Throws<ArgumentException>(() => new Normalize(0.5, 0).Apply(Torch.Zeros(1, 2, 2)));
        Assert.StartsWith("std evaluated to zero after conversion to Float32, leading to division by zero.", zero.Message);
        var dims = Assert.Throws<ArgumentException>(() => new Normalize(0.5, 1).Apply(Torch.Zeros(2, 2)));
        Assert.StartsWith("Expected tensor to be a tensor image of size (..., C, H, W). Got tensor.size() = torch.Size([2, 2])", dims.Message);
        Assert.Throws<ArgumentException>(() => new Normalize([0.5, 0.5, 0.5], [1, 1, 1]).Apply(Torch.Zeros(1, 2, 2)));
        Assert.Throws<ArgumentException>(() => new Normalize(0.5, 1).Apply(Torch.Zeros([1, 2, 2], DType.Int64)));
    }

    [Fact]
    public void FlattenComposeAndLambda()
    {
        var pipeline = new Compose(new ToTensor(), new Flatten(), (Transform)(x => x * 2));
        var output = pipeline.Apply(new Tensor(new long[] { 0, 255, 51, 102 }, [2, 2], DType.Int64));
        Assert.Equal([4], output.Shape);
        Assert.Equal([0f, 2f, 0.4f, 0.8f], output.ToArray<float>());
        Assert.Equal(3, pipeline.Transforms.Count);
        Assert.Equal("Compose(\n    ToTensor()\n    Flatten()\n    Lambda()\n)", pipeline.ToString());
    }
}
