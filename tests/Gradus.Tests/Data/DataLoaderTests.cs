using System.Text.Json;
using Gradus.Data;
using Gradus.Data.Samplers;
using Gradus.Random;
using Gradus.Tests.Random;

namespace Gradus.Tests.Data;

public class DataLoaderTests
{
    private static TensorDataset Ten() => new(Torch.Arange(10), Torch.Arange(10) * 10);

    private static void AssertEpochs(JsonElement expected, DataLoader loader)
    {
        foreach (var epoch in expected.EnumerateArray())
        {
            var batches = loader.ToList();
            Assert.Equal(epoch.GetArrayLength(), batches.Count);
            Assert.Equal(loader.Count, batches.Count);
            int b = 0;
            foreach (var batch in epoch.EnumerateArray())
            {
                var (x, y) = batches[b++];
                Assert.Equal(batch[0].Ints().Select(v => (long)v), x.ToArray<long>());
                Assert.Equal(batch[1].Ints().Select(v => (long)v), y.ToArray<long>());
                Assert.Equal([batch[0].GetArrayLength()], x.Shape);
            }
        }
    }

    [Fact]
    public void BatchesMatchPyTorchForEveryShuffleDropLastAndGeneratorCase()
    {
        var cases = DataFixtures.Load("loader.json");
        Assert.Equal(16, cases.GetArrayLength());
        lock (DefaultGeneratorLock.Sync)
        {
            foreach (var c in cases.EnumerateArray())
            {
                bool shuffle = c.GetProperty("shuffle").GetBoolean(), dropLast = c.GetProperty("drop_last").GetBoolean();
                Torch.ManualSeed(c.GetProperty("manual_seed").GetInt64());
                Generator? g = c.GetProperty("generator_seed").ValueKind == JsonValueKind.Null
                    ? null : new Generator(c.GetProperty("generator_seed").GetInt64());
                var loader = new DataLoader(Ten(), batchSize: 4, shuffle: shuffle, dropLast: dropLast, generator: g);
                AssertEpochs(c.GetProperty("epochs"), loader);
                // The generators moved on exactly as PyTorch's did (base seeds, sampler seeds, permutations).
                if (g is not null)
                    Assert.Equal(c.GetProperty("generator_after").Ints().Select(v => (long)v), g.Randperm(10));
                Assert.Equal(c.GetProperty("default_after").Ints().Select(v => (long)v), Generator.Default.Randperm(10));
            }
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    public void PrefetchingGivesTheSameBatchesInTheSameOrder(int prefetch)
    {
        var data = new TensorDataset(Torch.Arange(100), Torch.Arange(100) * 2);
        var loader = new DataLoader(data, batchSize: 7, shuffle: true, generator: new Generator(5), prefetch: prefetch);
        var reference = new DataLoader(data, batchSize: 7, shuffle: true, generator: new Generator(5), prefetch: 0);
        for (int epoch = 0; epoch < 2; epoch++)
        {
            var got = loader.Select(b => b[0].ToArray<long>()).ToList();
            var want = reference.Select(b => b[0].ToArray<long>()).ToList();
            Assert.Equal(15, got.Count);
            Assert.Equal(want, got);
            Assert.Equal(Enumerable.Range(0, 100).Select(v => (long)v), got.SelectMany(b => b).Order());
        }
    }

    [Fact]
    public void CountIsBatchesPerEpoch()
    {
        Assert.Equal(3, new DataLoader(Ten(), batchSize: 4).Count);
        Assert.Equal(2, new DataLoader(Ten(), batchSize: 4, dropLast: true).Count);
        Assert.Equal(10, new DataLoader(Ten()).Count);
        Assert.Equal(1, new DataLoader(Ten(), batchSize: 64).Count);
        Assert.Equal(0, new DataLoader(Ten(), batchSize: 64, dropLast: true).Count);
        Assert.Empty(new DataLoader(Ten(), batchSize: 64, dropLast: true, generator: new Generator(1)));
    }

    [Fact]
    public void ALoaderExceptionSurfacesOnTheConsumerAfterTheBatchesBeforeIt()
    {
        var data = new FailingDataset(20, failAt: 9);
        var loader = new DataLoader<Tensor, Tensor>(data, Collate.Default, batchSize: 4, generator: new Generator(1), prefetch: 2);
        var seen = new List<long[]>();
        var error = Assert.Throws<InvalidDataException>(() =>
        {
            foreach (var batch in loader)
                seen.Add(batch.ToArray<long>());
        });
        Assert.Equal("sample 9 is broken", error.Message);
        Assert.Equal([[0, 1, 2, 3], [4, 5, 6, 7]], seen);
    }

    [Fact]
    public void BreakingOutStopsTheBackgroundLoading()
    {
        var data = new FailingDataset(1000, failAt: -1);
        var loader = new DataLoader<Tensor, Tensor>(data, Collate.Default, batchSize: 10, generator: new Generator(1), prefetch: 2);
        foreach (var batch in loader)
        {
            Assert.Equal([0L, 1, 2, 3, 4, 5, 6, 7, 8, 9], batch.ToArray<long>());
            break;
        }
        // At most the consumed batch, the two queued ones and one being loaded when the stop came.
        Assert.InRange(data.Loaded, 10, 40);
    }

    [Fact]
    public void CustomCollateAndBatchTypes()
    {
        var data = new FailingDataset(10, failAt: -1);
        var loader = new DataLoader<Tensor, long>(data, samples => samples.Sum(s => (long)s.Item()), batchSize: 3,
            generator: new Generator(1));
        Assert.Equal([3L, 12, 21, 9], loader.ToList());

        var tensors = new DataLoader(Ten(), batchSize: 4, collate: samples => [Torch.Stack(samples.Select(s => s[1]).ToList())],
            generator: new Generator(1));
        Assert.Equal([0L, 10, 20, 30], tensors.First()[0].ToArray<long>());
    }

    [Fact]
    public void GatheredBatchesEqualStackedSamples()
    {
        var x = Torch.Arange(24.0).Reshape(6, 2, 2);
        var data = new TensorDataset(x, Torch.Arange(6));
        Assert.True(data.TryGetBatch([4, 1, 1], out var gathered));
        var stacked = Collate.Default([data[4], data[1], data[1]]);
        Assert.Equal([3, 2, 2], gathered[0].Shape);
        Assert.Equal(stacked[0].ToArray<float>(), gathered[0].ToArray<float>());
        Assert.Equal(stacked[1].ToArray<long>(), gathered[1].ToArray<long>());

        // A subset gathers through its parent; a concatenation falls back to stacking; the values agree.
        var subset = new Subset<Tensor[]>(data, [5, 0, 3]);
        var concat = new ConcatDataset<Tensor[]>(subset, subset);
        var viaSubset = new DataLoader(subset, batchSize: 3, generator: new Generator(1)).Single();
        var viaConcat = new DataLoader(concat, batchSize: 6, generator: new Generator(1)).Single();
        Assert.Equal([5L, 0, 3], viaSubset[1].ToArray<long>());
        Assert.Equal([5L, 0, 3, 5, 0, 3], viaConcat[1].ToArray<long>());
        Assert.Equal(x.IndexSelect(0, Torch.Tensor(new long[] { 5, 0, 3 })).ToArray<float>(), viaSubset[0].ToArray<float>());
    }

    [Fact]
    public void BadArgumentsAreRejectedWithPyTorchsMessages()
    {
        var zero = Assert.Throws<ArgumentException>(() => new DataLoader(Ten(), batchSize: 0));
        Assert.StartsWith("batch_size should be a positive integer value, but got batch_size=0", zero.Message);
        var both = Assert.Throws<ArgumentException>(() => new DataLoader(Ten(), shuffle: true, sampler: new SequentialSampler(10)));
        Assert.StartsWith("sampler option is mutually exclusive with shuffle", both.Message);
        var batchSampler = new BatchSampler(new SequentialSampler(10), 3, false);
        var exclusive = Assert.Throws<ArgumentException>(() => new DataLoader(Ten(), batchSize: 2, batchSampler: batchSampler));
        Assert.StartsWith("batch_sampler option is mutually exclusive with batch_size, shuffle, sampler, and drop_last", exclusive.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new DataLoader(Ten(), prefetch: -1));

        var custom = new DataLoader(Ten(), batchSampler: batchSampler, generator: new Generator(1));
        Assert.Null(custom.BatchSize);
        Assert.Equal([[0L, 1, 2], [3, 4, 5], [6, 7, 8], [9]], custom.Select(b => b[0].ToArray<long>()).ToList());
    }

    /// <summary>Sample i is the scalar i; loading sample <c>failAt</c> throws.</summary>
    private sealed class FailingDataset(int count, int failAt) : Dataset<Tensor>
    {
        private int _loaded;

        public int Loaded => Volatile.Read(ref _loaded);

        public override int Count => count;

        protected override Tensor GetItem(int index)
        {
            if (index == failAt)
                throw new InvalidDataException($"sample {index} is broken");
            Interlocked.Increment(ref _loaded);
            return Torch.Tensor((long)index);
        }
    }
}
