using Gradus.Kernels;

namespace Gradus.Ops;

/// <summary>log(sum(exp(x))) over dims, stable for large inputs (LogsumexpBackward0: softmax times the gradient).</summary>
internal static class LogSumExpOp
{
    public static Tensor LogSumExp(Tensor x, int[] dimsIn, bool keepDim)
    {
        var dt = DTypes.ToFloat(x.DType);
        var dims = ReduceDims.Of(dimsIn, x.Dim);
        var r = ReduceDims.Rows(x.Detach().To(dt), dims, keepDim, dt, (p, rows, len, res) =>
        {
            if (dt == DType.Float32) ReduceRows.LogSumExp<float>(p.Span<float>(), rows, len, res.Span<float>());
            else ReduceRows.LogSumExp<double>(p.Span<double>(), rows, len, res.Span<double>());
        });
        var inShape = x.shape;
        return Tensor.Record(r, "LogsumexpBackward0", [x],
            g => [ReduceDims.Keep(g, inShape, dims, keepDim) * (x - ReduceDims.Keep(r, inShape, dims, keepDim)).Exp()], x, r);
    }
}
