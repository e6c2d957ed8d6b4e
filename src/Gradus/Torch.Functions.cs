using Gradus.Ops;

namespace Gradus;

public static partial class Torch
{
    /// <summary>Picks from <paramref name="a"/> where the condition holds, else from <paramref name="b"/>, as <c>torch.where</c>.</summary>
    public static Tensor Where(Tensor condition, Tensor a, Tensor b) => WhereOp.Where(condition, a, b);

    /// <summary><c>torch.where</c> with a scalar for the false branch.</summary>
    public static Tensor Where(Tensor condition, Tensor a, double b) => WhereOp.Where(condition, a, a.ScalarLike(b));

    /// <summary><c>torch.where</c> with a scalar for the true branch.</summary>
    public static Tensor Where(Tensor condition, double a, Tensor b) => WhereOp.Where(condition, b.ScalarLike(a), b);

    /// <summary>e^x, as <c>torch.exp</c>.</summary>
    public static Tensor Exp(Tensor x) => x.Exp();

    /// <summary>Natural log, as <c>torch.log</c>.</summary>
    public static Tensor Log(Tensor x) => x.Log();

    /// <summary>Square root, as <c>torch.sqrt</c>.</summary>
    public static Tensor Sqrt(Tensor x) => x.Sqrt();

    /// <summary>Absolute value, as <c>torch.abs</c>.</summary>
    public static Tensor Abs(Tensor x) => x.Abs();

    /// <summary>Elementwise power, as <c>torch.pow</c>.</summary>
    public static Tensor Pow(Tensor x, double exponent) => x.Pow(exponent);

    /// <summary>Elementwise power with a tensor exponent.</summary>
    public static Tensor Pow(Tensor x, Tensor exponent) => x.Pow(exponent);

    /// <summary>Elementwise maximum, as <c>torch.maximum</c>.</summary>
    public static Tensor Maximum(Tensor a, Tensor b) => a.Maximum(b);

    /// <summary>Elementwise minimum, as <c>torch.minimum</c>.</summary>
    public static Tensor Minimum(Tensor a, Tensor b) => a.Minimum(b);

    /// <summary>Limits values to [min, max], as <c>torch.clamp</c>.</summary>
    public static Tensor Clamp(Tensor x, double? min = null, double? max = null) => x.Clamp(min, max);

    /// <summary>Sigmoid, as <c>torch.sigmoid</c>.</summary>
    public static Tensor Sigmoid(Tensor x) => x.Sigmoid();

    /// <summary>Hyperbolic tangent, as <c>torch.tanh</c>.</summary>
    public static Tensor Tanh(Tensor x) => x.Tanh();

    /// <summary>max(x, 0), as <c>torch.relu</c>.</summary>
    public static Tensor Relu(Tensor x) => x.Relu();

    /// <summary>Sum of all elements, as <c>torch.sum</c>.</summary>
    public static Tensor Sum(Tensor x) => x.Sum();

    /// <summary>Mean of all elements, as <c>torch.mean</c>.</summary>
    public static Tensor Mean(Tensor x) => x.Mean();

    /// <summary>Reshape, as <c>torch.reshape</c>.</summary>
    public static Tensor Reshape(Tensor x, params int[] shape) => x.Reshape(shape);

    /// <summary>Flatten, as <c>torch.flatten</c>.</summary>
    public static Tensor Flatten(Tensor x, int startDim = 0, int endDim = -1) => x.Flatten(startDim, endDim);
}
