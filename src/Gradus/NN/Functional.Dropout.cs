using Gradus.Random;

namespace Gradus.NN;

public static partial class F
{
    /// <summary>
    /// In training, zeroes each element with probability <paramref name="p"/> (a Bernoulli(1 − p) mask drawn from
    /// <paramref name="generator"/>, default <see cref="Generator.Default"/>) and scales the rest by 1/(1 − p), as
    /// <c>F.dropout</c>; returns the input unchanged when not training. With <paramref name="inplace"/> the input is
    /// multiplied by the mask in place (history MulBackward0) and returned.
    /// </summary>
    public static Tensor Dropout(Tensor input, double p = 0.5, bool training = true, Generator? generator = null, bool inplace = false)
    {
        if (!(p >= 0 && p <= 1))
            throw new ArgumentException($"dropout probability has to be between 0 and 1, but got {PyRepr.Float(p)}");
        if (p == 0 || !training || input.Numel == 0) return input;
        if (p == 1) return inplace ? input.Mul_(Torch.Zeros([], input.DType)) : input * Torch.Zeros([], input.DType);
        if (!input.IsFloatingPoint) throw new ArgumentException($"dropout: expected a floating-point input, got {input.DType}");
        var g = generator ?? Generator.Default;
        var noise = Torch.Empty(input.shape, input.DType);
        if (input.DType == DType.Float32) g.Bernoulli(noise.Span<float>(), 1 - p);
        else g.Bernoulli(noise.Span<double>(), 1 - p);
        using (Torch.NoGrad()) noise = noise / (1 - p);
        return inplace ? input.Mul_(noise) : input * noise;
    }
}
