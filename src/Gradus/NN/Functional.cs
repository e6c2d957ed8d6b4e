using Gradus.Ops;

namespace Gradus.NN;

/// <summary>
/// The stateless layer functions, as <c>torch.nn.functional</c> (imported as <c>F</c>): activations, losses,
/// linear, convolution, pooling, normalisation and dropout.
/// </summary>
public static partial class F
{
    /// <summary>max(x, 0), as <c>F.relu</c>.</summary>
    public static Tensor Relu(Tensor input) => input.Relu();

    /// <summary>max(x, 0), as <c>F.relu(input, inplace)</c>; with <paramref name="inplace"/> it overwrites and returns the input.</summary>
    public static Tensor Relu(Tensor input, bool inplace) => inplace ? input.Relu_() : input.Relu();

    /// <summary>
    /// x for x &gt; 0, else negativeSlope·x, as <c>F.leaky_relu</c>; with <paramref name="inplace"/> it overwrites and
    /// returns the input (history LeakyReluBackward1).
    /// </summary>
    public static Tensor LeakyRelu(Tensor input, double negativeSlope = 0.01, bool inplace = false) => inplace
        ? input.Apply_(x => Activation.LeakyRelu(x, negativeSlope, inPlace: true))
        : Activation.LeakyRelu(input, negativeSlope);

    /// <summary>
    /// x for x &gt; 0, else α(eˣ − 1), as <c>F.elu</c>; with <paramref name="inplace"/> it overwrites and returns the
    /// input (history EluBackward1).
    /// </summary>
    public static Tensor Elu(Tensor input, double alpha = 1.0, bool inplace = false) => inplace
        ? input.Apply_(x => Activation.Elu(x, alpha, inPlace: true))
        : Activation.Elu(input, alpha);

    /// <summary>
    /// x clamped to [minVal, maxVal], as <c>F.hardtanh</c> (gradient zero at and beyond the bounds, history
    /// HardtanhBackward0); with <paramref name="inplace"/> it overwrites and returns the input.
    /// </summary>
    public static Tensor Hardtanh(Tensor input, double minVal = -1.0, double maxVal = 1.0, bool inplace = false) => inplace
        ? input.Apply_(x => Activation.Hardtanh(x, minVal, maxVal))
        : Activation.Hardtanh(input, minVal, maxVal);

    /// <summary>min(max(x, 0), 6), as <c>F.relu6</c> (hardtanh underneath, history HardtanhBackward0).</summary>
    public static Tensor Relu6(Tensor input, bool inplace = false) => Hardtanh(input, 0.0, 6.0, inplace);

    /// <summary>
    /// x·Φ(x) with the normal CDF Φ in erf form, as <c>F.gelu</c>; <paramref name="approximate"/> "tanh" uses
    /// PyTorch's tanh approximation.
    /// </summary>
    public static Tensor Gelu(Tensor input, string approximate = "none") => approximate switch
    {
        "none" => Activation.Gelu(input, tanhApproximation: false),
        "tanh" => Activation.Gelu(input, tanhApproximation: true),
        _ => throw new ArgumentException($"approximate argument must be either none or tanh, got '{approximate}'"),
    };

    /// <summary>x·σ(x) (swish), as <c>F.silu</c>.</summary>
    public static Tensor Silu(Tensor input) => Activation.Silu(input);

    /// <summary>x·σ(x), as <c>F.silu(input, inplace)</c>; with <paramref name="inplace"/> it overwrites and returns the input.</summary>
    public static Tensor Silu(Tensor input, bool inplace) => inplace ? input.Apply_(Activation.Silu) : Activation.Silu(input);

    /// <summary>1 / (1 + e⁻ˣ), as <c>F.sigmoid</c>.</summary>
    public static Tensor Sigmoid(Tensor input) => input.Sigmoid();

    /// <summary>Hyperbolic tangent, as <c>F.tanh</c>.</summary>
    public static Tensor Tanh(Tensor input) => input.Tanh();

    /// <summary>log(1 + e^(βx))/β, and x itself where βx &gt; threshold, as <c>F.softplus</c>.</summary>
    public static Tensor Softplus(Tensor input, double beta = 1, double threshold = 20) => Activation.Softplus(input, beta, threshold);

    /// <summary>
    /// e^x / Σ e^x along <paramref name="dim"/>, computed max-subtracted, as <c>F.softmax(x, dim)</c>; without a dim,
    /// PyTorch's deprecated implicit choice (dim 0 for 0-, 1- and 3-D input, else 1) with its UserWarning.
    /// </summary>
    public static Tensor Softmax(Tensor input, int? dim = null, DType? dtype = null)
        => SoftmaxOp.Softmax(dtype is { } d ? input.To(d) : input, dim ?? ImplicitSoftmaxDim("softmax", input.Dim));

    /// <summary>
    /// x − log Σ eˣ along <paramref name="dim"/>, stable for large logits, as <c>F.log_softmax(x, dim)</c>; without a
    /// dim, PyTorch's deprecated implicit choice (dim 0 for 0-, 1- and 3-D input, else 1) with its UserWarning.
    /// </summary>
    public static Tensor LogSoftmax(Tensor input, int? dim = null, DType? dtype = null)
        => SoftmaxOp.LogSoftmax(dtype is { } d ? input.To(d) : input, dim ?? ImplicitSoftmaxDim("log_softmax", input.Dim));

    /// <summary>PyTorch's <c>_get_softmax_dim</c>: warns that the implicit dim is deprecated and picks 0 for 0-, 1- and 3-D input, else 1.</summary>
    private static int ImplicitSoftmaxDim(string op, int ndim)
    {
        Warnings.Warn($"Implicit dimension choice for {op} has been deprecated. Change the call to include dim=X as an argument.");
        return ndim is 0 or 1 or 3 ? 0 : 1;
    }
}
