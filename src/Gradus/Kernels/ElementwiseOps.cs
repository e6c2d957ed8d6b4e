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
    public static void Apply(ReadOnlySpan<T> a, T b, Span<T> d)
    {
        if (b == T.CreateTruncating(2)) TensorPrimitives.Multiply(a, a, d);
        else TensorPrimitives.Pow(a, b, d);
    }
    public static void Apply(T a, ReadOnlySpan<T> b, Span<T> d) => TensorPrimitives.Pow(a, b, d);
}

internal struct EqOp<T> : ICompareOp<T> where T : INumber<T> { public static bool Apply(T a, T b) => a == b; }
internal struct NeOp<T> : ICompareOp<T> where T : INumber<T> { public static bool Apply(T a, T b) => a != b; }
internal struct LtOp<T> : ICompareOp<T> where T : INumber<T> { public static bool Apply(T a, T b) => a < b; }
internal struct LeOp<T> : ICompareOp<T> where T : INumber<T> { public static bool Apply(T a, T b) => a <= b; }
internal struct GtOp<T> : ICompareOp<T> where T : INumber<T> { public static bool Apply(T a, T b) => a > b; }
internal struct GeOp<T> : ICompareOp<T> where T : INumber<T> { public static bool Apply(T a, T b) => a >= b; }
