using System.Text.Json;
using Gradus.Data.Samplers;
using Gradus.Random;
using Gradus.Tests.Random;

namespace Gradus.Tests.Data.Samplers;

public class SamplerTests
{
    private static readonly JsonElement Fixture = DataFixtures.Load("samplers.json");

    private static int? NumSamples(JsonElement c) =>
        c.GetProperty("num_samples").ValueKind == JsonValueKind.Null ? null : c.GetProperty("num_samples").GetInt32();

    [Fact]
    public void RandomSamplerMatchesPyTorch()
    {
        foreach (var c in Fixture.GetProperty("random").EnumerateArray())
        {
            bool replacement = c.GetProperty("replacement").GetBoolean();
            int? numSamples = NumSamples(c);
            var sampler = new RandomSampler(10, replacement, numSamples, new Generator(7));
            Assert.Equal(c.GetProperty("with_generator").Ints(), sampler.ToArray());
            Assert.Equal(numSamples ?? 10, sampler.Count);
            lock (DefaultGeneratorLock.Sync)
            {
                Torch.ManualSeed(7);
                Assert.Equal(c.GetProperty("default").Ints(), new RandomSampler(10, replacement, numSamples).ToArray());
                Assert.Equal(c.GetProperty("default_after").Ints().Select(v => (long)v), Generator.Default.Randperm(10));
            }
        }
    }

    [Fact]
    public void WeightedRandomSamplerMatchesPyTorch()
    {
        foreach (var c in Fixture.GetProperty("weighted").EnumerateArray())
        {
            var weights = c.GetProperty("weights").Doubles();
            int numSamples = c.GetProperty("num_samples").GetInt32();
            bool replacement = c.GetProperty("replacement").GetBoolean();
            var sampler = new WeightedRandomSampler(weights, numSamples, replacement, new Generator(3));
            Assert.Equal(c.GetProperty("with_generator").Ints(), sampler.ToArray());
            Assert.Equal(numSamples, sampler.Count);
            lock (DefaultGeneratorLock.Sync)
            {
                Torch.ManualSeed(3);
                var fromDefault = new WeightedRandomSampler(Torch.Tensor(weights, DType.Float64), numSamples, replacement);
                var epochs = c.GetProperty("default_epochs").EnumerateArray().ToArray();
                Assert.Equal(epochs[0].Ints(), fromDefault.ToArray());
                Assert.Equal(epochs[1].Ints(), fromDefault.ToArray());
            }
        }
    }

    [Fact]
    public void BatchSamplerMatchesPyTorch()
    {
        foreach (var c in Fixture.GetProperty("batch").EnumerateArray())
        {
            var sampler = new BatchSampler(new SequentialSampler(c.GetProperty("n").GetInt32()), c.GetProperty("batch_size").GetInt32(),
                c.GetProperty("drop_last").GetBoolean());
            var expected = DataFixtures.IntLists(c.GetProperty("batches"));
            Assert.Equal(expected, sampler.ToArray());
            Assert.Equal(expected.Length, sampler.Count);
        }
    }

    [Fact]
    public void SequentialSamplerFollowsTheDatasetSize()
    {
        var data = new Gradus.Data.TensorDataset(Torch.Zeros(4, 2));
        var sampler = new SequentialSampler(data);
        Assert.Equal([0, 1, 2, 3], sampler.ToArray());
        Assert.Equal(4, sampler.Count);
        Assert.Empty(new SequentialSampler(0));
    }

    [Fact]
    public void BadSamplerArguments()
    {
        var numSamples = Assert.Throws<ArgumentException>(() => new RandomSampler(10, numSamples: 0));
        Assert.StartsWith("num_samples should be a positive integer value, but got num_samples=0", numSamples.Message);
        var empty = Assert.Throws<ArgumentException>(() => new RandomSampler(0));
        Assert.StartsWith("num_samples should be a positive integer value, but got num_samples=0", empty.Message);
        var weighted = Assert.Throws<ArgumentException>(() => new WeightedRandomSampler([1.0, 2.0], -1));
        Assert.StartsWith("num_samples should be a positive integer value, but got num_samples=-1", weighted.Message);
        var shape = Assert.Throws<ArgumentException>(() => new WeightedRandomSampler(Torch.Ones(2, 2), 3));
        Assert.StartsWith("weights should be a 1d sequence but given weights have shape (2, 2)", shape.Message);
        var batch = Assert.Throws<ArgumentException>(() => new BatchSampler(new SequentialSampler(3), 0, false));
        Assert.StartsWith("batch_size should be a positive integer value, but got batch_size=0", batch.Message);
    }
}
