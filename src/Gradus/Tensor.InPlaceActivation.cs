using Gradus.Ops;

namespace Gradus;

public partial class Tensor
{
    /// <summary>In-place max(x, 0), as <c>relu_()</c>; a non-leaf takes the history <c>ReluBackward0</c>.</summary>
    public Tensor Relu_() => Apply_(Unary.Relu);

    /// <summary>In-place logistic sigmoid, as <c>sigmoid_()</c>; a non-leaf takes the history <c>SigmoidBackward0</c>.</summary>
    public Tensor Sigmoid_() => Apply_(Unary.Sigmoid);

    /// <summary>In-place hyperbolic tangent, as <c>tanh_()</c>; a non-leaf takes the history <c>TanhBackward0</c>.</summary>
    public Tensor Tanh_() => Apply_(Unary.Tanh);

    /// <summary>
    /// Overwrites this tensor with <paramref name="op"/> of itself under PyTorch's in-place rules (errors on a leaf that
    /// requires grad or a view of one; otherwise this tensor takes the op's history and its version counter moves on).
    /// </summary>
    internal Tensor Apply_(Func<Tensor, Tensor> op) => InPlace(this, (a, _) => op(a));
}
