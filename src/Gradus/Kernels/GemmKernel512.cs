using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Gradus.Kernels;

/// <summary>
/// The AVX-512 micro-kernel: a 12 x (2 vectors) register tile (12x32 floats or 12x16 doubles) held in 24 zmm
/// accumulators, one broadcast of A and two loads of B per step, fused multiply-adds.
/// </summary>
internal readonly unsafe struct GemmKernel512<T> : IGemmKernel<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private static int W => Vector512<T>.Count;

    /// <inheritdoc/>
    public static int MR => 12;

    /// <inheritdoc/>
    public static int NR => 2 * W;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run(int kc, T* a, T* b, T* c, nint ldc, T alpha, T beta)
    {
        Vector512<T> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default,
            c30 = default, c31 = default, c40 = default, c41 = default, c50 = default, c51 = default,
            c60 = default, c61 = default, c70 = default, c71 = default, c80 = default, c81 = default,
            c90 = default, c91 = default, c100 = default, c101 = default, c110 = default, c111 = default;
        Vector512<T> x;
        GemmVector.PrefetchTile(c, ldc, MR, NR);
        for (int p = 0; p < kc; p++)
        {
            Vector512<T> b0 = Vector512.Load(b), b1 = Vector512.Load(b + W);
            x = Vector512.Create(a[0]); c00 = GemmVector.Fma(x, b0, c00); c01 = GemmVector.Fma(x, b1, c01);
            x = Vector512.Create(a[1]); c10 = GemmVector.Fma(x, b0, c10); c11 = GemmVector.Fma(x, b1, c11);
            x = Vector512.Create(a[2]); c20 = GemmVector.Fma(x, b0, c20); c21 = GemmVector.Fma(x, b1, c21);
            x = Vector512.Create(a[3]); c30 = GemmVector.Fma(x, b0, c30); c31 = GemmVector.Fma(x, b1, c31);
            x = Vector512.Create(a[4]); c40 = GemmVector.Fma(x, b0, c40); c41 = GemmVector.Fma(x, b1, c41);
            x = Vector512.Create(a[5]); c50 = GemmVector.Fma(x, b0, c50); c51 = GemmVector.Fma(x, b1, c51);
            x = Vector512.Create(a[6]); c60 = GemmVector.Fma(x, b0, c60); c61 = GemmVector.Fma(x, b1, c61);
            x = Vector512.Create(a[7]); c70 = GemmVector.Fma(x, b0, c70); c71 = GemmVector.Fma(x, b1, c71);
            x = Vector512.Create(a[8]); c80 = GemmVector.Fma(x, b0, c80); c81 = GemmVector.Fma(x, b1, c81);
            x = Vector512.Create(a[9]); c90 = GemmVector.Fma(x, b0, c90); c91 = GemmVector.Fma(x, b1, c91);
            x = Vector512.Create(a[10]); c100 = GemmVector.Fma(x, b0, c100); c101 = GemmVector.Fma(x, b1, c101);
            x = Vector512.Create(a[11]); c110 = GemmVector.Fma(x, b0, c110); c111 = GemmVector.Fma(x, b1, c111);
            a += 12;
            b += 2 * W;
        }
        Vector512<T> va = Vector512.Create(alpha), vb = Vector512.Create(beta);
        bool acc = beta != T.Zero;
        GemmVector.Store(c, c00, va, vb, acc); GemmVector.Store(c + W, c01, va, vb, acc); c += ldc;
        GemmVector.Store(c, c10, va, vb, acc); GemmVector.Store(c + W, c11, va, vb, acc); c += ldc;
        GemmVector.Store(c, c20, va, vb, acc); GemmVector.Store(c + W, c21, va, vb, acc); c += ldc;
        GemmVector.Store(c, c30, va, vb, acc); GemmVector.Store(c + W, c31, va, vb, acc); c += ldc;
        GemmVector.Store(c, c40, va, vb, acc); GemmVector.Store(c + W, c41, va, vb, acc); c += ldc;
        GemmVector.Store(c, c50, va, vb, acc); GemmVector.Store(c + W, c51, va, vb, acc); c += ldc;
        GemmVector.Store(c, c60, va, vb, acc); GemmVector.Store(c + W, c61, va, vb, acc); c += ldc;
        GemmVector.Store(c, c70, va, vb, acc); GemmVector.Store(c + W, c71, va, vb, acc); c += ldc;
        GemmVector.Store(c, c80, va, vb, acc); GemmVector.Store(c + W, c81, va, vb, acc); c += ldc;
        GemmVector.Store(c, c90, va, vb, acc); GemmVector.Store(c + W, c91, va, vb, acc); c += ldc;
        GemmVector.Store(c, c100, va, vb, acc); GemmVector.Store(c + W, c101, va, vb, acc); c += ldc;
        GemmVector.Store(c, c110, va, vb, acc); GemmVector.Store(c + W, c111, va, vb, acc); c += ldc;
    }
}
