using Gradus.Kernels;

namespace Gradus.Ops;

/// <summary>all and any over all elements or one dim; non-bool inputs test for non-zero (NaN counts as true).</summary>
internal static class LogicalReduction
{
    public static Tensor Test(Tensor x, int? dim, bool keepDim, bool all)
    {
        var b = x.DType == DType.Bool ? x.Detach() : x.Detach().Ne(0.0);
        var dims = dim is { } d ? ReduceDims.Of(d, x.Dim) : ReduceDims.Of(null, x.Dim);
        return ReduceDims.Rows(b, dims, keepDim, DType.Bool, (p, rows, len, res) =>
        {
            if (all) ReduceRows.All(p.Span<bool>(), rows, len, res.Span<bool>());
            else ReduceRows.Any(p.Span<bool>(), rows, len, res.Span<bool>());
        });
    }
}
