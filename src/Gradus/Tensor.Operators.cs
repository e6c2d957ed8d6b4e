using Gradus.Ops;

namespace Gradus;

public partial class Tensor
{
    /// <summary>A 0-dim tensor for a scalar operand: it takes this tensor's dtype, or float32 for a fractional value on an integer tensor.</summary>
    internal Tensor ScalarLike(double v) =>
        Torch.Scalar(v, IsFloatingPoint ? DType : (v == Math.Floor(v) && !double.IsInfinity(v) ? (DType == DType.Bool ? DType.Int64 : DType) : DType.Float32));

    /// <summary>Elementwise sum with broadcasting.</summary>
    public static Tensor operator +(Tensor a, Tensor b) => Arithmetic.Add(a, b);
    /// <summary>Adds a scalar.</summary>
    public static Tensor operator +(Tensor a, double b) => Arithmetic.Add(a, a.ScalarLike(b));
    /// <summary>Adds a scalar.</summary>
    public static Tensor operator +(double a, Tensor b) => Arithmetic.Add(b.ScalarLike(a), b);
    /// <summary>Elementwise difference with broadcasting.</summary>
    public static Tensor operator -(Tensor a, Tensor b) => Arithmetic.Sub(a, b);
    /// <summary>Subtracts a scalar.</summary>
    public static Tensor operator -(Tensor a, double b) => Arithmetic.Sub(a, a.ScalarLike(b));
    /// <summary>Subtracts from a scalar.</summary>
    public static Tensor operator -(double a, Tensor b) => Arithmetic.Sub(b.ScalarLike(a), b, "RsubBackward1");
    /// <summary>Elementwise product with broadcasting.</summary>
    public static Tensor operator *(Tensor a, Tensor b) => Arithmetic.Mul(a, b);
    /// <summary>Multiplies by a scalar.</summary>
    public static Tensor operator *(Tensor a, double b) => Arithmetic.Mul(a, a.ScalarLike(b));
    /// <summary>Multiplies by a scalar.</summary>
    public static Tensor operator *(double a, Tensor b) => Arithmetic.Mul(b.ScalarLike(a), b);
    /// <summary>Elementwise true division with broadcasting.</summary>
    public static Tensor operator /(Tensor a, Tensor b) => Arithmetic.Div(a, b);
    /// <summary>Divides by a scalar.</summary>
    public static Tensor operator /(Tensor a, double b) => Arithmetic.Div(a, a.ScalarLike(b));
    /// <summary>Divides a scalar by each element.</summary>
    public static Tensor operator /(double a, Tensor b) => Arithmetic.Div(b.ScalarLike(a), b);
    /// <summary>Negation.</summary>
    public static Tensor operator -(Tensor a) => Unary.Neg(a);
    /// <summary>Elementwise logical and of bool tensors (bitwise and of int64).</summary>
    public static Tensor operator &(Tensor a, Tensor b) => Logical.And(a, b);
    /// <summary>Elementwise logical or of bool tensors (bitwise or of int64).</summary>
    public static Tensor operator |(Tensor a, Tensor b) => Logical.Or(a, b);
    /// <summary>Elementwise logical xor of bool tensors.</summary>
    public static Tensor operator ^(Tensor a, Tensor b) => Logical.Xor(a, b);
    /// <summary>Logical not of a bool tensor, as <c>~mask</c>.</summary>
    public static Tensor operator ~(Tensor a) => Logical.Not(a);

    /// <summary>In-place add, as PyTorch's <c>a += b</c>.</summary>
    public void operator +=(Tensor b) => Add_(b);
    /// <summary>In-place add of a scalar.</summary>
    public void operator +=(double b) => Add_(b);
    /// <summary>In-place subtract, as PyTorch's <c>b -= lr * b.grad</c> inside no_grad.</summary>
    public void operator -=(Tensor b) => Sub_(b);
    /// <summary>In-place subtract of a scalar.</summary>
    public void operator -=(double b) => Sub_(b);
    /// <summary>In-place multiply.</summary>
    public void operator *=(Tensor b) => Mul_(b);
    /// <summary>In-place multiply by a scalar.</summary>
    public void operator *=(double b) => Mul_(b);
    /// <summary>In-place divide.</summary>
    public void operator /=(Tensor b) => Div_(b);
    /// <summary>In-place divide by a scalar.</summary>
    public void operator /=(double b) => Div_(b);

    /// <summary>Elementwise sum, as <c>torch.add(a, b, alpha=)</c>.</summary>
    public Tensor Add(Tensor other, double alpha = 1) => alpha == 1 ? this + other : this + other * alpha;
    /// <summary>Elementwise sum with a scalar.</summary>
    public Tensor Add(double other) => this + other;
    /// <summary>Elementwise difference, as <c>torch.sub(a, b, alpha=)</c>.</summary>
    public Tensor Sub(Tensor other, double alpha = 1) => alpha == 1 ? this - other : this - other * alpha;
    /// <summary>Elementwise difference with a scalar.</summary>
    public Tensor Sub(double other) => this - other;
    /// <summary>Elementwise product.</summary>
    public Tensor Mul(Tensor other) => this * other;
    /// <summary>Product with a scalar.</summary>
    public Tensor Mul(double other) => this * other;
    /// <summary>Elementwise true division.</summary>
    public Tensor Div(Tensor other) => this / other;
    /// <summary>Division by a scalar.</summary>
    public Tensor Div(double other) => this / other;
    /// <summary>Elementwise power with a tensor exponent.</summary>
    public Tensor Pow(Tensor exponent) => Arithmetic.Pow(this, exponent);
    /// <summary>Elementwise power with a scalar exponent, as <c>x ** 2</c>.</summary>
    public Tensor Pow(double exponent) => Arithmetic.Pow(this, exponent);
    /// <summary>Elementwise maximum with NaN propagation, as <c>torch.maximum</c>.</summary>
    public Tensor Maximum(Tensor other) => Arithmetic.Maximum(this, other);
    /// <summary>Elementwise minimum with NaN propagation, as <c>torch.minimum</c>.</summary>
    public Tensor Minimum(Tensor other) => Arithmetic.Minimum(this, other);
    /// <summary>Negation, as <c>torch.neg</c>.</summary>
    public Tensor Neg() => Unary.Neg(this);
    /// <summary>e^x.</summary>
    public Tensor Exp() => Unary.Exp(this);
    /// <summary>Natural logarithm.</summary>
    public Tensor Log() => Unary.Log(this);
    /// <summary>Square root.</summary>
    public Tensor Sqrt() => Unary.Sqrt(this);
    /// <summary>Absolute value (gradient 0 at 0, as PyTorch).</summary>
    public Tensor Abs() => Unary.Abs(this);
    /// <summary>Sine.</summary>
    public Tensor Sin() => Unary.Sin(this);
    /// <summary>Cosine.</summary>
    public Tensor Cos() => Unary.Cos(this);
    /// <summary>Hyperbolic tangent.</summary>
    public Tensor Tanh() => Unary.Tanh(this);
    /// <summary>Logistic sigmoid 1 / (1 + e^-x).</summary>
    public Tensor Sigmoid() => Unary.Sigmoid(this);
    /// <summary>max(x, 0).</summary>
    public Tensor Relu() => Unary.Relu(this);
    /// <summary>-1, 0 or 1 by sign.</summary>
    public Tensor Sign() => Unary.Sign(this);
    /// <summary>Rounds down.</summary>
    public Tensor Floor() => Unary.Floor(this);
    /// <summary>Rounds half to even, as <c>torch.round</c>.</summary>
    public Tensor Round() => Unary.Round(this);
    /// <summary>Limits values to [min, max], as <c>torch.clamp</c>.</summary>
    public Tensor Clamp(double? min = null, double? max = null) => Unary.Clamp(this, min, max);

    /// <summary>Elementwise ==, as a Bool tensor.</summary>
    public Tensor Eq(Tensor other) => Binary.Compare<Kernels.EqOp<float>, Kernels.EqOp<double>, Kernels.EqOp<long>>(this, other, "eq");
    /// <summary>Elementwise == with a scalar.</summary>
    public Tensor Eq(double other) => Eq(ScalarLike(other));
    /// <summary>Elementwise !=.</summary>
    public Tensor Ne(Tensor other) => Binary.Compare<Kernels.NeOp<float>, Kernels.NeOp<double>, Kernels.NeOp<long>>(this, other, "ne");
    /// <summary>Elementwise != with a scalar.</summary>
    public Tensor Ne(double other) => Ne(ScalarLike(other));
    /// <summary>Elementwise &lt;.</summary>
    public Tensor Lt(Tensor other) => Binary.Compare<Kernels.LtOp<float>, Kernels.LtOp<double>, Kernels.LtOp<long>>(this, other, "lt");
    /// <summary>Elementwise &lt; with a scalar.</summary>
    public Tensor Lt(double other) => Lt(ScalarLike(other));
    /// <summary>Elementwise &lt;=.</summary>
    public Tensor Le(Tensor other) => Binary.Compare<Kernels.LeOp<float>, Kernels.LeOp<double>, Kernels.LeOp<long>>(this, other, "le");
    /// <summary>Elementwise &lt;= with a scalar.</summary>
    public Tensor Le(double other) => Le(ScalarLike(other));
    /// <summary>Elementwise &gt;.</summary>
    public Tensor Gt(Tensor other) => Binary.Compare<Kernels.GtOp<float>, Kernels.GtOp<double>, Kernels.GtOp<long>>(this, other, "gt");
    /// <summary>Elementwise &gt; with a scalar.</summary>
    public Tensor Gt(double other) => Gt(ScalarLike(other));
    /// <summary>Elementwise &gt;=.</summary>
    public Tensor Ge(Tensor other) => Binary.Compare<Kernels.GeOp<float>, Kernels.GeOp<double>, Kernels.GeOp<long>>(this, other, "ge");
    /// <summary>Elementwise &gt;= with a scalar.</summary>
    public Tensor Ge(double other) => Ge(ScalarLike(other));
    /// <summary>Logical not, as <c>torch.logical_not</c>.</summary>
    public Tensor LogicalNot() => Logical.Not(this);
}
