using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace Gradus.Kernels;

/// <summary>
/// A GEMM register-blocked micro-kernel: it multiplies a packed MR x kc panel of A by a packed kc x NR panel
/// of B into an MR x NR tile of C.
/// </summary>
internal unsafe interface IGemmKernel<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Rows of the register tile (the broadcast operand, A).</summary>
    static abstract int MR { get; }

    /// <summary>Columns of the register tile (the vector operand, B).</summary>
    static abstract int NR { get; }

    /// <summary>
    /// C[MR x NR] = alpha * A·B + beta * C over <paramref name="kc"/> steps; <paramref name="a"/> holds MR values per
    /// step and <paramref name="b"/> NR values per step. When <paramref name="beta"/> is zero C is overwritten (NaNs ignored).
    /// </summary>
    static abstract void Run(int kc, T* a, T* b, T* c, nint ldc, T alpha, T beta);
}

/// <summary>
/// The micro-kernel, written once for every vector width: an MR x (2 vectors) tile of C in registers (MR = 12
/// for AVX-512, 6 for AVX2, 8 for 128-bit), one broadcast of A and two loads of B per step, fused multiply-adds.
/// Rows past MR are compiled away (TOps.Rows is a JIT-time constant).
/// </summary>
internal readonly unsafe struct GemmKernel<T, TV, TOps> : IGemmKernel<T>
    where T : unmanaged, IFloatingPointIeee754<T>
    where TV : struct
    where TOps : struct, IGemmVectorOps<T, TV>
{
    private static int W => TOps.Count;

    /// <inheritdoc/>
    public static int MR => TOps.Rows;

    /// <inheritdoc/>
    public static int NR => 2 * TOps.Count;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run(int kc, T* a, T* b, T* c, nint ldc, T alpha, T beta)
    {
        TV c00 = TOps.Zero, c01 = TOps.Zero, c10 = TOps.Zero, c11 = TOps.Zero, c20 = TOps.Zero, c21 = TOps.Zero,
            c30 = TOps.Zero, c31 = TOps.Zero, c40 = TOps.Zero, c41 = TOps.Zero, c50 = TOps.Zero, c51 = TOps.Zero,
            c60 = TOps.Zero, c61 = TOps.Zero, c70 = TOps.Zero, c71 = TOps.Zero, c80 = TOps.Zero, c81 = TOps.Zero,
            c90 = TOps.Zero, c91 = TOps.Zero, c100 = TOps.Zero, c101 = TOps.Zero, c110 = TOps.Zero, c111 = TOps.Zero;
        TV x;
        PrefetchTile(c, ldc);
        for (int p = 0; p < kc; p++)
        {
            TV b0 = TOps.Load(b), b1 = TOps.Load(b + W);
            x = TOps.Broadcast(a[0]); c00 = TOps.Fma(x, b0, c00); c01 = TOps.Fma(x, b1, c01);
            x = TOps.Broadcast(a[1]); c10 = TOps.Fma(x, b0, c10); c11 = TOps.Fma(x, b1, c11);
            x = TOps.Broadcast(a[2]); c20 = TOps.Fma(x, b0, c20); c21 = TOps.Fma(x, b1, c21);
            x = TOps.Broadcast(a[3]); c30 = TOps.Fma(x, b0, c30); c31 = TOps.Fma(x, b1, c31);
            x = TOps.Broadcast(a[4]); c40 = TOps.Fma(x, b0, c40); c41 = TOps.Fma(x, b1, c41);
            x = TOps.Broadcast(a[5]); c50 = TOps.Fma(x, b0, c50); c51 = TOps.Fma(x, b1, c51);
            if (TOps.Rows > 6)
            {
                x = TOps.Broadcast(a[6]); c60 = TOps.Fma(x, b0, c60); c61 = TOps.Fma(x, b1, c61);
                x = TOps.Broadcast(a[7]); c70 = TOps.Fma(x, b0, c70); c71 = TOps.Fma(x, b1, c71);
            }
            if (TOps.Rows > 8)
            {
                x = TOps.Broadcast(a[8]); c80 = TOps.Fma(x, b0, c80); c81 = TOps.Fma(x, b1, c81);
                x = TOps.Broadcast(a[9]); c90 = TOps.Fma(x, b0, c90); c91 = TOps.Fma(x, b1, c91);
                x = TOps.Broadcast(a[10]); c100 = TOps.Fma(x, b0, c100); c101 = TOps.Fma(x, b1, c101);
                x = TOps.Broadcast(a[11]); c110 = TOps.Fma(x, b0, c110); c111 = TOps.Fma(x, b1, c111);
            }
            a += TOps.Rows;
            b += 2 * W;
        }
        TV va = TOps.Broadcast(alpha), vb = TOps.Broadcast(beta);
        bool acc = beta != T.Zero;
        TOps.Store(c, c00, va, vb, acc); TOps.Store(c + W, c01, va, vb, acc); c += ldc;
        TOps.Store(c, c10, va, vb, acc); TOps.Store(c + W, c11, va, vb, acc); c += ldc;
        TOps.Store(c, c20, va, vb, acc); TOps.Store(c + W, c21, va, vb, acc); c += ldc;
        TOps.Store(c, c30, va, vb, acc); TOps.Store(c + W, c31, va, vb, acc); c += ldc;
        TOps.Store(c, c40, va, vb, acc); TOps.Store(c + W, c41, va, vb, acc); c += ldc;
        TOps.Store(c, c50, va, vb, acc); TOps.Store(c + W, c51, va, vb, acc); c += ldc;
        if (TOps.Rows > 6)
        {
            TOps.Store(c, c60, va, vb, acc); TOps.Store(c + W, c61, va, vb, acc); c += ldc;
            TOps.Store(c, c70, va, vb, acc); TOps.Store(c + W, c71, va, vb, acc); c += ldc;
        }
        if (TOps.Rows > 8)
        {
            TOps.Store(c, c80, va, vb, acc); TOps.Store(c + W, c81, va, vb, acc); c += ldc;
            TOps.Store(c, c90, va, vb, acc); TOps.Store(c + W, c91, va, vb, acc); c += ldc;
            TOps.Store(c, c100, va, vb, acc); TOps.Store(c + W, c101, va, vb, acc); c += ldc;
            TOps.Store(c, c110, va, vb, acc); TOps.Store(c + W, c111, va, vb, acc); c += ldc;
        }
    }

    /// <summary>
    /// Asks for the tile of C to be brought into cache, so that its load at the end of the kernel (C of a large
    /// product lives in L3 or memory) overlaps the arithmetic instead of stalling.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void PrefetchTile(T* c, nint ldc)
    {
        if (!Sse.IsSupported) return;
        for (int r = 0; r < TOps.Rows; r++, c += ldc)
        {
            Sse.Prefetch0(c);
            Sse.Prefetch0(c + NR - 1);
        }
    }
}
