namespace Gradus.Data;

/// <summary>
/// Deconstruction of a sample or batch given as <c>Tensor[]</c>, so the fields read as in Python's tuple unpacking:
/// <c>var (x, y) = dataset[0]</c> and <c>foreach (var (x, y) in loader)</c>.
/// </summary>
public static class TensorTuple
{
    /// <summary>Unpacks a pair of tensors, as <c>x, y = batch</c>.</summary>
    public static void Deconstruct(this Tensor[] tensors, out Tensor first, out Tensor second)
    {
        Check(tensors, 2);
        first = tensors[0];
        second = tensors[1];
    }

    /// <summary>Unpacks three tensors, as <c>x, y, z = batch</c>.</summary>
    public static void Deconstruct(this Tensor[] tensors, out Tensor first, out Tensor second, out Tensor third)
    {
        Check(tensors, 3);
        first = tensors[0];
        second = tensors[1];
        third = tensors[2];
    }

    private static void Check(Tensor[] tensors, int expected)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        if (tensors.Length != expected)
            throw new ArgumentException($"not enough values to unpack or too many values to unpack (expected {expected}, got {tensors.Length})");
    }
}
