namespace Gradus.Ops;

/// <summary>Argument checks and message pieces shared by the matrix-product, norm and solver ops, worded as PyTorch's.</summary>
internal static class LinalgChecks
{
    /// <summary>PyTorch's C++ scalar type name used in messages: Float, Double, Long, Bool.</summary>
    public static string ScalarType(DType d) => d switch
    {
        DType.Float32 => "Float",
        DType.Float64 => "Double",
        DType.Int64 => "Long",
        _ => "Bool",
    };

    /// <summary>"expected scalar type Float but found Double" when two matrix operands disagree.</summary>
    public static void SameDType(Tensor expected, Tensor found)
    {
        if (expected.DType != found.DType)
            throw new ArgumentException($"expected scalar type {ScalarType(expected.DType)} but found {ScalarType(found.DType)}");
    }

    /// <summary>The error of a matrix-product kernel asked to run on bool data.</summary>
    public static void NotBool(DType d, string kernel)
    {
        if (d == DType.Bool) throw new ArgumentException($"\"{kernel}\" not implemented for 'Bool'");
    }

    /// <summary>linalg's "Expected a floating point or complex tensor as input. Got Long".</summary>
    public static void FloatInput(Tensor a, string op)
    {
        if (!a.IsFloatingPoint)
            throw new ArgumentException($"{op}: Expected a floating point or complex tensor as input. Got {ScalarType(a.DType)}");
    }

    /// <summary>linalg's check that A is a (batch of) square matrix.</summary>
    public static void SquareMatrices(Tensor a, string op)
    {
        if (a.Dim < 2) throw new ArgumentException($"{op}: The input tensor A must have at least 2 dimensions.");
        if (a.shape[^1] != a.shape[^2])
            throw new ArgumentException($"{op}: A must be batches of square matrices, but they are {a.shape[^2]} by {a.shape[^1]} matrices");
    }

    /// <summary>The broadcast of two batch shapes, with PyTorch's message.</summary>
    public static int[] BroadcastBatch(ReadOnlySpan<int> a, ReadOnlySpan<int> b) => Shapes.Broadcast(a, b);

    /// <summary>A view over the same storage with the given shape and strides, not recorded by autograd.</summary>
    public static Tensor RawView(Tensor t, int[] shape, int[] strides, int? offset = null) =>
        new(t.storage, shape, strides, offset ?? t.offset, t.DType);

    /// <summary>Swaps the last two dims (PyTorch's <c>mT</c>), recorded as a TransposeBackward0 view.</summary>
    public static Tensor MT(Tensor t) => t.Transpose(-2, -1);
}
