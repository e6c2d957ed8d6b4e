using Gradus.Random;

namespace Gradus.NN;

/// <summary>
/// A <see cref="Linear"/> whose in_features is inferred from the first input's last dimension, as
/// <c>nn.LazyLinear(out_features, bias)</c>. Until the first call its weight and bias are uninitialized parameters
/// (<see cref="Parameter.IsUninitialized"/>: empty data, so D2L's <c>weight.data.normal_</c> does nothing); the first
/// call materializes them in place (an optimizer built earlier updates them) and initializes them as Linear does,
/// drawing from the generator in PyTorch's order. The layer then prints as <c>Linear(in_features=…, …)</c>.
/// Loading a state dict into it first takes the checkpoint's shapes, as PyTorch's lazy load hook.
/// </summary>
public sealed class LazyLinear : Linear
{
    private readonly Generator? generator;
    private IDisposable? initializeHook;

    /// <summary>Creates the layer with uninitialized parameters; they are drawn at the first call from <paramref name="generator"/> (default: <see cref="Generator.Default"/>).</summary>
    public LazyLinear(int outFeatures, bool bias = true, Generator? generator = null)
        : base(outFeatures, bias)
    {
        Warnings.Warn("Lazy modules are a new feature under heavy development so changes to the API or functionality can happen at any moment.");
        this.generator = generator;
        initializeHook = RegisterForwardPreHook((_, input) => InferParameters(input));
    }

    /// <summary>True until the first call, while the layer still prints as LazyLinear (PyTorch then turns it into a Linear).</summary>
    public bool IsLazy => initializeHook is not null;

    /// <inheritdoc/>
    private protected override string ClassName => IsLazy ? nameof(LazyLinear) : nameof(Linear);

    /// <summary>The first call's pre-hook, as <c>_infer_parameters</c>: materializes and initializes, then the layer becomes a Linear.</summary>
    private void InferParameters(Tensor input)
    {
        if (Weight.IsUninitialized || Bias is { IsUninitialized: true })
        {
            if (input.Dim == 0) throw new IndexOutOfRangeException("tuple index out of range");
            InFeatures = input.Size(-1);
            if (Weight.IsUninitialized) Weight.Materialize([OutFeatures, InFeatures]);
            if (Bias is { IsUninitialized: true } b) b.Materialize([OutFeatures]);
            if (InFeatures != 0) ResetParameters(generator);
        }
        initializeHook!.Dispose();
        initializeHook = null;
    }

    /// <summary>Runs Linear's forward; before the first <see cref="Module.Call(Tensor)"/> the parameters are uninitialized and this throws as PyTorch's F.linear does.</summary>
    public override Tensor Forward(Tensor input)
    {
        if (Weight.IsUninitialized)
            throw Parameter.UseError("linear", builtin: true);
        return base.Forward(input);
    }

    /// <summary>Materializes each uninitialized parameter found in the state dict with the saved shape, then loads as usual.</summary>
    protected override void LoadFromStateDict(IDictionary<string, Tensor> stateDict, string prefix,
        List<string> missingKeys, List<string> unexpectedKeys, List<string> errorMessages)
    {
        foreach (var (name, p) in NamedParameters(recurse: false))
            if (p.IsUninitialized && stateDict.TryGetValue(prefix + name, out var saved) && saved is not Parameter { IsUninitialized: true })
                p.Materialize(saved.shape);
        base.LoadFromStateDict(stateDict, prefix, missingKeys, unexpectedKeys, errorMessages);
    }
}
