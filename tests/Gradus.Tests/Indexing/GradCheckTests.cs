namespace Gradus.Tests.Indexing;

/// <summary>Finite-difference checks (float64) of every differentiable indexing, gather/scatter and join op, on shapes with size-1 dims.</summary>
public class GradCheckTests
{
    private static Tensor Leaf(params int[] shape)
    {
        int n = shape.Aggregate(1, (a, b) => a * b);
        return (Torch.Arange(0L, n).Double() * 0.37 - 1.1).Sin().Reshape(shape).Detach().RequiresGrad_();
    }

    private static Tensor Longs(params long[] v) => Torch.Tensor(v);

    /// <summary>GradCheck of a function of one leaf (sub-tensors of it stand for several inputs).</summary>
    private static void Check(Func<Tensor, Tensor> f, Tensor input) => Assert.True(Gradus.Autograd.GradCheck(a => f(a[0]), [input]));

    [Fact]
    public void BasicSubscripts()
    {
        Check(x => x[0][1..3, .., ^1], Leaf(1, 4, 1, 2));
        Check(x => x[TensorIndex.Ellipsis, TensorIndex.Slice(null, null, 2)] * x[.., 0, TensorIndex.None, ..3], Leaf(2, 1, 5));
        Check(x => x[TensorIndex.None, -1, ..] + x[1], Leaf(2, 3));
    }

    [Fact]
    public void AdvancedSubscripts()
    {
        var x = Leaf(3, 1, 4);
        Check(t => t[0][Longs(2, 0, 2), .., Longs(3, 3, 1)], Leaf(1, 3, 1, 4));
        Check(t => t[Longs(0, 2, 2, 1), .., 1..], x);
        Check(t => t[.., 0, Longs(1, 1, 3)][..2] * t[Torch.Tensor(new[] { true, false, true })][.., 0, 1..4], x);
        Check(t => t[t.Detach() > 0], x);
        Check(t => t[Longs(1, 0), .., Longs(3, 2)], x);
    }

    [Fact]
    public void Assignment()
    {
        Check(t =>
        {
            var y = t[0] * 2.0;
            y[1.., Longs(1, 0)] = t[1][1.., ..1] * t[1][..2, 1..2];
            y[0] = 7;
            return y;
        }, Leaf(2, 3, 2));
        Check(t =>
        {
            var y = t[0].Clone();
            y[t[1].Detach() > 0] = t[2].Sum();
            return y;
        }, Leaf(3, 2, 3));
    }

    [Fact]
    public void IndexPut()
    {
        var idx = new[] { Longs(0, 2, 0), Longs(1, 1, 1) };
        Check(t => t[0].IndexPut(idx, t[1][0, 0..3], accumulate: true), Leaf(2, 3, 4));
        Check(t => t[0].IndexPut([Longs(2, 0), Longs(1, 3)], t[1][0, ..1], accumulate: false), Leaf(2, 3, 4));
        Check(t => { var y = t[0] * 1.0; y.IndexPut_(idx, t[1][1, 1], accumulate: true); return y; }, Leaf(2, 3, 4));
    }

    [Fact]
    public void SelectNarrowTake()
    {
        var x = Leaf(3, 1, 4);
        Check(t => t.Select(2, -1) + t.Select(0, 1), x);
        Check(t => t.Narrow(2, 1, 2) * t.Narrow(0, -1, 1).Narrow(2, 0, 2), x);
        Check(t => t.Take(Torch.Tensor(new long[,] { { 0, -1 }, { 5, 5 } })), x);
    }

    [Fact]
    public void IndexSelectAndIndexAdd()
    {
        Check(t => t.IndexSelect(2, Longs(3, 0, 3)), Leaf(2, 1, 4));
        Check(t => t[0].IndexAdd(0, Longs(1, 1, 0), t[1][..3, ..], -1.5), Leaf(2, 4, 1));
    }

    [Fact]
    public void GatherScatter()
    {
        var idx = Torch.Tensor(new long[,] { { 2, 0 }, { 1, 2 } });
        Check(t => t.Gather(1, Torch.Tensor(new long[,] { { 2, 2, 0 }, { 1, 1, 1 } })), Leaf(2, 3));
        Check(t => t[0].Scatter(1, idx, t[1][.., ..2]), Leaf(2, 2, 3));
        Check(t => t[0].Scatter(1, idx, t[1]), Leaf(2, 2, 3));
        Check(t => t.Scatter(1, idx, 0.5), Leaf(2, 3));
        Check(t => t[0].ScatterAdd(0, Torch.Tensor(new long[,] { { 1, 0, 1 }, { 1, 1, 1 } }), t[1][..2]), Leaf(2, 3, 3));
        Check(t => { var y = t[0] * 1.0; y.ScatterAdd_(1, idx, t[1][.., ..2]); return y; }, Leaf(2, 2, 3));
    }

    [Fact]
    public void MaskedFill()
    {
        var mask = Torch.Tensor(new[] { true, false, true });
        Check(t => t.MaskedFill(mask, 2.0), Leaf(2, 1, 3));
        Check(t => t[0].MaskedFill(mask, t[1][0, 1]), Leaf(2, 2, 3));
        Check(t => t[0].MaskedFill(Torch.Tensor(new[,] { { true }, { false } }), t[1][0, 0]), Leaf(2, 1, 3));
    }

    [Fact]
    public void JoinAndSplit()
    {
        Check(t => Torch.Cat([t[0], t[1][..1], t[0] * t[0]], 0), Leaf(2, 1, 3));
        Check(t => Torch.Cat([t[0], t[1]], -1), Leaf(2, 1, 3));
        Check(t => Torch.Stack([t[0], t[1] * 2.0], 1), Leaf(2, 1, 3));
        Check(t => t.Split(2, 1)[1] * t.Split([1, 3], 1)[0], Leaf(2, 4));
        Check(t => t.Chunk(3, 0)[2] - t.Chunk(3, 0)[0][..1], Leaf(5, 1));
        Check(t => t.Unbind(1)[0] * t.Unbind(1)[2], Leaf(1, 3));
    }

    [Fact]
    public void SecondOrderThroughIndexing()
    {
        var x = Leaf(2, 3);
        var idx = Torch.Tensor(new long[,] { { 2, 2 }, { 0, 1 } });
        Check(t =>
        {
            using var grad = Torch.EnableGrad();
            var y = (t.Gather(1, idx).Pow(3.0).Sum() + t[Longs(1, 1), Longs(0, 2)].Pow(2.0).Sum() + Torch.Cat([t, t[..1]], 0).Pow(3.0).Sum());
            return Gradus.Autograd.Grad(y, [t], createGraph: true)[0]!;
        }, x);
    }
}
