using System.Numerics;

namespace Gradus.Ops;

/// <summary>
/// The remaining elementwise activations of torch 1.13 (log-sigmoid, mish, hardsigmoid, hardswish, SELU, CELU,
/// soft/hard shrink, threshold), each one fused pass forward with PyTorch's node name and gradient rule at its kinks.
/// </summary>
internal static class ActivationMore
{
    /// <summary>SELU's α and scale, as torch's constants.</summary>
    public const double SeluAlpha = 1.6732632423543772848170429916717, SeluScale = 1.0507009873554804934193349852946;

    /// <summary>log σ(x) = min(x, 0) − log1p(e^−|x|), node LogSigmoidBackward0 with gradient σ(−x).</summary>
    public static Tensor LogSigmoid(Tensor x)
    {
        var r = Activation.Map(x, new LogSigmoidFn<float>(), new LogSigmoidFn<double>(), "log_sigmoid_forward");
        return Tensor.Record(r, "LogSigmoidBackward0", [x], g =>
            [Activation.Grad(x, g, new LogSigmoidFn<float>(), new LogSigmoidFn<double>(), () => g * x.Neg().Sigmoid())], x);
    }

    /// <summary>x·tanh(softplus(x)) with softplus = log1p(eˣ), node MishBackward0.</summary>
    public static Tensor Mish(Tensor x)
    {
        var r = Activation.Map(x, new MishFn<float>(), new MishFn<double>(), "mish");
        return Tensor.Record(r, "MishBackward0", [x], g => [Activation.Grad(x, g, new MishFn<float>(), new MishFn<double>(), () =>
        {
            var t = (x.Exp() + 1.0).Log().Tanh();
            return g * (t + x * x.Sigmoid() * (1.0 - t * t));
        })], x);
    }

    /// <summary>relu6(x + 3)/6, node HardsigmoidBackward0 whose gradient is g·(1f/6f) strictly inside (−3, 3), else zero
    /// (PyTorch multiplies by the float constant even for double).</summary>
    public static Tensor Hardsigmoid(Tensor x)
    {
        var r = Activation.Map(x, new HardsigmoidFn<float>(), new HardsigmoidFn<double>(), "hardsigmoid");
        return Tensor.Record(r, "HardsigmoidBackward0", [x], g => [Activation.Grad(x, g, new HardsigmoidFn<float>(), new HardsigmoidFn<double>(),
            () => Torch.Where(x.Gt(-3.0) & x.Lt(3.0), g * (double)(1f / 6f), 0.0))], x);
    }

    /// <summary>
    /// x·relu6(x + 3)/6, node HardswishBackward0: gradient 0 below −3, x/3 + ½ on [−3, 3), 1 from 3 on (as PyTorch's
    /// vectorised CPU kernel; its scalar tail gives 1.5 at exactly 3).
    /// </summary>
    public static Tensor Hardswish(Tensor x)
    {
        var r = Activation.Map(x, new HardswishFn<float>(), new HardswishFn<double>(), "hardswish");
        return Tensor.Record(r, "HardswishBackward0", [x], g => [Activation.Grad(x, g, new HardswishFn<float>(), new HardswishFn<double>(),
            () => Torch.Where(x.Lt(-3.0), 0.0, Torch.Where(x.Lt(3.0), g * (x / 3.0 + 0.5), g)))], x);
    }

    /// <summary>
    /// scale·(x for x &gt; 0, else α(e^(x/β) − 1))·, torch's general elu: SELU (EluBackward0/1) and CELU (CeluBackward0/1,
    /// β = α); the gradient takes the negative branch at x = 0.
    /// </summary>
    public static Tensor ScaledElu(Tensor x, double alpha, double scale, double inputScale, string node)
    {
        var f = new ScaledEluFn<float>((float)alpha, (float)scale, (float)inputScale);
        var d = new ScaledEluFn<double>(alpha, scale, inputScale);
        var r = Activation.Map(x, f, d, "elu");
        return Tensor.Record(r, node, [x], g => [Activation.Grad(x, g, f, d,
            () => Torch.Where(x.Gt(0.0), g * scale, g * (scale * alpha * inputScale) * (x * inputScale).Exp()))], x);
    }

    /// <summary>x − λ above λ, x + λ below −λ, else 0; node SoftshrinkBackward0, gradient zero on [−λ, λ].</summary>
    public static Tensor Softshrink(Tensor x, double lambd)
    {
        if (lambd < 0) throw new ArgumentException($"lambda must be greater or equal to 0, but found to be {lambd.ToString(System.Globalization.CultureInfo.InvariantCulture)}.");
        var f = new ShrinkFn<float>((float)lambd, soft: true);
        var d = new ShrinkFn<double>(lambd, soft: true);
        var r = Activation.Map(x, f, d, "softshrink");
        return Tensor.Record(r, "SoftshrinkBackward0", [x], g => [Activation.Grad(x, g, f, d, () => ShrinkGrad(x, g, lambd))], x);
    }

    /// <summary>x outside [−λ, λ], else 0; node HardshrinkBackward0, gradient zero on [−λ, λ].</summary>
    public static Tensor Hardshrink(Tensor x, double lambd)
    {
        var f = new ShrinkFn<float>((float)lambd, soft: false);
        var d = new ShrinkFn<double>(lambd, soft: false);
        var r = Activation.Map(x, f, d, "hardshrink");
        return Tensor.Record(r, "HardshrinkBackward0", [x], g => [Activation.Grad(x, g, f, d, () => ShrinkGrad(x, g, lambd))], x);
    }

    private static Tensor ShrinkGrad(Tensor x, Tensor g, double lambd) => Torch.Where(x.Ge(-lambd) & x.Le(lambd), 0.0, g);

    /// <summary>
    /// value where x ≤ threshold, else x; node ThresholdBackward0 (ThresholdBackward1 in place, still masking by the
    /// original input), gradient zero where x ≤ threshold.
    /// </summary>
    public static Tensor Threshold(Tensor x, double threshold, double value, bool inPlace = false)
    {
        var f = new ThresholdFn<float>((float)threshold, (float)value);
        var d = new ThresholdFn<double>(threshold, value);
        var r = Activation.Map(x, f, d, "threshold");
        return Tensor.Record(r, inPlace ? "ThresholdBackward1" : "ThresholdBackward0", [x], g =>
            [Activation.Grad(x, g, f, d, () => Torch.Where(x.Le(threshold), 0.0, g))], x);
    }

    private readonly struct LogSigmoidFn<T> : IScalarFunction<T>, IScalarDerivative<T> where T : IFloatingPointIeee754<T>
    {
        public T Invoke(T x) => T.Min(x, T.Zero) - T.CreateTruncating(SpecialMath.Log1p(Math.Exp(-Math.Abs(double.CreateTruncating(x)))));
        public T Invoke(T x, T g) => g / (T.One + T.Exp(x));
    }

    private readonly struct MishFn<T> : IScalarFunction<T>, IScalarDerivative<T> where T : IFloatingPointIeee754<T>
    {
        public T Invoke(T x) => x * T.Tanh(T.CreateTruncating(SpecialMath.Log1p(double.CreateTruncating(T.Exp(x)))));

        public T Invoke(T x, T g)
        {
            T s = T.One / (T.One + T.Exp(-x));
            T t = T.Tanh(T.CreateTruncating(SpecialMath.Log1p(double.CreateTruncating(T.Exp(x)))));
            return g * (t + x * s * (T.One - t * t));
        }
    }

    private readonly struct HardsigmoidFn<T> : IScalarFunction<T>, IScalarDerivative<T> where T : IFloatingPointIeee754<T>
    {
        private static readonly T Three = T.CreateTruncating(3), Six = T.CreateTruncating(6);
        public T Invoke(T x) => T.Min(T.Max(x + Three, T.Zero), Six) / Six;
        public T Invoke(T x, T g) => x > -Three && x < Three ? g * T.CreateTruncating(1f / 6f) : T.Zero;
    }

    private readonly struct HardswishFn<T> : IScalarFunction<T>, IScalarDerivative<T> where T : IFloatingPointIeee754<T>
    {
        private static readonly T Three = T.CreateTruncating(3), Six = T.CreateTruncating(6), Half = T.CreateTruncating(0.5);
        public T Invoke(T x) => x * T.Min(T.Max(x + Three, T.Zero), Six) / Six;
        public T Invoke(T x, T g) => x < -Three ? T.Zero : x < Three ? g * (x / Three + Half) : g;
    }

    private readonly struct ScaledEluFn<T>(T alpha, T scale, T inputScale) : IScalarFunction<T>, IScalarDerivative<T>
        where T : IFloatingPointIeee754<T>
    {
        public T Invoke(T x) => x > T.Zero ? x * scale : alpha * scale * (T.Exp(x * inputScale) - T.One);
        public T Invoke(T x, T g) => x > T.Zero ? g * scale : g * alpha * scale * inputScale * T.Exp(x * inputScale);
    }

    private readonly struct ShrinkFn<T>(T lambd, bool soft) : IScalarFunction<T>, IScalarDerivative<T> where T : IFloatingPointIeee754<T>
    {
        public T Invoke(T x) => x >= -lambd && x <= lambd ? T.Zero : !soft ? x : x > lambd ? x - lambd : x + lambd;
        public T Invoke(T x, T g) => x >= -lambd && x <= lambd ? T.Zero : g;
    }

    private readonly struct ThresholdFn<T>(T threshold, T value) : IScalarFunction<T>, IScalarDerivative<T> where T : IFloatingPointIeee754<T>
    {
        public T Invoke(T x) => x <= threshold ? value : x;
        public T Invoke(T x, T g) => x <= threshold ? T.Zero : g;
    }
}
