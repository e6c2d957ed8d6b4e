using Gradus.NN;

namespace Gradus.Tests.Autograd;

/// <summary>
/// Float64 finite-difference checks (<c>Autograd.GradCheck</c>) of the differentiable ops that no other test
/// checked: scalar operand forms, zero-gradient ops, activations, views, reductions over size-1 dims, where,
/// the remaining norms; inputs have size-1 dims and broadcast against each other. Second-order checks run on
/// the gradients built with createGraph. Losses and in-place ops are in the second part of this class.
/// </summary>
public partial class GradCheckCoverageTests
{
    /// <summary>A float64 leaf of distinct values in ±[0.3, 1.3] (away from the kinks at 0), requiring grad.</summary>
    internal static Tensor R(int seed, params int[] shape)
    {
        var rng = new System.Random(seed);
        var data = new double[Shapes.Numel(shape)];
        for (int i = 0; i < data.Length; i++) data[i] = (0.3 + rng.NextDouble()) * (rng.Next(2) == 0 ? -1 : 1);
        return Torch.FromArray(data).Reshape(shape).Detach().RequiresGrad_();
    }

    /// <summary>A float64 leaf with the given values, requiring grad.</summary>
    internal static Tensor V(int[] shape, params double[] values) => Torch.FromArray(values).Reshape(shape).Detach().RequiresGrad_();

    internal static void Check(Func<Tensor[], Tensor> f, params Tensor[] inputs) => Assert.True(Gradus.Autograd.GradCheck(f, inputs));

    /// <summary>GradCheck of the gradients of sum(f) with respect to every input, built with createGraph: second derivatives.</summary>
    internal static void CheckSecondOrder(Func<Tensor[], Tensor> f, params Tensor[] inputs) => Assert.True(Gradus.Autograd.GradCheck(x =>
    {
        using (Torch.EnableGrad())
        {
            var grads = Gradus.Autograd.Grad(f(x).Sum(), x, createGraph: true, allowUnused: true);
            return Torch.Cat(grads.Select((g, i) => (g ?? Torch.ZerosLike(x[i])).Reshape(-1)).ToArray());
        }
    }, inputs));

    [Theory]
    [InlineData("add_scalar")] [InlineData("scalar_add")] [InlineData("sub_scalar")] [InlineData("rsub")]
    [InlineData("mul_scalar")] [InlineData("scalar_mul")] [InlineData("div_scalar")] [InlineData("scalar_div")]
    [InlineData("add_alpha")] [InlineData("sub_alpha")] [InlineData("pow_0dim_exponent")] [InlineData("pow_0dim_base")]
    [InlineData("maximum_0dim")] [InlineData("minimum_ties")] [InlineData("torch_wrappers")] [InlineData("max_min_other")]
    public void ArithmeticOperandForms(string op)
    {
        var a = R(1, 2, 1, 3);
        var b = R(2, 4, 1);
        var s = R(3);
        var tie = a.Detach().Clone(); // equal values: PyTorch gives each side half, as central differences do
        Func<Tensor[], Tensor> f = op switch
        {
            "add_scalar" => x => x[0] + 1.5,
            "scalar_add" => x => 1.5 + x[0],
            "sub_scalar" => x => x[0] - 0.25,
            "rsub" => x => 1.0 - x[0],
            "mul_scalar" => x => x[0] * -2.5,
            "scalar_mul" => x => 3.0 * x[0],
            "div_scalar" => x => x[0] / 0.75,
            "scalar_div" => x => 2.0 / x[0],
            "add_alpha" => x => x[0].Add(x[1], alpha: -1.5),
            "sub_alpha" => x => x[0].Sub(x[1], alpha: 2.0),
            "pow_0dim_exponent" => x => (x[0].Abs() + 0.5).Pow(x[2]),
            "pow_0dim_base" => x => (x[2].Abs() + 0.5).Pow(x[1]),
            "maximum_0dim" => x => x[0].Maximum(x[2]) + x[1].Minimum(x[2]),
            "minimum_ties" => x => x[0].Minimum(tie) + x[0].Maximum(tie) * x[1],
            "torch_wrappers" => x => Torch.Pow(Torch.Abs(x[0]) + 1.0, 1.5) * Torch.Maximum(x[0], x[1]) - Torch.Minimum(x[1], x[0]) + Torch.Pow(x[1].Abs(), x[0]),
            _ => x => x[0].Max(x[1]) - Torch.Min(x[0], x[1]) + Torch.Max(x[1], x[2]),
        };
        Check(f, a, b, s);
    }

    [Theory]
    [InlineData("sign")] [InlineData("floor")] [InlineData("round")] [InlineData("clamp_min")] [InlineData("clamp_max")]
    [InlineData("torch_clamp")] [InlineData("torch_unary")] [InlineData("neg_method")]
    public void UnaryForms(string op)
    {
        var a = R(4, 3, 1, 2);
        Func<Tensor[], Tensor> f = op switch
        {
            "sign" => x => x[0].Sign() * x[0],
            "floor" => x => (x[0] * 3.0).Floor() + x[0],
            "round" => x => (x[0] * 3.0).Round() * x[0],
            "clamp_min" => x => x[0].Clamp(min: -0.5),
            "clamp_max" => x => x[0].Clamp(max: 0.5),
            "torch_clamp" => x => Torch.Clamp(x[0], -0.6, 0.7),
            "torch_unary" => x => Torch.Exp(x[0]) + Torch.Log(x[0].Abs()) + Torch.Sqrt(x[0].Abs()) + Torch.Sigmoid(x[0]) + Torch.Tanh(x[0]) + Torch.Relu(x[0]),
            _ => x => x[0].Neg(),
        };
        Check(f, a);
    }

    [Theory]
    [InlineData("div")] [InlineData("pow")] [InlineData("maximum")] [InlineData("where")] [InlineData("abs")] [InlineData("sqrt")]
    [InlineData("log")] [InlineData("exp")] [InlineData("sin_cos")] [InlineData("sigmoid_tanh")] [InlineData("clamp")] [InlineData("matmul")]
    public void SecondOrderElementwise(string op)
    {
        var a = R(5, 2, 1, 3);
        var b = R(6, 4, 1);
        Func<Tensor[], Tensor> f = op switch
        {
            "div" => x => x[0] / (x[1] + 2.0) * x[0],
            "pow" => x => (x[0].Abs() + 0.5).Pow(x[1]),
            "maximum" => x => x[0].Maximum(x[1]) * x[0],
            "where" => x => Torch.Where(x[0].Gt(x[1]), x[0] * x[1], x[1] * x[1]),
            "abs" => x => x[0].Abs() * x[1],
            "sqrt" => x => (x[0] * x[0] + x[1]).Abs().Sqrt(),
            "log" => x => (x[0] * x[1]).Abs().Log(),
            "exp" => x => (x[0] * x[1]).Exp(),
            "sin_cos" => x => x[0].Sin() * x[1].Cos(),
            "sigmoid_tanh" => x => (x[0] * x[1]).Sigmoid() + (x[0] - x[1]).Tanh(),
            "clamp" => x => (x[0] * x[1]).Clamp(-0.4, 0.4) * x[0],
            _ => x => x[0].Reshape(2, 3).Matmul(x[0].Reshape(3, 2)) * x[1].Reshape(1, 4)[.., ..2],
        };
        CheckSecondOrder(f, a, b);
    }

    [Theory]
    [InlineData("leaky_relu")] [InlineData("elu")] [InlineData("gelu")] [InlineData("gelu_tanh")] [InlineData("silu")]
    [InlineData("softplus")] [InlineData("softmax_0")] [InlineData("softmax_1")] [InlineData("softmax_last")]
    [InlineData("log_softmax_0")] [InlineData("log_softmax_last")] [InlineData("softmax_dtype")] [InlineData("f_wrappers")]
    public void Activations(string op)
    {
        // Kinks at 0, softplus's threshold at x = 0.5 (beta 2, threshold 1): no value lies near either.
        var a = V([2, 1, 3], -1.2, -0.3, 0.2, 0.7, 1.4, -2.1);
        Func<Tensor[], Tensor> f = op switch
        {
            "leaky_relu" => x => F.LeakyRelu(x[0], 0.2),
            "elu" => x => F.Elu(x[0], 1.5),
            "gelu" => x => F.Gelu(x[0]),
            "gelu_tanh" => x => F.Gelu(x[0], "tanh"),
            "silu" => x => F.Silu(x[0]),
            "softplus" => x => F.Softplus(x[0], beta: 2, threshold: 1),
            "softmax_0" => x => F.Softmax(x[0], 0),
            "softmax_1" => x => F.Softmax(x[0], 1) * x[0],
            "softmax_last" => x => F.Softmax(x[0], -1),
            "log_softmax_0" => x => F.LogSoftmax(x[0], 0),
            "log_softmax_last" => x => F.LogSoftmax(x[0] * 3.0, -1),
            "softmax_dtype" => x => F.Softmax(x[0], 2, DType.Float64) + F.LogSoftmax(x[0], 0, DType.Float64),
            _ => x => F.Relu(x[0]) + F.Sigmoid(x[0]) + F.Tanh(x[0]),
        };
        Check(f, a);
        CheckSecondOrder(f, a);
    }

    [Theory]
    [InlineData("view")] [InlineData("view_as")] [InlineData("flatten")] [InlineData("unflatten")] [InlineData("squeeze_dim")]
    [InlineData("unsqueeze_neg")] [InlineData("transpose")] [InlineData("mT")] [InlineData("T2d")] [InlineData("expand_as")]
    [InlineData("expand_keep")] [InlineData("reshape_copy")] [InlineData("contiguous")] [InlineData("clone")] [InlineData("alias")]
    [InlineData("to_float32")] [InlineData("torch_shape")]
    public void Views(string op)
    {
        var a = R(7, 2, 1, 3);
        var b = R(8, 4, 1);
        Func<Tensor[], Tensor> f = op switch
        {
            "view" => x => x[0].View(3, 2) * x[1].View(1, 4)[.., ..2],
            "view_as" => x => x[0].ViewAs(Torch.Zeros(6, 1)) + x[1][..1],
            "flatten" => x => x[0].Flatten(1) * x[1].Flatten()[..3],
            "unflatten" => x => x[0].Unflatten(2, 3, 1) + x[1].Unflatten(0, 4, -1),
            "squeeze_dim" => x => x[0].Squeeze(1) * x[1].Squeeze(-1)[..3],
            "unsqueeze_neg" => x => x[0].Unsqueeze(-1) * x[1].Unsqueeze(-2),
            "transpose" => x => x[0].Transpose(0, 2) * x[1].Transpose(0, 1)[.., ..2],
            "mT" => x => x[0].MT * x[1][..3],
            "T2d" => x => x[0].Reshape(2, 3).T.Matmul(x[1].Reshape(2, 2)),
            "expand_as" => x => x[0].ExpandAs(Torch.Zeros(4, 2, 4, 3)) * x[1].Reshape(4, 1, 1, 1),
            "expand_keep" => x => x[0].Expand(5, -1, 4, -1) * x[1],
            "reshape_copy" => x => x[0].Permute(2, 0, 1).Reshape(6) * x[1].Expand(4, 6).Reshape(2, 12)[0, ..6],
            "contiguous" => x => x[0].Transpose(0, 2).Contiguous() * x[1][..3],
            "clone" => x => x[0].Clone() * x[1],
            "alias" => x => x[0][TensorIndex.Ellipsis] * x[1],
            "to_float32" => x => x[0].Float().Double() * x[1],
            _ => x => Torch.Reshape(x[0], 3, 2) + Torch.Flatten(x[1])[..2],
        };
        // A float32 round trip keeps about 7 digits: step so that rounding stays below the tolerance.
        Assert.True(Gradus.Autograd.GradCheck(f, [a, b], eps: op == "to_float32" ? 1e-2 : 1e-6));
    }

    [Theory]
    [InlineData("sum")] [InlineData("mean")] [InlineData("prod")] [InlineData("max")] [InlineData("min")] [InlineData("amax")]
    [InlineData("amin")] [InlineData("var")] [InlineData("std")] [InlineData("logsumexp")] [InlineData("cumsum")] [InlineData("torch_wrappers")]
    public void ReductionsOverSizeOneDims(string op)
    {
        var a = R(9, 3, 1, 4);
        Func<Tensor[], Tensor> f = op switch
        {
            "sum" => x => x[0].Sum(1) * x[0].Sum([1, 2], keepDim: true),
            "mean" => x => x[0].Mean([0, 1], keepDim: true) * x[0].Mean(1),
            "prod" => x => x[0].Prod(1, keepDim: true) + x[0].Prod(2),
            "max" => x => x[0].Max(1).Values + x[0].Max(2, keepDim: true).Values,
            "min" => x => x[0].Min(1, keepDim: true).Values * x[0].Min(0).Values,
            "amax" => x => x[0].Amax([1]) + x[0].Amax([0, 1], keepDim: true),
            "amin" => x => x[0].Amin(1, keepDim: true) + x[0].Amin([1, 2]).Unsqueeze(-1),
            "var" => x => x[0].Var([0, 1]) + x[0].Var(2, keepDim: true),
            "std" => x => x[0].Std([1, 2], keepDim: true) * x[0].Std(0, correction: 0),
            "logsumexp" => x => x[0].LogSumExp(1) + x[0].LogSumExp([0, 1], keepDim: true),
            "cumsum" => x => x[0].CumSum(1) * x[0].CumSum(-1),
            _ => x => Torch.Sum(x[0]) * Torch.Mean(x[0]) + Torch.Prod(x[0], 2) + Torch.Var(x[0], [0, 2]) + Torch.Std(x[0], 0)
                      + Torch.LogSumExp(x[0], 2).Unsqueeze(-1) + Torch.Amax(x[0], 0) + Torch.Amin(x[0], [1]) + Torch.CumSum(x[0], 2),
        };
        Check(f, a);
    }

    [Theory]
    [InlineData("tensor_scalar")] [InlineData("scalar_tensor")] [InlineData("mask_broadcast")]
    public void WhereForms(string op)
    {
        var a = R(10, 2, 1, 3);
        var b = R(11, 4, 1);
        var cond = Torch.Tensor(new[] { true, false, true });
        Func<Tensor[], Tensor> f = op switch
        {
            "tensor_scalar" => x => Torch.Where(cond, x[0], 0.5) * x[1],
            "scalar_tensor" => x => Torch.Where(x[0].Detach() > 0, -1.5, x[1]),
            _ => x => Torch.Where(cond.Reshape(1, 3), x[0], x[1]),
        };
        Check(f, a, b);
    }

    [Fact]
    public void RemainingNormsAndWrappers()
    {
        Check(x => Torch.FrobeniusNorm(x[0]), R(12, 2, 1, 3));
        Check(x => Linalg.Norm(x[0]), R(13, 2, 1, 3));
        Check(x => Linalg.Norm(x[0], 1.0, [0, 2], keepDim: true), R(14, 2, 1, 3));
        Check(x => Torch.Norm(x[0], 3.0) + x[0].Norm(1.5, [2]).Sum() + x[0].Norm("fro", [0]).Sum(), R(15, 2, 1, 3));
        Check(x => Linalg.MatrixNorm(x[0], 1.0) * Linalg.VectorNorm(x[1], double.PositiveInfinity, [0]), R(16, 1, 3, 3), R(17, 3, 1));
        Check(x => Linalg.Matmul(x[0], x[1]) + Torch.Mm(x[0][0], x[1][0]) + Torch.Bmm(x[0], x[1]), R(18, 1, 2, 3), R(19, 1, 3, 2));
        Check(x => Torch.Inverse(x[0] + Torch.Eye(3, dtype: DType.Float64) * 3.0) * Torch.Det(x[0]).Unsqueeze(-1).Unsqueeze(-1), R(20, 1, 3, 3));
        Check(x => x[0].Mv(x[1]) + x[1].Dot(x[1]) + x[1].Outer(x[1]).Sum(0), R(21, 3, 3), R(22, 3));
    }
}
