namespace Gradus.Ops;

/// <summary>
/// Runs a span kernel of the convolution and pooling ops on float or double data: the source is made
/// contiguous and the float or double instantiation is picked once per call.
/// </summary>
internal static class FloatKernel
{
    public delegate void Unary<T>(ReadOnlySpan<T> source, Span<T> result);

    /// <summary>kernel(source) into a fresh contiguous tensor of <paramref name="shape"/>, every element of which the kernel writes.</summary>
    public static Tensor Run(Tensor source, int[] shape, Unary<float> f, Unary<double> d) =>
        Into(source, Torch.Uninitialized(shape, source.DType), f, d);

    /// <summary>kernel(source) into the contiguous <paramref name="result"/> (which the kernel may accumulate into); returns it.</summary>
    public static Tensor Into(Tensor source, Tensor result, Unary<float> f, Unary<double> d)
    {
        var src = source.Detach().Contiguous();
        if (result.DType == DType.Float32) f(src.Span<float>(), result.Span<float>());
        else d(src.Span<double>(), result.Span<double>());
        return result;
    }
}
