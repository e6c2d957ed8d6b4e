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
        var idx = new long[expectedIdx.Length];
        ForwardBackward<double>(e, $"case {index}", 0, 1e-12, expectedIdx.Length,
            (x, y) => Pooling.MaxPool2d<double>(x, planes, h, w, win, y, idx), (gy, gx) => Pooling.MaxPool2dBackward<double>(gy, idx, planes, h, w, win, gx));
        Assert.Equal(expectedIdx, idx);
        Array.Clear(idx);
        ForwardBackward<float>(e, $"case {index} float", 0, 1e-5, expectedIdx.Length,
            (x, y) => Pooling.MaxPool2d<float>(x, planes, h, w, win, y, idx), (gy, gx) => Pooling.MaxPool2dBackward<float>(gy, idx, planes, h, w, win, gx));
        Assert.Equal(expectedIdx, idx);
    }

    [Theory]
    [MemberData(nameof(AvgCases))]
    public void AvgPoolMatchesPyTorch(int index)
    {
        var e = KernelFixtures.Cases("avg_pool2d")[index];
        int planes = e.Int("n") * e.Int("c"), h = e.Int("h"), w = e.Int("w");
        var win = e.Window();
        bool include = e.GetProperty("count_include_pad").GetBoolean();
        int outLength = planes * win.OutputH(h) * win.OutputW(w);
        ForwardBackward<double>(e, $"case {index}", 1e-12, 1e-12, outLength,
            (x, y) => Pooling.AvgPool2d<double>(x, planes, h, w, win, y, include), (gy, gx) => Pooling.AvgPool2dBackward<double>(gy, planes, h, w, win, gx, include));
        ForwardBackward<float>(e, $"case {index} float", 1e-5, 1e-5, outLength,
            (x, y) => Pooling.AvgPool2d<float>(x, planes, h, w, win, y, include), (gy, gx) => Pooling.AvgPool2dBackward<float>(gy, planes, h, w, win, gx, include));
    }

    [Theory]
    [MemberData(nameof(AdaptiveCases))]
    public void AdaptiveAvgPoolMatchesPyTorch(int index)
    {
        var e = KernelFixtures.Cases("adaptive_avg_pool2d")[index];
        int planes = e.Int("n") * e.Int("c"), h = e.Int("h"), w = e.Int("w");
        long[] size = e.Longs("output_size");
        int oh = (int)size[0], ow = (int)size[1];
        ForwardBackward<double>(e, $"case {index}", 1e-12, 1e-12, planes * oh * ow,
            (x, y) => Pooling.AdaptiveAvgPool2d<double>(x, planes, h, w, oh, ow, y), (gy, gx) => Pooling.AdaptiveAvgPool2dBackward<double>(gy, planes, h, w, oh, ow, gx));
        ForwardBackward<float>(e, $"case {index} float", 1e-5, 1e-5, planes * oh * ow,
            (x, y) => Pooling.AdaptiveAvgPool2d<float>(x, planes, h, w, oh, ow, y), (gy, gx) => Pooling.AdaptiveAvgPool2dBackward<float>(gy, planes, h, w, oh, ow, gx));
    }

    /// <summary>Runs a pooling forward on the case's input and its backward on its grad_output; both must match PyTorch.</summary>
    private static void ForwardBackward<T>(System.Text.Json.JsonElement e, string what, double rtolForward, double tolerance, int outLength,
        Action<T[], T[]> forward, Action<T[], T[]> backward) where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        T[] input = [.. e.Doubles("input").Select(T.CreateTruncating)], gradOutput = [.. e.Doubles("grad_output").Select(T.CreateTruncating)];
        var output = new T[outLength];
        forward(input, output);
        KernelFixtures.AssertClose(e.Doubles("output"), [.. output.Select(double.CreateTruncating)], rtolForward, rtolForward, what + " output");
        var gradInput = new T[input.Length];
        Array.Fill(gradInput, T.NaN); // backward overwrites every element
        backward(gradOutput, gradInput);
        KernelFixtures.AssertClose(e.Doubles("grad_input"), [.. gradInput.Select(double.CreateTruncating)], tolerance, tolerance, what + " grad_input");
    }

    [Fact]
    public void ManyPlanesRunInParallelLikeOnePlaneAtATime()
    {
        var random = new System.Random(5);
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
