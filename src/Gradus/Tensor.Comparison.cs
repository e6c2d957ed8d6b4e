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
}
