using Gradus.Kernels;

namespace Gradus.Ops;

/// <summary>Type promotion, broadcasting and dtype dispatch for binary elementwise ops.</summary>
internal static class Binary
{
    /// <summary>Runs an op defined for float, double and long on the promoted dtype <paramref name="dt"/>.</summary>
    public static Tensor Run<TF, TD, TL>(Tensor a, Tensor b, DType dt, string op)
        where TF : struct, IBinaryOp<float> where TD : struct, IBinaryOp<double> where TL : struct, IBinaryOp<long>
        => dt switch
        {
            DType.Float32 => Run<float, TF>(a, b, dt, op),
            DType.Float64 => Run<double, TD>(a, b, dt, op),
            DType.Int64 => Run<long, TL>(a, b, dt, op),
            _ => throw new ArgumentException($"{op}: not implemented for '{dt}'"),
        };

    /// <summary>Runs an op defined for float and double only.</summary>
    public static Tensor RunFloat<TF, TD>(Tensor a, Tensor b, DType dt, string op)
        where TF : struct, IBinaryOp<float> where TD : struct, IBinaryOp<double>
        => dt switch
        {
            DType.Float32 => Run<float, TF>(a, b, dt, op),
            DType.Float64 => Run<double, TD>(a, b, dt, op),
            _ => throw new ArgumentException($"{op}: not implemented for '{dt}'"),
        };

    private static Tensor Run<T, TOp>(Tensor a, Tensor b, DType dt, string op) where TOp : struct, IBinaryOp<T>
    {
        // Same dtype, contiguous, and equal shapes or a one-element b: the driver's own fast paths, without broadcast bookkeeping.
        if (a.DType == dt && b.DType == dt && a.IsContiguous)
        {
            if (b.shape.Length == 0 || (Shapes.SameShape(a.shape, b.shape) && b.IsContiguous))
            {
                var r = Torch.Uninitialized(a.shape, dt);
                int n = r.Numel;
                if (n > 0)
                {
                    if (b.shape.Length == 0 && n != 1) TOp.Apply(a.Data<T>().AsSpan(a.offset, n), b.Data<T>()[b.offset], r.Span<T>());
                    else TOp.Apply(a.Data<T>().AsSpan(a.offset, n), b.Data<T>().AsSpan(b.offset, n), r.Span<T>()); // as the driver's dense path
                }
                return r;
            }
        }
        var shape = Shapes.Broadcast(a.shape, b.shape);
        a = a.DType == dt ? a : a.Detach().To(dt);
        b = b.DType == dt ? b : b.Detach().To(dt);
        var result = Torch.Uninitialized(shape, dt);
        Elementwise.Binary<T, TOp>(a.Data<T>(), a.offset, Shapes.BroadcastStrides(a.shape, a.strides, shape),
            b.Data<T>(), b.offset, Shapes.BroadcastStrides(b.shape, b.strides, shape), shape, result.Span<T>());
        return result;
    }

    /// <summary>Runs a comparison on the promoted dtype and returns a Bool tensor.</summary>
    public static Tensor Compare<TF, TD, TL>(Tensor a, Tensor b, string op)
        where TF : struct, ICompareOp<float> where TD : struct, ICompareOp<double> where TL : struct, ICompareOp<long>
    {
        var dt = DTypes.Promote(a.DType, b.DType);
        if (dt == DType.Bool) dt = DType.Int64;
        var shape = Shapes.Broadcast(a.shape, b.shape);
        a = a.DType == dt ? a : a.Detach().To(dt);
        b = b.DType == dt ? b : b.Detach().To(dt);
        var result = Torch.Uninitialized(shape, DType.Bool);
        var sa = Shapes.BroadcastStrides(a.shape, a.strides, shape);
        var sb = Shapes.BroadcastStrides(b.shape, b.strides, shape);
        var d = result.Span<bool>();
        switch (dt)
        {
            case DType.Float32: Elementwise.Compare<float, TF>(a.Data<float>(), a.offset, sa, b.Data<float>(), b.offset, sb, shape, d); break;
            case DType.Float64: Elementwise.Compare<double, TD>(a.Data<double>(), a.offset, sa, b.Data<double>(), b.offset, sb, shape, d); break;
            default: Elementwise.Compare<long, TL>(a.Data<long>(), a.offset, sa, b.Data<long>(), b.offset, sb, shape, d); break;
        }
        return result;
    }

    /// <summary>The result dtype of an arithmetic op (bool counts as int64).</summary>
    public static DType ResultType(Tensor a, Tensor b)
    {
        var dt = DTypes.Promote(a.DType, b.DType);
        return dt == DType.Bool ? DType.Int64 : dt;
    }

    /// <summary>
    /// Reduces a gradient of the broadcast shape back to <paramref name="like"/>'s shape and dtype:
    /// sums over the dims that broadcasting added or stretched.
    /// </summary>
    public static Tensor Unbroadcast(Tensor g, Tensor like)
    {
        if (!Shapes.SameShape(g.shape, like.shape))
        {
            int lead = g.Dim - like.Dim;
            var dims = new List<int>();
            for (int i = 0; i < g.Dim; i++)
                if (i < lead || (like.shape[i - lead] == 1 && g.shape[i] != 1)) dims.Add(i);
            if (dims.Count > 0) g = g.Sum(dims.ToArray(), keepDim: true);
            if (lead > 0) g = g.Reshape(like.shape);
        }
        return g.DType == like.DType ? g : g.To(like.DType);
    }
}
