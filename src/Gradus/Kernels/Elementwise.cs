namespace Gradus.Kernels;

/// <summary>A binary elementwise operator: one scalar form and three span forms (SIMD where it can).</summary>
internal interface IBinaryOp<T>
{
    static abstract T Apply(T a, T b);
    static abstract void Apply(ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> d);
    static abstract void Apply(ReadOnlySpan<T> a, T b, Span<T> d);
    static abstract void Apply(T a, ReadOnlySpan<T> b, Span<T> d);
}

/// <summary>A unary elementwise operator over spans.</summary>
internal interface IUnaryOp<T>
{
    static abstract void Apply(ReadOnlySpan<T> x, Span<T> d);
}

/// <summary>A comparison producing booleans.</summary>
internal interface ICompareOp<T>
{
    static abstract bool Apply(T a, T b);
}

/// <summary>The one driver for broadcast binary ops: contiguous and scalar fast paths, then row-wise strided.</summary>
internal static class Elementwise
{
    /// <summary>Applies <typeparamref name="TOp"/> to two strided operands already broadcast to <paramref name="shape"/>.</summary>
    public static void Binary<T, TOp>(T[] a, int ao, int[] ast, T[] b, int bo, int[] bst, int[] shape, Span<T> d)
        where TOp : struct, IBinaryOp<T>
    {
        int n = d.Length;
        if (n == 0) return;
        bool ac = Dense(shape, ast), bc = Dense(shape, bst);
        bool az = AllZero(ast), bz = AllZero(bst);
        if (ac && bc) { TOp.Apply(a.AsSpan(ao, n), b.AsSpan(bo, n), d); return; }
        if (ac && bz) { TOp.Apply(a.AsSpan(ao, n), b[bo], d); return; }
        if (az && bc) { TOp.Apply(a[ao], b.AsSpan(bo, n), d); return; }
        int nd = shape.Length, inner = shape[nd - 1], ia = ast[nd - 1], ib = bst[nd - 1];
        Span<int> idx = stackalloc int[nd];
        int pa = ao, pb = bo;
        for (int o = 0; o < n; o += inner)
        {
            var row = d.Slice(o, inner);
            if (ia == 1 && ib == 1) TOp.Apply(a.AsSpan(pa, inner), b.AsSpan(pb, inner), row);
            else if (ia == 1 && ib == 0) TOp.Apply(a.AsSpan(pa, inner), b[pb], row);
            else if (ia == 0 && ib == 1) TOp.Apply(a[pa], b.AsSpan(pb, inner), row);
            else for (int j = 0; j < inner; j++) row[j] = TOp.Apply(a[pa + j * ia], b[pb + j * ib]);
            for (int k = nd - 2; k >= 0; k--)
            {
                pa += ast[k]; pb += bst[k];
                if (++idx[k] < shape[k]) break;
                pa -= ast[k] * shape[k]; pb -= bst[k] * shape[k];
                idx[k] = 0;
            }
        }
    }

    /// <summary>Applies a comparison to two strided operands broadcast to <paramref name="shape"/>.</summary>
    public static void Compare<T, TOp>(T[] a, int ao, int[] ast, T[] b, int bo, int[] bst, int[] shape, Span<bool> d)
        where TOp : struct, ICompareOp<T>
    {
        int n = d.Length, nd = shape.Length;
        if (n == 0) return;
        if (nd == 0) { d[0] = TOp.Apply(a[ao], b[bo]); return; }
        int inner = shape[nd - 1], ia = ast[nd - 1], ib = bst[nd - 1];
        Span<int> idx = stackalloc int[nd];
        int pa = ao, pb = bo;
        for (int o = 0; o < n; o += inner)
        {
            for (int j = 0; j < inner; j++) d[o + j] = TOp.Apply(a[pa + j * ia], b[pb + j * ib]);
            for (int k = nd - 2; k >= 0; k--)
            {
                pa += ast[k]; pb += bst[k];
                if (++idx[k] < shape[k]) break;
                pa -= ast[k] * shape[k]; pb -= bst[k] * shape[k];
                idx[k] = 0;
            }
        }
    }

    private static bool Dense(int[] shape, int[] st)
    {
        int acc = 1;
        for (int i = shape.Length - 1; i >= 0; i--)
        {
            if (shape[i] == 1) continue;
            if (st[i] != acc) return false;
            acc *= shape[i];
        }
        return true;
    }

    private static bool AllZero(int[] st)
    {
        foreach (var s in st) if (s != 0) return false;
        return true;
    }
}
