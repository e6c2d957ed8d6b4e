using Gradus.Kernels;

namespace Gradus.Ops;

/// <summary>A scalar base raised to a tensor exponent, and its backward rule (PowBackward2).</summary>
internal static class PowScalarBase
{
    public static Tensor Pow(double b, Tensor e)
    {
        var dt = DTypes.IsFloat(e.DType) ? e.DType : DType.Float32;
        var r = Binary.RunFloat<PowOp<float>, PowOp<double>>(Torch.Scalar(b, dt), e, dt, "pow");
        // d(b^e)/de = b^e * ln(b); PyTorch masks the base-zero case with a non-negative exponent to zero.
        return Tensor.Record(r, "PowBackward2", [e],
            g => [b == 0 ? Torch.Where(e.Ge(0.0), Torch.ZerosLike(g), g * r * Math.Log(b)) : g * r * Math.Log(b)], r);
    }
}
