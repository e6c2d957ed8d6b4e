using Gradus.Kernels;

namespace Gradus.Tests.Kernels;

public class GemmTests
{
    public static TheoryData<bool, bool> Transposes => new() { { false, false }, { false, true }, { true, false }, { true, true } };

    public static TheoryData<GemmPath, bool, bool> PathsAndTransposes()
    {
        var data = new TheoryData<GemmPath, bool, bool>();
        foreach (var path in new[] { GemmPath.Packed512, GemmPath.Packed256, GemmPath.Packed128, GemmPath.Direct })
            foreach (bool ta in new[] { false, true })
                foreach (bool tb in new[] { false, true })
                    data.Add(path, ta, tb);
        return data;
    }

    [Theory]
    [MemberData(nameof(Transposes))]
    public void OneByOne(bool ta, bool tb)
    {
        float[] c = [float.NaN];
        Gemm.Sgemm(ta, tb, 1, 1, 1, 2f, [3f], 1, [-4f], 1, 0f, c, 1);
        Assert.Equal(-24f, c[0]);
        double[] d = [10];
        Gemm.Dgemm(ta, tb, 1, 1, 1, 0.5, [3.0], 1, [4.0], 1, -1.0, d, 1);
        Assert.Equal(-4.0, d[0]);
    }

    [Fact]
    public void SmallKnownProduct()
    {
        // [[1,2,3],[4,5,6]] · [[7,8],[9,10],[11,12]] = [[58,64],[139,154]]
        float[] c = new float[4];
        Gemm.Sgemm(false, false, 2, 2, 3, 1f, [1, 2, 3, 4, 5, 6], 3, [7, 8, 9, 10, 11, 12], 2, 0f, c, 2);
        Assert.Equal([58f, 64f, 139f, 154f], c);
        // The same product from transposed storage: A stored 3x2, B stored 2x3.
        Gemm.Sgemm(true, true, 2, 2, 3, 1f, [1, 4, 2, 5, 3, 6], 2, [7, 9, 11, 8, 10, 12], 3, 0f, c, 2);
        Assert.Equal([58f, 64f, 139f, 154f], c);
    }

    [Theory]
    [MemberData(nameof(Transposes))]
    public void OddShapesAllPaths(bool ta, bool tb)
    {
        foreach (var path in new[] { GemmPath.Public, GemmPath.Packed512, GemmPath.Packed256, GemmPath.Packed128, GemmPath.Direct })
        {
            GemmReference.Check(path, ta, tb, 7, 5, 13, 1f, 0f);
            GemmReference.Check(path, ta, tb, 7, 5, 13, 1.0, 0.0);
            GemmReference.Check(path, ta, tb, 37, 41, 300, -0.75f, 1.5f, padA: 3, padB: 5, padC: 2);
            GemmReference.Check(path, ta, tb, 37, 41, 300, -0.75, 1.5, padA: 3, padB: 5, padC: 2, rtol: 1e-12);
        }
    }

    [Theory]
    [MemberData(nameof(Transposes))]
    public void Large1023x1025MultiThreaded(bool ta, bool tb)
    {
        // m > n splits rows across cores, n > m splits columns; k = 1025 crosses several KC blocks.
        GemmReference.Check(GemmPath.Public, ta, tb, 1025, 1023, 1025, 1f, 0f, padA: 1, padB: 2, padC: 3, maxChecked: 1500);
        GemmReference.Check(GemmPath.Public, ta, tb, 1023, 1025, 517, 0.5f, -2f, maxChecked: 1500);
    }

    [Theory]
    [MemberData(nameof(Transposes))]
    public void ShortWideSplitsColumnsAcrossCores(bool ta, bool tb)
    {
        // Too few rows to share (a small batch through a wide layer): the cores split C's columns instead.
        GemmReference.Check(GemmPath.Packed512, ta, tb, 13, 1000, 301, 1f, 0.5f, padA: 2, padB: 1, padC: 3, maxChecked: 3000);
        GemmReference.Check(GemmPath.Packed256, ta, tb, 13, 1000, 301, 1.0, 0.0, rtol: 1e-12, maxChecked: 3000);
        GemmReference.Check(GemmPath.Packed128, ta, tb, 13, 1000, 301, 1f, 0f, maxChecked: 3000);
    }

    [Theory]
    [MemberData(nameof(Transposes))]
    public void FewRowsOrOneColumnTakeTheDirectPathInParallel(bool ta, bool tb)
    {
        // A few samples through a wide layer (rows of B as vectors, column blocks split across cores) ...
        GemmReference.Check(GemmPath.Public, ta, tb, 3, 1000, 301, 0.5f, 2f, padA: 1, padC: 2, maxChecked: 3000);
        GemmReference.Check(GemmPath.Public, ta, tb, 1, 517, 300, 1.0, 0.0, rtol: 1e-12);
        // ... and a layer with one output (dot products, rows split across cores).
        GemmReference.Check(GemmPath.Public, ta, tb, 700, 1, 500, 1f, 0f, padA: 3, maxChecked: 3000);
    }

    [Fact]
    public void LargeDoubleMultiThreaded()
    {
        GemmReference.Check(GemmPath.Public, false, true, 301, 517, 523, 1.25, 0.5, padA: 1, padC: 4, rtol: 1e-12, maxChecked: 2000);
        GemmReference.Check(GemmPath.Public, true, false, 517, 301, 523, 1.0, 0.0, padB: 1, rtol: 1e-12, maxChecked: 2000);
    }

    [Theory]
    [MemberData(nameof(PathsAndTransposes))]
    public void SweepEveryEdge(GemmPath path, bool ta, bool tb)
    {
        // Every m, n and k in 1..40 hits every partial register tile (MR 12/8/6, NR 32/16/8/4) and packing tail.
        for (int s = 1; s <= 40; s++)
        {
            GemmReference.Check(path, ta, tb, s, 33, 19, 1f, 0f, padA: 1, seed: s);
            GemmReference.Check(path, ta, tb, 13, s, 21, 1f, 2f, padB: 2, seed: s);
            GemmReference.Check(path, ta, tb, 25, 17, s, -1f, 0.5f, padC: 1, seed: s);
            GemmReference.Check(path, ta, tb, s, s, s, 1.0, 0.0, seed: s, rtol: 1e-12);
        }
    }

    [Fact]
    public void DeepKCrossesBlocksWithBeta()
    {
        // k past one KC block: beta applies once, later blocks accumulate.
        GemmReference.Check(GemmPath.Packed512, false, false, 29, 70, 700, 1f, 3f);
        GemmReference.Check(GemmPath.Packed256, true, true, 29, 70, 700, 1f, 3f);
        GemmReference.Check(GemmPath.Packed128, false, true, 29, 70, 700, 1f, 3f);
        GemmReference.Check(GemmPath.Packed512, true, false, 29, 70, 700, 2.0, -1.0, rtol: 1e-12);
    }

    [Fact]
    public void BetaZeroIgnoresNaNAndAlphaZeroSkipsProduct()
    {
        float[] c = [float.NaN, float.PositiveInfinity, 1, 2];
        Gemm.Sgemm(false, false, 2, 2, 1, 0f, [1, 2], 1, [3, 4], 2, 0f, c, 2);
        Assert.Equal([0f, 0f, 0f, 0f], c);
        c = [1, 2, 3, 4];
        Gemm.Sgemm(false, false, 2, 2, 1, 0f, [float.NaN, 2], 1, [3, 4], 2, 2f, c, 2);
        Assert.Equal([2f, 4f, 6f, 8f], c);
        c = [1, 2, 3, 4];
        Gemm.Sgemm(false, false, 2, 2, 0, 1f, [], 1, [], 2, 0.5f, c, 2);
        Assert.Equal([0.5f, 1f, 1.5f, 2f], c);
    }

    [Fact]
    public void EmptyOutputTouchesNothing()
    {
        Gemm.Sgemm(false, false, 0, 3, 4, 1f, [], 4, new float[12], 3, 0f, [], 3);
        Gemm.Dgemm(false, false, 3, 0, 4, 1.0, new double[12], 4, [], 1, 0.0, [], 1);
    }

    [Fact]
    public void BadArgumentsNameTheProblem()
    {
        var ex = Assert.Throws<ArgumentException>(() => Gemm.Sgemm(false, false, 2, 2, 3, 1f, new float[6], 2, new float[6], 2, 0f, new float[4], 2));
        Assert.Contains("lda (2) must be at least 3", ex.Message);
        ex = Assert.Throws<ArgumentException>(() => Gemm.Sgemm(false, true, 2, 2, 3, 1f, new float[6], 3, new float[5], 3, 0f, new float[4], 2));
        Assert.Contains("B (2x3, ldb=3) needs 6 elements but the span has 5", ex.Message);
        ex = Assert.Throws<ArgumentException>(() => Gemm.Dgemm(false, false, -1, 2, 3, 1, [], 3, [], 2, 0, [], 2));
        Assert.Contains("Dgemm: matrix sizes must be non-negative", ex.Message);
        ex = Assert.Throws<ArgumentException>(() => Gemm.Dgemm(false, false, 2, 2, 3, 1, new double[6], 3, new double[6], 2, 0, new double[4], 1));
        Assert.Contains("ldc (1) must be at least 2", ex.Message);
    }

    [Fact]
    public void RepeatedCallsReusePackingBuffers()
    {
        // A 96x96x96 product packs ~18 KB per call and runs on two threads; warm calls must not allocate that again.
        // (A few bytes may appear while the runtime tiers code up, so the bound is per call, far below one packing.)
        int n = 96;
        float[] a = GemmReference.RandomMatrix<float>(new System.Random(1), n, n), b = GemmReference.RandomMatrix<float>(new System.Random(2), n, n);
        float[] c = new float[n * n];
        for (int i = 0; i < 20; i++) Gemm.Sgemm(false, true, n, n, n, 1f, a, n, b, n, 0f, c, n);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 50; i++) Gemm.Sgemm(false, true, n, n, n, 1f, a, n, b, n, 0f, c, n);
        long perCall = (GC.GetAllocatedBytesForCurrentThread() - before) / 50;
        Assert.True(perCall < 256, $"{perCall} bytes allocated per call");
    }
}
