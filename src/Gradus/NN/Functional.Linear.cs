namespace Gradus.NN;

public static partial class F
{
    /// <summary>
    /// x·Wᵀ + b over the last dim of <paramref name="input"/>, as <c>F.linear</c>: one fused addmm for 2-D inputs,
    /// a broadcast matmul otherwise. A wrong feature count reads "mat1 and mat2 shapes cannot be multiplied (3x4 and 5x2)".
    /// </summary>
    public static Tensor Linear(Tensor input, Tensor weight, Tensor? bias = null)
    {
        var weightT = weight.Dim == 2 ? Ops.Views.MatrixT(weight) : weight.T;
        if (input.Dim == 2 && bias is not null) return Torch.Addmm(bias, input, weightT);
        var output = input.Matmul(weightT);
        return bias is null ? output : output + bias;
    }

    /// <summary>
    /// Looks up rows of <paramref name="weight"/> for each index in <paramref name="input"/> (any shape, int64), as
    /// <c>F.embedding</c>; the row at <paramref name="paddingIdx"/> gets no gradient.
    /// </summary>
    public static Tensor Embedding(Tensor input, Tensor weight, int? paddingIdx = null)
    {
        if (input.DType != DType.Int64)
            throw new ArgumentException($"Expected tensor for argument #1 'indices' to have one of the following scalar types: Long, Int; but got {ScalarTypeName(input.DType)} instead (while checking arguments for embedding)");
        if (weight.Dim != 2) throw new ArgumentException("'weight' must be 2-D");
        int rows = weight.shape[0];
        var flat = input.Reshape(-1);
        foreach (var i in flat.ToArray<long>())
            if (i < 0 || i >= rows) throw new IndexOutOfRangeException("index out of range in self");
        var output = weight.IndexSelect(0, flat);
        if (paddingIdx is { } pad)
        {
            int p = pad < 0 ? pad + rows : pad;
            var isPad = flat.Eq(Torch.Scalar(p, DType.Int64)).Unsqueeze(1);
            output = Torch.Where(isPad, output.Detach(), output);
        }
        return output.Reshape([.. input.shape, weight.shape[1]]);
    }
}
