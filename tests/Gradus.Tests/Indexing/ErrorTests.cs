namespace Gradus.Tests.Indexing;

/// <summary>Bad inputs and PyTorch's in-place rules (messages as torch 1.13 prints them, probed with tools' interpreter).</summary>
public class ErrorTests
{
    private static Tensor Longs(params long[] v) => Torch.Tensor(v);

    [Fact]
    public void LeafAssignmentFollowsPyTorchsRule()
    {
        var w = Torch.Ones(3).RequiresGrad_();
        var view = Assert.Throws<InvalidOperationException>(() => w[0] = 1);
        Assert.Equal("a view of a leaf Variable that requires grad is being used in an in-place operation.", view.Message);
        var leaf = Assert.Throws<InvalidOperationException>(() => w[Longs(0)] = 1);
        Assert.Equal("a leaf Variable that requires grad is being used in an in-place operation.", leaf.Message);
        Assert.Throws<InvalidOperationException>(() => w[w > 0] = 1);
        Assert.Throws<InvalidOperationException>(() => w.IndexPut_([Longs(1)], Torch.Ones(1)));
        Assert.Equal(new float[] { 1, 1, 1 }, w.ToArray<float>());
        using (Torch.NoGrad()) w[1..] = 0.5;
        Assert.Equal(new float[] { 1, 0.5f, 0.5f }, w.ToArray<float>());
        Assert.True(w.IsLeaf && w.RequiresGrad);
    }

    [Fact]
    public void OverwritingASavedTensorIsDetectedAtBackward()
    {
        var w = Torch.Ones(3).RequiresGrad_();
        var h = w * 2.0;
        var y = (h * h).Sum();
        h[0] = 5;
        var ex = Assert.Throws<InvalidOperationException>(() => y.Backward());
        Assert.StartsWith("one of the variables needed for gradient computation has been modified by an inplace operation", ex.Message);
    }

    [Fact]
    public void IndexPutNeedsMatchingDTypes()
    {
        var z = Torch.Zeros([3], DType.Int64);
        var ex = Assert.Throws<ArgumentException>(() => z[Longs(0)] = Torch.Tensor(new float[] { 1.5f }));
        Assert.Equal("Index put requires the source and destination dtypes match, got Long for the destination and Float for the source.", ex.Message);
        z[0] = Torch.Tensor(2.5);
        Assert.Equal(2L, z[0].Item<long>());
    }

    [Fact]
    public void BadSubscripts()
    {
        var x = Torch.Zeros(2, 3);
        Assert.Equal("tensors used as indices must be long, byte or bool tensors",
            Assert.Throws<IndexOutOfRangeException>(() => x[Torch.Tensor(new float[] { 1 })]).Message);
        Assert.Equal("an index can only have a single ellipsis ('...')",
            Assert.Throws<IndexOutOfRangeException>(() => x[TensorIndex.Ellipsis, TensorIndex.Ellipsis]).Message);
        Assert.Equal("slice step cannot be zero (Parameter 'step')", Assert.Throws<ArgumentException>(() => TensorIndex.Slice(step: 0)).Message);
        Assert.Equal("step must be greater than zero (Parameter 'step')", Assert.Throws<ArgumentException>(() => TensorIndex.Slice(step: -1)).Message);
        Assert.Equal("invalid index of a 0-dim tensor. Use `tensor.item()` in Python or `tensor.item<T>()` in C++ to convert a 0-dim tensor to a number",
            Assert.Throws<IndexOutOfRangeException>(() => Torch.Scalar(1)[0]).Message);
        Assert.Equal("index 2 is out of bounds for dimension 0 with size 2", Assert.Throws<IndexOutOfRangeException>(() => x[^0]).Message);
        Assert.Equal("index -3 is out of bounds for dimension 0 with size 2", Assert.Throws<IndexOutOfRangeException>(() => x[^3]).Message);
    }

    [Fact]
    public void BadOpArguments()
    {
        var x = Torch.Zeros(3, 3);
        Assert.Equal("gather(): Expected dtype int64 for index",
            Assert.Throws<ArgumentException>(() => x.Gather(1, Torch.Tensor(new float[,] { { 0, 1 } }))).Message);
        Assert.Equal("index_select(): Expected dtype int32 or int64 for index",
            Assert.Throws<ArgumentException>(() => x.IndexSelect(1, Torch.Tensor(new float[] { 0, 1 }))).Message);
        Assert.Equal("index_select(): index 5 is out of bounds for dimension 1 with size 3",
            Assert.Throws<IndexOutOfRangeException>(() => x.IndexSelect(1, Longs(0, 5))).Message);
        Assert.Equal("masked_fill_ only supports boolean masks, but got mask with dtype Long",
            Assert.Throws<ArgumentException>(() => x.MaskedFill(Longs(1, 0, 1), 1)).Message);
        Assert.Equal("scatter(): Expected self.dtype to be equal to src.dtype",
            Assert.Throws<ArgumentException>(() => x.ScatterAdd(1, Torch.Tensor(new long[,] { { 0, 1, 1 } }), Torch.Ones([1, 3], DType.Float64))).Message);
        Assert.Equal("torch.cat(): expected a non-empty list of Tensors", Assert.Throws<ArgumentException>(() => Torch.Cat([])).Message);
        Assert.Equal("stack expects a non-empty TensorList", Assert.Throws<ArgumentException>(() => Torch.Stack([])).Message);
        Assert.Equal("select(): index -4 out of range for tensor of size [3, 3] at dimension 0",
            Assert.Throws<IndexOutOfRangeException>(() => x.Select(0, -4)).Message);
        Assert.Throws<InvalidOperationException>(() => x.RequiresGrad_().MaskedFill_(x.Detach() > 0, 1.0));
    }

    [Fact]
    public void CatPromotesAndSkipsLegacyEmpty()
    {
        var r = Torch.Cat([Torch.Ones([2, 1], DType.Int64), Torch.Zeros(0), Torch.Tensor(new[,] { { true }, { false } })], 1);
        Assert.Equal(DType.Float32, r.DType);
        Assert.Equal(new float[] { 1, 1, 1, 0 }, r.ToArray<float>());
    }
}
