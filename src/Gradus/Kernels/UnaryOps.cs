using System.Numerics;
using System.Numerics.Tensors;

namespace Gradus.Kernels;

internal struct ExpOp<T> : IUnaryOp<T> where T : IFloatingPointIeee754<T> { public static void Apply(ReadOnlySpan<T> x, Span<T> d) => TensorPrimitives.Exp(x, d); }
internal struct LogOp<T> : IUnaryOp<T> where T : IFloatingPointIeee754<T> { public static void Apply(ReadOnlySpan<T> x, Span<T> d) => TensorPrimitives.Log(x, d); }
internal struct SqrtOp<T> : IUnaryOp<T> where T : IFloatingPointIeee754<T> { public static void Apply(ReadOnlySpan<T> x, Span<T> d) => TensorPrimitives.Sqrt(x, d); }
internal struct SinOp<T> : IUnaryOp<T> where T : IFloatingPointIeee754<T> { public static void Apply(ReadOnlySpan<T> x, Span<T> d) => TensorPrimitives.Sin(x, d); }
internal struct CosOp<T> : IUnaryOp<T> where T : IFloatingPointIeee754<T> { public static void Apply(ReadOnlySpan<T> x, Span<T> d) => TensorPrimitives.Cos(x, d); }
internal struct TanhOp<T> : IUnaryOp<T> where T : IFloatingPointIeee754<T> { public static void Apply(ReadOnlySpan<T> x, Span<T> d) => TensorPrimitives.Tanh(x, d); }
internal struct FloorOp<T> : IUnaryOp<T> where T : IFloatingPointIeee754<T> { public static void Apply(ReadOnlySpan<T> x, Span<T> d) => TensorPrimitives.Floor(x, d); }

/// <summary>Round half to even, as torch.round.</summary>
internal struct RoundOp<T> : IUnaryOp<T> where T : IFloatingPointIeee754<T> { public static void Apply(ReadOnlySpan<T> x, Span<T> d) => TensorPrimitives.Round(x, d); }

/// <summary>1 / (1 + exp(-x)), computed stably for large |x|.</summary>
internal struct SigmoidOp<T> : IUnaryOp<T> where T : IFloatingPointIeee754<T>
{
    public static void Apply(ReadOnlySpan<T> x, Span<T> d) => TensorPrimitives.Sigmoid(x, d);
}

internal struct NegOp<T> : IUnaryOp<T> where T : INumber<T> { public static void Apply(ReadOnlySpan<T> x, Span<T> d) => TensorPrimitives.Negate(x, d); }

internal struct AbsOp<T> : IUnaryOp<T> where T : INumber<T>
{
    public static void Apply(ReadOnlySpan<T> x, Span<T> d)
    {
        for (int i = 0; i < x.Length; i++) d[i] = T.Abs(x[i]);
    }
}

internal struct SignOp<T> : IUnaryOp<T> where T : INumber<T>
{
    public static void Apply(ReadOnlySpan<T> x, Span<T> d)
    {
        for (int i = 0; i < x.Length; i++)
            d[i] = T.IsNaN(x[i]) ? x[i] : x[i] > T.Zero ? T.One : x[i] < T.Zero ? -T.One : T.Zero;
    }
}

/// <summary>max(x, 0), keeping NaN, as torch.relu.</summary>
internal struct ReluOp<T> : IUnaryOp<T> where T : INumber<T>
{
    public static void Apply(ReadOnlySpan<T> x, Span<T> d) => TensorPrimitives.Max(x, T.Zero, d);
}
