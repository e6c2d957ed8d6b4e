using System.Text.Json;
using Gradus.NN;

namespace Gradus.Tests.NN;

public class LossTests
{
    public static TheoryData<int> Cases() => NNFixtures.CaseIndices("losses.json");

    private static Reduction ReductionOf(JsonElement kw) => kw.GetProperty("reduction").GetString() switch
    {
        "mean" => Reduction.Mean,
        "sum" => Reduction.Sum,
        _ => Reduction.None,
    };

    private static double Arg(JsonElement kw, string name, double fallback) =>
        kw.TryGetProperty(name, out var v) ? v.GetDouble() : fallback;

    /// <summary>The functional loss named by the fixture, over the fixture's inputs (input, target, weights...).</summary>
    internal static Func<Tensor[], Tensor> Functional(string name, JsonElement kw)
    {
        var r = ReductionOf(kw);
        long ignore = kw.TryGetProperty("ignore_index", out var ii) ? ii.GetInt64() : -100;
        double smoothing = Arg(kw, "label_smoothing", 0);
        return name switch
        {
            "mse" => t => F.MseLoss(t[0], t[1], r),
            "l1" => t => F.L1Loss(t[0], t[1], r),
            "huber" => t => F.HuberLoss(t[0], t[1], r, Arg(kw, "delta", 1)),
            "bce" => t => F.BinaryCrossEntropy(t[0], t[1], reduction: r),
            "bce_weight" => t => F.BinaryCrossEntropy(t[0], t[1], t[2], r),
            "bce_logits" => t => F.BinaryCrossEntropyWithLogits(t[0], t[1], reduction: r),
            "bce_logits_pos_weight" => t => F.BinaryCrossEntropyWithLogits(t[0], t[1], reduction: r, posWeight: t[2]),
            "bce_logits_weight_pos_weight" => t => F.BinaryCrossEntropyWithLogits(t[0], t[1], t[2], r, t[3]),
            "nll" => t => F.NllLoss(t[0], t[1], ignoreIndex: ignore, reduction: r),
            "nll_weight" => t => F.NllLoss(t[0], t[1], t[2], ignore, r),
            "cross_entropy" or "cross_entropy_probs" => t => F.CrossEntropy(t[0], t[1], ignoreIndex: ignore, reduction: r, labelSmoothing: smoothing),
            "cross_entropy_weight" or "cross_entropy_probs_weight" => t => F.CrossEntropy(t[0], t[1], t[2], ignore, r, smoothing),
            _ => throw new ArgumentException(name),
        };
    }

    /// <summary>The module form of the same loss (weights passed at construction).</summary>
    private static Func<Tensor[], Tensor> Layer(string name, JsonElement kw)
    {
        var r = ReductionOf(kw);
        long ignore = kw.TryGetProperty("ignore_index", out var ii) ? ii.GetInt64() : -100;
        double smoothing = Arg(kw, "label_smoothing", 0);
        return name switch
        {
            "mse" => t => new MSELoss(r).Call(t[0], t[1]),
            "l1" => t => new L1Loss(r).Call(t[0], t[1]),
            "huber" => t => new HuberLoss(r, Arg(kw, "delta", 1)).Call(t[0], t[1]),
            "bce" => t => new BCELoss(reduction: r).Call(t[0], t[1]),
            "bce_weight" => t => new BCELoss(t[2], r).Call(t[0], t[1]),
            "bce_logits" => t => new BCEWithLogitsLoss(reduction: r).Call(t[0], t[1]),
            "bce_logits_pos_weight" => t => new BCEWithLogitsLoss(reduction: r, posWeight: t[2]).Call(t[0], t[1]),
            "bce_logits_weight_pos_weight" => t => new BCEWithLogitsLoss(t[2], r, t[3]).Call(t[0], t[1]),
            "nll" => t => new NLLLoss(ignoreIndex: ignore, reduction: r).Call(t[0], t[1]),
            "nll_weight" => t => new NLLLoss(t[2], ignore, r).Call(t[0], t[1]),
            "cross_entropy" or "cross_entropy_probs" => t => new CrossEntropyLoss(ignoreIndex: ignore, reduction: r, labelSmoothing: smoothing).Call(t[0], t[1]),
            "cross_entropy_weight" or "cross_entropy_probs_weight" => t => new CrossEntropyLoss(t[2], ignore, r, smoothing).Call(t[0], t[1]),
            _ => throw new ArgumentException(name),
        };
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ForwardAndBackwardMatchPyTorch(int index)
    {
        var c = NNFixtures.Load("losses.json").GetProperty("cases")[index];
        string name = c.GetProperty("name").GetString()!;
        var kw = c.GetProperty("kwargs");
        var label = $"#{index} {name} {kw}";
        var inputs = c.GetProperty("inputs").EnumerateArray().Select(NNFixtures.Tensor).ToArray();
        for (int i = 0; i < Math.Min(2, inputs.Length); i++)
            if (inputs[i].IsFloatingPoint) inputs[i].RequiresGrad = true;
        var loss = Functional(name, kw)(inputs);
        NNFixtures.AssertClose(c.GetProperty("output"), loss, label + " output", 1e-5, 1e-5);
        (loss * NNFixtures.Tensor(c.GetProperty("grad_output"))).Sum().Backward();
        var grads = c.GetProperty("grads");
        for (int i = 0; i < 2; i++)
        {
            if (grads[i].ValueKind == JsonValueKind.Null) Assert.Null(inputs[i].Grad);
            else NNFixtures.AssertClose(grads[i], inputs[i].Grad!, $"{label} grad {i}", 1e-5, 1e-4);
        }
        var viaModule = Layer(name, kw)(inputs.Select(t => t.Detach()).ToArray());
        Assert.Equal(loss.ToArray<float>(), viaModule.ToArray<float>());
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void GradCheckInFloat64(int index)
    {
        var c = NNFixtures.Load("losses.json").GetProperty("cases")[index];
        string name = c.GetProperty("name").GetString()!;
        var f = Functional(name, c.GetProperty("kwargs"));
        var inputs = c.GetProperty("inputs").EnumerateArray().Select(NNFixtures.Tensor).ToArray();
        if (name.StartsWith("bce") && !name.StartsWith("bce_logits"))
        {
            // Finite differences need room around the probabilities: keep them inside (0.05, 0.95).
            inputs[0] = inputs[0].Clamp(0.05, 0.95);
        }
        if (name == "l1" || name == "huber") inputs[0] = inputs[0] + 0.01;
        var leaves = inputs.Select((t, i) => t.IsFloatingPoint ? (i < 2 ? t.Double().Clone().RequiresGrad_() : t.Double()) : t).ToArray();
        Assert.True(Gradus.Autograd.GradCheck(f, leaves));
    }

    [Fact]
    public void ErrorsReadAsPyTorchs()
    {
        var errors = NNFixtures.Load("losses.json").GetProperty("errors");
        string Msg(string key) => errors.GetProperty(key).GetProperty("message").GetString()!;
        var x34 = Torch.Zeros(3, 4);
        Assert.Equal(Msg("target_out_of_bounds"),
            Assert.Throws<IndexOutOfRangeException>(() => F.CrossEntropy(x34, Torch.Tensor(new long[] { 0, 5, 1 }))).Message);
        Assert.Equal(Msg("batch_mismatch"),
            Assert.Throws<ArgumentException>(() => F.NllLoss(x34, Torch.Tensor(new long[] { 0, 1 }))).Message);
        Assert.Equal(Msg("target_dtype"),
            Assert.Throws<ArgumentException>(() => F.NllLoss(x34, Torch.Tensor(new float[] { 0, 1, 2 }))).Message);
        Assert.Equal(Msg("weight_size"),
            Assert.Throws<ArgumentException>(() => F.NllLoss(x34, Torch.Tensor(new long[] { 0, 1, 2 }), Torch.Ones(2))).Message);
        Assert.Equal(Msg("label_smoothing"),
            Assert.Throws<ArgumentException>(() => F.CrossEntropy(x34, Torch.Tensor(new long[] { 0, 1, 2 }), labelSmoothing: 1.5)).Message);
        Assert.Equal(Msg("bce_range"),
            Assert.Throws<InvalidOperationException>(() => F.BinaryCrossEntropy(Torch.Tensor(new float[] { 0.5f, 1.5f }), Torch.Tensor(new float[] { 0, 1 }))).Message);
        var col = Torch.Tensor(new float[,] { { 0.5f }, { 0.5f } });
        Assert.Equal(Msg("bce_size"),
            Assert.Throws<ArgumentException>(() => F.BinaryCrossEntropy(col, Torch.Tensor(new float[] { 0, 1 }))).Message);
        Assert.Equal(Msg("bce_logits_size"),
            Assert.Throws<ArgumentException>(() => F.BinaryCrossEntropyWithLogits(col, Torch.Tensor(new float[] { 0, 1 }))).Message);
    }

    [Fact]
    public void CrossEntropyOfHugeLogitsIsFinite()
    {
        var logits = Torch.Tensor(new float[,] { { 1000, 0, -1000 }, { 0, 1000, 1000 } }, requiresGrad: true);
        var loss = F.CrossEntropy(logits, Torch.Tensor(new long[] { 0, 1 }));
        Assert.Equal(Math.Log(2) / 2, loss.Item(), 6);
        loss.Backward();
        Assert.True(logits.Grad!.ToArray<float>().All(float.IsFinite));
    }

    [Fact]
    public void AllIgnoredTargetsGiveNaNMean()
    {
        var loss = F.NllLoss(Torch.Zeros(3, 4), Torch.Tensor(new long[] { -100, -100, -100 }));
        Assert.True(double.IsNaN(loss.Item()));
    }

    [Fact]
    public void LossModulesNeedATargetAndRegisterWeightsAsBuffers()
    {
        var ce = new CrossEntropyLoss(Torch.Ones(3));
        Assert.Equal(["weight"], ce.StateDict().Keys);
        Assert.Empty(new CrossEntropyLoss().StateDict());
        Assert.Equal(["weight", "pos_weight"], new BCEWithLogitsLoss(Torch.Ones(2), posWeight: Torch.Ones(2)).StateDict().Keys);
        var ex = Assert.Throws<InvalidOperationException>(() => ce.Call(Torch.Zeros(2, 3)));
        Assert.Contains("missing 1 required argument: 'target'", ex.Message);
    }
}
