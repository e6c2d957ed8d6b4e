using System.Text.Json;
using Gradus.NN;

namespace Gradus.Tests.NN;

/// <summary>
/// F.Softmax / F.LogSoftmax / nn.Softmax() / nn.LogSoftmax() without a dim against tools/gen_implicit_fixtures.py:
/// PyTorch's deprecated implicit dim on 0-D to 4-D inputs, its UserWarning text and the <c>dim=None</c> printouts.
/// </summary>
public class SoftmaxImplicitDimTests
{
    private static readonly JsonElement Root = Fixture.Load("acts", "softmax_implicit.json");

    public static TheoryData<int> Cases()
    {
        var data = new TheoryData<int>();
        for (int i = 0; i < Root.GetProperty("cases").GetArrayLength(); i++) data.Add(i);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ImplicitDimMatchesPyTorch(int index)
    {
        var c = Root.GetProperty("cases")[index];
        bool log = c.GetProperty("op").GetString() == "log_softmax";
        var x = NNFixtures.Tensor(c.GetProperty("input"));
        string label = $"#{index} {c.GetProperty("op")} {x.Dim}-D";
        var functional = log ? F.LogSoftmax(x) : F.Softmax(x);
        NNFixtures.AssertClose(c.GetProperty("output"), functional, label, 1e-12, 1e-12);
        Module module = log ? new LogSoftmax() : new Softmax();
        NNFixtures.AssertClose(c.GetProperty("output"), module.Call(x), label + " module", 1e-12, 1e-12);
        int dim = c.GetProperty("dim").GetInt32();
        var explicitDim = log ? F.LogSoftmax(x, dim) : F.Softmax(x, dim);
        Assert.Equal(explicitDim.ToArray<double>(), functional.ToArray<double>());
        Assert.True(Warnings.WasShown(c.GetProperty("warning").GetString()!), label + ": warning not shown");
    }

    [Fact]
    public void WarningTextNamesTheOp()
    {
        F.Softmax(Torch.Ones(2));
        F.LogSoftmax(Torch.Ones(2));
        var texts = Root.GetProperty("cases").EnumerateArray().Select(c => c.GetProperty("warning").GetString()!).Distinct().ToArray();
        Assert.Equal(2, texts.Length);
        Assert.All(texts, t => Assert.True(Warnings.WasShown(t), t));
        Assert.Contains("Implicit dimension choice for log_softmax has been deprecated. Change the call to include dim=X as an argument.", texts);
    }

    [Fact]
    public void ModulesPrintDimNoneAsPyTorch()
    {
        var reprs = Root.GetProperty("reprs");
        Assert.Equal(reprs.GetProperty("Softmax()").GetString(), new Softmax().ToString());
        Assert.Equal(reprs.GetProperty("LogSoftmax()").GetString(), new LogSoftmax().ToString());
        Assert.Equal(reprs.GetProperty("Softmax(dim=None)").GetString(), new Softmax(dim: null).ToString());
        Assert.Null(new Softmax().Dimension);
        Assert.Equal("Softmax(dim=-1)", new Softmax(-1).ToString());
    }

    [Fact]
    public void ImplicitDimKeepsGradientsAndDType()
    {
        var x = Torch.Randn(2, 3, 4).RequiresGrad_();
        var y = F.Softmax(x, dtype: DType.Float64);
        Assert.Equal(DType.Float64, y.DType);
        Assert.Equal(F.Softmax(x.Detach().Double(), 0).ToArray<double>(), y.Detach().ToArray<double>());
        Assert.Equal("SoftmaxBackward0", y.GradFn!.Name);
    }
}
