namespace Gradus.Data.Transforms;

/// <summary>
/// A step applied to each sample's tensor, as a <c>torchvision.transforms</c> callable; any
/// <c>Func&lt;Tensor, Tensor&gt;</c> converts to one (as <c>transforms.Lambda</c>).
/// </summary>
public abstract class Transform
{
    /// <summary>Applies the transform, as <c>transform(x)</c>.</summary>
    public abstract Tensor Apply(Tensor x);

    /// <summary>Wraps a function as a transform, as <c>transforms.Lambda(f)</c>.</summary>
    public static implicit operator Transform(Func<Tensor, Tensor> function) => new Lambda(function);
}

/// <summary>A transform made from a function, as <c>torchvision.transforms.Lambda</c>.</summary>
public sealed class Lambda(Func<Tensor, Tensor> function) : Transform
{
    private readonly Func<Tensor, Tensor> _function = function ?? throw new ArgumentNullException(nameof(function));

    /// <inheritdoc/>
    public override Tensor Apply(Tensor x) => _function(x);

    /// <inheritdoc/>
    public override string ToString() => "Lambda()";
}
