namespace Gradus.Ops;

/// <summary>Selection by a boolean condition with broadcasting, as torch.where.</summary>
internal static class WhereOp
{
    public static Tensor Where(Tensor cond, Tensor a, Tensor b)
    {
        if (cond.DType != DType.Bool) throw new ArgumentException($"where expected condition to be a boolean tensor, but got a tensor with dtype {cond.DType}");
        var dt = Binary.ResultType(a, b);
        if (a.DType == DType.Bool && b.DType == DType.Bool) dt = DType.Bool;
        var shape = Shapes.Broadcast(Shapes.Broadcast(cond.shape, a.shape), b.shape);
        var c = cond.Expand(shape).Contiguous().Span<bool>();
        var av = a.Detach().To(dt).Expand(shape).Contiguous();
        var bv = b.Detach().To(dt).Expand(shape).Contiguous();
        var r = Torch.Uninitialized(shape, dt);
        switch (dt)
        {
            case DType.Float32: Select(c, av.Span<float>(), bv.Span<float>(), r.Span<float>()); break;
            case DType.Float64: Select(c, av.Span<double>(), bv.Span<double>(), r.Span<double>()); break;
            case DType.Int64: Select(c, av.Span<long>(), bv.Span<long>(), r.Span<long>()); break;
            default: Select(c, av.Span<bool>(), bv.Span<bool>(), r.Span<bool>()); break;
        }
        return Tensor.Record(r, "WhereBackward0", [a, b], g =>
        {
            var zero = Torch.ZerosLike(g);
            return [a.RequiresGrad ? Binary.Unbroadcast(Where(cond, g, zero), a) : null,
                    b.RequiresGrad ? Binary.Unbroadcast(Where(cond, zero, g), b) : null];
        });
    }

    private static void Select<T>(ReadOnlySpan<bool> c, ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> d)
    {
        for (int i = 0; i < d.Length; i++) d[i] = c[i] ? a[i] : b[i];
    }
}
