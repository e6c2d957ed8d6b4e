using System.Numerics;

namespace Gradus.Kernels;

/// <summary>
/// One-pass parameter updates, each element computed in the parameter's precision with the same
/// sequence of operations as PyTorch's single-tensor optimizers (scalars cast to T as ATen does):
/// <c>add_(x, alpha)</c> is self + alpha·x, <c>addcmul_</c> is self + (v·t1)·t2 and <c>addcdiv_</c> is
/// self + (v·t1)/t2, in that order; complements such as 1 − β are computed in double by the caller.
/// </summary>
internal static class OptimizerKernels
{
    /// <summary>ATen's add with alpha: self + alpha·other.</summary>
    private static T AddScaled<T>(T self, T alpha, T other) where T : IFloatingPointIeee754<T> => self + alpha * other;

    /// <summary>ATen's addcdiv: self + (value·t1)/t2.</summary>
    private static T AddCDiv<T>(T self, T value, T t1, T t2) where T : IFloatingPointIeee754<T> => self + value * t1 / t2;

    /// <summary>The gradient after maximize and L2 weight decay: d = ±g + wd·p.</summary>
    private static T Decayed<T>(T g, T p, T wd, bool maximize) where T : IFloatingPointIeee754<T>
    {
        var d = maximize ? -g : g;
        return wd == T.Zero ? d : AddScaled(d, wd, p);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static void Sgd<T>(Span<T> p, ReadOnlySpan<T> g, Span<T> buf, bool first, T lr, T wd, T momentum, T keep, bool nesterov, bool maximize)
        where T : IFloatingPointIeee754<T>
    {
        for (int i = 0; i < p.Length; i++)
        {
            var d = Decayed(g[i], p[i], wd, maximize);
            if (momentum != T.Zero)
            {
                buf[i] = first ? d : AddScaled(buf[i] * momentum, keep, d);
                d = nesterov ? d + momentum * buf[i] : buf[i];
            }
            p[i] = AddScaled(p[i], -lr, d);
        }
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static void Adagrad<T>(Span<T> p, ReadOnlySpan<T> g, Span<T> sum, T clr, T wd, T eps, bool maximize)
        where T : IFloatingPointIeee754<T>
    {
        for (int i = 0; i < p.Length; i++)
        {
            var d = Decayed(g[i], p[i], wd, maximize);
            sum[i] += d * d;
            var std = T.Sqrt(sum[i]) + eps;
            p[i] = AddCDiv(p[i], -clr, d, std);
        }
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static void RmsProp<T>(Span<T> p, ReadOnlySpan<T> g, Span<T> sq, Span<T> gavg, Span<T> buf,
        T lr, T alpha, T keep, T eps, T wd, T momentum, bool centered, bool maximize) where T : IFloatingPointIeee754<T>
    {
        for (int i = 0; i < p.Length; i++)
        {
            var d = Decayed(g[i], p[i], wd, maximize);
            sq[i] = sq[i] * alpha + keep * d * d;
            T avg;
            if (centered)
            {
                gavg[i] = AddScaled(gavg[i] * alpha, keep, d);
                avg = T.Sqrt(sq[i] + -T.One * gavg[i] * gavg[i]);
            }
            else avg = T.Sqrt(sq[i]);
            avg += eps;
            if (momentum > T.Zero)
            {
                buf[i] = AddCDiv(buf[i] * momentum, T.One, d, avg);
                p[i] = AddScaled(p[i], -lr, buf[i]);
            }
            else p[i] = AddCDiv(p[i], -lr, d, avg);
        }
    }

    /// <summary>Adam and AdamW (decoupled decay is applied by the caller as p·(1 − lr·wd) before this).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static void Adam<T>(Span<T> p, ReadOnlySpan<T> g, Span<T> m, Span<T> v, Span<T> vmax,
        T beta1, T k1, T beta2, T k2, T negStepSize, T bc2Sqrt, T eps, T wd, bool amsgrad, bool maximize) where T : IFloatingPointIeee754<T>
    {
        int i = amsgrad ? 0 : AdamVector(p, g, m, v, beta1, k1, beta2, k2, negStepSize, bc2Sqrt, eps, wd, maximize);
        for (; i < p.Length; i++)
        {
            var d = Decayed(g[i], p[i], wd, maximize);
            m[i] = AddScaled(m[i] * beta1, k1, d);
            v[i] = v[i] * beta2 + k2 * d * d;
            T second = v[i];
            if (amsgrad)
            {
                vmax[i] = T.Max(vmax[i], v[i]);
                second = vmax[i];
            }
            var denom = T.Sqrt(second) / bc2Sqrt + eps;
            p[i] = AddCDiv(p[i], negStepSize, m[i], denom);
        }
    }

    /// <summary>Adam without amsgrad on whole vectors: the scalar loop's operations in the same order; returns where it stopped.</summary>
    private static int AdamVector<T>(Span<T> p, ReadOnlySpan<T> g, Span<T> m, Span<T> v,
        T beta1, T k1, T beta2, T k2, T negStepSize, T bc2Sqrt, T eps, T wd, bool maximize) where T : IFloatingPointIeee754<T>
    {
        if (!Vector.IsHardwareAccelerated || !Vector<T>.IsSupported) return 0;
        Vector<T> b1 = new(beta1), c1 = new(k1), b2 = new(beta2), c2 = new(k2), step = new(negStepSize), bc = new(bc2Sqrt), e = new(eps), decay = new(wd);
        int i = 0, w = Vector<T>.Count;
        for (; i <= p.Length - w; i += w)
        {
            var pv = new Vector<T>(p[i..]);
            var d = new Vector<T>(g[i..]);
            if (maximize) d = -d;
            if (wd != T.Zero) d += decay * pv;
            var mv = new Vector<T>(m[i..]) * b1 + c1 * d;
            var vv = new Vector<T>(v[i..]) * b2 + c2 * d * d;
            mv.CopyTo(m[i..]);
            vv.CopyTo(v[i..]);
            var denom = Vector.SquareRoot(vv) / bc + e;
            (pv + step * mv / denom).CopyTo(p[i..]);
        }
        return i;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static void NAdam<T>(Span<T> p, ReadOnlySpan<T> g, Span<T> m, Span<T> v,
        T beta1, T k1, T beta2, T k2, T bc2, T eps, T wd, T gradCoef, T avgCoef) where T : IFloatingPointIeee754<T>
    {
        for (int i = 0; i < p.Length; i++)
        {
            var d = Decayed(g[i], p[i], wd, false);
            m[i] = AddScaled(m[i] * beta1, k1, d);
            v[i] = v[i] * beta2 + k2 * d * d;
            var denom = T.Sqrt(v[i] / bc2) + eps;
            p[i] = AddCDiv(p[i], gradCoef, d, denom);
            p[i] = AddCDiv(p[i], avgCoef, m[i], denom);
        }
    }

    /// <summary>Scales a span in place (decoupled weight decay, gradient clipping).</summary>
    public static void Scale<T>(Span<T> x, T factor) where T : IFloatingPointIeee754<T>
        => System.Numerics.Tensors.TensorPrimitives.Multiply(x, factor, x);
}
