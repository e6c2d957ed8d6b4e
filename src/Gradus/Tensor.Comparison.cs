using Gradus.Ops;

namespace Gradus;

public partial class Tensor
{
    /// <summary>Elementwise &gt; as a Bool tensor, as PyTorch's <c>x &gt; y</c> (so <c>X[X &gt; 0]</c> reads like Python).</summary>
    public static Tensor operator >(Tensor a, Tensor b) => a.Gt(b);
    /// <summary>Elementwise &lt; as a Bool tensor.</summary>
    public static Tensor operator <(Tensor a, Tensor b) => a.Lt(b);
    /// <summary>Elementwise &gt;= as a Bool tensor.</summary>
    public static Tensor operator >=(Tensor a, Tensor b) => a.Ge(b);
    /// <summary>Elementwise &lt;= as a Bool tensor.</summary>
    public static Tensor operator <=(Tensor a, Tensor b) => a.Le(b);
    /// <summary>Elementwise &gt; with a scalar.</summary>
    public static Tensor operator >(Tensor a, double b) => a.Gt(b);
    /// <summary>Elementwise &lt; with a scalar.</summary>
    public static Tensor operator <(Tensor a, double b) => a.Lt(b);
    /// <summary>Elementwise &gt;= with a scalar.</summary>
    public static Tensor operator >=(Tensor a, double b) => a.Ge(b);
    /// <summary>Elementwise &lt;= with a scalar.</summary>
    public static Tensor operator <=(Tensor a, double b) => a.Le(b);
    /// <summary>Scalar &gt; tensor, elementwise.</summary>
    public static Tensor operator >(double a, Tensor b) => b.Lt(a);
    /// <summary>Scalar &lt; tensor, elementwise.</summary>
    public static Tensor operator <(double a, Tensor b) => b.Gt(a);
    /// <summary>Scalar &gt;= tensor, elementwise.</summary>
    public static Tensor operator >=(double a, Tensor b) => b.Le(a);
    /// <summary>Scalar &lt;= tensor, elementwise.</summary>
    public static Tensor operator <=(double a, Tensor b) => b.Ge(a);

    /// <summary>Elementwise |this - other| &lt;= atol + rtol * |other| as a Bool tensor, as <c>x.isclose(other, rtol, atol, equal_nan)</c>.</summary>
    public Tensor IsClose(Tensor other, double rtol = 1e-5, double atol = 1e-8, bool equalNan = false) =>
        Closeness.IsClose(this, other, rtol, atol, equalNan);

    /// <summary>True when every element is close to <paramref name="other"/>'s, as <c>x.allclose(other, rtol, atol, equal_nan)</c>.</summary>
    public bool AllClose(Tensor other, double rtol = 1e-5, double atol = 1e-8, bool equalNan = false) =>
        Closeness.AllClose(this, other, rtol, atol, equalNan);

    /// <summary>True when <paramref name="other"/> has the same shape and equal elements, as <c>x.equal(other)</c>.</summary>
    public bool Equal(Tensor other) => Closeness.Equal(this, other);
}
