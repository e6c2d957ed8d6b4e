using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
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

/// <summary>Vector arithmetic shared by the micro-kernels, resolved per element type at JIT time.</summary>
internal static class GemmVector
{
    /// <summary>a * b + c for 512-bit vectors of float or double, fused.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Fma<T>(Vector512<T> a, Vector512<T> b, Vector512<T> c)
    {
        if (typeof(T) == typeof(float))
            return Vector512.FusedMultiplyAdd(a.AsSingle(), b.AsSingle(), c.AsSingle()).As<float, T>();
        return Vector512.FusedMultiplyAdd(a.AsDouble(), b.AsDouble(), c.AsDouble()).As<double, T>();
    }

    /// <summary>a * b + c for 256-bit vectors of float or double (fused where the CPU has FMA).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Fma<T>(Vector256<T> a, Vector256<T> b, Vector256<T> c)
    {
        if (typeof(T) == typeof(float))
            return Vector256.MultiplyAddEstimate(a.AsSingle(), b.AsSingle(), c.AsSingle()).As<float, T>();
        return Vector256.MultiplyAddEstimate(a.AsDouble(), b.AsDouble(), c.AsDouble()).As<double, T>();
    }

    /// <summary>a * b + c for 128-bit vectors of float or double (fused where the CPU has FMA).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Fma<T>(Vector128<T> a, Vector128<T> b, Vector128<T> c)
    {
        if (typeof(T) == typeof(float))
            return Vector128.MultiplyAddEstimate(a.AsSingle(), b.AsSingle(), c.AsSingle()).As<float, T>();
        return Vector128.MultiplyAddEstimate(a.AsDouble(), b.AsDouble(), c.AsDouble()).As<double, T>();
    }

    /// <summary>Writes alpha·acc (+ beta·C when <paramref name="accumulate"/>) to the 512-bit vector at <paramref name="c"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void Store<T>(T* c, Vector512<T> acc, Vector512<T> alpha, Vector512<T> beta, bool accumulate) where T : unmanaged
    {
        Vector512<T> r = accumulate ? Fma(acc, alpha, Vector512.Load(c) * beta) : acc * alpha;
        r.Store(c);
    }

    /// <summary>Writes alpha·acc (+ beta·C when <paramref name="accumulate"/>) to the 256-bit vector at <paramref name="c"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void Store<T>(T* c, Vector256<T> acc, Vector256<T> alpha, Vector256<T> beta, bool accumulate) where T : unmanaged
    {
        Vector256<T> r = accumulate ? Fma(acc, alpha, Vector256.Load(c) * beta) : acc * alpha;
        r.Store(c);
    }

    /// <summary>Writes alpha·acc (+ beta·C when <paramref name="accumulate"/>) to the 128-bit vector at <paramref name="c"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void Store<T>(T* c, Vector128<T> acc, Vector128<T> alpha, Vector128<T> beta, bool accumulate) where T : unmanaged
    {
        Vector128<T> r = accumulate ? Fma(acc, alpha, Vector128.Load(c) * beta) : acc * alpha;
        r.Store(c);
    }

    /// <summary>
    /// Asks for the rows x cols tile of C at <paramref name="c"/> to be brought into cache, so that its load at the end
    /// of the micro-kernel (C of a large product lives in L3 or memory) overlaps the arithmetic instead of stalling.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void PrefetchTile<T>(T* c, nint ldc, int rows, int cols) where T : unmanaged
    {
        if (!Sse.IsSupported) return;
        for (int r = 0; r < rows; r++, c += ldc)
        {
            Sse.Prefetch0(c);
            Sse.Prefetch0(c + cols - 1);
        }
    }
}
