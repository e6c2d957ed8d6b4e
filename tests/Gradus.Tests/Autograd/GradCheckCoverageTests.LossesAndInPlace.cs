using Gradus.NN;

namespace Gradus.Tests.Autograd;

/// <summary>The layer functions and losses of <c>F</c> and the in-place ops on non-leaf tensors, under float64 GradCheck.</summary>
public partial class GradCheckCoverageTests
{
    private static Tensor L(params long[] v) => Torch.Tensor(v);

    [Theory]
    [InlineData("mse_mean")] [InlineData("mse_sum")] [InlineData("mse_none")] [InlineData("l1")] [InlineData("huber")]
    [InlineData("bce")] [InlineData("bce_weight")] [InlineData("bce_logits")] [InlineData("bce_logits_weights")]
    [InlineData("nll")] [InlineData("nll_weight_ignore")] [InlineData("nll_1d")] [InlineData("nll_4d")]
    [InlineData("ce")] [InlineData("ce_weight_smoothing")] [InlineData("ce_probs")] [InlineData("ce_1d")] [InlineData("ce_4d_sum")]
    public void Losses(string op)
    {
        var logits = R(30, 4, 3);
        var other = R(31, 4, 3);
        var image = R(32, 2, 3, 1, 2);
        var w = R(33, 3);
        var labels = L(2, 0, 1, 2);
        var classWeight = Torch.FromArray(new[] { 0.5, 2.0, 1.25 });
        Func<Tensor[], Tensor> f = op switch
        {
            "mse_mean" => x => F.MseLoss(x[0], x[1]),
            "mse_sum" => x => F.MseLoss(x[0], x[1], Reduction.Sum),
            "mse_none" => x => F.MseLoss(x[0], x[1], Reduction.None),
            "l1" => x => F.L1Loss(x[0], x[1]),
            "huber" => x => F.HuberLoss(x[0], x[1], Reduction.Sum, delta: 0.5),
            "bce" => x => F.BinaryCrossEntropy(x[0].Sigmoid(), x[1].Sigmoid()),
            "bce_weight" => x => F.BinaryCrossEntropy(x[0].Sigmoid(), x[1].Sigmoid(), weight: classWeight, reduction: Reduction.None),
            "bce_logits" => x => F.BinaryCrossEntropyWithLogits(x[0] * 3.0, x[1].Sigmoid()),
            "bce_logits_weights" => x => F.BinaryCrossEntropyWithLogits(x[0], x[1].Sigmoid(), weight: x[3], posWeight: x[3].Abs() + 0.5, reduction: Reduction.Sum),
            "nll" => x => F.NllLoss(F.LogSoftmax(x[0], 1), labels),
            "nll_weight_ignore" => x => F.NllLoss(x[0], labels, classWeight, ignoreIndex: 1) + F.NllLoss(x[1], labels, reduction: Reduction.None).Sum(),
            "nll_1d" => x => F.NllLoss(x[0][1], Torch.Tensor(2L)),
            "nll_4d" => x => F.NllLoss(x[2], Torch.Tensor(new long[,,] { { { 0, 2 } }, { { 1, 1 } } }), reduction: Reduction.Sum),
            "ce" => x => F.CrossEntropy(x[0], labels),
            "ce_weight_smoothing" => x => F.CrossEntropy(x[0], labels, classWeight, ignoreIndex: 0, labelSmoothing: 0.2),
            "ce_probs" => x => F.CrossEntropy(x[0], F.Softmax(x[1], 1), labelSmoothing: 0.1),
            "ce_1d" => x => F.CrossEntropy(x[0][2], Torch.Tensor(1L)),
            _ => x => F.CrossEntropy(x[2], Torch.Tensor(new long[,,] { { { 0, 2 } }, { { 1, 1 } } }), reduction: Reduction.Sum),
        };
        Tensor[] inputs = [logits, other, image, w];
        Check(f, inputs);
        if (op is "bce" or "nll" or "ce" or "ce_weight_smoothing" or "ce_probs" or "bce_logits_weights")
            CheckSecondOrder(f, inputs);
    }

    [Theory]
    [InlineData("linear_3d")] [InlineData("linear_addmm")] [InlineData("linear_no_bias")] [InlineData("conv2d_groups")]
    [InlineData("conv2d_unbatched")] [InlineData("max_pool2d")] [InlineData("avg_pool2d")] [InlineData("adaptive_avg_pool2d")]
    [InlineData("batch_norm_train")] [InlineData("batch_norm_eval")] [InlineData("embedding")] [InlineData("dropout")]
    public void LayerFunctions(string op)
    {
        var w = R(50, 4, 3);
        var bias = R(51, 4);
        var index = Torch.Tensor(new long[,] { { 3, 0 }, { 3, 3 } });
        var (runningMean, runningVar) = (Torch.FromArray(new[] { 0.5, -1.0, 0.25 }), Torch.FromArray(new[] { 1.5, 0.75, 2.0 }));
        Func<Tensor[], Tensor> f = op switch
        {
            "linear_3d" => x => F.Linear(x[0], x[1], x[2]),
            "linear_addmm" => x => F.Linear(x[0].Reshape(2, 3), x[1], x[2]),
            "linear_no_bias" => x => F.Linear(x[0], x[1]),
            "conv2d_groups" => x => F.Conv2d(x[0].Reshape(1, 2, 1, 3).Expand(1, 2, 4, 3) * x[2].Reshape(1, 1, 4, 1)[.., .., .., ..1],
                x[1].Reshape(4, 1, 3, 1)[.., .., ..2], x[2], stride: (2, 1), padding: (1, 0), dilation: (1, 2), groups: 2),
            "conv2d_unbatched" => x => F.Conv2d(x[1].Reshape(1, 3, 4), x[1].Reshape(3, 1, 2, 2)[..2], x[2][..2], padding: (0, 1)),
            "max_pool2d" => x => F.MaxPool2d(x[1].Reshape(1, 1, 3, 4), (2, 2), stride: (1, 1), padding: (1, 0)),
            "avg_pool2d" => x => F.AvgPool2d(x[1].Reshape(1, 2, 2, 3), (2, 2), stride: (1, 2), padding: (1, 1), countIncludePad: false),
            "adaptive_avg_pool2d" => x => F.AdaptiveAvgPool2d(x[1].Reshape(1, 1, 4, 3), (3, 1)),
            "batch_norm_train" => x => F.BatchNorm(x[1].Reshape(4, 3, 1, 1), null, null, x[2][..3], x[2][1..], training: true),
            "batch_norm_eval" => x => F.BatchNorm(x[0].Reshape(2, 3, 1), runningMean, runningVar, x[2][..3], x[2][1..]),
            "embedding" => x => F.Embedding(index, x[1]) * x[0].Reshape(2, 1, 3),
            _ => x => F.Dropout(x[1], 0.3, generator: new Gradus.Random.Generator(5)),
        };
        Check(f, R(52, 2, 1, 3), w, bias);
    }

    [Theory]
    [InlineData("add_")] [InlineData("sub_alpha")] [InlineData("mul_")] [InlineData("div_")] [InlineData("clamp_")]
    [InlineData("compound_tensor")] [InlineData("compound_scalar")] [InlineData("copy_broadcast")] [InlineData("index_add_")]
    [InlineData("scatter_")] [InlineData("scatter_value_")] [InlineData("scatter_add_")] [InlineData("masked_fill_")]
    [InlineData("masked_fill_tensor_")] [InlineData("fill_")] [InlineData("zero_")] [InlineData("index_put_")]
    public void InPlaceOnNonLeaf(string op)
    {
        var a = R(40, 2, 1, 3);
        var b = R(41, 3);
        var idx = Torch.Tensor(new long[,,] { { { 2, 0 } }, { { 1, 2 } } });
        var mask = Torch.Tensor(new[] { true, false, true });
        Func<Tensor[], Tensor> f = x =>
        {
            var y = x[0] * 1.0;
            switch (op)
            {
                case "add_": y.Add_(x[1]); break;
                case "sub_alpha": y.Sub_(x[1], alpha: 1.5); break;
                case "mul_": y.Mul_(x[1]); break;
                case "div_": y.Div_(x[1] + 2.0); break;
                case "clamp_": y.Clamp_(-0.6, 0.6); break;
                case "compound_tensor": y += x[1]; y *= x[1]; y -= x[0]; y /= x[1].Abs() + 1.0; break;
                case "compound_scalar": y += 1.0; y *= -2.0; y -= 0.5; y /= 4.0; break;
                case "copy_broadcast": y.Copy_(x[1]); break;
                case "index_add_": y.IndexAdd_(2, L(0, 2, 0), x[1].Expand(2, 1, 3), alpha: 0.5); break;
                case "scatter_": y.Scatter_(2, idx, x[1].Expand(2, 1, 3)); break;
                case "scatter_value_": y.Scatter_(2, idx, 0.5); break;
                case "scatter_add_": y.ScatterAdd_(2, idx, x[1].Expand(2, 1, 3)); break;
                case "masked_fill_": y.MaskedFill_(mask, 0.25); break;
                case "masked_fill_tensor_": y.MaskedFill_(mask, x[1][1]); break;
                case "fill_": y.Fill_(2.0); break;
                case "zero_": y.Zero_(); break;
                default: y.IndexPut_([L(1, 0, 1), L(0, 0, 0), L(2, 1, 2)], x[1], accumulate: true); break;
            }
            return y * x[0] + x[1];
        };
        Check(f, a, b);
    }
}
