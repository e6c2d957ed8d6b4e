using Gradus.Ops;

namespace Gradus;

public static partial class Torch
{
    /// <summary>
    /// Elementwise |a - b| &lt;= atol + rtol * |b| as a Bool tensor, as <c>torch.isclose</c>: equal values (infinities
    /// included) are close, NaNs only with <paramref name="equalNan"/>; a and b must share a dtype.
    /// </summary>
    public static Tensor IsClose(Tensor a, Tensor b, double rtol = 1e-5, double atol = 1e-8, bool equalNan = false) =>
        Closeness.IsClose(a, b, rtol, atol, equalNan);

    /// <summary>True when every element of <see cref="IsClose"/> holds (true for empty tensors), as <c>torch.allclose</c>.</summary>
    public static bool AllClose(Tensor a, Tensor b, double rtol = 1e-5, double atol = 1e-8, bool equalNan = false) =>
        Closeness.AllClose(a, b, rtol, atol, equalNan);

    /// <summary>True when a and b have the same shape and equal elements (compared in their promoted dtype), as <c>torch.equal</c>.</summary>
    public static bool Equal(Tensor a, Tensor b) => Closeness.Equal(a, b);
}
