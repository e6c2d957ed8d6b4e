using System.Numerics;

namespace Gradus.Ops;

/// <summary>A scalar function with settings (slope, alpha, beta), applied element by element.</summary>
internal interface IScalarFunction<T>
{
    T Invoke(T x);
}

/// <summary>A scalar derivative: the input gradient g·f'(x) from the input x and the output gradient g.</summary>
internal interface IScalarDerivative<T>
{
    T Invoke(T x, T g);
}

/// <summary>
/// Elementwise activations that the core lacks (leaky ReLU, ELU, GELU, SiLU, softplus), each computed in
/// one pass on float or double data, with backward rules written in tensor ops so they differentiate again.
/// </summary>
internal static class Activation
{
    /// <summary>Applies a scalar function to every element of a float tensor into a new contiguous tensor.</summary>
    internal static Tensor Map<TF, TD>(Tensor x, TF f, TD d, string op)
        where TF : struct, IScalarFunction<float> where TD : struct, IScalarFunction<double>
    {
        if (!x.IsFloatingPoint) throw new ArgumentException($"\"{op}\" not implemented for '{x.DType}'");
        var c = x.Detach().Contiguous();
        var r = Torch.Empty(x.shape, x.DType);
        if (x.DType == DType.Float32)
        {
            var src = c.Span<float>();
            var dst = r.Span<float>();
            for (int i = 0; i < src.Length; i++) dst[i] = f.Invoke(src[i]);
        }
        else
        {
            var src = c.Span<double>();
            var dst = r.Span<double>();
            for (int i = 0; i < src.Length; i++) dst[i] = d.Invoke(src[i]);
        }
        return r;
    }

    /// <summary>
    /// The input gradient in one fused pass when no higher-order graph is being built, else from
    /// <paramref name="composed"/> (tensor ops that differentiate again).
    /// </summary>
    internal static Tensor Grad<TF, TD>(Tensor x, Tensor g, TF f, TD d, Func<Tensor> composed)
        where TF : struct, IScalarDerivative<float> where TD : struct, IScalarDerivative<double>
    {
        if (GradMode.IsEnabled || g.DType != x.DType) return composed();
        var xc = x.Detach().Contiguous();
        var gc = g.Detach().Contiguous();
        var r = Torch.Empty(x.shape, x.DType);
        if (x.DType == DType.Float32)
        {
            ReadOnlySpan<float> xs = xc.Span<float>(), gs = gc.Span<float>();
            var dst = r.Span<float>();
            for (int i = 0; i < dst.Length; i++) dst[i] = f.Invoke(xs[i], gs[i]);
        }
        else
        {
            ReadOnlySpan<double> xs = xc.Span<double>(), gs = gc.Span<double>();
            var dst = r.Span<double>();
            for (int i = 0; i < dst.Length; i++) dst[i] = d.Invoke(xs[i], gs[i]);
        }
        return r;
    }

    /// <summary>
    /// Leaky ReLU; <paramref name="inPlace"/> names the node as torch's <c>leaky_relu_</c> does (LeakyReluBackward1),
    /// whose backward refuses a negative slope.
    /// </summary>
    public static Tensor LeakyRelu(Tensor x, double slope, bool inPlace = false)
    {
        var r = Map(x, new LeakyReluFn<float>((float)slope), new LeakyReluFn<double>(slope), "leaky_relu");
        return Tensor.Record(r, inPlace ? "LeakyReluBackward1" : "LeakyReluBackward0", [x], g => inPlace && slope < 0
            ? throw new InvalidOperationException("In-place leakyReLu backward calculation is triggered with a negative slope which is not supported. " +
                "This is caused by calling in-place forward function with a negative slope, please call out-of-place version instead. " +
                "File an issue at https://github.com/pytorch/pytorch if you do require supporting in-place leakRelu backward calculation with negative slope")
            : [Grad(x, g, new LeakyReluFn<float>((float)slope), new LeakyReluFn<double>(slope), () => Torch.Where(x.Gt(0.0), g, g * slope))], x);
    }

    /// <summary>ELU; <paramref name="inPlace"/> names the node as torch's <c>elu_</c> does (EluBackward1), whose backward refuses a negative alpha.</summary>
    public static Tensor Elu(Tensor x, double alpha, bool inPlace = false)
    {
        var r = Map(x, new EluFn<float>((float)alpha), new EluFn<double>(alpha), "elu");
        return Tensor.Record(r, inPlace ? "EluBackward1" : "EluBackward0", [x], g => inPlace && alpha < 0
            ? throw new InvalidOperationException("In-place elu backward calculation is triggered with a negative slope which is not supported. " +
                "This is caused by calling in-place forward function with a negative slope, please call out-of-place version instead.")
            : [Grad(x, g, new EluFn<float>((float)alpha), new EluFn<double>(alpha), () => Torch.Where(x.Gt(0.0), g, g * alpha * x.Exp()))], x);
    }

    /// <summary>
    /// Hardtanh: x clamped to [min, max] (NaN kept; max wins where min &gt; max, as clamp), node HardtanhBackward0 whose
    /// gradient is zero at and beyond both bounds and at NaN (as PyTorch's vectorised CPU kernel); integer inputs (which
    /// never require grad) go through clamp.
    /// </summary>
    public static Tensor Hardtanh(Tensor x, double min, double max)
    {
        if (!x.IsFloatingPoint) return x.Clamp(min, max);
        var f = new HardtanhFn<float>((float)min, (float)max);
        var d = new HardtanhFn<double>(min, max);
        var r = Map(x, f, d, "hardtanh");
        return Tensor.Record(r, "HardtanhBackward0", [x], g => [Grad(x, g, f, d, () => Torch.Where(x.Gt(min) & x.Lt(max), g, 0.0))], x);
    }

    /// <summary>x·Φ(x) with Φ the standard normal CDF (erf form), or PyTorch's tanh approximation.</summary>
    public static Tensor Gelu(Tensor x, bool tanhApproximation)
    {
        if (tanhApproximation)
        {
            var r = Map(x, new GeluTanhFn<float>(), new GeluTanhFn<double>(), "gelu");
            return Tensor.Record(r, "GeluBackward0", [x], g => [Grad(x, g, new GeluTanhFn<float>(), new GeluTanhFn<double>(), () =>
            {
                const double k = 0.7978845608028654; // sqrt(2/pi)
                var inner = k * (x + 0.044715 * x * x * x);
                var t = inner.Tanh();
                var dInner = k * (1.0 + 3 * 0.044715 * x * x);
                return g * (0.5 * (1.0 + t) + 0.5 * x * (1.0 - t * t) * dInner);
            })], x);
        }
        var y = Map(x, new GeluErfFn<float>(), new GeluErfFn<double>(), "gelu");
        return Tensor.Record(y, "GeluBackward0", [x], g =>
            [Grad(x, g, new GeluErfFn<float>(), new GeluErfFn<double>(), () => g * (NormalCdf(x) + x * NormalPdf(x)))], x);
    }

    /// <summary>Φ(x) = (1 + erf(x/√2)) / 2, differentiable (its derivative is the normal density).</summary>
    public static Tensor NormalCdf(Tensor x)
    {
        var r = Map(x, new NormalCdfFn<float>(), new NormalCdfFn<double>(), "normal_cdf");
        return Tensor.Record(r, "NormalCdfBackward", [x], g => [g * NormalPdf(x)], x);
    }

    /// <summary>The standard normal density e^(-x²/2)/√(2π), in tensor ops.</summary>
    private static Tensor NormalPdf(Tensor x) => (x * x * -0.5).Exp() * 0.3989422804014327;

    public static Tensor Silu(Tensor x)
    {
        var r = Map(x, new SiluFn<float>(), new SiluFn<double>(), "silu");
        return Tensor.Record(r, "SiluBackward0", [x], g => [Grad(x, g, new SiluFn<float>(), new SiluFn<double>(), () =>
        {
            var s = x.Sigmoid();
            return g * s * (1.0 + x * (1.0 - s));
        })], x);
    }

    /// <summary>log(1 + e^(βx))/β, linear where βx exceeds the threshold, as torch's softplus.</summary>
    public static Tensor Softplus(Tensor x, double beta, double threshold)
    {
        var r = Map(x, new SoftplusFn<float>((float)beta, (float)threshold), new SoftplusFn<double>(beta, threshold), "softplus");
        return Tensor.Record(r, "SoftplusBackward0", [x], g =>
            [Grad(x, g, new SoftplusFn<float>((float)beta, (float)threshold), new SoftplusFn<double>(beta, threshold), () =>
            {
                var bx = x * beta;
                return Torch.Where(bx.Gt(threshold), g, g * bx.Sigmoid());
            })], x);
    }

    private readonly struct LeakyReluFn<T>(T slope) : IScalarFunction<T>, IScalarDerivative<T> where T : IFloatingPointIeee754<T>
    {
        public T Invoke(T x) => x > T.Zero ? x : x * slope;
        public T Invoke(T x, T g) => x > T.Zero ? g : g * slope;
    }

    private readonly struct HardtanhFn<T>(T min, T max) : IScalarFunction<T>, IScalarDerivative<T> where T : IFloatingPointIeee754<T>
    {
        public T Invoke(T x)
        {
            T v = x < min ? min : x;
            return v > max ? max : v;
        }

        public T Invoke(T x, T g) => x > min && x < max ? g : T.Zero;
    }

    private readonly struct EluFn<T>(T alpha) : IScalarFunction<T>, IScalarDerivative<T> where T : IFloatingPointIeee754<T>
    {
        public T Invoke(T x) => x > T.Zero ? x : alpha * (T.Exp(x) - T.One);
        public T Invoke(T x, T g) => x > T.Zero ? g : g * alpha * T.Exp(x);
    }

    private readonly struct GeluErfFn<T> : IScalarFunction<T>, IScalarDerivative<T> where T : IFloatingPointIeee754<T>
    {
        public T Invoke(T x)
        {
            double v = double.CreateTruncating(x);
            return T.CreateTruncating(v * 0.5 * (1 + SpecialMath.Erf(v * 0.7071067811865476)));
        }

        public T Invoke(T x, T g)
        {
            double v = double.CreateTruncating(x);
            double cdf = 0.5 * (1 + SpecialMath.Erf(v * 0.7071067811865476));
            double pdf = Math.Exp(-0.5 * v * v) * 0.3989422804014327;
            return g * T.CreateTruncating(cdf + v * pdf);
        }
    }

    private readonly struct NormalCdfFn<T> : IScalarFunction<T> where T : IFloatingPointIeee754<T>
    {
        public T Invoke(T x) => T.CreateTruncating(0.5 * (1 + SpecialMath.Erf(double.CreateTruncating(x) * 0.7071067811865476)));
    }

    private readonly struct GeluTanhFn<T> : IScalarFunction<T>, IScalarDerivative<T> where T : IFloatingPointIeee754<T>
    {
        public T Invoke(T x)
        {
            double v = double.CreateTruncating(x);
            return T.CreateTruncating(0.5 * v * (1 + Math.Tanh(0.7978845608028654 * (v + 0.044715 * v * v * v))));
        }

        public T Invoke(T x, T g)
        {
            double v = double.CreateTruncating(x);
            double t = Math.Tanh(0.7978845608028654 * (v + 0.044715 * v * v * v));
            double dInner = 0.7978845608028654 * (1 + 3 * 0.044715 * v * v);
            return g * T.CreateTruncating(0.5 * (1 + t) + 0.5 * v * (1 - t * t) * dInner);
        }
    }

    private readonly struct SiluFn<T> : IScalarFunction<T>, IScalarDerivative<T> where T : IFloatingPointIeee754<T>
    {
        public T Invoke(T x) => x / (T.One + T.Exp(-x));

        public T Invoke(T x, T g)
        {
            T s = T.One / (T.One + T.Exp(-x));
            return g * s * (T.One + x * (T.One - s));
        }
    }

    private readonly struct SoftplusFn<T>(T beta, T threshold) : IScalarFunction<T>, IScalarDerivative<T> where T : IFloatingPointIeee754<T>
    {
        public T Invoke(T x, T g)
        {
            T bx = x * beta;
            return bx > threshold ? g : g / (T.One + T.Exp(-bx));
        }

        public T Invoke(T x)
        {
            T bx = x * beta;
            if (bx > threshold) return x;
            return T.CreateTruncating(SpecialMath.Log1p(Math.Exp(double.CreateTruncating(bx)))) / beta;
        }
    }
}
