using Gradus.Kernels;

namespace Gradus.Ops;

/// <summary>Sum and mean over all elements or given dims, and the shared dim handling of reductions.</summary>
internal static class Reduction
{
    /// <summary>Wrapped, sorted, distinct dims; an empty list means all dims.</summary>
    public static int[] NormalizeDims(int[]? dims, int ndim)
    {
        if (dims is null || dims.Length == 0)
        {
            var all = new int[ndim];
            for (int i = 0; i < ndim; i++) all[i] = i;
            return all;
        }
        if (dims.Length == 1) return [Shapes.WrapDim(dims[0], ndim)];
        var r = dims.Select(d => Shapes.WrapDim(d, ndim)).Distinct().Order().ToArray();
        if (r.Length != dims.Length) throw new ArgumentException("dim appears multiple times in the list of dims");
        return r;
    }

    /// <summary>The output shape of a reduction over <paramref name="dims"/>.</summary>
    public static int[] ReducedShape(int[] shape, int[] dims, bool keepDim)
    {
        var r = new int[keepDim ? shape.Length : shape.Length - dims.Length];
        int k = 0;
        for (int i = 0; i < shape.Length; i++)
            if (Array.IndexOf(dims, i) >= 0) { if (keepDim) r[k++] = 1; }
            else r[k++] = shape[i];
        return r;
    }

    /// <summary>Moves the reduced dims last and makes the data contiguous: rows of the reduced length.</summary>
    public static Tensor ReducedLast(Tensor x, int[] dims, out int rows, out int len)
    {
        var perm = Enumerable.Range(0, x.Dim).Where(i => !dims.Contains(i)).Concat(dims).ToArray();
        var p = x.Detach().Permute(perm).Contiguous();
        len = 1;
        foreach (var d in dims) len *= x.shape[d];
        rows = len == 0 ? Shapes.Numel(ReducedShape(x.shape, dims, false)) : x.Numel / len;
        return p;
    }

    /// <summary>True when sorted <paramref name="dims"/> are consecutive and end at the last dim.</summary>
    private static bool TrailingRun(int[] dims, int ndim)
    {
        if (dims.Length == 0 || dims[^1] != ndim - 1) return false;
        for (int k = 1; k < dims.Length; k++)
            if (dims[k] != dims[k - 1] + 1) return false;
        return true;
    }

    public static Tensor Sum(Tensor x, int[]? dimsIn, bool keepDim, DType? dtype = null)
    {
        var dt = dtype ?? (x.IsFloatingPoint ? x.DType : DType.Int64);
        var src = x.DType == dt ? x : x.Detach().To(dt);
        var dims = NormalizeDims(dimsIn, x.Dim);
        var outShape = ReducedShape(x.shape, dims, keepDim);
        var r = Torch.Empty(outShape, dt);
        // One dim, or a run of dims ending at the last one (all dims included), of contiguous data: no permuted copy.
        bool contiguousRun = (dims.Length == 1 || TrailingRun(dims, x.Dim)) && src.IsContiguous;
        if (contiguousRun)
        {
            int d = dims[0], last = dims[^1], len = 1, outer = 1, inner = 1;
            for (int i = 0; i < d; i++) outer *= x.shape[i];
            for (int i = d; i <= last; i++) len *= x.shape[i];
            for (int i = last + 1; i < x.Dim; i++) inner *= x.shape[i];
            switch (dt)
            {
                case DType.Float32 when inner == 1: Reduce.SumRows<float>(src.Span<float>(), outer, len, r.Span<float>()); break;
                case DType.Float64 when inner == 1: Reduce.SumRows<double>(src.Span<double>(), outer, len, r.Span<double>()); break;
                case DType.Int64 when inner == 1: Reduce.SumRows<long>(src.Span<long>(), outer, len, r.Span<long>()); break;
                case DType.Float32: Reduce.SumMiddle<float>(src.Span<float>(), outer, len, inner, r.Span<float>()); break;
                case DType.Float64: Reduce.SumMiddle<double>(src.Span<double>(), outer, len, inner, r.Span<double>()); break;
                default: Reduce.SumMiddle<long>(src.Span<long>(), outer, len, inner, r.Span<long>()); break;
            }
        }
        else
        {
            var p = ReducedLast(src, dims, out int rows, out int len);
            switch (dt)
            {
                case DType.Float32: Reduce.SumRows<float>(p.Span<float>(), rows, len, r.Span<float>()); break;
                case DType.Float64: Reduce.SumRows<double>(p.Span<double>(), rows, len, r.Span<double>()); break;
                default: Reduce.SumRows<long>(p.Span<long>(), rows, len, r.Span<long>()); break;
            }
        }
        var inShape = x.shape;
        return Tensor.Record(r, dimsIn is null ? "SumBackward0" : "SumBackward1", [x],
            g => [Expand(g, inShape, dims, keepDim).To(x.DType)]);
    }

    public static Tensor Mean(Tensor x, int[]? dimsIn, bool keepDim)
    {
        if (!x.IsFloatingPoint)
            throw new ArgumentException($"mean(): could not infer output dtype. Input dtype must be either a floating point or complex dtype. Got: {x.DType}");
        var dims = NormalizeDims(dimsIn, x.Dim);
        int count = 1;
        foreach (var d in dims) count *= x.shape[d];
        Tensor r;
        using (Torch.NoGrad()) r = Sum(x, dims, keepDim);
        // The sum is a fresh contiguous tensor: divide it in place (the same kernel as sum / count).
        if (r.DType == DType.Float32) DivOp<float>.Apply(r.Span<float>(), (float)count, r.Span<float>());
        else DivOp<double>.Apply(r.Span<double>(), count, r.Span<double>());
        var inShape = x.shape;
        return Tensor.Record(r, dimsIn is null ? "MeanBackward0" : "MeanBackward1", [x],
            g => [Expand(g / (double)count, inShape, dims, keepDim)]);
    }

    /// <summary>Broadcasts a reduced gradient back over the reduced dims.</summary>
    public static Tensor Expand(Tensor g, int[] inShape, int[] dims, bool keepDim)
    {
        if (!keepDim)
        {
            var s = ReducedShape(inShape, dims, true);
            g = g.Reshape(s);
        }
        return g.Expand(inShape);
    }
}
