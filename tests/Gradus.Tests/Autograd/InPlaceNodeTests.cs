namespace Gradus.Tests.Autograd;

/// <summary>
/// The node a non-leaf tensor gets from each in-place op, named as PyTorch 1.13 names it, and the overwriting
/// ops (fill_, zero_, uniform_, normal_, bernoulli_) cutting the gradient to the old values.
/// </summary>
public class InPlaceNodeTests
{
    private static Tensor L(params long[] v) => Torch.Tensor(v);

    public static TheoryData<string> Ops() => new(Fixture.Load("autograd", "behaviour.json").GetProperty("inplace_nodes").EnumerateObject().Select(p => p.Name));

    private static void Apply(string op, Tensor y, Tensor x, Tensor w)
    {
        var idx = Torch.Tensor(new long[,] { { 2, 0 }, { 1, 2 } });
        switch (op)
        {
            case "add_": y.Add_(w); break;
            case "sub_": y.Sub_(w, alpha: 2); break;
            case "mul_": y.Mul_(w); break;
            case "div_": y.Div_(w); break;
            case "clamp_": y.Clamp_(0, 1); break;
            case "copy_": y.Copy_(w); break;
            case "masked_fill_": y.MaskedFill_(Torch.Tensor(new[] { true, false, true }), 1.0); break;
            case "index_add_": y.IndexAdd_(1, L(0, 2, 0), x * 1.0); break;
            case "scatter_": y.Scatter_(1, idx, x * 1.0); break;
            case "scatter_value_": y.Scatter_(1, idx, 0.5); break;
            case "scatter_add_": y.ScatterAdd_(1, idx, x * 1.0); break;
            case "index_put_": y.IndexPut_([L(0, 1)], w); break;
            case "setitem_basic": y[0, 1..3] = w[..2]; break;
            case "setitem_adv": y[L(1, 0)] = w; break;
            case "setitem_mask": y[y.Detach() > 0] = 2.0; break;
            case "fill_": y.Fill_(2.0); break;
            case "zero_": y.Zero_(); break;
            case "uniform_": y.Uniform_(); break;
            case "normal_": y.Normal_(); break;
            case "bernoulli_": y.Bernoulli_(0.5); break;
            default: throw new ArgumentException($"no Gradus form for in-place op {op}");
        }
    }

    [Theory]
    [MemberData(nameof(Ops))]
    public void NonLeafGetsPyTorchsNode(string op)
    {
        var x = Torch.Ones([2, 3], DType.Float64, requiresGrad: true);
        var w = Torch.Ones([3], DType.Float64, requiresGrad: true);
        var y = x * 2.0;
        Apply(op, y, x, w);
        var expected = Fixture.Load("autograd", "behaviour.json").GetProperty("inplace_nodes").GetProperty(op).GetString();
        Assert.Equal(expected, y.GradFn!.Name);
        Assert.True(y.RequiresGrad);
    }

    [Theory]
    [InlineData("fill_")] [InlineData("zero_")] [InlineData("uniform_")] [InlineData("normal_")] [InlineData("bernoulli_")]
    public void OverwritingOpsPassNoGradientToTheOldValues(string op)
    {
        Torch.ManualSeed(3);
        var x = Torch.FromArray(new[] { 0.5, -1.0, 2.0, 1.5, 0.25, -0.75 }).Reshape(2, 3).RequiresGrad_();
        var y = x * 2.0;
        Apply(op, y, x, x);
        (y * x).Sum().Backward();
        Assert.Equal(y.ToArray<double>(), x.Grad!.ToArray<double>());
    }
}
