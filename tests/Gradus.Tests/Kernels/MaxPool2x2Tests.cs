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
}
