using Gradus.Kernels;

namespace Gradus.Tests.Kernels;

public class Im2ColTests
{
    public static TheoryData<int> UnfoldCases => new(Enumerable.Range(0, KernelFixtures.Cases("unfold").Length));

    [Theory]
    [MemberData(nameof(UnfoldCases))]
    public void UnfoldAndFoldMatchPyTorch(int index)
    {
        var e = KernelFixtures.Cases("unfold")[index];
        int n = e.Int("n"), c = e.Int("c"), h = e.Int("h"), w = e.Int("w");
        var win = e.Window();
        long[] shape = e.Longs("columns_shape");
        Assert.Equal(shape[1], Im2Col.ColumnRows(c, win));
        Assert.Equal(shape[2], Im2Col.ColumnCount(h, w, win));
        string what = $"case {index}";

        var cols = new double[n * shape[1] * shape[2]];
        Array.Fill(cols, double.NaN); // every element must be written, padding included
        Im2Col.Unfold(e.Doubles("input"), n, c, h, w, win, cols);
        KernelFixtures.AssertClose(e.Doubles("columns"), cols, 0, 0, what + " unfold double");
        var colsF = new float[cols.Length];
        Im2Col.Unfold(e.Floats("input"), n, c, h, w, win, colsF);
        KernelFixtures.AssertClose(e.Doubles("columns"), colsF, 0, 0, what + " unfold float");

        // col2im is F.fold and the backward of F.unfold; it adds into what is there.
        var image = new double[n * c * h * w];
        Im2Col.Fold(e.Doubles("grad_columns"), n, c, h, w, win, image);
        KernelFixtures.AssertClose(e.Doubles("folded"), image, 1e-12, 1e-12, what + " fold double");
        KernelFixtures.AssertClose(e.Doubles("grad_input"), image, 1e-12, 1e-12, what + " unfold backward");
        var imageF = new float[image.Length];
        Array.Fill(imageF, 1f);
        Im2Col.Fold(e.Floats("grad_columns"), n, c, h, w, win, imageF);
        KernelFixtures.AssertClose([.. e.Doubles("folded").Select(v => v + 1)], imageF, 1e-5, 1e-5, what + " fold float accumulates");
    }

    [Fact]
    public void ConvolutionAsUnfoldThenGemm()
    {
        // A 3x3 box filter over a 4x4 ramp with padding 1: out = W (1 x 9) · columns (9 x 16).
        var win = new Window2d(3, 3, padH: 1, padW: 1);
        float[] x = [.. Enumerable.Range(0, 16).Select(i => (float)i)];
        var cols = new float[9 * 16];
        Im2Col.Unfold(x, 1, 1, 4, 4, win, cols);
        float[] weights = [.. Enumerable.Repeat(1f, 9)], y = new float[16];
        Gemm.Sgemm(false, false, 1, 16, 9, 1f, weights, 9, cols, 16, 0f, y, 16);
        Assert.Equal([10f, 18f, 24f, 18f, 27f, 45f, 54f, 39f, 51f, 81f, 90f, 63f, 42f, 66f, 72f, 50f], y);
    }

    [Fact]
    public void BadWindowAndShortSpansAreRejected()
    {
        var ex = Assert.Throws<ArgumentException>(() => Im2Col.Unfold(new float[16], 1, 1, 4, 4, new Window2d(5, 5), new float[1]));
        Assert.Contains("Calculated output size: (0x0). Output size is too small", ex.Message);
        ex = Assert.Throws<ArgumentException>(() => Im2Col.Unfold(new float[16], 1, 1, 4, 4, new Window2d(2, 2, strideH: 0), new float[64]));
        Assert.Contains("stride should be greater than zero", ex.Message);
        ex = Assert.Throws<ArgumentException>(() => Im2Col.Unfold(new float[16], 1, 1, 4, 4, new Window2d(2, 2), new float[35]));
        Assert.Contains("Unfold: columns needs 36 elements but the span has 35", ex.Message);
        ex = Assert.Throws<ArgumentException>(() => Im2Col.Fold(new double[36], 1, 1, 4, 4, new Window2d(2, 2), new double[15]));
        Assert.Contains("Fold: output needs 16 elements", ex.Message);
    }

    [Fact]
    public void LargeBatchRunsInParallelAndMatchesSinglePlanes()
    {
        // 64 planes of 28x28 cross the parallel threshold; every plane must equal its own single-plane unfold.
        var win = new Window2d(5, 5, padH: 2, padW: 2);
        var random = new System.Random(3);
        float[] x = [.. Enumerable.Range(0, 64 * 28 * 28).Select(_ => (float)random.NextDouble())];
        int per = Im2Col.ColumnRows(1, win) * Im2Col.ColumnCount(28, 28, win);
        var all = new float[64 * per];
        Im2Col.Unfold(x, 8, 8, 28, 28, win, all);
        var one = new float[per];
        foreach (int q in new[] { 0, 17, 63 })
        {
            Im2Col.Unfold(x.AsSpan(q * 784, 784), 1, 1, 28, 28, win, one);
            Assert.True(one.AsSpan().SequenceEqual(all.AsSpan(q * per, per)), $"plane {q}");
        }
    }
}
