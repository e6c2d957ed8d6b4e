namespace Gradus.Ops;

/// <summary>Logical and bitwise ops on bool (and int64) tensors; not differentiable.</summary>
internal static class Logical
{
    private static Tensor Combine(Tensor a, Tensor b, string op, Func<bool, bool, bool> fb, Func<long, long, long> fl)
    {
        var dt = DTypes.Promote(a.DType, b.DType);
        if (DTypes.IsFloat(dt)) throw new ArgumentException($"\"{op}_cpu\" not implemented for '{dt}'");
        var shape = Shapes.Broadcast(a.shape, b.shape);
        var av = a.Detach().To(dt).Expand(shape).Contiguous();
        var bv = b.Detach().To(dt).Expand(shape).Contiguous();
        var r = Torch.Uninitialized(shape, dt);
        if (dt == DType.Bool)
        {
            ReadOnlySpan<bool> x = av.Span<bool>(), y = bv.Span<bool>();
            var d = r.Span<bool>();
            for (int i = 0; i < d.Length; i++) d[i] = fb(x[i], y[i]);
        }
        else
        {
            ReadOnlySpan<long> x = av.Span<long>(), y = bv.Span<long>();
            var d = r.Span<long>();
            for (int i = 0; i < d.Length; i++) d[i] = fl(x[i], y[i]);
        }
        return r;
    }

    public static Tensor And(Tensor a, Tensor b) => Combine(a, b, "bitwise_and", (x, y) => x & y, (x, y) => x & y);
    public static Tensor Or(Tensor a, Tensor b) => Combine(a, b, "bitwise_or", (x, y) => x | y, (x, y) => x | y);
    public static Tensor Xor(Tensor a, Tensor b) => Combine(a, b, "bitwise_xor", (x, y) => x ^ y, (x, y) => x ^ y);

    public static Tensor Not(Tensor a)
    {
        var b = a.Detach().Bool().Contiguous();
        var r = Torch.Uninitialized(a.shape, DType.Bool);
        ReadOnlySpan<bool> s = b.Span<bool>();
        var d = r.Span<bool>();
        for (int i = 0; i < d.Length; i++) d[i] = !s[i];
        return r;
    }
}
