using Gradus.Ops;

namespace Gradus;

public partial class Tensor
{
    /// <summary>This tensor where it lies outside [−λ, λ], else 0, as <c>hardshrink(lambd)</c> (history HardshrinkBackward0).</summary>
    public Tensor Hardshrink(double lambd = 0.5) => ActivationMore.Hardshrink(this, lambd);
}
