namespace Gradus;

public partial class Tensor
{
    /// <summary>Element-wise square, as <c>tensor.square()</c>: <c>pow(2)</c> for floats (PowBackward0); integers and bools give int64.</summary>
    public Tensor Square()
    {
        if (IsFloatingPoint) return Pow(2);
        var x = DType == DType.Int64 ? this : Long();
        return x * x;
    }
}
