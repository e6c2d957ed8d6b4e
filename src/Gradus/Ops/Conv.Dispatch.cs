namespace Gradus.Ops;

/// <summary>
/// Runs a span kernel of the convolution and pooling ops on float or double data: inputs are made contiguous,
/// the result is allocated, and the float or double instantiation is picked once per call.
/// </summary>
internal static class FloatKernel
{
    public delegate void Unary<T>(ReadOnlySpan<T> source, Span<T> result);

    public delegate void Binary<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> result);

    /// <summary>result = kernel(source) into a fresh tensor of <paramref name="shape"/> (zeroed when <paramref name="zeroed"/>).</summary>
    public static Tensor Run(Tensor source, int[] shape, Unary<float> f, Unary<double> d, bool zeroed = false)
    {
        var src = source.Detach().Contiguous();
        var r = zeroed ? Torch.Zeros(shape, source.DType) : Torch.Empty(shape, source.DType);
        if (source.DType == DType.Float32) f(src.Span<float>(), r.Span<float>());
        else d(src.Span<double>(), r.Span<double>());
        return r;
    }

    /// <summary>kernel(a, b) into <paramref name="result"/> (which the kernel may accumulate into).</summary>
    public static Tensor Run(Tensor a, Tensor b, Tensor result, Binary<float> f, Binary<double> d)
    {
        var ac = a.Detach().Contiguous();
        var bc = b.Detach().Contiguous();
        if (result.DType == DType.Float32) f(ac.Span<float>(), bc.Span<float>(), result.Span<float>());
        else d(ac.Span<double>(), bc.Span<double>(), result.Span<double>());
        return result;
    }
}
