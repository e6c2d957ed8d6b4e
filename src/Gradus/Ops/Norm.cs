using System.Globalization;
using System.Numerics;

namespace Gradus.Ops;

/// <summary>
/// Vector p-norms over all or some dims (L1, L2, Lp, inf, -inf, 0, negative p) with PyTorch's backward
/// (<c>norm_backward</c>: zero gradient where the norm is zero), and torch.norm / torch.frobenius_norm.
/// </summary>
internal static class Norm
{
    /// <summary>
    /// (sum |x|^ord)^(1/ord) over <paramref name="dim"/> (null or empty: all dims), recorded as <paramref name="node"/>
    /// (LinalgVectorNormBackward0, NormBackward0/1). The dtype is checked by the caller.
    /// </summary>
    public static Tensor VectorNorm(Tensor x, double ord, int[]? dim, bool keepDim, string node)
    {
        var dims = WrapDims(dim, x.Dim);
        if (x.Dim == 0) dims = [];
        if (x.Numel == 0 && (ord < 0 || double.IsPositiveInfinity(ord)))
        {
            if (dim is null || dim.Length == 0)
                throw new ArgumentException($"linalg.vector_norm cannot compute the {Format(ord)} norm on an empty tensor because the operation does not have an identity");
            for (int i = 0; i < dim.Length; i++)
                if (x.shape[Shapes.WrapDim(dim[i], x.Dim)] == 0)
                    throw new ArgumentException($"linalg.vector_norm cannot compute the {Format(ord)} norm on the dimension {dim[i]}because this dimension is empty and the operation does not have an identity");
        }
        var outShape = Reduction.ReducedShape(x.shape, dims, keepDim);
        var r = Torch.Empty(outShape, x.DType);
        var rowsT = Reduction.ReducedLast(x, dims, out int rows, out int len);
        if (x.DType == DType.Float32) Rows<float>(rowsT.Span<float>(), rows, len, ord, r.Span<float>());
        else Rows<double>(rowsT.Span<double>(), rows, len, ord, r.Span<double>());
        return Tensor.Record(r, node, [x], g => [Backward(g, x, ord, r, dims, keepDim)], x, r);
    }

    /// <summary>torch.norm with a numeric p (NormBackward1), over all dims or the given ones.</summary>
    public static Tensor TorchNorm(Tensor x, double p, int[]? dim, bool keepDim)
    {
        CheckNormDType(x);
        return VectorNorm(x, p, dim, keepDim, "NormBackward1");
    }

    /// <summary>torch.norm with p = "fro" or "nuc": fro is the 2-norm (over two dims: sqrt of the sum of squares), as PyTorch 1.13.</summary>
    public static Tensor TorchNorm(Tensor x, string p, int[]? dim, bool keepDim)
    {
        if (p == "fro") return Frobenius(x, dim ?? [], keepDim, allDimsNode: "NormBackward1");
        if (p == "nuc")
        {
            if (dim is null && x.Dim != 2)
                throw new ArgumentException($"Expected a tensor with 2 dimensions, but got a tensor with {x.Dim} dimensions instead.");
            if (dim is not null && dim.Length != 2) throw new ArgumentException("nuclear norm requires a 'dim' argument of size 2");
            return NormMatrix.MatrixNorm(x, "nuc", dim ?? [0, 1], keepDim);
        }
        throw new ArgumentException($"only valid string values are 'fro' and 'nuc', found {p}");
    }

    /// <summary>
    /// torch.frobenius_norm: at most two dims; none or one is the 2-norm, two is sqrt(sum(x * x)).
    /// <paramref name="allDimsNode"/> names the node of the whole-tensor case (NormBackward0 for frobenius_norm(x)).
    /// </summary>
    public static Tensor Frobenius(Tensor x, int[] dim, bool keepDim, string allDimsNode = "NormBackward1")
    {
        CheckNormDType(x);
        if (dim.Length > 2) throw new ArgumentException($"Expected at most 2 dimensions, but got {dim.Length} dimensions instead.");
        if (dim.Length < 2) return VectorNorm(x, 2, dim, keepDim, dim.Length == 0 ? allDimsNode : "NormBackward1");
        WrapDims(dim, x.Dim);
        return (x * x).Sum(dim, keepDim).Sqrt();
    }

    private static void CheckNormDType(Tensor x)
    {
        if (!x.IsFloatingPoint)
            throw new ArgumentException($"norm(): input dtype should be either floating point or complex. Got {LinalgChecks.ScalarType(x.DType)} instead.");
    }

    /// <summary>Wrapped, sorted dims (all when none are given), with PyTorch's message for repeats.</summary>
    public static int[] WrapDims(int[]? dim, int ndim)
    {
        if (dim is null || dim.Length == 0) return Enumerable.Range(0, ndim).ToArray();
        var seen = new HashSet<int>();
        foreach (var d in dim)
            if (!seen.Add(Shapes.WrapDim(d, ndim)))
                throw new ArgumentException($"dim {Shapes.WrapDim(d, ndim)} appears multiple times in the list of dims");
        return seen.Order().ToArray();
    }

    /// <summary>An order as PyTorch prints it in messages: 2, -1, 0.5, inf, -inf.</summary>
    public static string Format(double ord) =>
        double.IsPositiveInfinity(ord) ? "inf" : double.IsNegativeInfinity(ord) ? "-inf" : ord.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>The norm of each contiguous row, accumulated in double.</summary>
    private static void Rows<T>(ReadOnlySpan<T> src, int rows, int len, double ord, Span<T> dst) where T : IFloatingPointIeee754<T>
    {
        for (int r = 0; r < rows; r++)
        {
            var row = src.Slice(r * len, len);
            double acc;
            if (double.IsInfinity(ord))
            {
                acc = ord > 0 ? 0 : double.PositiveInfinity;
                foreach (var v in row)
                {
                    double a = Math.Abs(double.CreateTruncating(v));
                    if (double.IsNaN(a)) { acc = a; break; }
                    acc = ord > 0 ? Math.Max(acc, a) : Math.Min(acc, a);
                }
            }
            else if (ord == 0)
            {
                acc = 0;
                foreach (var v in row) if (v != T.Zero) acc++;
            }
            else
            {
                acc = 0;
                foreach (var v in row)
                {
                    double a = Math.Abs(double.CreateTruncating(v));
                    acc += ord == 1 ? a : ord == 2 ? a * a : Math.Pow(a, ord);
                }
                if (ord == 2) acc = Math.Sqrt(acc);
                else if (ord != 1) acc = Math.Pow(acc, 1 / ord);
            }
            dst[r] = T.CreateTruncating(acc);
        }
    }

    /// <summary>PyTorch's norm_backward, written with tensor ops so it is differentiable again.</summary>
    private static Tensor? Backward(Tensor g, Tensor x, double p, Tensor norm, int[] dims, bool keepDim)
    {
        if (!keepDim && x.Dim != 0)
        {
            var kept = Reduction.ReducedShape(x.shape, dims, true);
            g = g.Reshape(kept);
            norm = norm.Reshape(kept);
        }
        if (p == 0) return null;
        if (p == 1) return x.Sign() * g;
        if (p == 2) return g * Torch.Where(norm.Eq(0.0), 0.0, x / norm);
        if (double.IsInfinity(p))
        {
            var ax = x.Abs();
            var mask = (ax.Eq(norm) | ax.Ne(ax)).To(x.DType);
            return x.Sign() * (g / mask.Sum(dims, keepDim: true) * mask);
        }
        if (p < 1)
            return x.Sign() * Torch.Where(x.Eq(0.0), 0.0, x.Abs().Pow(p - 1)) * g * norm.Pow(1 - p);
        var scaled = p < 2 ? x.Sign() * x.Abs().Pow(p - 1) : x * x.Abs().Pow(p - 2);
        return scaled * Torch.Where(norm.Eq(0.0), 0.0, g / norm.Pow(p - 1));
    }
}
