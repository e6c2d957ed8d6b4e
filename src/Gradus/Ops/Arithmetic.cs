using Gradus.Kernels;

namespace Gradus.Ops;

/// <summary>Add, subtract, multiply, divide, power, maximum and minimum with broadcasting, and their backward rules.</summary>
internal static class Arithmetic
{
    public static Tensor Add(Tensor a, Tensor b)
    {
        var r = Binary.Run<AddOp<float>, AddOp<double>, AddOp<long>>(a, b, Binary.ResultType(a, b), "add");
        return Tensor.Record(r, "AddBackward0", [a, b], g =>
            [a.RequiresGrad ? Binary.Unbroadcast(g, a) : null, b.RequiresGrad ? Binary.Unbroadcast(g, b) : null]);
    }

    /// <summary>a - b; <paramref name="name"/> is RsubBackward1 for scalar - tensor, as PyTorch names it.</summary>
    public static Tensor Sub(Tensor a, Tensor b, string name = "SubBackward0")
    {
        var r = Binary.Run<SubOp<float>, SubOp<double>, SubOp<long>>(a, b, Binary.ResultType(a, b), "sub");
        return Tensor.Record(r, name, [a, b], g =>
            [a.RequiresGrad ? Binary.Unbroadcast(g, a) : null, b.RequiresGrad ? Binary.Unbroadcast(-g, b) : null]);
    }

    public static Tensor Mul(Tensor a, Tensor b)
    {
        var r = Binary.Run<MulOp<float>, MulOp<double>, MulOp<long>>(a, b, Binary.ResultType(a, b), "mul");
        return Tensor.Record(r, "MulBackward0", [a, b],
            g => [a.RequiresGrad ? Binary.Unbroadcast(g * b, a) : null, b.RequiresGrad ? Binary.Unbroadcast(g * a, b) : null], Needed(a, b));
    }

    /// <summary>
    /// The operands a product's backward reads, as PyTorch saves them: b only when a needs a gradient, a only when
    /// b does (so changing a constant operand in place before backward is no error).
    /// </summary>
    internal static Tensor[] Needed(Tensor a, Tensor b) => a.RequiresGrad && b.RequiresGrad ? [a, b] : a.RequiresGrad ? [b] : [a];

    /// <summary>True division: integer inputs give a float result, as torch.div.</summary>
    public static Tensor Div(Tensor a, Tensor b)
    {
        var r = Binary.RunFloat<DivOp<float>, DivOp<double>>(a, b, DTypes.ToFloat(Binary.ResultType(a, b)), "div");
        return Tensor.Record(r, "DivBackward0", [a, b],
            g => [a.RequiresGrad ? Binary.Unbroadcast(g / b, a) : null, b.RequiresGrad ? Binary.Unbroadcast(-g * a / (b * b), b) : null],
            b.RequiresGrad ? [a, b] : [b]);
    }

    public static Tensor Pow(Tensor a, Tensor b)
    {
        var r = Binary.RunFloat<PowOp<float>, PowOp<double>>(a, b, DTypes.ToFloat(Binary.ResultType(a, b)), "pow");
        return Tensor.Record(r, "PowBackward1", [a, b], g =>
        {
            Tensor? ga = null, gb = null;
            if (a.RequiresGrad)
                ga = Binary.Unbroadcast(Torch.Where(b.Eq(0.0), Torch.ZerosLike(g), g * b * a.Pow(b - 1.0)), a);
            if (b.RequiresGrad)
                gb = Binary.Unbroadcast(Torch.Where(a.Eq(0.0) & b.Ge(0.0), Torch.ZerosLike(g), g * r * a.Log()), b);
            return [ga, gb];
        }, a, b, r);
    }

    /// <summary>Power with a scalar exponent (PowBackward0).</summary>
    public static Tensor Pow(Tensor a, double e)
    {
        var dt = DTypes.IsFloat(a.DType) ? a.DType : DType.Float32;
        var r = Binary.RunFloat<PowOp<float>, PowOp<double>>(a, Torch.Scalar(e, dt), dt, "pow");
        return Tensor.Record(r, "PowBackward0", [a],
            g => [e == 0 ? Torch.ZerosLike(a) : g * e * a.Pow(e - 1)], a);
    }

    public static Tensor Maximum(Tensor a, Tensor b)
    {
        var r = Binary.Run<MaxOp<float>, MaxOp<double>, MaxOp<long>>(a, b, Binary.ResultType(a, b), "maximum");
        return Tensor.Record(r, "MaximumBackward0", [a, b], g => MinMaxGrad(g, a, b, max: true), a, b);
    }

    public static Tensor Minimum(Tensor a, Tensor b)
    {
        var r = Binary.Run<MinOp<float>, MinOp<double>, MinOp<long>>(a, b, Binary.ResultType(a, b), "minimum");
        return Tensor.Record(r, "MinimumBackward0", [a, b], g => MinMaxGrad(g, a, b, max: false), a, b);
    }

    /// <summary>Gradient split as PyTorch does: all to the winner, half each on ties.</summary>
    private static Tensor?[] MinMaxGrad(Tensor g, Tensor a, Tensor b, bool max)
    {
        var half = Torch.Where(a.Eq(b), g / 2.0, g);
        var zero = Torch.ZerosLike(g);
        var aLoses = max ? a.Lt(b) : a.Gt(b);
        var bLoses = max ? b.Lt(a) : b.Gt(a);
        return [Binary.Unbroadcast(Torch.Where(aLoses, zero, half), a), Binary.Unbroadcast(Torch.Where(bLoses, zero, half), b)];
    }
}
