namespace Gradus.Tests.LinearAlgebra;

/// <summary>Float64 finite-difference checks of every linear-algebra backward rule, transposed and broadcast layouts included.</summary>
public class GradCheckTests
{
    private static readonly System.Random Rng = new(7);

    /// <summary>A float64 leaf with values in [-1.5, -0.5] ∪ [0.5, 1.5] (away from kinks at 0), requiring grad.</summary>
    private static Tensor R(params int[] shape)
    {
        var data = new double[Shapes.Numel(shape)];
        for (int i = 0; i < data.Length; i++) data[i] = (Rng.NextDouble() + 0.5) * (Rng.Next(2) == 0 ? -1 : 1);
        return Torch.FromArray(data).Reshape(shape).Detach().RequiresGrad_();
    }

    /// <summary>A well-conditioned float64 square matrix (batch): random + n·I.</summary>
    private static Tensor Square(params int[] shape)
    {
        int n = shape[^1];
        var t = R(shape).Detach() + Torch.Eye(n, dtype: DType.Float64) * n;
        return t.Detach().RequiresGrad_();
    }

    private static void Check(Func<Tensor[], Tensor> f, params Tensor[] inputs) => Assert.True(Gradus.Autograd.GradCheck(f, inputs));

    [Fact]
    public void VectorProducts()
    {
        Check(x => Torch.Dot(x[0], x[1]), R(4), R(4));
        Check(x => Torch.Mv(x[0], x[1]), R(3, 4), R(4));
        Check(x => Torch.Mv(x[0].T, x[1]), R(4, 3), R(4));
        Check(x => Torch.Outer(x[0], x[1]), R(3), R(2));
    }

    [Fact]
    public void MatrixProducts()
    {
        Check(x => Torch.Mm(x[0], x[1]), R(2, 3), R(3, 4));
        Check(x => Torch.Mm(x[0].T, x[1].T), R(3, 2), R(4, 3));
        Check(x => Torch.Bmm(x[0], x[1].Transpose(1, 2)), R(2, 2, 3), R(2, 4, 3));
        Check(x => Torch.Addmm(x[0], x[1], x[2].T, beta: 0.5, alpha: 2), R(4), R(2, 3), R(4, 3));
        Check(x => x[0].Addmm(x[1], x[2]), R(2, 1), R(2, 3), R(3, 4));
    }

    [Theory]
    [InlineData(new[] { 3 }, new[] { 3, 2 })]
    [InlineData(new[] { 4, 2, 3 }, new[] { 3 })]
    [InlineData(new[] { 4, 2, 3 }, new[] { 3, 2 })]
    [InlineData(new[] { 2, 3 }, new[] { 4, 3, 2 })]
    [InlineData(new[] { 3 }, new[] { 2, 3, 2 })]
    [InlineData(new[] { 1, 2, 3 }, new[] { 4, 3, 2 })]
    [InlineData(new[] { 2, 1, 2, 3 }, new[] { 3, 3, 2 })]
    public void MatmulBroadcasting(int[] a, int[] b) => Check(x => Torch.Matmul(x[0], x[1]), R(a), R(b));

    [Fact]
    public void MatmulTransposedBatchUsesBmm()
    {
        Check(x => Torch.Matmul(x[0].Transpose(1, 2), x[1]), R(3, 4, 2), R(4, 2));
        Check(x => Torch.Matmul(x[0], x[1].Transpose(1, 2)), R(2, 4), R(3, 2, 4));
    }

    [Theory]
    [InlineData(2.0)]
    [InlineData(1.0)]
    [InlineData(3.0)]
    [InlineData(1.5)]
    [InlineData(0.5)]
    [InlineData(-1.0)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void VectorNorms(double ord)
    {
        Check(x => Linalg.VectorNorm(x[0], ord), R(2, 3));
        Check(x => Linalg.VectorNorm(x[0], ord, [1], keepDim: true), R(2, 3));
        Check(x => Linalg.VectorNorm(x[0].T, ord, [0, 2]), R(2, 3, 2));
        Check(x => x[0].Norm(ord, 0), R(3, 2));
    }

    [Fact]
    public void NormWithZeroRowHasZeroGradientThere()
    {
        var x = Torch.Tensor(new double[,] { { 0, 0 }, { 3, 4 } }, DType.Float64, requiresGrad: true);
        Linalg.VectorNorm(x, 2, [1]).Sum().Backward();
        Assert.Equal(new[] { 0, 0, 0.6, 0.8 }, x.Grad!.ToArray<double>());
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(-1.0)]
    [InlineData(2.0)]
    [InlineData(-2.0)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void MatrixNorms(double ord)
    {
        Check(x => Linalg.MatrixNorm(x[0], ord), R(3, 4));
        Check(x => Linalg.MatrixNorm(x[0], ord, [0, 2], keepDim: true), R(3, 2, 4));
    }

    [Fact]
    public void FrobeniusAndNuclearNorms()
    {
        Check(x => Linalg.MatrixNorm(x[0]), R(3, 4));
        Check(x => Linalg.MatrixNorm(x[0], "nuc"), R(3, 4));
        Check(x => Linalg.Norm(x[0], "nuc", [0, 2]), R(3, 2, 4));
        Check(x => Torch.FrobeniusNorm(x[0], [0, 1]), R(2, 3));
        Check(x => Torch.Norm(x[0], "fro"), R(2, 3));
        Check(x => Linalg.Svdvals(x[0]), R(2, 2, 3));
    }

    [Fact]
    public void Solve()
    {
        Check(x => Linalg.Solve(x[0], x[1]), Square(3, 3), R(3, 2));
        Check(x => Linalg.Solve(x[0], x[1]), Square(3, 3), R(3));
        Check(x => Linalg.Solve(x[0].MT, x[1]), Square(2, 3, 3), R(4, 1, 3, 2));
        Check(x => Linalg.Solve(x[0], x[1]), Square(2, 3, 3), R(3));
    }

    [Fact]
    public void InverseAndDeterminant()
    {
        Check(x => Linalg.Inv(x[0]), Square(3, 3));
        Check(x => Linalg.Inv(x[0]), Square(2, 2, 2));
        Check(x => Linalg.Det(x[0]), R(3, 3));
        Check(x => Linalg.Det(x[0]), R(2, 3, 3));
        Check(x => x[0].Inverse().Det(), Square(3, 3));
    }

    [Fact]
    public void DeterminantOfSingularMatrixHasCofactorGradient()
    {
        var a = Torch.Tensor(new double[,] { { 1, 2, 3 }, { 2, 4, 6 }, { 1, 0, 1 } }, DType.Float64, requiresGrad: true);
        Check(x => Linalg.Det(x[0]), a);
        Linalg.Det(a).Backward();
        Assert.Equal(new double[] { 4, 4, -4, -2, -2, 2, 0, 0, 0 }, a.Grad!.ToArray<double>());
    }

    [Fact]
    public void LeastSquares()
    {
        Check(x => Linalg.Lstsq(x[0], x[1]), R(5, 3), R(5, 2));
        Check(x => Linalg.Lstsq(x[0], x[1]), R(5, 2), R(5));
        Check(x => Linalg.Lstsq(x[0], x[1]), R(2, 4), R(2, 3));
        Check(x => Linalg.Lstsq(x[0], x[1]), R(1, 4, 2), R(3, 4, 2));
    }

    [Fact]
    public void SecondOrderGradientsFlowThroughProductsAndSolve()
    {
        // GradCheck evaluates the function under no_grad for its finite differences: re-enable recording inside.
        Check(x =>
        {
            using var _ = Torch.EnableGrad();
            var y = Torch.Mm(x[0], x[1]).Pow(2).Sum();
            return Gradus.Autograd.Grad(y, [x[0]], createGraph: true)[0]!;
        }, R(2, 3), R(3, 2));
        Check(x =>
        {
            using var _ = Torch.EnableGrad();
            var y = Linalg.Solve(x[0], x[1]).Pow(2).Sum();
            return Gradus.Autograd.Grad(y, [x[1]], createGraph: true)[0]!;
        }, Square(3, 3), R(3));
        Check(x =>
        {
            using var _ = Torch.EnableGrad();
            var y = Linalg.VectorNorm(x[0], 3);
            return Gradus.Autograd.Grad(y, [x[0]], createGraph: true)[0]!;
        }, R(4));
    }
}
