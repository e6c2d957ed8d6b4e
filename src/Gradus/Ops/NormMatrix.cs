namespace Gradus.Ops;

/// <summary>
/// Matrix norms (fro, nuc, 1, -1, 2, -2, inf, -inf) over two dims, torch.linalg.norm's dispatch between
/// vector and matrix norms, and the amax/amin reductions the induced norms end with.
/// </summary>
internal static class NormMatrix
{
    private const string Op = "linalg.matrix_norm";

    public static Tensor MatrixNorm(Tensor a, double ord, int[] dim, bool keepDim)
    {
        double abs = Math.Abs(ord);
        if (abs != 1 && abs != 2 && !double.IsPositiveInfinity(abs))
            throw new ArgumentException($"{Op}: Order {Norm.Format(ord)} not supported.");
        var (d0, d1) = Check(a, dim);
        if (abs == 2)
        {
            var perm = Backshift(d0, d1, a.Dim);
            var sv = LinalgSvd.Svdvals(a.Permute(perm));
            var r = Extreme(sv, sv.Dim - 1, keepDim, max: ord > 0);
            return keepDim ? Restore(r, perm) : r;
        }
        if (double.IsInfinity(abs)) (d0, d1) = (d1, d0);
        if (!keepDim && d0 < d1) d1--;
        return Extreme(Norm.VectorNorm(a, 1, [d0], keepDim, "LinalgVectorNormBackward0"), d1, keepDim, max: ord > 0);
    }

    public static Tensor MatrixNorm(Tensor a, string ord, int[] dim, bool keepDim)
    {
        if (ord is not ("fro" or "nuc")) throw new ArgumentException($"{Op}: Order {ord} not supported.");
        var (d0, d1) = Check(a, dim);
        if (ord == "fro") return Norm.VectorNorm(a, 2, [d0, d1], keepDim, "LinalgVectorNormBackward0");
        var perm = Backshift(d0, d1, a.Dim);
        var r = LinalgSvd.Svdvals(a.Permute(perm)).Sum(-1, keepDim);
        return keepDim ? Restore(r, perm) : r;
    }

    /// <summary>torch.linalg.norm with a numeric (or default) order.</summary>
    public static Tensor LinalgNorm(Tensor x, double? ord, int[]? dim, bool keepDim)
    {
        if (dim is not null && dim.Length is not (1 or 2))
            throw new ArgumentException($"linalg.norm: If dim is specified, it must be of length 1 or 2. Got {Shapes.Format(dim)}");
        if (dim is null && ord is not null && x.Dim is not (1 or 2))
            throw new ArgumentException($"linalg.norm: If dim is not specified but ord is, the input must be 1D or 2D. Got {x.Dim}D.");
        if (ord is { } o && (dim?.Length == 2 || (dim is null && x.Dim == 2)))
            return MatrixNorm(x, o, dim ?? [0, 1], keepDim);
        return VectorNorm(x, ord ?? 2, dim, keepDim);
    }

    /// <summary>torch.linalg.norm with ord "fro" or "nuc": always a matrix norm.</summary>
    public static Tensor LinalgNorm(Tensor x, string ord, int[]? dim, bool keepDim)
    {
        if (dim is not null && dim.Length is not (1 or 2))
            throw new ArgumentException($"linalg.norm: If dim is specified, it mut be of length 1 or 2. Got {Shapes.Format(dim)}");
        if (dim is null && x.Dim is not (1 or 2))
            throw new ArgumentException($"linalg.norm: If dim is not specified but ord is, the input must be 1D or 2D. Got {x.Dim}D.");
        return MatrixNorm(x, ord, dim ?? [0, 1], keepDim);
    }

    /// <summary>torch.linalg.vector_norm: float input, any dims, LinalgVectorNormBackward0.</summary>
    public static Tensor VectorNorm(Tensor x, double ord, int[]? dim, bool keepDim)
    {
        LinalgChecks.FloatInput(x, "linalg.vector_norm");
        return Norm.VectorNorm(x, ord, dim, keepDim, "LinalgVectorNormBackward0");
    }

    /// <summary>PyTorch's checks of A and dim for matrix norms; returns the two wrapped dims.</summary>
    private static (int, int) Check(Tensor a, int[] dim)
    {
        if (a.Dim < 2) throw new ArgumentException($"{Op}: The input tensor A must have at least 2 dimensions.");
        LinalgChecks.FloatInput(a, Op);
        if (dim.Length != 2) throw new ArgumentException($"{Op}: dim must be a 2-tuple. Got {string.Join(" ", dim)}");
        int d0 = Shapes.WrapDim(dim[0], a.Dim), d1 = Shapes.WrapDim(dim[1], a.Dim);
        if (d0 == d1) throw new ArgumentException($"{Op}: dims must be different. Got ({d0}, {d1})");
        return (d0, d1);
    }

    /// <summary>The permutation that moves dims d0 and d1 last (in that order).</summary>
    private static int[] Backshift(int d0, int d1, int ndim) =>
        [.. Enumerable.Range(0, ndim).Where(i => i != d0 && i != d1), d0, d1];

    /// <summary>Puts a keepdim result (..., 1) back with size-1 dims where the two matrix dims were.</summary>
    private static Tensor Restore(Tensor r, int[] perm)
    {
        var inverse = new int[perm.Length];
        for (int i = 0; i < perm.Length; i++) inverse[perm[i]] = i;
        return r.Unsqueeze(-1).Permute(inverse);
    }

    /// <summary>amax / amin over one dim (NaN propagates), recorded as AmaxBackward0 / AminBackward0: ties share the gradient.</summary>
    public static Tensor Extreme(Tensor x, int dim, bool keepDim, bool max)
    {
        string name = max ? "amax" : "amin";
        int d = Shapes.WrapDim(dim, x.Dim);
        if (x.Dim > 0 && x.shape[d] == 0)
            throw new IndexOutOfRangeException($"{name}(): Expected reduction dim {d} to have non-zero size.");
        int[] dims = x.Dim == 0 ? [] : [d];
        var r = Torch.Empty(Reduction.ReducedShape(x.shape, dims, keepDim), x.DType);
        var rows = Reduction.ReducedLast(x, dims, out int count, out int len);
        if (x.DType == DType.Float32) ExtremeRows<float>(rows.Span<float>(), count, len, max, r.Span<float>());
        else ExtremeRows<double>(rows.Span<double>(), count, len, max, r.Span<double>());
        var inShape = x.shape;
        return Tensor.Record(r, max ? "AmaxBackward0" : "AminBackward0", [x], g =>
        {
            var kept = keepDim ? r : r.Reshape(Reduction.ReducedShape(inShape, dims, true));
            var gk = keepDim ? g : g.Reshape(Reduction.ReducedShape(inShape, dims, true));
            var mask = x.Eq(kept).To(x.DType);
            return [gk / mask.Sum(dims, keepDim: true) * mask];
        }, x, r);
    }

    private static void ExtremeRows<T>(ReadOnlySpan<T> src, int rows, int len, bool max, Span<T> dst)
        where T : System.Numerics.IFloatingPointIeee754<T>
    {
        for (int i = 0; i < rows; i++)
        {
            var row = src.Slice(i * len, len);
            T acc = row[0];
            foreach (var v in row)
            {
                if (T.IsNaN(v)) { acc = v; break; }
                if (max ? v > acc : v < acc) acc = v;
            }
            dst[i] = acc;
        }
    }
}
