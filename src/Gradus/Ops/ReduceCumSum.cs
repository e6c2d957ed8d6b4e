using Gradus.Kernels;

namespace Gradus.Ops;

/// <summary>Cumulative sums along a dim (CumsumBackward0: the gradient is the reversed cumulative sum).</summary>
internal static class Cumulative
{
    public static Tensor CumSum(Tensor x, int dim, DType? dtype) => Scan(x, dim, dtype, reverse: false);

    /// <summary>Running sums from the front, or from the back when <paramref name="reverse"/>; each is the other's backward.</summary>
    private static Tensor Scan(Tensor x, int dim, DType? dtype, bool reverse)
    {
        if (dtype is { } want && want != x.DType) return Scan(x.To(want), dim, null, reverse);
        var dt = x.IsFloatingPoint ? x.DType : DType.Int64;
        var src = x.Detach().To(dt).Contiguous();
        int d = Shapes.WrapDim(dim, x.Dim), outer = 1, len = 1, inner = 1;
        if (x.Dim > 0)
        {
            for (int i = 0; i < d; i++) outer *= x.shape[i];
            len = x.shape[d];
            for (int i = d + 1; i < x.Dim; i++) inner *= x.shape[i];
        }
        var r = Torch.Empty(x.shape, dt);
        if (r.Numel > 0)
            switch (dt)
            {
                case DType.Float32: ReduceRows.CumSum<float>(src.Span<float>(), outer, len, inner, r.Span<float>(), reverse); break;
                case DType.Float64: ReduceRows.CumSum<double>(src.Span<double>(), outer, len, inner, r.Span<double>(), reverse); break;
                default: ReduceRows.CumSum<long>(src.Span<long>(), outer, len, inner, r.Span<long>(), reverse); break;
            }
        return Tensor.Record(r, "CumsumBackward0", [x], g => [Scan(g, d, null, !reverse)]);
    }
}
