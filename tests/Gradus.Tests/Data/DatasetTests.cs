using Gradus.Data;
using Gradus.Random;
using Gradus.Tests.Random;

namespace Gradus.Tests.Data;

public class DatasetTests
{
    private static TensorDataset Range(int n) => new(Torch.Arange(n));

    private static int[] Values(Subset<Tensor[]> subset) => Enumerable.Range(0, subset.Count).Select(i => (int)subset[i][0].Item()).ToArray();

    [Fact]
    public void TensorDatasetItemsAreRowsOfEveryTensor()
    {
        var x = Torch.Arange(12.0).Reshape(4, 3);
        var y = Torch.Arange(4) * 10;
        var data = new TensorDataset(x, y);
        Assert.Equal(4, data.Count);
        var (features, label) = data[2];
        Assert.Equal([3], features.Shape);
        Assert.Equal([6f, 7, 8], features.ToArray<float>());
        Assert.Equal(20L, label.Item<long>());
        Assert.Empty(label.Shape);
        Assert.Equal(30L, data[-1][1].Item<long>());
        Assert.Equal(30L, data[^1][1].Item<long>());
        Assert.Same(x, data.Tensors[0]);
    }

    [Fact]
    public void TensorDatasetRejectsBadInput()
    {
        var mismatch = Assert.Throws<ArgumentException>(() => new TensorDataset(Torch.Zeros(4, 2), Torch.Zeros(5)));
        Assert.StartsWith("Size mismatch between tensors", mismatch.Message);
        Assert.Throws<ArgumentException>(() => new TensorDataset());
        Assert.Throws<ArgumentException>(() => new TensorDataset(Torch.Scalar(1)));
        var data = Range(3);
        var outOfRange = Assert.Throws<IndexOutOfRangeException>(() => data[3]);
        Assert.Equal("index 3 is out of bounds for a dataset of size 3", outOfRange.Message);
        Assert.Throws<IndexOutOfRangeException>(() => data[-4]);
        Assert.Throws<IndexOutOfRangeException>(() => data[^0]);
        Assert.Throws<IndexOutOfRangeException>(() => data[^4]);
        Assert.Equal(0L, data[^3][0].Item<long>());
        Assert.Throws<IndexOutOfRangeException>(() => data.TryGetBatch([0, 3], out _));
        var tooMany = Assert.Throws<ArgumentException>(() => { var (a, b, c) = new TensorDataset(Torch.Zeros(2), Torch.Zeros(2))[0]; });
        Assert.Contains("expected 3, got 2", tooMany.Message);
    }

    [Fact]
    public void SubsetAndConcat()
    {
        var subset = new Subset<Tensor[]>(Range(10), [7, -1, 2]);
        Assert.Equal([7, 9, 2], Values(subset));
        Assert.Equal([7, 9, 2], subset.Indices);
        Assert.Throws<IndexOutOfRangeException>(() => new Subset<Tensor[]>(Range(3), [3]));

        var concat = new ConcatDataset<Tensor[]>(Range(3), Range(2), Range(4));
        Assert.Equal(9, concat.Count);
        Assert.Equal([3, 5, 9], concat.CumulativeSizes);
        // + nests, as Dataset.__add__ does: (a + b) + c holds two data sets.
        var added = Range(3) + Range(2) + Range(4);
        Assert.Equal([5, 9], added.CumulativeSizes);
        Assert.Equal(2L, added[7][0].Item<long>());
        Assert.Equal([0, 1, 2, 0, 1, 0, 1, 2, 3], Enumerable.Range(0, 9).Select(i => (int)concat[i][0].Item()));
        Assert.Equal(3L, concat[-1][0].Item<long>());
        var empty = new ConcatDataset<Tensor[]>(Range(0), Range(2));
        Assert.Equal(0L, empty[0][0].Item<long>());
        Assert.Throws<ArgumentException>(() => new ConcatDataset<Tensor[]>());
    }

    [Fact]
    public void RandomSplitMatchesPyTorch()
    {
        foreach (var c in DataFixtures.Load("samplers.json").GetProperty("random_split").EnumerateArray())
        {
            int n = c.GetProperty("n").GetInt32();
            var lengths = c.GetProperty("lengths").Doubles();
            var seed = c.GetProperty("seed").GetInt64();
            var expected = DataFixtures.IntLists(c.GetProperty("with_generator"));
            var parts = Dataset.RandomSplit(Range(n), lengths, new Generator(seed));
            Assert.Equal(expected, parts.Select(p => p.Indices.ToArray()).ToArray());
            Assert.Equal(expected, parts.Select(Values).ToArray());
            if (lengths.All(l => l == Math.Floor(l)))
            {
                var byInts = Dataset.RandomSplit(Range(n), lengths.Select(l => (int)l).ToArray(), new Generator(seed));
                Assert.Equal(expected, byInts.Select(p => p.Indices.ToArray()).ToArray());
            }
            lock (DefaultGeneratorLock.Sync)
            {
                Torch.ManualSeed(seed);
                var fromDefault = Dataset.RandomSplit(Range(n), lengths);
                Assert.Equal(DataFixtures.IntLists(c.GetProperty("default")), fromDefault.Select(p => p.Indices.ToArray()).ToArray());
            }
        }
    }

    [Fact]
    public void RandomSplitRejectsBadLengths()
    {
        var sum = Assert.Throws<ArgumentException>(() => Dataset.RandomSplit(Range(10), [3, 6], new Generator(1)));
        Assert.StartsWith("Sum of input lengths does not equal the length of the input dataset!", sum.Message);
        var fraction = Assert.Throws<ArgumentException>(() => Dataset.RandomSplit(Range(10), [1.5, -0.5], new Generator(1)));
        Assert.StartsWith("Fraction at index 0 is not between 0 and 1", fraction.Message);
        var negative = Assert.Throws<ArgumentException>(() => Dataset.RandomSplit(Range(10), [-1, 11], new Generator(1)));
        Assert.Contains("must be a non-negative integer", negative.Message);
        Assert.Throws<ArgumentException>(() => Dataset.RandomSplit(Range(10), [2.5, 7.5], new Generator(1)));
    }
}
