namespace Gradus.Ops;

/// <summary>
/// torch.matmul's dispatch on the operands' ranks (PyTorch 1.13's <c>_matmul_impl</c>): dot, mv, mm,
/// folding the batch of a 3-D-or-more operand into one mm/mv, or a broadcast batched product, so the
/// results and grad_fn names (UnsafeViewBackward0, SqueezeBackward3, ...) come out as PyTorch prints them.
/// </summary>
internal static class MatmulBroadcast
{
    public static Tensor Apply(Tensor a, Tensor b)
    {
        int d1 = a.Dim, d2 = b.Dim;
        if (d1 == 0 || d2 == 0)
            throw new ArgumentException($"both arguments to matmul need to be at least 1D, but they are {d1}D and {d2}D");
        if (d1 == 1 && d2 == 1) return Matmul.Dot(a, b);
        if (d1 == 2 && d2 == 1) return Matmul.Mv(a, b);
        if (d1 == 1 && d2 == 2)
        {
            var r = Matmul.Mm(a.Unsqueeze(0), b);
            return Views.Make(r, r.shape[1..], r.strides[1..], r.offset, "SqueezeBackward3", g => g.Unsqueeze(0));
        }
        if (d1 == 2 && d2 == 2) return Matmul.Mm(a, b);
        if (ShouldFold(a, d2) || ShouldFold(b, d1)) return Folded(a, b);
        return Batched(a, b);
    }

    /// <summary>
    /// PyTorch's should_fold: a 3-D-or-more operand against a vector or matrix folds its batch into rows,
    /// except a 3-D operand whose last two dims are transposed (bmm reads that without a copy).
    /// </summary>
    private static bool ShouldFold(Tensor t, int otherDim)
    {
        if (t.Dim < 3 || otherDim is not (1 or 2)) return false;
        return !(t.Dim == 3 && otherDim == 2 && t.strides[^1] != 1 && t.strides[0] == t.shape[1] * t.shape[2]);
    }

    /// <summary>Folds the batch of the higher-rank operand into the rows of one mm or mv (transposing when it is the right one).</summary>
    private static Tensor Folded(Tensor a, Tensor b)
    {
        bool transpose = b.Dim > a.Dim;
        var t1 = transpose ? LinalgChecks.MT(b) : a;
        var t2 = !transpose ? b : a.Dim == 2 ? Views.MatrixT(a) : a;
        var outShape = t1.shape[..^1].ToList();
        int folded = Shapes.Numel(outShape.ToArray());
        bool t2IsMatrix = t2.Dim == 2;
        if (t2IsMatrix) outShape.Add(t2.shape[1]);
        var t1Folded = FoldReshape(t1, [folded, t1.shape[^1]]);
        if (!t2IsMatrix) return UnsafeView(Matmul.Mv(t1Folded, t2), outShape.ToArray());
        var output = UnsafeView(Matmul.Mm(t1Folded, t2), outShape.ToArray());
        return transpose ? LinalgChecks.MT(output).Contiguous() : output;
    }

    /// <summary>Broadcasts the batch dims (expanded views, no copies) and runs one batched product.</summary>
    private static Tensor Batched(Tensor a, Tensor b)
    {
        int n = a.shape[^2], m1 = a.shape[^1], m2 = b.shape[^2], p = b.shape[^1];
        var batch = LinalgChecks.BroadcastBatch(a.shape[..^2], b.shape[..^2]);
        var r = Matmul.Batched(a.Expand([.. batch, n, m1]), b.Expand([.. batch, m2, p]));
        return UnsafeView(r, r.shape);
    }

    /// <summary>reshape as PyTorch does it: a view when the strides allow, else a contiguous copy then an unsafe view.</summary>
    private static Tensor FoldReshape(Tensor t, int[] shape) =>
        Views.ViewStrides(t.shape, t.strides, shape) is not null ? t.Reshape(shape) : UnsafeView(t.Clone(), shape);

    /// <summary>A view of a contiguous result with another shape, recorded as UnsafeViewBackward0.</summary>
    private static Tensor UnsafeView(Tensor r, int[] shape)
    {
        var old = r.shape;
        // An empty gradient is rebuilt rather than reshaped: the core's reshape rejects some 0-size strides.
        return Views.Make(r, shape, Shapes.ContiguousStrides(shape), r.offset, "UnsafeViewBackward0",
            g => g.Numel == 0 ? Torch.Zeros(old, g.DType) : g.Reshape(old));
    }
}
