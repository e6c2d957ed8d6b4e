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

    /// <summary>
    /// True for a lazy module's parameter before its first forward, as PyTorch's <c>UninitializedParameter</c>: its data
    /// (<see cref="Tensor.Detach"/>) is an empty tensor, and Shape, Dim and Numel throw with PyTorch's messages.
    /// </summary>
    public bool IsUninitialized { get; private set; }

    /// <summary>A parameter with no data yet, as <c>UninitializedParameter()</c>; only lazy modules create one.</summary>
    internal static Parameter Uninitialized(DType dtype = DType.Float32) => new(Torch.Empty([0], dtype)) { IsUninitialized = true };

    /// <summary>
    /// Gives an uninitialized parameter fresh (unset) memory of <paramref name="shape"/> in place, as
    /// <c>UninitializedParameter.materialize(shape)</c>: the object stays the same, so an optimizer or a module that
    /// already holds it sees the new data. Only for lazy modules, which then initialize the values.
    /// </summary>
    internal void Materialize(int[] shape)
    {
        if (!IsUninitialized) throw new InvalidOperationException("Materialize: the parameter is already initialized");
        var data = Torch.Empty(shape, DType);
        (storage, this.shape, strides, offset) = (data.storage, data.shape, data.strides, data.offset);
        IsUninitialized = false;
    }

    /// <summary>PyTorch's error for reading the shape of an uninitialized parameter.</summary>
    internal static InvalidOperationException ShapeError() => new(
        "Can't access the shape of an uninitialized parameter or buffer. This error usually happens in `load_state_dict` when " +
        "trying to load an uninitialized parameter into an initialized one. Call `forward` to initialize the parameters before accessing their attributes.");

    /// <summary>PyTorch's error for using an uninitialized parameter in <paramref name="function"/>: a tensor method such as <c>numel</c>, or a built-in function such as <c>linear</c>.</summary>
    internal static InvalidOperationException UseError(string function, bool builtin = false) => new(
        $"Attempted to use an uninitialized parameter in {(builtin ? $"<built-in function {function}>" : $"<method '{function}' of 'torch._C._TensorBase' objects>")}. This error happens when you are using a " +
        "`LazyModule` or explicitly manipulating `torch.nn.parameter.UninitializedParameter` objects. When using LazyModules Call `forward` with a dummy batch " +
        "to initialize the parameters before calling torch functions");

    /// <summary>PyTorch's printout: <c>Parameter containing:</c> then the tensor, or <c>&lt;UninitializedParameter&gt;</c>.</summary>
    public override string ToString() => IsUninitialized ? "<UninitializedParameter>" : "Parameter containing:\n" + base.ToString();
}
