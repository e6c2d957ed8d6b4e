using System.Text.Json;
using Gradus.NN;

namespace Gradus.Tests.NN;

/// <summary>
/// Unbatched [C, H, W] max pooling against tools/gen_implicit_fixtures.py: outputs, indices, gradients and one
/// MaxPool2DWithIndicesBackward0 node straight on the leaf, as PyTorch (no unsqueeze/squeeze in the graph).
/// </summary>
public class MaxPoolUnbatchedTests
{
    private static readonly JsonElement Root = Fixture.Load("acts", "maxpool_unbatched.json");

    public static TheoryData<int> Cases()
    {
        var data = new TheoryData<int>();
        for (int i = 0; i < Root.GetProperty("cases").GetArrayLength(); i++) data.Add(i);
        return data;
    }

    private static (Tensor Output, Tensor Indices) Pool(JsonElement c, Tensor x) => F.MaxPool2dWithIndices(x,
        PoolCeilModeTests.Pair(c, "kernel"), PoolCeilModeTests.Pair(c, "stride"), PoolCeilModeTests.Pair(c, "padding"),
        ceilMode: c.GetProperty("ceil_mode").GetBoolean());

    [Theory]
    [MemberData(nameof(Cases))]
    public void ValuesIndicesGradientsAndNodeMatchPyTorch(int index)
    {
        var c = Root.GetProperty("cases")[index];
        var x = NNFixtures.Tensor(c.GetProperty("input")).RequiresGrad_();
        var (y, indices) = Pool(c, x);
        Assert.Equal(c.GetProperty("grad_fn").GetString(), y.GradFn!.Name);
        Assert.Equal(c.GetProperty("next").EnumerateArray().Select(e => e.GetString()), y.GradFn.NextFunctions.Select(f => f.Node?.Name ?? (f.Leaf is null ? null : "AccumulateGrad")));
        Assert.Same(x, y.GradFn.NextFunctions[0].Leaf);
        NNFixtures.AssertClose(c.GetProperty("output"), y, $"#{index} output", 0, 0);
        Assert.Equal(NNFixtures.Tensor(c.GetProperty("indices")).ToArray<long>(), indices.ToArray<long>());
        Assert.Equal(y.Shape, indices.Shape);
        (y * NNFixtures.Tensor(c.GetProperty("grad_output"))).Sum().Backward();
        NNFixtures.AssertClose(c.GetProperty("grad_input"), x.Grad!, $"#{index} grad", 1e-12, 1e-12);
    }

    [Fact]
    public void SecondOrderGradientsPassGradCheck()
    {
        var c = Root.GetProperty("cases")[1];
        Assert.True(NNFixtures.GradCheck(t =>
        {
            using (Torch.EnableGrad())
            {
                var y = Pool(c, t[0]).Output;
                return Gradus.Autograd.Grad((y * y).Sum(), [t[0]], createGraph: true)[0]!;
            }
        }, NNFixtures.Tensor(c.GetProperty("input"))));
    }
}
