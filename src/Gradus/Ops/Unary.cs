using Gradus.Kernels;

namespace Gradus.Ops;

/// <summary>Elementwise functions of one tensor and their backward rules.</summary>
internal static class Unary
{
    /// <summary>Applies a float-only op; integer inputs compute in float32, as PyTorch does.</summary>
    private static Tensor MapFloat<TF, TD>(Tensor x) where TF : struct, IUnaryOp<float> where TD : struct, IUnaryOp<double>
    {
        var dt = DTypes.ToFloat(x.DType);
        var c = x.Detach().To(dt).Contiguous();
        var r = Torch.Uninitialized(x.shape, dt);
        if (dt == DType.Float32) TF.Apply(c.Span<float>(), r.Span<float>());
        else TD.Apply(c.Span<double>(), r.Span<double>());
        return r;
    }

    /// <summary>Applies an op defined for float, double and long (bool computes as long).</summary>
    private static Tensor Map<TF, TD, TL>(Tensor x, string op) where TF : struct, IUnaryOp<float> where TD : struct, IUnaryOp<double> where TL : struct, IUnaryOp<long>
    {
        var dt = x.DType == DType.Bool ? DType.Int64 : x.DType;
        var c = x.Detach().To(dt).Contiguous();
        var r = Torch.Uninitialized(x.shape, dt);
        switch (dt)
        {
            case DType.Float32: TF.Apply(c.Span<float>(), r.Span<float>()); break;
            case DType.Float64: TD.Apply(c.Span<double>(), r.Span<double>()); break;
            case DType.Int64: TL.Apply(c.Span<long>(), r.Span<long>()); break;
            default: throw new ArgumentException($"{op}: not implemented for '{dt}'");
        }
        return r;
    }

    public static Tensor Neg(Tensor x)
    {
        if (x.DType == DType.Bool) throw new ArgumentException("Negation, the `-` operator, on a bool tensor is not supported. If you are trying to invert a mask, use the `~` or `LogicalNot()` operator instead.");
        return Tensor.Record(Map<NegOp<float>, NegOp<double>, NegOp<long>>(x, "neg"), "NegBackward0", [x], g => [-g]);
    }

    public static Tensor Exp(Tensor x)
    {
        var r = MapFloat<ExpOp<float>, ExpOp<double>>(x);
        return Tensor.Record(r, "ExpBackward0", [x], g => [g * r], r);
    }

    public static Tensor Log(Tensor x) => Tensor.Record(MapFloat<LogOp<float>, LogOp<double>>(x), "LogBackward0", [x], g => [g / x], x);

    public static Tensor Sqrt(Tensor x)
    {
        var r = MapFloat<SqrtOp<float>, SqrtOp<double>>(x);
        return Tensor.Record(r, "SqrtBackward0", [x], g => [g / (r * 2.0)], r);
    }

    public static Tensor Sin(Tensor x) => Tensor.Record(MapFloat<SinOp<float>, SinOp<double>>(x), "SinBackward0", [x], g => [g * x.Cos()], x);

    public static Tensor Cos(Tensor x) => Tensor.Record(MapFloat<CosOp<float>, CosOp<double>>(x), "CosBackward0", [x], g => [-g * x.Sin()], x);

    public static Tensor Tanh(Tensor x)
    {
        var r = MapFloat<TanhOp<float>, TanhOp<double>>(x);
        return Tensor.Record(r, "TanhBackward0", [x], g => [g * (1.0 - r * r)], r);
    }

    public static Tensor Sigmoid(Tensor x)
    {
        var r = MapFloat<SigmoidOp<float>, SigmoidOp<double>>(x);
        return Tensor.Record(r, "SigmoidBackward0", [x], g => [g * r * (1.0 - r)], r);
    }

    public static Tensor Relu(Tensor x)
    {
        var r = Map<ReluOp<float>, ReluOp<double>, ReluOp<long>>(x, "relu");
        return Tensor.Record(r, "ReluBackward0", [x], g => [ReluBackward(g, r)], r);
    }

    /// <summary>g · (r &gt; 0): one fused pass for float gradients when no higher-order graph is being built.</summary>
    private static Tensor ReluBackward(Tensor g, Tensor r)
    {
        if (GradMode.IsEnabled || g.DType != r.DType || !g.IsFloatingPoint || !Shapes.SameShape(g.shape, r.shape))
            return g * r.Gt(0.0).To(g.DType);
        var gc = g.Detach().Contiguous();
        var d = Torch.Uninitialized(r.shape, r.DType);
        if (r.DType == DType.Float32) Kernels.ReluGrad.Apply<float>(r.Span<float>(), gc.Span<float>(), d.Span<float>());
        else Kernels.ReluGrad.Apply<double>(r.Span<double>(), gc.Span<double>(), d.Span<double>());
        return d;
    }

    public static Tensor Abs(Tensor x) =>
        Tensor.Record(Map<AbsOp<float>, AbsOp<double>, AbsOp<long>>(x, "abs"), "AbsBackward0", [x], g => [g * x.Sign()], x);

    public static Tensor Sign(Tensor x) =>
        Tensor.Record(Map<SignOp<float>, SignOp<double>, SignOp<long>>(x, "sign"), "SignBackward0", [x], g => [Torch.ZerosLike(g)]);

    public static Tensor Floor(Tensor x) =>
        x.IsFloatingPoint ? Tensor.Record(MapFloat<FloorOp<float>, FloorOp<double>>(x), "FloorBackward0", [x], g => [Torch.ZerosLike(g)]) : x.Clone();

    public static Tensor Round(Tensor x) =>
        x.IsFloatingPoint ? Tensor.Record(MapFloat<RoundOp<float>, RoundOp<double>>(x), "RoundBackward0", [x], g => [Torch.ZerosLike(g)]) : x.Clone();

    /// <summary>Limits values to [min, max]; the gradient flows where the input is inside the range.</summary>
    public static Tensor Clamp(Tensor x, double? min, double? max)
    {
        if (min is null && max is null) throw new ArgumentException("torch.clamp: At least one of 'min' or 'max' must not be None");
        var r = x.Detach();
        if (min is { } lo) r = Arithmetic.Maximum(r, Torch.Scalar(lo, x.DType));
        if (max is { } hi) r = Arithmetic.Minimum(r, Torch.Scalar(hi, x.DType));
        if (ReferenceEquals(r, x)) r = x.Clone();
        return Tensor.Record(r, "ClampBackward1", [x], g =>
        {
            var mask = Torch.OnesLike(x, DType.Bool);
            if (min is { } lo2) mask = mask & x.Ge(lo2);
            if (max is { } hi2) mask = mask & x.Le(hi2);
            return [g * mask.To(g.DType)];
        }, x);
    }
}
