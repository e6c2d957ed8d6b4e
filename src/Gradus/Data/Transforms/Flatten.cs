namespace Gradus.Data.Transforms;

/// <summary>Flattens a sample into a 1-D tensor (a 1x28x28 image into 784 values), as <c>torch.flatten(x)</c>.</summary>
public sealed class Flatten : Transform
{
    /// <inheritdoc/>
    public override Tensor Apply(Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        return x.Flatten();
    }

    /// <inheritdoc/>
    public override string ToString() => "Flatten()";
}
