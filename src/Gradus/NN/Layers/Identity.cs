namespace Gradus.NN;

/// <summary>Returns its input unchanged, as <c>nn.Identity</c> (a placeholder layer).</summary>
public sealed class Identity : Module
{
    /// <summary>Returns <paramref name="input"/> itself.</summary>
    public override Tensor Forward(Tensor input) => input;
}
