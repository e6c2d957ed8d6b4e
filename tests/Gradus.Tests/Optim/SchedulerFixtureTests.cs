using System.Text.Json;
using Gradus.Optim;
using Gradus.Optim.Schedulers;

namespace Gradus.Tests.Optim;

public class SchedulerFixtureTests
{
    private static readonly JsonElement Root = Fixture.Load("optim", "schedulers.json");

    [Theory]
    [InlineData("StepLR")] [InlineData("MultiStepLR")] [InlineData("ExponentialLR")] [InlineData("CosineAnnealingLR")]
    [InlineData("LinearLR")] [InlineData("LambdaLR")] [InlineData("OneCycleLR")] [InlineData("OneCycleLRAdamLinear")]
    [InlineData("ReduceLROnPlateau")]
    public void LearningRatesAndMomentumMatchPyTorch(string name)
    {
        var expected = Root.GetProperty("schedules").GetProperty(name);
        var p = Torch.Zeros(2).RequiresGrad_();
        bool adam = name == "OneCycleLRAdamLinear";
        Optimizer opt = adam ? new Adam([p], lr: 0.1) : new SGD([p], lr: 0.1, momentum: 0.9);
        ReduceLROnPlateau? plateau = null;
        LRScheduler? s = name switch
        {
            "StepLR" => new StepLR(opt, 7, 0.5),
            "MultiStepLR" => new MultiStepLR(opt, [3, 10, 10, 20], 0.5),
            "ExponentialLR" => new ExponentialLR(opt, 0.9),
            "CosineAnnealingLR" => new CosineAnnealingLR(opt, 10, 0.001),
            "LinearLR" => new LinearLR(opt, 0.25, 1.0, 8),
            "LambdaLR" => new LambdaLR(opt, e => Math.Pow(0.95, e)),
            "OneCycleLR" => new OneCycleLR(opt, 1.0, totalSteps: 30),
            "OneCycleLRAdamLinear" => new OneCycleLR(opt, 0.5, totalSteps: 30, annealStrategy: "linear", threePhase: true),
            _ => null,
        };
        if (s is null) plateau = new ReduceLROnPlateau(opt, patience: 2, factor: 0.5, cooldown: 1);
        var metrics = Root.GetProperty("plateau_metrics").Doubles();
        var lrs = new List<double> { opt.ParamGroups[0].Lr };
        var moms = new List<double> { adam ? opt.ParamGroups[0].Betas.Beta1 : opt.ParamGroups[0].Momentum };
        int steps = expected.GetProperty("lrs").GetArrayLength() - 1;
        for (int i = 0; i < steps; i++)
        {
            if (s is not null) s.Step(); else plateau!.Step(metrics[i]);
            lrs.Add(opt.ParamGroups[0].Lr);
            moms.Add(adam ? opt.ParamGroups[0].Betas.Beta1 : opt.ParamGroups[0].Momentum);
        }
        Fixture.Close(expected.GetProperty("lrs").Doubles(), lrs.ToArray(), 1e-12, name + " lr");
        Fixture.Close(expected.GetProperty("momentum").Doubles(), moms.ToArray(), 1e-12, name + " momentum");
    }

    [Fact]
    public void OneCycleRefusesToStepPastTheEnd()
    {
        var opt = new SGD([Torch.Zeros(1).RequiresGrad_()], lr: 0.1, momentum: 0.9);
        var s = new OneCycleLR(opt, 1.0, totalSteps: 3);
        s.Step(); s.Step(); s.Step();
        Assert.Equal("Tried to step 4 times. The specified number of total steps is 3", Assert.Throws<InvalidOperationException>(s.Step).Message);
    }

    [Fact]
    public void ClipGradNormMatchesPyTorch()
    {
        foreach (var c in Fixture.Load("optim", "clip.json").EnumerateArray())
        {
            var grads = c.GetProperty("grads").EnumerateArray().Select(g => g.Doubles()).ToArray();
            var ps = grads.Select(g => Torch.Zeros(g.Length).RequiresGrad_()).ToArray();
            for (int i = 0; i < ps.Length; i++) ps[i].Grad = Torch.Tensor(grads[i]);
            var nt = c.GetProperty("norm_type");
            double normType = nt.ValueKind == JsonValueKind.String ? double.PositiveInfinity : nt.GetDouble();
            var total = GradClip.ClipGradNorm_(ps, c.GetProperty("max_norm").GetDouble(), normType);
            Assert.Equal(c.GetProperty("total").GetDouble(), total.Item()); // bit for bit: the same float32 steps
            var clipped = c.GetProperty("clipped").EnumerateArray().Select(g => g.Doubles()).ToArray();
            for (int i = 0; i < ps.Length; i++) Assert.Equal(clipped[i], ps[i].Grad!.ToArray<double>());
        }
    }

    [Fact]
    public void ClipGradValueClamps()
    {
        var p = Torch.Zeros(3).RequiresGrad_();
        p.Grad = Torch.Tensor(new double[] { -3, 0.2, 5 });
        GradClip.ClipGradValue_([p], 1.0);
        Assert.Equal(new float[] { -1, 0.2f, 1 }, p.Grad.ToArray<float>());
    }

    [Fact]
    public void PenaltiesAreDifferentiable()
    {
        var w = Torch.Tensor(new double[] { -2, 0.5 }, DType.Float64, requiresGrad: true);
        var l = Penalty.L1([w], 0.1) + Penalty.L2([w], 0.01);
        Assert.Equal(0.1 * 2.5 + 0.01 * 4.25, l.Item(), 12);
        l.Backward();
        Assert.Equal(new[] { -0.1 - 0.04, 0.1 + 0.01 }, w.Grad!.ToArray<double>());
    }

    [Fact]
    public void LrRangeTestGrowsTheRateAndRestoresState()
    {
        var w = Torch.Tensor(new double[] { 0.3 }, requiresGrad: true);
        var opt = new SGD([w], lr: 1e-4);
        var (lrs, losses) = LrRangeTest.Run(opt, () => ((w - 2.0) * (w - 2.0)).Sum(), endLr: 1.0, numIter: 20);
        Assert.Equal(20, lrs.Length);
        Assert.Equal(1e-4, lrs[0], 12);
        Assert.Equal(1e-4 * Math.Pow(1e4, 19 / 20.0), lrs[19], 9);
        Assert.True(losses[10] < losses[0]);
        Assert.Equal(0.3f, w.Item<float>());
        Assert.Equal(1e-4, opt.ParamGroups[0].Lr);
    }
}
