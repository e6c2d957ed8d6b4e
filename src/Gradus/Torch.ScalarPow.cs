using Gradus.Ops;

namespace Gradus;

public static partial class Torch
{
    /// <summary>
    /// A number raised to each element of <paramref name="exponent"/>, as <c>torch.pow(10.0, x)</c>; the result is
    /// float32 for integer exponents and keeps a floating exponent's dtype (PowBackward2).
    /// </summary>
    public static Tensor Pow(double self, Tensor exponent) => PowScalarBase.Pow(self, exponent);
}
