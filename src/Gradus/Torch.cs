
namespace Gradus;

/// <summary>
/// The <c>torch</c> namespace: tensor creation, grad-mode scopes and free functions, with PyTorch's names.
/// </summary>
public static partial class Torch
{
    /// <summary>The default floating dtype (<c>torch.get_default_dtype()</c>): Float32.</summary>
    public static DType DefaultDType => DType.Float32;

    /// <summary>Turns off gradient recording on this thread until the scope is disposed, as <c>torch.no_grad()</c>.</summary>
    public static IDisposable NoGrad() => GradMode.Set(false);

    /// <summary>Turns gradient recording on inside a no-grad region, as <c>torch.enable_grad()</c>.</summary>
    public static IDisposable EnableGrad() => GradMode.Set(true);

    /// <summary>Whether gradient recording is on for this thread, as <c>torch.is_grad_enabled()</c>.</summary>
    public static bool IsGradEnabled() => GradMode.IsEnabled;

    /// <summary>A 0-dim tensor holding one value of the given dtype.</summary>
    public static Tensor Scalar(double value, DType dtype = DType.Float32)
    {
        var t = Empty([], dtype);
        t.SetFlat(0, value);
        return t;
    }

    /// <summary>An uninitialised (here: zeroed) tensor of the given shape, as <c>torch.empty</c>.</summary>
    public static Tensor Empty(int[] shape, DType dtype = DType.Float32, bool requiresGrad = false)
    {
        foreach (var s in shape)
            if (s < 0) throw new ArgumentException($"Trying to create tensor with negative dimension {s}: {Shapes.Format(shape)}");
        var t = new Tensor(Storage.Allocate(dtype, Shapes.Numel(shape)), (int[])shape.Clone(), dtype);
        if (requiresGrad) t.RequiresGrad = true;
        return t;
    }

    /// <summary>A contiguous result buffer whose elements the caller overwrites, all of them (no zeroing).</summary>
    internal static Gradus.Tensor Uninitialized(int[] shape, DType dtype) =>
        new(Storage.AllocateUninitialized(dtype, Shapes.Numel(shape)), (int[])shape.Clone(), dtype);

    /// <summary>A tensor of zeros, as <c>torch.zeros</c>.</summary>
    public static Tensor Zeros(params int[] shape) => Empty(shape);

    /// <summary>A tensor of zeros of a dtype, as <c>torch.zeros(..., dtype=)</c>.</summary>
    public static Tensor Zeros(int[] shape, DType dtype, bool requiresGrad = false) => Empty(shape, dtype, requiresGrad);

    /// <summary>A tensor of ones, as <c>torch.ones</c>.</summary>
    public static Tensor Ones(params int[] shape) => Full(shape, 1.0);

    /// <summary>A tensor of ones of a dtype, as <c>torch.ones(..., dtype=)</c>.</summary>
    public static Tensor Ones(int[] shape, DType dtype, bool requiresGrad = false) => Full(shape, 1.0, dtype, requiresGrad);

    /// <summary>A tensor filled with one value, as <c>torch.full</c>.</summary>
    public static Tensor Full(int[] shape, double value, DType dtype = DType.Float32, bool requiresGrad = false)
    {
        var t = Empty(shape, dtype);
        t.FillRaw(value);
        if (requiresGrad) t.RequiresGrad = true;
        return t;
    }

    /// <summary>Zeros with the shape and dtype of <paramref name="like"/> (or another dtype).</summary>
    public static Tensor ZerosLike(Tensor like, DType? dtype = null) => Empty(like.shape, dtype ?? like.DType);

    /// <summary>Ones with the shape and dtype of <paramref name="like"/> (or another dtype).</summary>
    public static Tensor OnesLike(Tensor like, DType? dtype = null) => Full(like.shape, 1.0, dtype ?? like.DType);

    /// <summary>A constant with the shape and dtype of <paramref name="like"/>.</summary>
    public static Tensor FullLike(Tensor like, double value, DType? dtype = null) => Full(like.shape, value, dtype ?? like.DType);

    /// <summary>An uninitialised tensor like <paramref name="like"/>.</summary>
    public static Tensor EmptyLike(Tensor like, DType? dtype = null) => Empty(like.shape, dtype ?? like.DType);

    /// <summary>Integers 0..end-1 as int64, as <c>torch.arange(end)</c>.</summary>
    public static Tensor Arange(long end) => Arange(0L, end, 1L);

    /// <summary>Integers start..end-1 with a step, as int64, as <c>torch.arange(start, end, step)</c>.</summary>
    public static Tensor Arange(long start, long end, long step = 1)
    {
        if (step == 0) throw new ArgumentException("arange: step must be nonzero");
        if ((end - start) * step < 0 && end != start)
            throw new ArgumentException("arange: upper bound and larger bound inconsistent with step sign");
        long n = Math.Max(0, (end - start + step - Math.Sign(step)) / step);
        var data = new long[n];
        for (long i = 0; i < n; i++) data[i] = start + i * step;
        return new Tensor(data, [(int)n], DType.Int64);
    }

    /// <summary>Floats from start to end (exclusive) by step, as <c>torch.arange(0.0, 1.0, 0.1)</c>.</summary>
    public static Tensor Arange(double start, double end, double step = 1.0, DType dtype = DType.Float32)
    {
        if (step == 0) throw new ArgumentException("arange: step must be nonzero");
        if ((end - start) * step < 0 && end != start)
            throw new ArgumentException("arange: upper bound and larger bound inconsistent with step sign");
        long n = (long)Math.Ceiling((end - start) / step);
        var t = Empty([(int)Math.Max(0, n)], dtype);
        for (int i = 0; i < n; i++) t.SetFlat(i, start + i * step);
        return t;
    }

    /// <summary>Floats from end (exclusive) as <c>torch.arange(4.0)</c>.</summary>
    public static Tensor Arange(double end, DType dtype = DType.Float32) => Arange(0.0, end, 1.0, dtype);

    /// <summary><paramref name="steps"/> evenly spaced values from start to end inclusive, as <c>torch.linspace</c>.</summary>
    public static Tensor Linspace(double start, double end, int steps, DType dtype = DType.Float32)
    {
        if (steps < 0) throw new ArgumentException("linspace: number of steps must be non-negative");
        var t = Empty([steps], dtype);
        double step = steps > 1 ? (end - start) / (steps - 1) : 0;
        int half = steps / 2;
        for (int i = 0; i < steps; i++)
            t.SetFlat(i, i < half ? start + step * i : end - step * (steps - i - 1));
        return t;
    }

    /// <summary>The identity matrix (n×m), as <c>torch.eye</c>.</summary>
    public static Tensor Eye(int n, int? m = null, DType dtype = DType.Float32)
    {
        int cols = m ?? n;
        var t = Empty([n, cols], dtype);
        for (int i = 0; i < Math.Min(n, cols); i++) t.SetFlat(i * cols + i, 1);
        return t;
    }
}
