using Gradus.Kernels;

namespace Gradus.Tests.Kernels;

public class PoolingTests
{
    public static TheoryData<int> MaxCases => new(Enumerable.Range(0, KernelFixtures.Cases("max_pool2d").Length));
    public static TheoryData<int> AvgCases => new(Enumerable.Range(0, KernelFixtures.Cases("avg_pool2d").Length));
    public static TheoryData<int> AdaptiveCases => new(Enumerable.Range(0, KernelFixtures.Cases("adaptive_avg_pool2d").Length));

    [Theory]
    [MemberData(nameof(MaxCases))]
    public void MaxPoolMatchesPyTorch(int index)
    {
        var e = KernelFixtures.Cases("max_pool2d")[index];
        int planes = e.Int("n") * e.Int("c"), h = e.Int("h"), w = e.Int("w");
        var win = e.Window();
        long[] expectedIdx = e.Longs("indices");
        string what = $"case {index}";

        var y = new double[expectedIdx.Length];
        var idx = new long[expectedIdx.Length];
        Pooling.MaxPool2d(e.Doubles("input"), planes, h, w, win, y, idx);
        KernelFixtures.AssertClose(e.Doubles("output"), y, 0, 0, what + " output");
        Assert.Equal(expectedIdx, idx);
        var yF = new float[y.Length];
        var idxF = new long[y.Length];
        Pooling.MaxPool2d(e.Floats("input"), planes, h, w, win, yF, idxF);
        KernelFixtures.AssertClose(e.Doubles("output"), yF, 0, 0, what + " float output");
        Assert.Equal(expectedIdx, idxF);

        var gx = new double[planes * h * w];
        Array.Fill(gx, 5.0); // backward overwrites
        Pooling.MaxPool2dBackward(e.Doubles("grad_output"), idx, planes, h, w, win, gx);
        KernelFixtures.AssertClose(e.Doubles("grad_input"), gx, 1e-12, 1e-12, what + " grad_input");
        var gxF = new float[gx.Length];
        Pooling.MaxPool2dBackward(e.Floats("grad_output"), idx, planes, h, w, win, gxF);
        KernelFixtures.AssertClose(e.Doubles("grad_input"), gxF, 1e-5, 1e-6, what + " float grad_input");
    }

    [Theory]
    [MemberData(nameof(AvgCases))]
    public void AvgPoolMatchesPyTorch(int index)
    {
        var e = KernelFixtures.Cases("avg_pool2d")[index];
        int planes = e.Int("n") * e.Int("c"), h = e.Int("h"), w = e.Int("w");
        var win = e.Window();
        bool include = e.GetProperty("count_include_pad").GetBoolean();
        string what = $"case {index}";
        double[] expected = e.Doubles("output");

        var y = new double[expected.Length];
        Pooling.AvgPool2d(e.Doubles("input"), planes, h, w, win, y, include);
        KernelFixtures.AssertClose(expected, y, 1e-12, 1e-12, what + " output");
        var yF = new float[expected.Length];
        Pooling.AvgPool2d(e.Floats("input"), planes, h, w, win, yF, include);
        KernelFixtures.AssertClose(expected, yF, 1e-5, 1e-6, what + " float output");

        var gx = new double[planes * h * w];
        Array.Fill(gx, double.NaN);
        Pooling.AvgPool2dBackward(e.Doubles("grad_output"), planes, h, w, win, gx, include);
        KernelFixtures.AssertClose(e.Doubles("grad_input"), gx, 1e-12, 1e-12, what + " grad_input");
        var gxF = new float[gx.Length];
        Pooling.AvgPool2dBackward(e.Floats("grad_output"), planes, h, w, win, gxF, include);
        KernelFixtures.AssertClose(e.Doubles("grad_input"), gxF, 1e-5, 1e-6, what + " float grad_input");
    }

    [Theory]
    [MemberData(nameof(AdaptiveCases))]
    public void AdaptiveAvgPoolMatchesPyTorch(int index)
    {
        var e = KernelFixtures.Cases("adaptive_avg_pool2d")[index];
        int planes = e.Int("n") * e.Int("c"), h = e.Int("h"), w = e.Int("w");
        long[] size = e.Longs("output_size");
        int oh = (int)size[0], ow = (int)size[1];
        string what = $"case {index}";

        var y = new double[planes * oh * ow];
        Pooling.AdaptiveAvgPool2d(e.Doubles("input"), planes, h, w, oh, ow, y);
        KernelFixtures.AssertClose(e.Doubles("output"), y, 1e-12, 1e-12, what + " output");
        var yF = new float[y.Length];
        Pooling.AdaptiveAvgPool2d(e.Floats("input"), planes, h, w, oh, ow, yF);
        KernelFixtures.AssertClose(e.Doubles("output"), yF, 1e-5, 1e-6, what + " float output");

        var gx = new double[planes * h * w];
        Pooling.AdaptiveAvgPool2dBackward(e.Doubles("grad_output"), planes, h, w, oh, ow, gx);
        KernelFixtures.AssertClose(e.Doubles("grad_input"), gx, 1e-12, 1e-12, what + " grad_input");
        var gxF = new float[gx.Length];
        Pooling.AdaptiveAvgPool2dBackward(e.Floats("grad_output"), planes, h, w, oh, ow, gxF);
        KernelFixtures.AssertClose(e.Doubles("grad_input"), gxF, 1e-5, 1e-6, what + " float grad_input");
    }

    [Fact]
    public void ManyPlanesRunInParallelLikeOnePlaneAtATime()
    {
        var random = new Random(5);
        int planes = 256, h = 24, w = 24;
        float[] x = [.. Enumerable.Range(0, planes * h * w).Select(_ => (float)random.NextDouble())];
        var win = new Window2d(2, 2, 2, 2);
        var y = new float[planes * 144];
        var idx = new long[y.Length];
        Pooling.MaxPool2d(x, planes, h, w, win, y, idx);
        var avg = new float[y.Length];
        Pooling.AvgPool2d(x, planes, h, w, win, avg);
        var y1 = new float[144];
        var idx1 = new long[144];
        var avg1 = new float[144];
        foreach (int q in new[] { 0, 100, 255 })
        {
            Pooling.MaxPool2d(x.AsSpan(q * h * w, h * w), 1, h, w, win, y1, idx1);
            Pooling.AvgPool2d(x.AsSpan(q * h * w, h * w), 1, h, w, win, avg1);
            Assert.True(y1.AsSpan().SequenceEqual(y.AsSpan(q * 144, 144)), $"max plane {q}");
            Assert.True(idx1.AsSpan().SequenceEqual(idx.AsSpan(q * 144, 144)), $"indices plane {q}");
            Assert.True(avg1.AsSpan().SequenceEqual(avg.AsSpan(q * 144, 144)), $"avg plane {q}");
        }
    }

    [Fact]
    public void BadArgumentsAreRejected()
    {
        var ex = Assert.Throws<ArgumentException>(() => Pooling.MaxPool2d(new float[16], 1, 4, 4, new Window2d(2, 2, 2, 2, 2, 2), new float[9], new long[9]));
        Assert.Contains("pad should be at most half of effective kernel size, but got pad=2, kernel_size=2 and dilation=1", ex.Message);
        ex = Assert.Throws<ArgumentException>(() => Pooling.AvgPool2d(new float[16], 1, 4, 4, new Window2d(2, 2, dilationH: 2), new float[9]));
        Assert.Contains("dilation is not supported", ex.Message);
        ex = Assert.Throws<ArgumentException>(() => Pooling.AdaptiveAvgPool2d(new double[16], 1, 4, 4, 0, 2, new double[4]));
        Assert.Contains("output_size must be positive", ex.Message);
        ex = Assert.Throws<ArgumentException>(() => Pooling.MaxPool2d(new float[16], 1, 4, 4, new Window2d(2, 2, 2, 2), new float[4], new long[3]));
        Assert.Contains("indices needs 4 elements but the span has 3", ex.Message);
        Assert.Throws<IndexOutOfRangeException>(() =>
            Pooling.MaxPool2dBackward(new float[4], [0, 1, 2, 16], 1, 4, 4, new Window2d(2, 2, 2, 2), new float[16]));
    }
}
