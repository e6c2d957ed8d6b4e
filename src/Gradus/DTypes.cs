namespace Gradus;

/// <summary>Type promotion and the mapping between dtypes and .NET element types.</summary>
internal static class DTypes
{
    public static DType Of<T>() =>
        typeof(T) == typeof(float) ? DType.Float32 :
        typeof(T) == typeof(double) ? DType.Float64 :
        typeof(T) == typeof(long) ? DType.Int64 :
        typeof(T) == typeof(bool) ? DType.Bool :
        throw new NotSupportedException($"Gradus has no dtype for {typeof(T).Name}");

    public static bool IsFloat(DType d) => d is DType.Float32 or DType.Float64;

    /// <summary>PyTorch's result type for two tensors: bool &lt; int64 &lt; float32 &lt; float64.</summary>
    public static DType Promote(DType a, DType b) => Rank(a) >= Rank(b) ? a : b;

    private static int Rank(DType d) => d switch { DType.Bool => 0, DType.Int64 => 1, DType.Float32 => 2, _ => 3 };

    /// <summary>The float dtype an op like exp or true division computes in.</summary>
    public static DType ToFloat(DType d) => IsFloat(d) ? d : DType.Float32;

    public static string TorchName(DType d) => d switch
    {
        DType.Float32 => "torch.float32",
        DType.Float64 => "torch.float64",
        DType.Int64 => "torch.int64",
        _ => "torch.bool",
    };

    /// <summary>Bytes per element.</summary>
    public static int ElementSize(DType d) => d switch { DType.Float32 => 4, DType.Float64 => 8, DType.Int64 => 8, _ => 1 };

    /// <summary>The dtype of a float[], double[], long[] or bool[].</summary>
    public static DType OfArray(Array data) => data switch
    {
        float[] => DType.Float32,
        double[] => DType.Float64,
        long[] => DType.Int64,
        bool[] => DType.Bool,
        _ => throw new ArgumentException($"tensors hold float[], double[], long[] or bool[], not {data.GetType().Name}"),
    };
}
