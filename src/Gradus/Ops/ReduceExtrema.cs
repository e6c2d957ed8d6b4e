using K = Gradus.Kernels.ReduceExtrema;

namespace Gradus.Ops;

/// <summary>max, min, amax, amin, argmax and argmin, with PyTorch's gradient rules for ties.</summary>
internal static class Extrema
{
    /// <summary>max() / min() over all elements; the gradient is split evenly among the tied extrema (MaxBackward1).</summary>
    public static Tensor All(Tensor x, bool max)
    {
        ReduceDims.CheckNonEmpty(max ? "max" : "min", x, null, allIsError: false);
        var r = Values(x, ReduceDims.Of(null, x.Dim), false, max);
        return Tensor.Record(r, max ? "MaxBackward1" : "MinBackward1", [x], g => [EvenlyDistribute(g, x, r)], x, r);
    }

    /// <summary>max(dim) / min(dim): values and the index of the first extremum; the gradient goes to that index (MaxBackward0).</summary>
    public static ValuesAndIndices WithIndices(Tensor x, int dim, bool keepDim, bool max)
    {
        string op = max ? "max" : "min";
        ReduceDims.CheckNonEmpty(op, x, [dim], allIsError: true);
        var dims = ReduceDims.Of(dim, x.Dim);
        var src = x.DType == DType.Bool ? x.Detach().To(DType.Int64) : x.Detach();
        var outShape = Reduction.ReducedShape(x.shape, dims, keepDim);
        var indices = Torch.Empty(outShape, DType.Int64);
        var values = ReduceDims.Rows(src, dims, keepDim, src.DType, (p, rows, len, r) =>
        {
            var idx = indices.Span<long>();
            switch (p.DType)
            {
                case DType.Float32: K.IndexRows<float>(p.Span<float>(), rows, len, r.Span<float>(), idx, max); break;
                case DType.Float64: K.IndexRows<double>(p.Span<double>(), rows, len, r.Span<double>(), idx, max); break;
                default: K.IndexRows<long>(p.Span<long>(), rows, len, r.Span<long>(), idx, max); break;
            }
        });
        if (x.DType == DType.Bool) values = values.To(DType.Bool);
        var inShape = x.shape;
        values = Tensor.Record(values, max ? "MaxBackward0" : "MinBackward0", [x],
            g => [SelectedGrad(g, indices, inShape, dims, keepDim)], indices);
        return new ValuesAndIndices(values, indices) { Op = op };
    }

    /// <summary>amax / amin over dims (all when none): the gradient is split evenly among ties in each slice (AmaxBackward0).</summary>
    public static Tensor Amax(Tensor x, int[]? dimsIn, bool keepDim, bool max)
    {
        ReduceDims.CheckNonEmpty(max ? "amax" : "amin", x, dimsIn, allIsError: false);
        var dims = ReduceDims.Of(dimsIn, x.Dim);
        var r = Values(x, dims, keepDim, max);
        var inShape = x.shape;
        return Tensor.Record(r, max ? "AmaxBackward0" : "AminBackward0", [x], g =>
        {
            var mask = x.Eq(ReduceDims.Keep(r, inShape, dims, keepDim));
            var count = mask.Sum(dims, keepDim: true);
            return [ReduceDims.Keep(g, inShape, dims, keepDim) / count * mask];
        }, x, r);
    }

    /// <summary>argmax / argmin: the int64 index of the first extremum along a dim, or in the flattened tensor without one.</summary>
    public static Tensor Arg(Tensor x, int? dim, bool keepDim, bool max)
    {
        string op = max ? "argmax" : "argmin";
        if (x.DType == DType.Bool) throw new ArgumentException($"\"{op}_cpu\" not implemented for 'Bool'");
        ReduceDims.CheckNonEmpty(op, x, dim is { } d0 ? [d0] : null, allIsError: true);
        Tensor src = x.Detach();
        int[] dims;
        if (dim is { } d) dims = ReduceDims.Of(d, x.Dim);
        else
        {
            src = src.Reshape(-1);
            dims = [0];
        }
        var r = ReduceDims.Rows(src, dims, keepDim, DType.Int64, (p, rows, len, res) =>
        {
            var idx = res.Span<long>();
            switch (p.DType)
            {
                case DType.Float32: K.IndexRows<float>(p.Span<float>(), rows, len, default, idx, max); break;
                case DType.Float64: K.IndexRows<double>(p.Span<double>(), rows, len, default, idx, max); break;
                default: K.IndexRows<long>(p.Span<long>(), rows, len, default, idx, max); break;
            }
        });
        if (dim is null && keepDim) r = r.Reshape(Enumerable.Repeat(1, x.Dim).ToArray());
        return r;
    }

    /// <summary>The extreme values over <paramref name="dims"/> without autograd (bool computes as int64).</summary>
    private static Tensor Values(Tensor x, int[] dims, bool keepDim, bool max)
    {
        var src = x.DType == DType.Bool ? x.Detach().To(DType.Int64) : x.Detach();
        var r = ReduceDims.Rows(src, dims, keepDim, src.DType, (p, rows, len, res) =>
        {
            switch (p.DType)
            {
                case DType.Float32: K.ValueRows<float>(p.Span<float>(), rows, len, res.Span<float>(), max); break;
                case DType.Float64: K.ValueRows<double>(p.Span<double>(), rows, len, res.Span<double>(), max); break;
                default: K.ValueRows<long>(p.Span<long>(), rows, len, res.Span<long>(), max); break;
            }
        });
        return x.DType == DType.Bool ? r.To(DType.Bool) : r;
    }

    /// <summary>PyTorch's evenly_distribute_backward: the gradient shared by every element equal to the result (every NaN when it is NaN).</summary>
    private static Tensor EvenlyDistribute(Tensor g, Tensor x, Tensor value)
    {
        var mask = double.IsNaN(value.Item()) ? x.Ne(x) : x.Eq(value);
        return Torch.Where(mask, g / mask.Sum(), 0.0);
    }

    /// <summary>PyTorch's value_selecting_reduction_backward: the gradient placed at the selected index of each slice, zero elsewhere.</summary>
    private static Tensor SelectedGrad(Tensor g, Tensor indices, int[] inShape, int[] dims, bool keepDim)
    {
        if (dims.Length == 0) return g;
        int d = dims[0];
        var along = Enumerable.Repeat(1, inShape.Length).ToArray();
        along[d] = inShape[d];
        var mask = Torch.Arange((long)inShape[d]).Reshape(along).Eq(ReduceDims.Keep(indices, inShape, dims, keepDim));
        return Torch.Where(mask, ReduceDims.Keep(g, inShape, dims, keepDim), 0.0);
    }
}
