namespace Gradus.Ops;

/// <summary>Dim handling shared by the reductions beyond sum and mean: dim lists, empty checks, keep-dim reshapes.</summary>
internal static class ReduceDims
{
    /// <summary>Wrapped, sorted dims to reduce (all when null or empty); none for a 0-dim tensor, whose dim 0 or -1 is itself.</summary>
    public static int[] Of(int[]? dims, int ndim)
    {
        if (dims is not null)
        {
            var seen = new HashSet<int>();
            foreach (var d in dims)
                if (!seen.Add(Shapes.WrapDim(d, ndim))) throw new ArgumentException($"dim {Shapes.WrapDim(d, ndim)} appears multiple times in the list of dims");
        }
        var r = Reduction.NormalizeDims(dims, ndim);
        return ndim == 0 ? [] : r;
    }

    /// <summary>The dims of a single-dim reduction (none for a 0-dim tensor).</summary>
    public static int[] Of(int dim, int ndim) => Of([dim], ndim);

    /// <summary>
    /// PyTorch's checks for reductions with no identity (max, min, argmax): an empty input needs a dim,
    /// and no reduced dim may have size 0.
    /// </summary>
    public static void CheckNonEmpty(string op, Tensor x, int[]? dims, bool allIsError)
    {
        if (x.Numel != 0) return;
        if (dims is null || dims.Length == 0)
        {
            var msg = $"{op}(): Expected reduction dim to be specified for input.numel() == 0.";
            if (allIsError) throw new IndexOutOfRangeException(msg);
            throw new ArgumentException(msg + " Specify the reduction dim with the 'dim' argument.");
        }
        foreach (var d in dims)
        {
            int w = Shapes.WrapDim(d, x.Dim);
            if (x.Dim > 0 && x.shape[w] == 0)
                throw new IndexOutOfRangeException($"{op}(): Expected reduction dim {w} to have non-zero size.");
        }
    }

    /// <summary>A reduced tensor (or its gradient) reshaped with size-1 dims where <paramref name="dims"/> were reduced, ready to broadcast against the input.</summary>
    public static Tensor Keep(Tensor t, int[] inShape, int[] dims, bool keepDim) =>
        keepDim || dims.Length == 0 ? t : t.Reshape(Reduction.ReducedShape(inShape, dims, true));

    /// <summary>Runs a row kernel over <paramref name="x"/> with the reduced dims moved last; returns the result of the reduced shape.</summary>
    public static Tensor Rows(Tensor x, int[] dims, bool keepDim, DType outType, Action<Tensor, int, int, Tensor> kernel)
    {
        var p = Reduction.ReducedLast(x, dims, out int rows, out int len);
        var r = Torch.Empty(Reduction.ReducedShape(x.shape, dims, keepDim), outType);
        kernel(p, rows, len, r);
        return r;
    }
}
