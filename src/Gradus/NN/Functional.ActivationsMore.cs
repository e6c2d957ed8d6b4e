using Gradus.Ops;

namespace Gradus.NN;

public static partial class F
{
    /// <summary>
    /// softmax(−x) along <paramref name="dim"/>, as <c>F.softmin</c> (history SoftmaxBackward0); without a dim,
    /// PyTorch's deprecated implicit choice with its UserWarning.
    /// </summary>
    public static Tensor Softmin(Tensor input, int? dim = null, DType? dtype = null)
    {
        var x = dtype is { } d ? input.To(d) : input;
        return SoftmaxOp.Softmax(x.Neg(), dim ?? ImplicitSoftmaxDim("softmin", input.Dim));
    }

    /// <summary>log σ(x), computed stably, as <c>F.logsigmoid</c> (history LogSigmoidBackward0).</summary>
    public static Tensor Logsigmoid(Tensor input) => ActivationMore.LogSigmoid(input);

    /// <summary>x / (1 + |x|), as <c>F.softsign</c> (composed, so the history is DivBackward0).</summary>
    public static Tensor Softsign(Tensor input) => input / (input.Abs() + 1.0);

    /// <summary>x·tanh(softplus(x)), as <c>F.mish</c> (history MishBackward0); <paramref name="inplace"/> overwrites the input.</summary>
    public static Tensor Mish(Tensor input, bool inplace = false) => inplace ? input.Apply_(ActivationMore.Mish) : ActivationMore.Mish(input);

    /// <summary>relu6(x + 3)/6, as <c>F.hardsigmoid</c> (history HardsigmoidBackward0); <paramref name="inplace"/> overwrites the input.</summary>
    public static Tensor Hardsigmoid(Tensor input, bool inplace = false)
        => inplace ? input.Apply_(ActivationMore.Hardsigmoid) : ActivationMore.Hardsigmoid(input);

    /// <summary>x·relu6(x + 3)/6, as <c>F.hardswish</c> (history HardswishBackward0); <paramref name="inplace"/> overwrites the input.</summary>
    public static Tensor Hardswish(Tensor input, bool inplace = false)
        => inplace ? input.Apply_(ActivationMore.Hardswish) : ActivationMore.Hardswish(input);

    /// <summary>scale·elu(x, α) with torch's SELU constants, as <c>F.selu</c> (history EluBackward0, EluBackward1 in place).</summary>
    public static Tensor Selu(Tensor input, bool inplace = false) => inplace
        ? input.Apply_(x => ActivationMore.ScaledElu(x, ActivationMore.SeluAlpha, ActivationMore.SeluScale, 1.0, "EluBackward1"))
        : ActivationMore.ScaledElu(input, ActivationMore.SeluAlpha, ActivationMore.SeluScale, 1.0, "EluBackward0");

    /// <summary>max(0, x) + min(0, α(e^(x/α) − 1)), as <c>F.celu</c> (history CeluBackward0, CeluBackward1 in place).</summary>
    public static Tensor Celu(Tensor input, double alpha = 1.0, bool inplace = false)
    {
        if (alpha == 0) throw new ArgumentException("ZeroDivisionError: alpha cannot be 0 for CELU");
        return inplace
            ? input.Apply_(x => ActivationMore.ScaledElu(x, alpha, 1.0, 1.0 / alpha, "CeluBackward1"))
            : ActivationMore.ScaledElu(input, alpha, 1.0, 1.0 / alpha, "CeluBackward0");
    }

    /// <summary>x − λ above λ, x + λ below −λ, else 0, as <c>F.softshrink</c> (history SoftshrinkBackward0).</summary>
    public static Tensor Softshrink(Tensor input, double lambd = 0.5) => ActivationMore.Softshrink(input, lambd);

    /// <summary>x outside [−λ, λ], else 0, as <c>F.hardshrink</c> (history HardshrinkBackward0).</summary>
    public static Tensor Hardshrink(Tensor input, double lambd = 0.5) => ActivationMore.Hardshrink(input, lambd);

    /// <summary>x − tanh(x), as <c>F.tanhshrink</c> (composed, so the history is SubBackward0).</summary>
    public static Tensor Tanhshrink(Tensor input) => input - input.Tanh();

    /// <summary>
    /// <paramref name="value"/> where x ≤ <paramref name="threshold"/>, else x, as <c>F.threshold</c> (history
    /// ThresholdBackward0, ThresholdBackward1 in place); <paramref name="inplace"/> overwrites the input.
    /// </summary>
    public static Tensor Threshold(Tensor input, double threshold, double value, bool inplace = false) => inplace
        ? input.Apply_(x => ActivationMore.Threshold(x, threshold, value, inPlace: true))
        : ActivationMore.Threshold(input, threshold, value);
}
