using Gradus.Formatting;

namespace Gradus;

public partial class Tensor
{
    /// <summary>Prints as PyTorch does, e.g. <c>tensor([[0., 1.],\n        [2., 3.]], requires_grad=True)</c>, using <see cref="PrintOptions.Current"/>.</summary>
    public override string ToString() => TensorFormatter.Repr(this, PrintOptions.Current);

    /// <summary>Prints as PyTorch does with the given options (precision, summarisation, line width, scientific mode).</summary>
    public string ToString(PrintOptions options) => TensorFormatter.Repr(this, options);
}
