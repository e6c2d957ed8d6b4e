namespace Gradus.Data.Transforms;

/// <summary>Several transforms applied in order, as <c>torchvision.transforms.Compose</c>.</summary>
public sealed class Compose : Transform
{
    private readonly Transform[] _transforms;

    /// <summary>Chains <paramref name="transforms"/>: the first is applied first.</summary>
    public Compose(params Transform[] transforms)
    {
        ArgumentNullException.ThrowIfNull(transforms);
        for (int i = 0; i < transforms.Length; i++)
            ArgumentNullException.ThrowIfNull(transforms[i], $"{nameof(transforms)}[{i}]");
        _transforms = transforms.ToArray();
    }

    /// <summary>The chained transforms, in order.</summary>
    public IReadOnlyList<Transform> Transforms => _transforms;

    /// <inheritdoc/>
    public override Tensor Apply(Tensor x)
    {
        foreach (var t in _transforms)
            x = t.Apply(x);
        return x;
    }

    /// <summary>Lists the transforms as torchvision prints a Compose.</summary>
    public override string ToString() =>
        "Compose(\n" + string.Concat(_transforms.Select(t => $"    {t}\n")) + ")";
}
