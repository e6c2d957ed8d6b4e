using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Gradus.Kernels;

/// <summary>
/// The vector operations of one register width that the generic GEMM micro-kernel is written in, with the
/// number of tile rows that fits that width's register file. Static members of a struct: resolved and
/// inlined at JIT time, so the kernel compiles to plain vector instructions.
/// </summary>
internal unsafe interface IGemmVectorOps<T, TV> where T : unmanaged where TV : struct
{
    /// <summary>Elements per vector.</summary>
    static abstract int Count { get; }

    /// <summary>Rows of the register tile (MR); the tile is MR x 2 vectors.</summary>
    static abstract int Rows { get; }

    /// <summary>The zero vector.</summary>
    static abstract TV Zero { get; }

    /// <summary>Loads a vector from <paramref name="p"/>.</summary>
    static abstract TV Load(T* p);

    /// <summary>A vector with every element <paramref name="value"/>.</summary>
    static abstract TV Broadcast(T value);

    /// <summary>a * b + c.</summary>
    static abstract TV Fma(TV a, TV b, TV c);

    /// <summary>Writes alpha·acc (+ beta·C when <paramref name="accumulate"/>) to the vector at <paramref name="c"/>.</summary>
    static abstract void Store(T* c, TV acc, TV alpha, TV beta, bool accumulate);
}

/// <summary>Vector512 the AVX-512 ops: 12 rows x 2 vectors = 24 of the 32 zmm registers hold the tile.</summary>
internal readonly unsafe struct Vector512Ops<T> : IGemmVectorOps<T, Vector512<T>> where T : unmanaged
{
    /// <inheritdoc/>
    public static int Count => Vector512<T>.Count;

    /// <inheritdoc/>
    public static int Rows => 12;

    /// <inheritdoc/>
    public static Vector512<T> Zero => Vector512<T>.Zero;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Load(T* p) => Vector512.Load(p);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Broadcast(T value) => Vector512.Create(value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<T> Fma(Vector512<T> a, Vector512<T> b, Vector512<T> c)
    {
        if (typeof(T) == typeof(float))
            return Vector512.FusedMultiplyAdd(a.AsSingle(), b.AsSingle(), c.AsSingle()).As<float, T>();
        return Vector512.FusedMultiplyAdd(a.AsDouble(), b.AsDouble(), c.AsDouble()).As<double, T>();
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(T* c, Vector512<T> acc, Vector512<T> alpha, Vector512<T> beta, bool accumulate) =>
        (accumulate ? Fma(acc, alpha, Vector512.Load(c) * beta) : acc * alpha).Store(c);
}

/// <summary>Vector256 the AVX2 ops (when 512-bit vectors are not accelerated): 6 rows x 2 vectors = 12 of the 16 ymm registers.</summary>
internal readonly unsafe struct Vector256Ops<T> : IGemmVectorOps<T, Vector256<T>> where T : unmanaged
{
    /// <inheritdoc/>
    public static int Count => Vector256<T>.Count;

    /// <inheritdoc/>
    public static int Rows => 6;

    /// <inheritdoc/>
    public static Vector256<T> Zero => Vector256<T>.Zero;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Load(T* p) => Vector256.Load(p);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Broadcast(T value) => Vector256.Create(value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<T> Fma(Vector256<T> a, Vector256<T> b, Vector256<T> c)
    {
        if (typeof(T) == typeof(float))
            return Vector256.MultiplyAddEstimate(a.AsSingle(), b.AsSingle(), c.AsSingle()).As<float, T>();
        return Vector256.MultiplyAddEstimate(a.AsDouble(), b.AsDouble(), c.AsDouble()).As<double, T>();
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(T* c, Vector256<T> acc, Vector256<T> alpha, Vector256<T> beta, bool accumulate) =>
        (accumulate ? Fma(acc, alpha, Vector256.Load(c) * beta) : acc * alpha).Store(c);
}

/// <summary>Vector128 the 128-bit ops for CPUs without 256-bit vectors (Arm64 NEON, 32 registers): 8 rows x 2 vectors.</summary>
internal readonly unsafe struct Vector128Ops<T> : IGemmVectorOps<T, Vector128<T>> where T : unmanaged
{
    /// <inheritdoc/>
    public static int Count => Vector128<T>.Count;

    /// <inheritdoc/>
    public static int Rows => 8;

    /// <inheritdoc/>
    public static Vector128<T> Zero => Vector128<T>.Zero;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Load(T* p) => Vector128.Load(p);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Broadcast(T value) => Vector128.Create(value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<T> Fma(Vector128<T> a, Vector128<T> b, Vector128<T> c)
    {
        if (typeof(T) == typeof(float))
            return Vector128.MultiplyAddEstimate(a.AsSingle(), b.AsSingle(), c.AsSingle()).As<float, T>();
        return Vector128.MultiplyAddEstimate(a.AsDouble(), b.AsDouble(), c.AsDouble()).As<double, T>();
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(T* c, Vector128<T> acc, Vector128<T> alpha, Vector128<T> beta, bool accumulate) =>
        (accumulate ? Fma(acc, alpha, Vector128.Load(c) * beta) : acc * alpha).Store(c);
}
