using Gradus.Kernels;

namespace Gradus.Tests.Kernels;

public class ParallelForTests
{
    private sealed class Counts(int length)
    {
        public readonly int[] Hits = new int[length];
    }

    private readonly struct MarkRange(Counts counts) : IRangeBody
    {
        public void Invoke(int start, int end)
        {
            for (int i = start; i < end; i++) Interlocked.Increment(ref counts.Hits[i]);
        }
    }

    private readonly struct Throwing(int bad) : IParallelBody
    {
        public void Invoke(int task)
        {
            if (task == bad) throw new InvalidOperationException($"task {task} failed");
        }
    }

    private readonly struct Nested(Counts counts) : IParallelBody
    {
        public void Invoke(int task) => ParallelFor.Range(1000, 1_000_000, new MarkRange(counts));
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(7, 1)]
    [InlineData(1000, 1)]
    [InlineData(1000, 1_000_000)]
    [InlineData(12345, 100_000)]
    public void RangeVisitsEveryItemOnce(int length, long workPerItem)
    {
        var counts = new Counts(length);
        for (int round = 0; round < 20; round++) ParallelFor.Range(length, workPerItem, new MarkRange(counts));
        Assert.All(counts.Hits, h => Assert.Equal(20, h));
    }

    [Fact]
    public void SmallWorkStaysOnOneTaskAndLargeWorkUsesEveryCore()
    {
        Assert.Equal(1, ParallelFor.TaskCount(ParallelFor.MinWorkPerTask - 1, 100));
        Assert.Equal(Math.Min(4, ParallelFor.MaxDegree), ParallelFor.TaskCount(100 * ParallelFor.MinWorkPerTask, 4));
        Assert.Equal(1, ParallelFor.TaskCount(long.MaxValue, 1));
    }

    [Fact]
    public void ExceptionInATaskReachesTheCaller()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => ParallelFor.Run(8, new Throwing(5)));
        Assert.Equal("task 5 failed", ex.Message);
        ParallelFor.Run(8, new Throwing(-1)); // the helpers are usable again afterwards
    }

    [Fact]
    public void NestedAndConcurrentLoopsComplete()
    {
        var nested = new Counts(1000);
        ParallelFor.Run(4, new Nested(nested));
        Assert.All(nested.Hits, h => Assert.Equal(4, h));

        var concurrent = new Counts(5000);
        Parallel.For(0, 8, _ => ParallelFor.Range(5000, 1_000_000, new MarkRange(concurrent)));
        Assert.All(concurrent.Hits, h => Assert.Equal(8, h));
    }
}

public class NumThreadsTests
{
    [Fact]
    public void SetNumThreadsBoundsTheKernelsAndKeepsResults()
    {
        int before = Torch.GetNumThreads();
        Assert.Equal(Environment.ProcessorCount, before);
        Torch.ManualSeed(1);
        var a = Torch.Randn(300, 200);
        var b = Torch.Randn(200, 100);
        var expected = a.Matmul(b).ToArray<float>();
        try
        {
            Torch.SetNumThreads(1);
            Assert.Equal(1, Torch.GetNumThreads());
            Assert.Equal(1, ParallelFor.TaskCount(100 * ParallelFor.MinWorkPerTask, 8));
            Assert.Equal(expected, a.Matmul(b).ToArray<float>());
            var e = Assert.Throws<ArgumentException>(() => Torch.SetNumThreads(0));
            Assert.Contains("positive integer, got 0", e.Message);
            Assert.Equal(1, Torch.GetNumThreads());
        }
        finally
        {
            Torch.SetNumThreads(before);
        }
    }
}
