namespace Gradus.NN;

/// <summary>
/// Base class of the loss modules, as PyTorch's <c>_Loss</c>: called with an input and a target
/// (<c>loss_fn(yhat, y)</c> is <c>lossFn.Call(yhat, y)</c>) and reduced by <see cref="Reduction"/>.
/// </summary>
public abstract class Loss(Reduction reduction) : Module
{
    /// <summary>How per-element losses are combined.</summary>
    public Reduction Reduction { get; } = reduction;

    /// <summary>Computes the loss of <paramref name="input"/> against <paramref name="target"/>.</summary>
    public abstract Tensor Forward(Tensor input, Tensor target);

    /// <summary>Computes the loss with the module's hooks, as PyTorch's <c>loss_fn(input, target)</c>.</summary>
    public Tensor Call(Tensor input, Tensor target) => CallWith(input, () => Forward(input, target));

    /// <summary>A loss needs a target: this overload always throws, as PyTorch's missing-argument error.</summary>
    public sealed override Tensor Forward(Tensor input) =>
        throw new InvalidOperationException($"{GetType().Name}.Forward() missing 1 required argument: 'target'");
}
