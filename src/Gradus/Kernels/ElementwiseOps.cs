using System.Numerics;
using System.Numerics.Tensors;

namespace Gradus.Kernels;

internal struct AddOp<T> : IBinaryOp<T> where T : INumber<T>
{
    public static T Apply(T a, T b) => a + b;
    public static void Apply(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> d) => TensorPrimitives.Add(a, b, d);
    public static void Apply(ReadOnlySpan<T> a, T b, Span<T> d) => TensorPrimitives.Add(a, b, d);
    public static void Apply(T a, ReadOnlySpan<T> b, Span<T> d) => TensorPrimitives.Add(b, a, d);
}

internal struct SubOp<T> : IBinaryOp<T> where T : INumber<T>
{
    public static T Apply(T a, T b) => a - b;
    public static void Apply(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> d) => TensorPrimitives.Subtract(a, b, d);
    public static void Apply(ReadOnlySpan<T> a, T b, Span<T> d) => TensorPrimitives.Subtract(a, b, d);
    public static void Apply(T a, ReadOnlySpan<T> b, Span<T> d) => TensorPrimitives.Subtract(a, b, d);
}

internal struct MulOp<T> : IBinaryOp<T> where T : INumber<T>
{
    public static T Apply(T a, T b) => a * b;
    public static void Apply(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> d) => TensorPrimitives.Multiply(a, b, d);
    public static void Apply(ReadOnlySpan<T> a, T b, Span<T> d) => TensorPrimitives.Multiply(a, b, d);
    public static void Apply(T a, ReadOnlySpan<T> b, Span<T> d) => TensorPrimitives.Multiply(b, a, d);
}

internal struct DivOp<T> : IBinaryOp<T> where T : INumber<T>
{
    public static T Apply(T a, T b) => a / b;
    public static void Apply(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> d) => TensorPrimitives.Divide(a, b, d);
    public static void Apply(ReadOnlySpan<T> a, T b, Span<T> d) => TensorPrimitives.Divide(a, b, d);
    public static void Apply(T a, ReadOnlySpan<T> b, Span<T> d) => TensorPrimitives.Divide(a, b, d);
}

/// <summary>Elementwise maximum that propagates NaN, as torch.maximum.</summary>
internal struct MaxOp<T> : IBinaryOp<T> where T : INumber<T>
{
    public static T Apply(T a, T b) => T.IsNaN(a) || T.IsNaN(b) ? (T.IsNaN(a) ? a : b) : a >= b ? a : b;
    public static void Apply(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> d) => TensorPrimitives.Max(a, b, d);
    public static void Apply(ReadOnlySpan<T> a, T b, Span<T> d) => TensorPrimitives.Max(a, b, d);
    public static void Apply(T a, ReadOnlySpan<T> b, Span<T> d) => TensorPrimitives.Max(b, a, d);
}

/// <summary>Elementwise minimum that propagates NaN, as torch.minimum.</summary>
internal struct MinOp<T> : IBinaryOp<T> where T : INumber<T>
{
    public static T Apply(T a, T b) => T.IsNaN(a) || T.IsNaN(b) ? (T.IsNaN(a) ? a : b) : a <= b ? a : b;
    public static void Apply(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> d) => TensorPrimitives.Min(a, b, d);
    public static void Apply(ReadOnlySpan<T> a, T b, Span<T> d) => TensorPrimitives.Min(a, b, d);
    public static void Apply(T a, ReadOnlySpan<T> b, Span<T> d) => TensorPrimitives.Min(b, a, d);
}

internal struct PowOp<T> : IBinaryOp<T> where T : IFloatingPointIeee754<T>
{
    public static T Apply(T a, T b) => T.Pow(a, b);
    public static void Apply(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> d) => TensorPrimitives.Pow(a, b, d);
    /// <summary>Scalar exponents take ATen's exact special cases (1, 2, 3, ±0.5, -1, -2) before the general pow.</summary>
    public static void Apply(ReadOnlySpan<T> a, T b, Span<T> d)
    {
        double e = double.CreateTruncating(b);
        switch (e)
        {
            case 0: d.Fill(T.One); break;
            case 1: a.CopyTo(d); break;
            case 2: TensorPrimitives.Multiply(a, a, d); break;
            case 3: TensorPrimitives.Multiply(a, a, d); TensorPrimitives.Multiply(d, a, d); break;
            case 0.5: TensorPrimitives.Sqrt(a, d); break;
            case -0.5: TensorPrimitives.Sqrt(a, d); TensorPrimitives.Divide(T.One, d, d); break;
            case -1: TensorPrimitives.Divide(T.One, a, d); break;
            case -2: TensorPrimitives.Multiply(a, a, d); TensorPrimitives.Divide(T.One, d, d); break;
            default: TensorPrimitives.Pow(a, b, d); break;
        }
    }
    public static void Apply(T a, ReadOnlySpan<T> b, Span<T> d) => TensorPrimitives.Pow(a, b, d);
}

internal struct EqOp<T> : ICompareOp<T> where T : INumber<T> { public static bool Apply(T a, T b) => a == b; }
internal struct NeOp<T> : ICompareOp<T> where T : INumber<T> { public static bool Apply(T a, T b) => a != b; }
internal struct LtOp<T> : ICompareOp<T> where T : INumber<T> { public static bool Apply(T a, T b) => a < b; }
internal struct LeOp<T> : ICompareOp<T> where T : INumber<T> { public static bool Apply(T a, T b) => a <= b; }
internal struct GtOp<T> : ICompareOp<T> where T : INumber<T> { public static bool Apply(T a, T b) => a > b; }
internal struct GeOp<T> : ICompareOp<T> where T : INumber<T> { public static bool Apply(T a, T b) => a >= b; }
