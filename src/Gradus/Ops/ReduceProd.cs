using Gradus.Kernels;

namespace Gradus.Ops;

/// <summary>prod over all elements or one dim, with PyTorch's zero-safe gradient (ProdBackward0 / ProdBackward1).</summary>
internal static class Product
{
    public static Tensor Prod(Tensor x, int? dim, bool keepDim, DType? dtype)
    {
        if (dtype is { } want && want != x.DType) return Prod(x.To(want), dim, keepDim, null);
        var dt = x.IsFloatingPoint ? x.DType : DType.Int64;
        var src = x.Detach().To(dt);
        var dims = dim is { } d ? ReduceDims.Of(d, x.Dim) : ReduceDims.Of(null, x.Dim);
        var r = ReduceDims.Rows(src, dims, keepDim, dt, (p, rows, len, res) =>
        {
            switch (dt)
            {
                case DType.Float32: ReduceRows.Prod<float>(p.Span<float>(), rows, len, res.Span<float>()); break;
                case DType.Float64: ReduceRows.Prod<double>(p.Span<double>(), rows, len, res.Span<double>()); break;
                default: ReduceRows.Prod<long>(p.Span<long>(), rows, len, res.Span<long>()); break;
            }
        });
        var inShape = x.shape;
        return Tensor.Record(r, dim is null ? "ProdBackward0" : "ProdBackward1", [x], g =>
        {
            var gk = ReduceDims.Keep(g, inShape, dims, keepDim);
            bool zeros;
            using (Torch.NoGrad()) zeros = x.Eq(0.0).Any().Item() != 0;
            if (!zeros) return [gk * (ReduceDims.Keep(r, inShape, dims, keepDim) / x)];
            return [gk * Others(x, dims)];
        }, x, r);
    }

    /// <summary>
    /// For every element, the product of the other elements of its slice over <paramref name="dims"/>. Without
    /// grad mode it comes from prefix and suffix products in linear time; under create_graph it is built from
    /// differentiable ops (an n-by-n masked product per slice), so higher derivatives at zeros are right too.
    /// </summary>
    private static Tensor Others(Tensor x, int[] dims)
    {
        var perm = Enumerable.Range(0, x.Dim).Where(i => !dims.Contains(i)).Concat(dims).ToArray();
        var inverse = new int[perm.Length];
        for (int i = 0; i < perm.Length; i++) inverse[perm[i]] = i;
        var permShape = perm.Select(i => x.shape[i]).ToArray();
        Tensor others;
        if (GradMode.IsEnabled && x.RequiresGrad)
        {
            int len = 1;
            foreach (var d in dims) len *= x.shape[d];
            var lead = permShape[..(permShape.Length - dims.Length)];
            var flat = x.Permute(perm).Reshape([.. lead, len]);
            var square = flat.Unsqueeze(-2).Expand([.. lead, len, len]);
            others = Torch.Where(Torch.Eye(len).Bool(), 1.0, square).Prod(-1);
        }
        else
        {
            var rows = Reduction.ReducedLast(x, dims, out int nRows, out int len);
            others = Torch.Empty([nRows, len], x.DType);
            if (x.DType == DType.Float32) ReduceRows.ProdOthers<float>(rows.Span<float>(), nRows, len, others.Span<float>());
            else ReduceRows.ProdOthers<double>(rows.Span<double>(), nRows, len, others.Span<double>());
        }
        return others.Reshape(permShape).Permute(inverse);
    }
}
