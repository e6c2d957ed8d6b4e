namespace Gradus;

public static partial class Torch
{
    /// <summary>Element-wise square, as <c>torch.square(x)</c>.</summary>
    public static Tensor Square(Tensor x) => x.Square();

    /// <summary>
    /// A tensor from a C# array keeping its element type (double[] stays float64) unless a dtype is given, as
    /// <c>torch.as_tensor(ndarray, dtype)</c>. The data is copied.
    /// </summary>
    public static Tensor AsTensor(Array data, DType? dtype = null)
    {
        var t = FromArray(data);
        return dtype is { } d && d != t.DType ? t.To(d) : t;
    }

    /// <summary>The tensor itself when it already has <paramref name="dtype"/> (no copy), else a converted copy, as <c>torch.as_tensor(tensor, dtype)</c>.</summary>
    public static Tensor AsTensor(Tensor data, DType? dtype = null) => dtype is { } d && d != data.DType ? data.To(d) : data;
}
