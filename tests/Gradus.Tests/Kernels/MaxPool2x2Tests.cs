using Gradus.Kernels;

namespace Gradus.Tests.Kernels;

/// <summary>The 2x2 stride-2 max-pool fast path keeps PyTorch's rules: first maximum on ties, last NaN wins, -inf windows.</summary>
public class MaxPool2x2Tests
{
    [Fact]
    public void TwoByTwoStrideTwoFollowsTheScanRules()
    {
        float nan = float.NaN, inf = float.PositiveInfinity;
        // 5 x 6 plane: the last row is left out (floor mode); windows: tie, NaN then NaN, -inf only, +inf, plain, NaN first.
        float[] x =
        [
            3, 3, nan, 1, -inf, -inf,
            1, 3, 2, nan, -inf, -inf,
            4, 0, inf, 2, 5, nan,
            1, 4, 1, 1, 6, 9,
            99, 99, 99, 99, 99, 99,
        ];
        var y = new float[6];
        var idx = new long[6];
        Pooling.MaxPool2d<float>(x, 1, 5, 6, new Window2d(2, 2, 2, 2), y, idx);
        Assert.Equal(new long[] { 0, 9, 4, 12, 14, 17 }, idx);
        Assert.Equal(3f, y[0]);
        Assert.True(float.IsNaN(y[1]));
        Assert.Equal(float.NegativeInfinity, y[2]);
        Assert.Equal(4f, y[3]);
        Assert.Equal(inf, y[4]);
        Assert.True(float.IsNaN(y[5]));
    }

    [Theory]
    [InlineData(3, 8, 8)]     // outW 4: one vector group
    [InlineData(2, 10, 11)]   // outW 5: the last group overlaps the first; odd width leaves a column out
    [InlineData(4, 28, 28)]   // LeNet's first pool
    [InlineData(2, 9, 30)]    // outW 15, odd height
    [InlineData(1, 6, 6)]     // outW 3: the scalar path
    public void FloatVectorPathMatchesTheScalarScan(int planes, int h, int w)
    {
        // Few distinct values, so ties are common, plus NaNs and infinities.
        var rnd = new System.Random(h * 31 + w);
        float[] special = [float.NaN, float.PositiveInfinity, float.NegativeInfinity];
        var x = new float[planes * h * w];
        for (int i = 0; i < x.Length; i++)
            x[i] = rnd.Next(10) == 0 ? special[rnd.Next(3)] : rnd.Next(4);
        int outLength = planes * (h / 2) * (w / 2);
        var (y, idx) = (new float[outLength], new long[outLength]);
        var (yd, idxd) = (new double[outLength], new long[outLength]);
        var window = new Window2d(2, 2, 2, 2);
        Pooling.MaxPool2d<float>(x, planes, h, w, window, y, idx);
        Pooling.MaxPool2d<double>([.. x.Select(v => (double)v)], planes, h, w, window, yd, idxd);
        Assert.Equal(idxd, idx);
        Assert.Equal(yd.Select(v => (float)v), y);
    }
}
