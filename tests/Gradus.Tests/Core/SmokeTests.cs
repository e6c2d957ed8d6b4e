namespace Gradus.Tests.Core;

public class ElementwiseTests
{
    [Fact]
    public void BroadcastAddMatchesHandComputed()
    {
        var a = Torch.Tensor(new float[,] { { 1, 2, 3 }, { 4, 5, 6 } });
        var b = Torch.Tensor(new float[] { 10, 20, 30 });
        Assert.Equal(new float[] { 11, 22, 33, 14, 25, 36 }, (a + b).ToArray<float>());
        var c = Torch.Tensor(new float[,] { { 1 }, { 2 } });
        Assert.Equal(new float[] { 2, 3, 4, 6, 7, 8 }, (a + c).ToArray<float>());
        Assert.Equal(new[] { 2, 3 }, (c * b).Shape);
    }

    [Fact]
    public void MismatchedBroadcastNamesShapes()
    {
        var ex = Assert.Throws<ArgumentException>(() => Torch.Zeros(2, 3) + Torch.Zeros(4));
        Assert.Equal("The size of tensor a (3) must match the size of tensor b (4) at non-singleton dimension 1", ex.Message);
    }

    [Fact]
    public void TransposedViewSharesStorageAndReadsStrided()
    {
        var a = Torch.Arange(6L).Reshape(2, 3);
        var t = a.T;
        Assert.False(t.IsContiguous);
        Assert.Equal(new long[] { 0, 3, 1, 4, 2, 5 }, t.ToArray<long>());
        Assert.Equal(new long[] { 0, 6, 2, 8, 4, 10 }, (t + t.Contiguous() - a.T).Mul(2).ToArray<long>());
    }

    [Fact]
    public void ReshapeErrorsArePyTorchs()
    {
        var x = Torch.Arange(12L);
        Assert.Equal("shape '[5, -1]' is invalid for input of size 12", Assert.Throws<ArgumentException>(() => x.Reshape(5, -1)).Message);
        Assert.Equal("only one dimension can be inferred", Assert.Throws<ArgumentException>(() => x.Reshape(-1, -1)).Message);
        Assert.Equal(new[] { 3, 4 }, x.Reshape(3, -1).Shape);
    }

    [Fact]
    public void SumOverDimsWithKeepDim()
    {
        var x = Torch.Arange(24L).Reshape(2, 3, 4).Float();
        Assert.Equal(new float[] { 12, 15, 18, 21, 48, 51, 54, 57 }, x.Sum(1).ToArray<float>());
        Assert.Equal(new[] { 2, 1, 4 }, x.Sum(1, keepDim: true).Shape);
        Assert.Equal(new float[] { 60, 92, 124 }, x.Sum([0, 2]).ToArray<float>());
        Assert.Equal(276f, x.Sum().Item<float>());
        Assert.Equal(11.5, x.Mean().Item(), 6);
    }
}
