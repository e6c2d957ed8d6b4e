namespace Gradus.Tests.Autograd;

public class EngineTests
{
    private static Tensor T(params double[] v) => Torch.Tensor(v, DType.Float64, requiresGrad: true);

    [Fact]
    public void GradientsAccumulateUntilZeroed()
    {
        var x = T(1, 2, 3);
        (x * x).Sum().Backward();
        (x * x).Sum().Backward();
        Assert.Equal(new double[] { 4, 8, 12 }, x.Grad!.ToArray<double>());
        x.Grad.Zero_();
        (x * 3.0).Sum().Backward();
        Assert.Equal(new double[] { 3, 3, 3 }, x.Grad.ToArray<double>());
    }

    [Fact]
    public void NonScalarBackwardNeedsGradient()
    {
        var x = T(1, 2);
        var y = x * 2.0;
        Assert.Equal("grad can be implicitly created only for scalar outputs", Assert.Throws<InvalidOperationException>(() => y.Backward()).Message);
        y.Backward(Torch.Tensor(new double[] { 1, 10 }, DType.Float64));
        Assert.Equal(new double[] { 2, 20 }, x.Grad!.ToArray<double>());
    }

    [Fact]
    public void BackwardOnTensorWithoutGradFails()
    {
        var x = Torch.Ones(2).Sum();
        Assert.Equal("element 0 of tensors does not require grad and does not have a grad_fn",
            Assert.Throws<InvalidOperationException>(() => x.Backward()).Message);
    }

    [Fact]
    public void RetainGraphAllowsSecondBackward()
    {
        var x = T(3);
        var y = x * x;
        y.Backward(retainGraph: true);
        y.Backward();
        Assert.Equal(12.0, x.Grad!.Item());
    }

    [Fact]
    public void InPlaceChangeOfSavedTensorIsDetected()
    {
        var a = T(1, 2);
        var b = a * 1.0;
        var c = b * b;
        using (Torch.NoGrad()) b.Add_(1.0);
        var ex = Assert.Throws<InvalidOperationException>(() => c.Sum().Backward());
        Assert.StartsWith("one of the variables needed for gradient computation has been modified by an inplace operation", ex.Message);
        Assert.Contains("is at version 1; expected version 0 instead", ex.Message);
    }

    [Fact]
    public void RetainGradKeepsNonLeafGradient()
    {
        var x = T(1, 2);
        var y = x * 3.0;
        y.RetainGrad();
        var z = (y * y).Sum();
        z.Backward();
        Assert.Equal(new double[] { 6, 12 }, y.Grad!.ToArray<double>());
        Assert.Equal(new double[] { 18, 36 }, x.Grad!.ToArray<double>());
        Assert.False(y.IsLeaf);
    }

    [Fact]
    public void HooksCanReplaceGradients()
    {
        var x = T(1, 2);
        x.RegisterHook(g => g * 10.0);
        var y = x * 2.0;
        var seen = new List<double>();
        y.RegisterHook(g => { seen.AddRange(g.ToArray<double>()); return null; });
        y.Sum().Backward();
        Assert.Equal(new double[] { 1, 1 }, seen);
        Assert.Equal(new double[] { 20, 20 }, x.Grad!.ToArray<double>());
    }

    [Fact]
    public void SecondOrderGradientsWithCreateGraph()
    {
        var x = T(2);
        var y = x.Pow(3);
        var g = Gradus.Autograd.Grad(y, [x], createGraph: true)[0]!;
        Assert.Equal(12.0, g.Item());
        var g2 = Gradus.Autograd.Grad(g, [x])[0]!;
        Assert.Equal(12.0, g2.Item());
        Assert.Null(x.Grad);
    }

    [Fact]
    public void NoGradStopsRecordingAndEnableGradRestores()
    {
        var x = T(1);
        using (Torch.NoGrad())
        {
            Assert.False((x * 2.0).RequiresGrad);
            using (Torch.EnableGrad()) Assert.True((x * 2.0).RequiresGrad);
            Assert.False(Torch.IsGradEnabled());
        }
        Assert.True(Torch.IsGradEnabled());
    }

    [Fact]
    public void InPlaceOnNonLeafIsRecorded()
    {
        var x = T(1, 2);
        var y = x * 2.0;
        y.Add_(x);
        y.Sum().Backward();
        Assert.Equal(new double[] { 3, 3 }, x.Grad!.ToArray<double>());
    }

    [Fact]
    public void DetachCutsTheGraphButSharesData()
    {
        var x = T(1, 2);
        var d = (x * 2.0).Detach();
        Assert.False(d.RequiresGrad);
        Assert.True(d.IsLeaf);
    }

    [Fact]
    public void NodeNamesFollowPyTorch()
    {
        var x = Torch.Arange(6.0).RequiresGrad_();
        Assert.Equal("ReshapeAliasBackward0", x.Reshape(2, 3).GradFn!.Name);
        Assert.Equal("UnsafeViewBackward0", x.Reshape(2, 3).T.Reshape(6).GradFn!.Name);
        Assert.Equal("RsubBackward1", (1 - x).GradFn!.Name);
        Assert.Equal("PowBackward0", x.Pow(2).GradFn!.Name);
        Assert.Equal("MeanBackward0", x.Mean().GradFn!.Name);
        Assert.Equal("SumBackward1", x.Sum(0).GradFn!.Name);
        Assert.Equal("ToCopyBackward0", x.Double().GradFn!.Name);
        Assert.Equal("ClampBackward1", x.Clamp(min: 0).GradFn!.Name);
    }

    [Fact]
    public void DotExportLooksLikeTorchviz()
    {
        var b = Torch.Tensor(new double[] { 0.5 }, requiresGrad: true);
        var w = Torch.Tensor(new double[] { -0.1 }, requiresGrad: true);
        var x = Torch.Tensor(new double[] { 1, 2, 3 });
        var yhat = b + w * x;
        var dot = Gradus.Autograd.ToDot(yhat, [new("b", b), new("w", w)]);
        Assert.Contains("[label=AddBackward0 fillcolor=lightgrey]", dot);
        Assert.Contains("[label=MulBackward0 fillcolor=lightgrey]", dot);
        Assert.Contains("[label=\"b\\n (1)\" fillcolor=lightblue]", dot);
        Assert.Contains("[label=\"w\\n (1)\" fillcolor=lightblue]", dot);
        Assert.Contains("fillcolor=darkolivegreen1", dot);
        Assert.Equal(2, dot.Split("label=AccumulateGrad").Length - 1);
    }

    [Fact]
    public void GradCheckReportsTheWorstElement()
    {
        var x = T(0.5, 1.5);
        var ex = Assert.Throws<InvalidOperationException>(() =>
            Gradus.Autograd.GradCheck(a => a[0].Mul(a[0].Detach()), [x]));
        Assert.Contains("Jacobian mismatch", ex.Message);
    }
}

public class ElementwiseGradTests
{
    private static Tensor R(int[] shape, double scale, double shift) =>
        (Torch.Arange(Shapes(shape)).Double().Reshape(shape) * scale + shift).Sin().Detach().RequiresGrad_();

    private static int Shapes(int[] s) => s.Aggregate(1, (a, b) => a * b);

    [Theory]
    [InlineData("add")] [InlineData("sub")] [InlineData("mul")] [InlineData("div")] [InlineData("pow")]
    [InlineData("maximum")] [InlineData("minimum")] [InlineData("where")]
    public void BinaryOpsPassGradCheckWithBroadcasting(string op)
    {
        var a = R([2, 1, 3], 0.7, 0.3);
        var b = R([4, 1], 1.3, 0.1);
        Func<Tensor[], Tensor> f = op switch
        {
            "add" => x => x[0] + x[1],
            "sub" => x => x[0] - x[1],
            "mul" => x => x[0] * x[1],
            "div" => x => x[0] / (x[1] + 2.0),
            "pow" => x => (x[0] + 2.0).Pow(x[1]),
            "maximum" => x => x[0].Maximum(x[1]),
            "minimum" => x => x[0].Minimum(x[1]),
            _ => x => Torch.Where(x[0].Gt(x[1]), x[0] * 2.0, x[1]),
        };
        Assert.True(Gradus.Autograd.GradCheck(f, [a, b]));
    }

    [Theory]
    [InlineData("neg")] [InlineData("exp")] [InlineData("log")] [InlineData("sqrt")] [InlineData("abs")]
    [InlineData("sin")] [InlineData("cos")] [InlineData("tanh")] [InlineData("sigmoid")] [InlineData("relu")]
    [InlineData("clamp")] [InlineData("pows")] [InlineData("sum")] [InlineData("mean")] [InlineData("views")]
    public void UnaryOpsPassGradCheck(string op)
    {
        var a = R([3, 1, 2], 0.9, 0.2);
        Func<Tensor[], Tensor> f = op switch
        {
            "neg" => x => -x[0],
            "exp" => x => x[0].Exp(),
            "log" => x => (x[0] + 1.5).Log(),
            "sqrt" => x => (x[0] + 1.5).Sqrt(),
            "abs" => x => x[0].Abs(),
            "sin" => x => x[0].Sin(),
            "cos" => x => x[0].Cos(),
            "tanh" => x => x[0].Tanh(),
            "sigmoid" => x => x[0].Sigmoid(),
            "relu" => x => x[0].Relu(),
            "clamp" => x => x[0].Clamp(-0.5, 0.5),
            "pows" => x => x[0].Pow(3),
            "sum" => x => x[0].Sum([0, 2], keepDim: true),
            "mean" => x => x[0].Mean(1),
            _ => x => x[0].Permute(2, 0, 1).Reshape(-1, 3).T.Unsqueeze(1).Expand(3, 2, 2).Squeeze(),
        };
        Assert.True(Gradus.Autograd.GradCheck(f, [a]));
    }
}

public class ViewInPlaceTests
{
    [Fact]
    public void InPlaceOnAViewOfALeafIsRejectedBeforeWriting()
    {
        var w = Torch.Tensor(new float[] { 1, 2, 3, 4 }, requiresGrad: true);
        var ex = Assert.Throws<InvalidOperationException>(() => { var v = w[1..3]; v += 1; });
        Assert.Equal("a view of a leaf Variable that requires grad is being used in an in-place operation.", ex.Message);
        Assert.Equal(new float[] { 1, 2, 3, 4 }, w.ToArray<float>());
        using (Torch.NoGrad()) { var v = w[1..3]; v += 1; }
        Assert.Equal(new float[] { 1, 3, 4, 4 }, w.ToArray<float>());
    }
}
