using static Gradus.Tests.LinearAlgebra.LinalgFixtures;

namespace Gradus.Tests.LinearAlgebra;

/// <summary>The course's linear-algebra examples: the analytic linear regression w* = (XᵀX)⁻¹Xᵀy and the norm slides.</summary>
public class RegressionTests
{
    /// <summary>X with a column of ones appended (the bias), and y, from regression.json.</summary>
    private static (Tensor Xb, Tensor Y, System.Text.Json.JsonElement Root) Data()
    {
        var root = Load("regression.json");
        int n = root.GetProperty("n").GetInt32();
        var x = Numbers(root.GetProperty("X"));
        var xb = new float[n, 3];
        for (int i = 0; i < n; i++)
        {
            xb[i, 0] = (float)x[2 * i];
            xb[i, 1] = (float)x[2 * i + 1];
            xb[i, 2] = 1;
        }
        var y = Numbers(root.GetProperty("y")).Select(v => (float)v).ToArray();
        return (Torch.Tensor(xb), Torch.Tensor(y), root);
    }

    [Fact]
    public void NormalEquationsWithInverseMatchTorchAndNumPy()
    {
        var (xb, y, root) = Data();
        var w = Linalg.Inv(xb.T.Matmul(xb)).Matmul(xb.T).Matmul(y);
        Assert.Equal([3], w.Shape);
        AssertClose(Numbers(root.GetProperty("w_inv")), w.Double().ToArray<double>(), DType.Float32, "w_inv");
        var numpy = Numbers(root.GetProperty("w_numpy_f64"));
        var w64 = Linalg.Inv(xb.Double().T.Matmul(xb.Double())).Matmul(xb.Double().T).Matmul(y.Double()).ToArray<double>();
        AssertClose(numpy, w64, DType.Float64, "w_numpy_f64");
        Assert.Equal(2.0, w64[0], 0.01);
        Assert.Equal(-3.4, w64[1], 0.01);
        Assert.Equal(4.2, w64[2], 0.01);
    }

    [Fact]
    public void SolveAndLstsqGiveTheSameWeights()
    {
        var (xb, y, root) = Data();
        var wSolve = Linalg.Solve(xb.T.Matmul(xb), xb.T.Matmul(y));
        AssertClose(Numbers(root.GetProperty("w_solve")), wSolve.Double().ToArray<double>(), DType.Float32, "w_solve");
        var wLstsq = Linalg.Lstsq(xb, y.Unsqueeze(1)).Squeeze(1);
        AssertClose(Numbers(root.GetProperty("w_lstsq")), wLstsq.Double().ToArray<double>(), DType.Float32, "w_lstsq");
    }

    [Fact]
    public void CourseNormSlides()
    {
        var u = Torch.Tensor(new[] { 3.0, -4.0 });
        Assert.Equal(5.0, Torch.Norm(u).Item());
        Assert.Equal(5.0, u.Norm(p: 2).Item());
        Assert.Equal(7.0, Torch.Norm(u, 1).Item());
        Assert.Equal(7.0, Torch.Abs(u).Sum().Item());
        Assert.Equal(4.0, Linalg.VectorNorm(u, double.PositiveInfinity).Item());
        Assert.Equal(DType.Float32, Torch.Norm(u).DType);
    }

    [Fact]
    public void CourseModelForwardIsMatmulPlusBias()
    {
        var x = Torch.Tensor(new float[,] { { 1, 2 }, { 3, 4 }, { 5, 6 } });
        var w = Torch.Tensor(new float[] { 2, -3.4f }, requiresGrad: true);
        var b = Torch.Tensor(new float[] { 4.2f }, requiresGrad: true);
        var yHat = Torch.Matmul(x, w) + b;
        Assert.All(yHat.ToArray<float>().Zip([-0.6f, -3.4f, -6.2f]), p => Assert.Equal(p.Second, p.First, 5));
        yHat.Sum().Backward();
        Assert.Equal(new float[] { 9, 12 }, w.Grad!.ToArray<float>());
        Assert.Equal(new float[] { 3 }, b.Grad!.ToArray<float>());
    }
}
