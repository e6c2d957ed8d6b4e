using System.Numerics;

namespace Gradus.Kernels;

/// <summary>ReLU's backward in one pass: the same values as <c>g * (r &gt; 0)</c> (g where r is positive, else g·0).</summary>
internal static class ReluGrad
{
    /// <summary>d[i] = r[i] &gt; 0 ? g[i] : g[i]·0 (so a NaN or negative g keeps PyTorch's NaN or -0).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static void Apply<T>(ReadOnlySpan<T> r, ReadOnlySpan<T> g, Span<T> d) where T : unmanaged, INumber<T>
    {
        int i = 0;
        if (Vector.IsHardwareAccelerated)
            for (; i <= d.Length - Vector<T>.Count; i += Vector<T>.Count)
            {
                var vg = new Vector<T>(g[i..]);
                var positive = Vector.GreaterThan(new Vector<T>(r[i..]), Vector<T>.Zero);
                Vector.ConditionalSelect(positive, vg, vg * Vector<T>.Zero).CopyTo(d[i..]);
            }
        for (; i < d.Length; i++) d[i] = r[i] > T.Zero ? g[i] : g[i] * T.Zero;
    }
}
