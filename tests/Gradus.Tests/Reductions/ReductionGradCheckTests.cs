namespace Gradus.Tests.Reductions;

/// <summary>Float64 finite-difference checks of every differentiable reduction, first and (where it matters) second order.</summary>
public class ReductionGradCheckTests
{
    /// <summary>A float64 leaf of distinct values (no ties, no zeros) so every reduction is differentiable there.</summary>
    private static Tensor Input(int seed, params int[] shape)
    {
        var rng = new System.Random(seed);
        var data = new double[Shapes.Numel(shape)];
        for (int i = 0; i < data.Length; i++) data[i] = (rng.NextDouble() * 2 - 1) * 1.5 + (rng.Next(2) == 0 ? 0.25 : -0.25);
        return Torch.FromArray(data).Reshape(shape).RequiresGrad_();
    }

    private static void Check(Func<Tensor, Tensor> f, Tensor x) => Assert.True(Gradus.Autograd.GradCheck(xs => f(xs[0]), [x]));

    /// <summary>Checks the gradient of <paramref name="f"/> itself, built with create_graph: second derivatives.</summary>
    private static void CheckSecondOrder(Func<Tensor, Tensor> f, Tensor x) => Assert.True(Gradus.Autograd.GradCheck(xs =>
    {
        using (Torch.EnableGrad())
            return Gradus.Autograd.Grad(f(xs[0]).Sum(), [xs[0]], createGraph: true)[0]!;
    }, [x]));

    [Fact]
    public void Prod()
    {
        Check(x => x.Prod(), Input(1, 2, 3));
        Check(x => x.Prod(1), Input(2, 2, 3));
        Check(x => x.Prod(0, keepDim: true), Input(3, 3, 2));
        Check(x => x.Prod(-1), Input(4, 2, 3, 2));
        Check(x => x.T.Prod(1), Input(5, 3, 4));
    }

    [Fact]
    public void ProdAtZeros()
    {
        var oneZeroPerRow = Torch.FromArray(new double[,] { { 1.5, 0, -2 }, { 0, 0, 3 }, { 0.5, 1.25, -1 } }).RequiresGrad_();
        Check(x => x.Prod(1), oneZeroPerRow);
        Check(x => x.Prod(0, keepDim: true), oneZeroPerRow);
        Check(x => x.Prod(), Torch.FromArray(new double[] { 2, 0, 3, -1.5 }).RequiresGrad_());
        Check(x => x.Prod(), oneZeroPerRow);
    }

    [Fact]
    public void ProdSecondOrderAtZeros()
    {
        CheckSecondOrder(x => x.Prod(), Torch.FromArray(new double[] { 2, 0, 3, -1.5 }).RequiresGrad_());
        CheckSecondOrder(x => x.Prod(1), Torch.FromArray(new double[,] { { 1.5, 0, -2 }, { 0, 0, 3 }, { 0.5, 1.25, -1 } }).RequiresGrad_());
        CheckSecondOrder(x => x.Prod(0), Input(6, 3, 2));
    }

    [Fact]
    public void ProdSecondDerivativeMatchesTorchAtAZero()
    {
        // torch: y = [2, 0, 3]; g = grad(y.prod(), y, create_graph) = [0, 6, 0]; grad(g.sum(), y) = [3, 5, 2]
        var y = Torch.FromArray(new double[] { 2, 0, 3 }).RequiresGrad_();
        var g = Gradus.Autograd.Grad(y.Prod(), [y], createGraph: true)[0]!;
        Assert.Equal(new double[] { 0, 6, 0 }, g.ToArray<double>());
        Assert.Equal(new double[] { 3, 5, 2 }, Gradus.Autograd.Grad(g.Sum(), [y])[0]!.ToArray<double>());
    }

    [Fact]
    public void MaxAndMin()
    {
        Check(x => x.Max(), Input(10, 3, 4));
        Check(x => x.Min(), Input(11, 3, 4));
        Check(x => x.Max(1).Values, Input(12, 3, 4));
        Check(x => x.Min(0, keepDim: true).Values, Input(13, 3, 4));
        Check(x => x.Max(-1).Values, Input(14, 2, 3, 4));
        Check(x => x.Amax([0, 2]), Input(15, 2, 3, 4));
        Check(x => x.Amin(1, keepDim: true), Input(16, 2, 3, 4));
        Check(x => x.Amax(), Input(17, 5));
        Check(x => x.Permute(2, 0, 1).Amin([1]), Input(18, 2, 3, 4));
    }

    [Fact]
    public void VarAndStd()
    {
        Check(x => x.Var(), Input(20, 3, 4));
        Check(x => x.Var(1), Input(21, 3, 4));
        Check(x => x.Var(0, unbiased: false, keepDim: true), Input(22, 3, 4));
        Check(x => x.Var([0, 2], correction: 2), Input(23, 2, 3, 4));
        Check(x => x.Std(), Input(24, 3, 4));
        Check(x => x.Std(1, keepDim: true), Input(25, 3, 4));
        Check(x => x.Std([1, 2], unbiased: false), Input(26, 2, 3, 4));
        Check(x => x.T.Std(0, correction: 0), Input(27, 3, 4));
    }

    [Fact]
    public void VarAndStdSecondOrder()
    {
        CheckSecondOrder(x => x.Var(1), Input(28, 3, 4));
        CheckSecondOrder(x => x.Std(0), Input(29, 3, 4));
    }

    [Fact]
    public void LogSumExp()
    {
        Check(x => x.LogSumExp(1), Input(30, 3, 4));
        Check(x => x.LogSumExp(0, keepDim: true), Input(31, 3, 4));
        Check(x => x.LogSumExp([0, 2]), Input(32, 2, 3, 4));
        Check(x => (x * 300.0).LogSumExp(1), Input(33, 3, 4));
        CheckSecondOrder(x => x.LogSumExp(1), Input(34, 3, 4));
    }

    [Fact]
    public void CumSum()
    {
        Check(x => x.CumSum(0), Input(40, 5));
        Check(x => x.CumSum(1), Input(41, 3, 4));
        Check(x => x.CumSum(0), Input(42, 3, 4));
        Check(x => x.CumSum(-2), Input(43, 2, 3, 4));
        Check(x => x.T.CumSum(1), Input(44, 3, 4));
        CheckSecondOrder(x => x.CumSum(1) * x, Input(45, 3, 4));
    }

    [Fact]
    public void SumWithDType()
    {
        Check(t => t.Sum(1, false, DType.Float64) * t.Sum(0, true, DType.Float64).Sum(), Input(50, 3, 4));
        var f = Torch.Ones(2, 3).RequiresGrad_();
        var s = f.Sum(1, false, DType.Float64);
        Assert.Equal(DType.Float64, s.DType);
        s.Backward(Torch.FromArray(new double[] { 2, 3 }));
        Assert.Equal(DType.Float32, f.Grad!.DType);
        Assert.Equal(new float[] { 2, 2, 2, 3, 3, 3 }, f.Grad.ToArray<float>());
        Assert.Equal(DType.Float64, Torch.Ones(2, 3).Sum(DType.Float64).DType);
        Assert.Equal(DType.Int64, Torch.Ones(2, 3).Sum([0, 1], true, DType.Int64).DType);
    }
}
