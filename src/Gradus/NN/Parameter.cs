namespace Gradus.NN;

/// <summary>
/// A tensor that is a module parameter, as <c>nn.Parameter</c>: a leaf that requires grad (by default)
/// and is registered by the <see cref="Module"/> that holds it.
/// </summary>
public sealed class Parameter : Tensor
{
    /// <summary>Wraps <paramref name="data"/>'s storage (no copy) as a parameter leaf.</summary>
    public Parameter(Tensor data, bool requiresGrad = true)
        : base(data.storage, data.shape, data.strides, data.offset, data.DType)
    {
        if (requiresGrad) RequiresGrad = true;
    }

    /// <summary>PyTorch's printout: <c>Parameter containing:</c> then the tensor.</summary>
    public override string ToString() => "Parameter containing:\n" + base.ToString();
}
