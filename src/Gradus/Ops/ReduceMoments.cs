using Gradus.Kernels;

namespace Gradus.Ops;

/// <summary>Variance and standard deviation with a correction (1 = unbiased), computed in float64 (VarBackward0 / StdBackward0).</summary>
internal static class Moments
{
    public static Tensor Var(Tensor x, int[]? dimsIn, double correction, bool keepDim, bool std)
    {
        if (!x.IsFloatingPoint) throw new ArgumentException("std and var only support floating point and complex dtypes");
        var dims = ReduceDims.Of(dimsIn, x.Dim);
        int n = 0;
        var r = ReduceDims.Rows(x.Detach().To(DType.Float64), dims, keepDim, DType.Float64, (p, rows, len, res) =>
        {
            n = len;
            ReduceRows.Var(p.Span<double>(), rows, len, correction, res.Span<double>());
            if (std) System.Numerics.Tensors.TensorPrimitives.Sqrt<double>(res.Span<double>(), res.Span<double>());
        });
        r = r.To(x.DType);
        var inShape = x.shape;
        return Tensor.Record(r, std ? "StdBackward0" : "VarBackward0", [x], g =>
        {
            var gv = std ? Torch.Where(r.Eq(0.0), 0.0, g / (r * 2.0)) : g;
            // torch 1.13 without a dim (or on a 0-dim input) and no degrees of freedom left: grad * inf.
            if ((dimsIn is null || x.Dim == 0) && n - correction <= 0)
                return [(ReduceDims.Keep(gv, inShape, dims, keepDim) * double.PositiveInfinity).Expand(inShape)];
            var centered = x - x.Mean(dims, keepDim: true);
            return [2.0 / (n - correction) * ReduceDims.Keep(gv, inShape, dims, keepDim) * centered];
        }, x, r);
    }
}
