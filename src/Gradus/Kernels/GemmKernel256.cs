using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Gradus.Kernels;

/// <summary>
/// The AVX2 fallback micro-kernel (used when 512-bit vectors are not accelerated): a 6 x (2 vectors) register
/// tile (6x16 floats or 6x8 doubles) held in 12 ymm accumulators.
/// </summary>
internal readonly unsafe struct GemmKernel256<T> : IGemmKernel<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private static int W => Vector256<T>.Count;

    /// <inheritdoc/>
    public static int MR => 6;

    /// <inheritdoc/>
    public static int NR => 2 * W;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run(int kc, T* a, T* b, T* c, nint ldc, T alpha, T beta)
    {
        Vector256<T> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default,
            c30 = default, c31 = default, c40 = default, c41 = default, c50 = default, c51 = default;
        Vector256<T> x;
        GemmVector.PrefetchTile(c, ldc, MR, NR);
        for (int p = 0; p < kc; p++)
        {
            Vector256<T> b0 = Vector256.Load(b), b1 = Vector256.Load(b + W);
            x = Vector256.Create(a[0]); c00 = GemmVector.Fma(x, b0, c00); c01 = GemmVector.Fma(x, b1, c01);
            x = Vector256.Create(a[1]); c10 = GemmVector.Fma(x, b0, c10); c11 = GemmVector.Fma(x, b1, c11);
            x = Vector256.Create(a[2]); c20 = GemmVector.Fma(x, b0, c20); c21 = GemmVector.Fma(x, b1, c21);
            x = Vector256.Create(a[3]); c30 = GemmVector.Fma(x, b0, c30); c31 = GemmVector.Fma(x, b1, c31);
            x = Vector256.Create(a[4]); c40 = GemmVector.Fma(x, b0, c40); c41 = GemmVector.Fma(x, b1, c41);
            x = Vector256.Create(a[5]); c50 = GemmVector.Fma(x, b0, c50); c51 = GemmVector.Fma(x, b1, c51);
            a += 6;
            b += 2 * W;
        }
        Vector256<T> va = Vector256.Create(alpha), vb = Vector256.Create(beta);
        bool acc = beta != T.Zero;
        GemmVector.Store(c, c00, va, vb, acc); GemmVector.Store(c + W, c01, va, vb, acc); c += ldc;
        GemmVector.Store(c, c10, va, vb, acc); GemmVector.Store(c + W, c11, va, vb, acc); c += ldc;
        GemmVector.Store(c, c20, va, vb, acc); GemmVector.Store(c + W, c21, va, vb, acc); c += ldc;
        GemmVector.Store(c, c30, va, vb, acc); GemmVector.Store(c + W, c31, va, vb, acc); c += ldc;
        GemmVector.Store(c, c40, va, vb, acc); GemmVector.Store(c + W, c41, va, vb, acc); c += ldc;
        GemmVector.Store(c, c50, va, vb, acc); GemmVector.Store(c + W, c51, va, vb, acc); c += ldc;
    }
}
