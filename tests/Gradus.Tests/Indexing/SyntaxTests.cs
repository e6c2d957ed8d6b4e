namespace Gradus.Tests.Indexing;

/// <summary>
/// The C# spellings resolve to the intended subscript: each is compared with the equivalent
/// <see cref="TensorIndex"/> form (checked against PyTorch in the fixture tests) and with the course's printed values.
/// </summary>
public class SyntaxTests
{
    private static Tensor X() => Torch.Arange(12.0).Reshape(3, 4);

    private static void Same(Tensor expected, Tensor actual)
    {
        Assert.Equal(expected.Shape, actual.Shape);
        Assert.Equal(expected.DType, actual.DType);
        Assert.Equal(expected.ToArray<double>(), actual.ToArray<double>());
    }

    [Fact]
    public void CourseIndexingAndSlicing()
    {
        var x = X();
        Assert.Equal(new float[] { 8, 9, 10, 11 }, x[^1].ToArray<float>());
        Assert.Equal(new float[] { 4, 5, 6, 7, 8, 9, 10, 11 }, x[1..3].ToArray<float>());
        Assert.Equal(new[] { 2, 4 }, x[1..3].Shape);
        x[1, 2] = 17;
        Assert.Equal(new float[] { 0, 1, 2, 3, 4, 5, 17, 7, 8, 9, 10, 11 }, x.ToArray<float>());
        x[..2, ..] = 12;
        Assert.Equal(new float[] { 12, 12, 12, 12, 12, 12, 12, 12, 8, 9, 10, 11 }, x.ToArray<float>());
    }

    [Fact]
    public void CSharpIndicesMatchSliceForms()
    {
        var x = X();
        Same(x[-1], x[^1]);
        Same(x[TensorIndex.Slice(1, 3)], x[1..3]);
        Same(x[TensorIndex.Slice(), 0], x[.., 0]);
        Same(x[TensorIndex.Slice(null, -1), TensorIndex.Slice(-2)], x[..^1, ^2..]);
        Same(x[TensorIndex.Ellipsis, 1], x[TensorIndex.Slice(), 1]);
        Same(x[TensorIndex.Slice(null, null, 2), TensorIndex.Slice(1, null, 2)], x[TensorIndex.Slice(step: 2), TensorIndex.Slice(1, step: 2)]);
        Assert.Equal(new[] { 1, 3, 1, 4 }, x[TensorIndex.None, .., TensorIndex.None].Shape);
        Assert.Equal(1.0, x[1, 0].Item() - x[0, ^4].Item() - 3);
    }

    [Fact]
    public void BasicIndicesAreViewsAdvancedAreCopies()
    {
        var x = X();
        var row = x[1];
        Assert.Same(x.storage, row.storage);
        row.Fill_(-1);
        Assert.Equal(new float[] { -1, -1, -1, -1 }, x[1].ToArray<float>());
        var picked = x[Torch.Tensor(new long[] { 0, 0 })];
        Assert.NotSame(x.storage, picked.storage);
        picked.Fill_(5);
        Assert.Equal(0f, x[0, 0].Item<float>());
    }

    [Fact]
    public void MasksReadAndWrite()
    {
        var x = Torch.Tensor(new float[,] { { -1, 2 }, { 3, -4 } });
        Assert.Equal(new float[] { 2, 3 }, x[x > 0].ToArray<float>());
        var mask = x < 0;
        x[mask] = 0;
        Assert.Equal(new float[] { 0, 2, 3, 0 }, x.ToArray<float>());
        var flags = Torch.Zeros([3], DType.Bool);
        flags[1] = true;
        Assert.Equal(new[] { false, true, false }, flags.ToArray<bool>());
    }

    [Fact]
    public void TwoIndexTensorsPickOnePerRow()
    {
        var yHat = Torch.Tensor(new double[,] { { 0.1, 0.7, 0.2 }, { 0.5, 0.25, 0.25 } }, DType.Float64, requiresGrad: true);
        var y = Torch.Tensor(new long[] { 1, 0 });
        var picked = yHat[Torch.Arange(2), y];
        Assert.Equal(new[] { 0.7, 0.5 }, picked.ToArray<double>());
        (-picked.Log()).Mean().Backward();
        var want = new[] { 0, -0.5 / 0.7, 0, -0.5 / 0.5, 0, 0 };
        var got = yHat.Grad!.ToArray<double>();
        for (int i = 0; i < want.Length; i++) Assert.Equal(want[i], got[i], 12);
    }

    [Fact]
    public void AssignmentConvertsNumbersToTheDestinationDType()
    {
        var l = Torch.Zeros([3], DType.Int64);
        l[0] = 123456789012;
        l[1] = 3.7;
        l[Torch.Tensor(new long[] { 2 })] = -2;
        Assert.Equal(new long[] { 123456789012, 3, -2 }, l.ToArray<long>());
        var d = Torch.Zeros([2], DType.Float64);
        d[1] = 0.1;
        Assert.Equal(0.1, d[1].Item());
    }

    [Fact]
    public void AssignmentBroadcastsTensorsAndHandlesOverlap()
    {
        var x = X();
        x[.., 1..3] = Torch.Tensor(new float[] { -1, -2 });
        Assert.Equal(new float[] { 0, -1, -2, 3, 4, -1, -2, 7, 8, -1, -2, 11 }, x.ToArray<float>());
        var v = Torch.Arange(5.0);
        v[1..] = v[..^1];
        Assert.Equal(new float[] { 0, 0, 1, 2, 3 }, v.ToArray<float>());
    }

    [Fact]
    public void CompoundAssignmentWritesBackLikePython()
    {
        var x = Torch.Zeros(4);
        x[1..3] += 1;
        x[Torch.Tensor(new long[] { 0, 0, 3 })] += 5;
        Assert.Equal(new float[] { 5, 1, 1, 5 }, x.ToArray<float>());
    }

    [Fact]
    public void AccumulatingPutAddsDuplicates()
    {
        var x = Torch.Zeros(3);
        x.IndexPut_([Torch.Tensor(new long[] { 0, 2, 0, 0 })], Torch.Tensor(new float[] { 1, 2, 3, 4 }), accumulate: true);
        Assert.Equal(new float[] { 8, 0, 2 }, x.ToArray<float>());
    }
}
