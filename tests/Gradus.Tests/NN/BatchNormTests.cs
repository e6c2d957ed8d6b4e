using System.Text.Json;
using Gradus.NN;

namespace Gradus.Tests.NN;

public class BatchNormTests
{
    public static TheoryData<int> Cases() => NNFixtures.CaseIndices("batchnorm.json");

    private static BatchNorm Create(JsonElement c)
    {
        var kw = c.GetProperty("kwargs");
        int features = c.GetProperty("num_features").GetInt32();
        double eps = kw.TryGetProperty("eps", out var e) ? e.GetDouble() : 1e-5;
        double? momentum = kw.TryGetProperty("momentum", out var m) ? (m.ValueKind == JsonValueKind.Null ? null : m.GetDouble()) : 0.1;
        bool affine = !kw.TryGetProperty("affine", out var a) || a.GetBoolean();
        bool track = !kw.TryGetProperty("track_running_stats", out var t) || t.GetBoolean();
        var bn = c.GetProperty("name").GetString()!.StartsWith("bn1d")
            ? (BatchNorm)new BatchNorm1d(features, eps, momentum, affine, track)
            : new BatchNorm2d(features, eps, momentum, affine, track);
        var sd = c.GetProperty("params").EnumerateObject().ToDictionary(p => p.Name, p => NNFixtures.Tensor(p.Value));
        bn.LoadStateDict(sd, strict: false);
        return bn;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void TrainingAndEvalMatchPyTorch(int index)
    {
        var c = NNFixtures.Load("batchnorm.json").GetProperty("cases")[index];
        string name = c.GetProperty("name").GetString()!;
        var bn = Create(c);
        Assert.Equal(c.GetProperty("repr").GetString(), bn.ToString());
        Assert.Equal(c.GetProperty("state_dict_keys").EnumerateArray().Select(k => k.GetString()!), bn.StateDict().Keys);
        int step = 0;
        foreach (var s in c.GetProperty("train_steps").EnumerateArray())
        {
            var label = $"{name} step {step++}";
            bn.Train();
            bn.ZeroGrad();
            var x = NNFixtures.Tensor(s.GetProperty("input")).RequiresGrad_();
            var y = bn.Call(x);
            NNFixtures.AssertClose(s.GetProperty("output"), y, label + " output", 1e-5, 1e-4);
            var gout = NNFixtures.Tensor(s.GetProperty("grad_output"));
            var composed = Gradus.Autograd.Grad((y * gout).Sum(), [x], retainGraph: true, createGraph: true)[0]!;
            NNFixtures.AssertClose(s.GetProperty("grad_input"), composed, label + " grad input (create_graph)", 1e-5, 1e-4);
            (y * gout).Sum().Backward();
            NNFixtures.AssertClose(s.GetProperty("grad_input"), x.Grad!, label + " grad input", 1e-5, 1e-4);
            foreach (var (pname, p) in bn.NamedParameters())
                NNFixtures.AssertClose(s.GetProperty("grads").GetProperty(pname), p.Grad!, $"{label} grad {pname}", 1e-4, 1e-4);
            foreach (var (bname, b) in bn.NamedBuffers())
                NNFixtures.AssertClose(s.GetProperty("buffers").GetProperty(bname), b, $"{label} {bname}", 1e-6, 1e-5);
        }
        var ev = c.GetProperty("eval");
        bn.Eval();
        bn.ZeroGrad();
        var xe = NNFixtures.Tensor(ev.GetProperty("input")).RequiresGrad_();
        var ye = bn.Call(xe);
        NNFixtures.AssertClose(ev.GetProperty("output"), ye, name + " eval output", 1e-5, 1e-4);
        (ye * NNFixtures.Tensor(ev.GetProperty("grad_output"))).Sum().Backward();
        NNFixtures.AssertClose(ev.GetProperty("grad_input"), xe.Grad!, name + " eval grad input", 1e-5, 1e-4);
        foreach (var (pname, p) in bn.NamedParameters())
            NNFixtures.AssertClose(ev.GetProperty("grads").GetProperty(pname), p.Grad!, $"{name} eval grad {pname}", 1e-4, 1e-4);
    }

    [Fact]
    public void GradCheckTrainingAndEvalInFloat64()
    {
        var x = Torch.FromArray(new double[,,] { { { 0.3, -1.2, 2.0 }, { 0.5, 0.1, -0.7 } }, { { 1.1, 0.4, -0.3 }, { -2.0, 0.9, 1.6 } } });
        var w = Torch.FromArray(new double[] { 1.5, 0.7 });
        var b = Torch.FromArray(new double[] { 0.2, -0.4 });
        Assert.True(NNFixtures.GradCheck(t => F.BatchNorm(t[0], null, null, t[1], t[2], training: true), x, w, b));
        var rm = Torch.FromArray(new double[] { 0.1, -0.2 });
        var rv = Torch.FromArray(new double[] { 1.3, 0.6 });
        Assert.True(NNFixtures.GradCheck(t => F.BatchNorm(t[0], rm, rv, t[1], t[2], training: false), x, w, b));
        var bn = new BatchNorm2d(2).Double();
        var x4 = x.Reshape(2, 2, 3, 1);
        Assert.True(NNFixtures.GradCheck(t => bn.Call(t[0]), x4));
    }

    [Fact]
    public void SecondDerivativeOfTrainingBatchNorm()
    {
        var x = Torch.FromArray(new double[,] { { 0.3, -1.2 }, { 0.5, 0.1 }, { 1.1, 0.4 } }).RequiresGrad_();
        var w = Torch.FromArray(new double[] { 1.5, 0.7 }).RequiresGrad_();
        Assert.True(Gradus.Autograd.GradCheck(t =>
        {
            using (Torch.EnableGrad())
            {
                var y = F.BatchNorm(t[0], null, null, t[1], null, training: true);
                return Gradus.Autograd.Grad((y * y * y).Sum(), [t[0]], createGraph: true)[0]!;
            }
        }, [x, w]));
    }

    [Fact]
    public void ErrorsReadAsPyTorchs()
    {
        var errors = NNFixtures.Load("batchnorm.json").GetProperty("errors");
        string Msg(string key) => errors.GetProperty(key).GetProperty("message").GetString()!;
        Assert.Equal(Msg("one_value_per_channel"), Assert.Throws<ArgumentException>(() => new BatchNorm1d(3).Call(Torch.Zeros(1, 3))).Message);
        Assert.Equal(Msg("bn1d_dims"), Assert.Throws<ArgumentException>(() => new BatchNorm1d(3).Call(Torch.Zeros(2, 3, 4, 5))).Message);
        Assert.Equal(Msg("bn2d_dims"), Assert.Throws<ArgumentException>(() => new BatchNorm2d(3).Call(Torch.Zeros(2, 3, 4))).Message);
    }

    [Fact]
    public void DoubleConvertsFloatStateButKeepsTheBatchCounter()
    {
        var bn = new BatchNorm1d(2);
        bn.Double();
        Assert.Equal(DType.Float64, bn.Weight!.DType);
        Assert.Equal(DType.Float64, bn.RunningMean!.DType);
        Assert.Equal(DType.Int64, bn.NumBatchesTracked!.DType);
        bn.Call(Torch.FromArray(new double[,] { { 1, 2 }, { 3, 5 } }));
        Assert.Equal(1L, bn.NumBatchesTracked.Item<long>());
        Assert.Equal(new double[] { 0.2, 0.35 }, bn.RunningMean.ToArray<double>().Select(v => Math.Round(v, 12)));
        bn.ResetRunningStats();
        Assert.Equal(0L, bn.NumBatchesTracked.Item<long>());
        Assert.Equal(new double[] { 1, 1 }, bn.RunningVar!.ToArray<double>());
    }
}
