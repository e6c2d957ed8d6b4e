using System.Numerics;
using Gradus.Random;

namespace Gradus.Ops;

/// <summary>
/// <c>torch.isclose</c>, <c>torch.allclose</c> and <c>torch.equal</c>: tolerance and exact comparisons; not
/// differentiable (the results are bools), inputs that require grad are read as they are.
/// </summary>
internal static class Closeness
{
    /// <summary>
    /// Elementwise |a - b| &lt;= atol + rtol * |b| (or a == b), broadcast, as PyTorch 1.13 computes it: both
    /// operands must share a dtype; floats compute in their own precision with the tolerances rounded to it;
    /// int64 and bool compute in float32 (the default dtype) unless both tolerances are zero, when the test is
    /// exact equality.
    /// </summary>
    public static Tensor IsClose(Tensor a, Tensor b, double rtol, double atol, bool equalNan)
    {
        if (a.DType != b.DType)
            throw new ArgumentException($"{LinalgChecks.ScalarType(a.DType)} did not match {LinalgChecks.ScalarType(b.DType)}");
        if (!(rtol >= 0)) throw new ArgumentException($"rtol must be greater than or equal to zero, but got {CppFormat.Double(rtol)}");
        if (!(atol >= 0)) throw new ArgumentException($"atol must be greater than or equal to zero, but got {CppFormat.Double(atol)}");
        var shape = Shapes.Broadcast(a.shape, b.shape);
        var x = a.Detach().Expand(shape).Contiguous();
        var y = b.Detach().Expand(shape).Contiguous();
        var result = Torch.Uninitialized(shape, DType.Bool);
        var d = result.Span<bool>();
        bool exact = rtol == 0 && atol == 0;
        switch (a.DType)
        {
            case DType.Float32: Floats(x.Span<float>(), y.Span<float>(), (float)rtol, (float)atol, equalNan, exact, d); break;
            case DType.Float64: Floats(x.Span<double>(), y.Span<double>(), rtol, atol, equalNan, exact, d); break;
            case DType.Int64: Exact<long, LongToFloat>(x.Span<long>(), y.Span<long>(), (float)rtol, (float)atol, exact, d); break;
            default: Exact<bool, BoolToFloat>(x.Span<bool>(), y.Span<bool>(), (float)rtol, (float)atol, exact, d); break;
        }
        return result;
    }

    /// <summary>True when every element of <see cref="IsClose"/> holds (true for empty inputs), as <c>torch.allclose</c>.</summary>
    public static bool AllClose(Tensor a, Tensor b, double rtol, double atol, bool equalNan) =>
        !IsClose(a, b, rtol, atol, equalNan).Span<bool>().Contains(false);

    /// <summary>
    /// Same shape and equal elements, as <c>torch.equal</c> in 1.13: different dtypes are compared in their
    /// promoted dtype; NaN equals nothing, -0 equals 0.
    /// </summary>
    public static bool Equal(Tensor a, Tensor b) =>
        Shapes.SameShape(a.shape, b.shape) && !a.Eq(b).Span<bool>().Contains(false);

    /// <summary>The float test: equal, both NaN when asked, or a finite error within the tolerance (all in <typeparamref name="T"/>).</summary>
    private static void Floats<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, T rtol, T atol, bool equalNan, bool exact, Span<bool> d)
        where T : IFloatingPointIeee754<T>
    {
        for (int i = 0; i < d.Length; i++)
        {
            T a = x[i], b = y[i];
            bool close = a == b || (equalNan && T.IsNaN(a) && T.IsNaN(b));
            if (!close && !exact) close = Within(T.Abs(a - b), atol + T.Abs(rtol * b));
            d[i] = close;
        }
    }

    /// <summary>The int64/bool test: exact equality, else the float32 test on the values converted to float32.</summary>
    private static void Exact<T, TConv>(ReadOnlySpan<T> x, ReadOnlySpan<T> y, float rtol, float atol, bool exact, Span<bool> d)
        where T : IEquatable<T> where TConv : struct, IToFloat<T>
    {
        for (int i = 0; i < d.Length; i++)
        {
            bool close = x[i].Equals(y[i]);
            if (!close && !exact)
            {
                float a = TConv.Convert(x[i]), b = TConv.Convert(y[i]);
                close = Within(MathF.Abs(a - b), atol + MathF.Abs(rtol * b));
            }
            d[i] = close;
        }
    }

    private static bool Within<T>(T actual, T allowed) where T : IFloatingPointIeee754<T> => T.IsFinite(actual) && actual <= allowed;

    private interface IToFloat<T>
    {
        static abstract float Convert(T value);
    }

    private struct LongToFloat : IToFloat<long> { public static float Convert(long value) => value; }

    private struct BoolToFloat : IToFloat<bool> { public static float Convert(bool value) => value ? 1f : 0f; }
}
