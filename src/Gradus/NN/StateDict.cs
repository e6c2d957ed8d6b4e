namespace Gradus.NN;

/// <summary>
/// A module's parameters and persistent buffers by dotted name, in PyTorch's order, as returned by
/// <see cref="Module.StateDict"/>; prints as PyTorch's <c>OrderedDict([('0.weight', tensor(...)), ...])</c>.
/// </summary>
public sealed class StateDict : OrderedDictionary<string, Tensor>
{
    /// <summary>PyTorch's printout: <c>OrderedDict([('b', tensor([1.0235])), ('w', tensor([1.9690]))])</c>.</summary>
    public override string ToString() => "OrderedDict([" + string.Join(", ", this.Select(kv => $"('{kv.Key}', {kv.Value})")) + "])";
}
