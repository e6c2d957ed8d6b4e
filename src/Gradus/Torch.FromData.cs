namespace Gradus;

public static partial class Torch
{
    /// <summary>A 0-dim float32 tensor from a number, as <c>torch.tensor(3.5)</c>.</summary>
    public static Tensor Tensor(double value, DType dtype = DType.Float32, bool requiresGrad = false)
        => Finish(Scalar(value, dtype), requiresGrad);

    /// <summary>A 0-dim int64 tensor from an integer, as <c>torch.tensor(3)</c>.</summary>
    public static Tensor Tensor(long value) => Scalar(value, DType.Int64);

    /// <summary>
    /// A tensor copied from a C# array of any rank (float[], double[,], long[], int[], bool[], ...), as
    /// <c>torch.tensor(data)</c>. Floating data becomes float32 like Python floats unless a dtype is given;
    /// integers become int64 and bools bool.
    /// </summary>
    public static Tensor Tensor(Array data, DType? dtype = null, bool requiresGrad = false)
    {
        var natural = NaturalDType(data);
        var t = FromArray(data, natural == DType.Float64 ? DType.Float64 : natural);
        var want = dtype ?? (natural == DType.Float64 ? DType.Float32 : natural);
        return Finish(t.DType == want ? t : t.To(want), requiresGrad);
    }

    /// <summary>
    /// A tensor with the array's own element type (double[] stays float64), as <c>torch.from_numpy</c> /
    /// <c>torch.as_tensor</c>. The data is copied.
    /// </summary>
    public static Tensor FromArray(Array data, DType? dtype = null)
    {
        var natural = NaturalDType(data);
        var shape = new int[data.Rank];
        for (int i = 0; i < shape.Length; i++) shape[i] = data.GetLength(i);
        int n = data.Length;
        Array flat = natural switch
        {
            DType.Float32 => new float[n],
            DType.Float64 => new double[n],
            DType.Int64 => new long[n],
            _ => new bool[n],
        };
        var et = data.GetType().GetElementType()!;
        if (et == typeof(int))
        {
            var tmp = new int[n];
            Buffer.BlockCopy(data, 0, tmp, 0, n * sizeof(int));
            for (int i = 0; i < n; i++) ((long[])flat)[i] = tmp[i];
        }
        else if (et == typeof(byte))
        {
            var tmp = new byte[n];
            Buffer.BlockCopy(data, 0, tmp, 0, n);
            for (int i = 0; i < n; i++) ((long[])flat)[i] = tmp[i];
        }
        else Buffer.BlockCopy(data, 0, flat, 0, Buffer.ByteLength(data));
        var t = new Tensor(flat, shape, natural);
        return dtype is { } d && d != natural ? t.To(d) : t;
    }

    private static DType NaturalDType(Array data)
    {
        var et = data.GetType().GetElementType()!;
        if (et == typeof(float)) return DType.Float32;
        if (et == typeof(double)) return DType.Float64;
        if (et == typeof(long) || et == typeof(int) || et == typeof(byte)) return DType.Int64;
        if (et == typeof(bool)) return DType.Bool;
        throw new ArgumentException($"Could not infer dtype of {et.Name}: use float, double, long, int, byte or bool arrays");
    }

    private static Tensor Finish(Tensor t, bool requiresGrad)
    {
        if (requiresGrad) t.RequiresGrad = true;
        return t;
    }
}
