using System.Text.Json;
using Gradus.Tests.Reductions;

namespace Gradus.Tests.Core;

/// <summary>torch.square, hstack/vstack, as_tensor, pow(scalar, tensor) and torch.cuda against torch 1.13 (tools/gen_aliases_fixtures.py).</summary>
public class AliasesTests
{
    private static readonly JsonElement Doc = Fixtures.Load("aliases", "aliases.json");

    private static JsonElement Case(string group, string name) =>
        Doc.GetProperty(group).EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);

    [Theory]
    [InlineData("float32")]
    [InlineData("float64")]
    [InlineData("int64")]
    [InlineData("bool")]
    public void SquareMatchesTorch(string name)
    {
        var c = Case("square", name);
        var x = Fixtures.Tensor(c.GetProperty("input"));
        Fixtures.AssertTensor(c.GetProperty("output"), Torch.Square(x), name);
        Fixtures.AssertTensor(c.GetProperty("output"), x.Square(), name + " method");
    }

    [Fact]
    public void SquareBackwardIsPowBackward0()
    {
        var c = Case("square", "float32");
        var x = Fixtures.Tensor(c.GetProperty("input")).RequiresGrad_();
        var y = Torch.Square(x);
        Assert.Equal(c.GetProperty("grad_fn").GetString(), y.GradFn!.Name);
        y.Sum().Backward();
        Fixtures.AssertTensor(c.GetProperty("grad"), x.Grad!, "grad");
    }

    [Theory]
    [InlineData("hstack_1d")]
    [InlineData("hstack_2d_course")]
    [InlineData("hstack_0d_promote")]
    [InlineData("vstack_1d")]
    [InlineData("vstack_2d_1d")]
    public void StackingMatchesTorch(string name)
    {
        var c = Case("stack", name);
        var inputs = c.GetProperty("inputs").EnumerateArray().Select(Fixtures.Tensor).ToArray();
        var r = c.GetProperty("op").GetString() == "hstack" ? Torch.Hstack(inputs) : Torch.Vstack(inputs);
        Fixtures.AssertTensor(c.GetProperty("output"), r, name);
    }

    [Fact]
    public void StackingRejectsEmptyList()
    {
        var e = Assert.Throws<ArgumentException>(() => Torch.Hstack([]));
        Assert.Contains("hstack", e.Message);
    }

    [Fact]
    public void PowScalarBaseOfIntegersIsFloat32()
    {
        var c = Case("pow_scalar_base", "ten_pow_int");
        var r = Torch.Pow(c.GetProperty("base").GetDouble(), Fixtures.Tensor(c.GetProperty("exponent")));
        Fixtures.AssertTensor(c.GetProperty("output"), r, "10 ** arange");
    }

    [Fact]
    public void PowScalarBaseBackward()
    {
        var c = Case("pow_scalar_base", "two_pow_float_grad");
        var e = Fixtures.Tensor(c.GetProperty("exponent")).RequiresGrad_();
        var y = Torch.Pow(c.GetProperty("base").GetDouble(), e);
        Assert.Equal(c.GetProperty("grad_fn").GetString(), y.GradFn!.Name);
        Fixtures.AssertTensor(c.GetProperty("output"), y, "2 ** e");
        y.Sum().Backward();
        Fixtures.AssertTensor(c.GetProperty("grad"), e.Grad!, "grad");
    }

    [Fact]
    public void AsTensorKeepsArrayDTypeOrConverts()
    {
        var t = Torch.AsTensor(new[] { 1.5, -2.0 });
        Assert.Equal(DType.Float64, t.DType);
        Assert.Equal([1.5, -2.0], t.ToArray<double>());
        var f = Torch.AsTensor(new double[,] { { 1.5 }, { 2.25 } }, DType.Float32);
        Assert.Equal(DType.Float32, f.DType);
        Assert.Equal([2, 1], f.Shape);
        Assert.Equal([1.5f, 2.25f], f.ToArray<float>());
    }

    [Fact]
    public void AsTensorOfTensorSharesWhenDTypeMatches()
    {
        var t = Torch.Arange(3.0, DType.Float64);
        Assert.Same(t, Torch.AsTensor(t));
        Assert.Same(t, Torch.AsTensor(t, DType.Float64));
        var f = Torch.AsTensor(t, DType.Float32);
        Assert.NotSame(t, f);
        Assert.Equal([0f, 1f, 2f], f.ToArray<float>());
    }

    [Fact]
    public void CudaIsNeverAvailable()
    {
        Assert.False(Torch.Cuda.IsAvailable());
        Assert.Equal(0, Torch.Cuda.DeviceCount());
        var device = Torch.Cuda.IsAvailable() ? new Device("cuda") : Device.CPU;
        var x = Torch.Ones(2).To(device);
        Assert.Equal(Device.CPU, x.Device);
    }
}
