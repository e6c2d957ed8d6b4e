namespace Gradus.Ops;

/// <summary>
/// Indexing along one dim: index_select / index_add (whole slices) and gather / scatter / scatter_add
/// (one element per index entry), each the other's backward, with PyTorch's checks and messages.
/// </summary>
internal static class IndexingDim
{
    /// <summary>Storage positions of the (outer, index[j]) slices of a contiguous tensor viewed as (outer, size, inner).</summary>
    private static BlockPositions SlicePositions(ReadOnlySpan<long> index, int offset, int outer, int size, int inner)
    {
        var major = new int[outer];
        for (int o = 0; o < outer; o++) major[o] = offset + o * size * inner;
        var minor = new int[index.Length];
        for (int j = 0; j < minor.Length; j++) minor[j] = (int)index[j] * inner;
        return new BlockPositions(major, minor, Enumerable.Range(0, inner).ToArray());
    }

    private static (int Outer, int Size, int Inner) Split3(int[] shape, int dim)
    {
        int outer = 1, inner = 1;
        for (int i = 0; i < dim; i++) outer *= shape[i];
        for (int i = dim + 1; i < shape.Length; i++) inner *= shape[i];
        return (outer, shape.Length == 0 ? 1 : shape[dim], inner);
    }

    private static ReadOnlySpan<long> CheckVectorIndex(Tensor index, int size, int dim, string op)
    {
        if (index.DType != DType.Int64) throw new ArgumentException($"{op}(): Expected dtype int32 or int64 for index");
        if (index.Dim > 1) throw new IndexOutOfRangeException($"{op}(): Index is supposed to be a vector");
        var idx = IndexingDispatch.Longs(index);
        foreach (var v in idx)
            if (v < 0 || v >= size)
                throw new IndexOutOfRangeException($"{op}(): index {v} is out of bounds for dimension {dim} with size {size}");
        return idx;
    }

    /// <summary>The slices of <paramref name="x"/> at the given positions along a dim, as <c>index_select</c>.</summary>
    public static Tensor IndexSelect(Tensor x, int dim, Tensor index)
    {
        dim = Shapes.WrapDim(dim, x.Dim);
        var (outer, size, inner) = Split3(x.shape, dim);
        var idx = CheckVectorIndex(index, size, dim, "index_select");
        var shape = (int[])x.shape.Clone();
        if (shape.Length > 0) shape[dim] = idx.Length;
        var src = x.Detach().Contiguous();
        var r = Torch.Empty(shape, x.DType);
        IndexingDispatch.Read(src, SlicePositions(idx, src.offset, outer, size, inner), r);
        var inShape = x.shape;
        return Tensor.Record(r, "IndexSelectBackward0", [x],
            g => [IndexAdd(Torch.Zeros(inShape, g.DType), dim, index, g, 1)]);
    }

    /// <summary>A copy of <paramref name="x"/> with <c>alpha * source</c> slices added at the positions, as <c>index_add</c>.</summary>
    public static Tensor IndexAdd(Tensor x, int dim, Tensor index, Tensor source, double alpha)
    {
        dim = Shapes.WrapDim(dim, x.Dim);
        var (outer, size, inner) = Split3(x.shape, dim);
        var idx = CheckVectorIndex(index, size, dim, "index_add_");
        if (source.DType != x.DType)
            throw new ArgumentException($"index_add_(): self ({IndexingDispatch.ScalarName(x.DType)}) and source ({IndexingDispatch.ScalarName(source.DType)}) must have the same scalar type");
        if (x.Dim > 0 && source.Dim != x.Dim)
            throw new ArgumentException($"index_add_(): source ({Shapes.Format(source.shape)}) and self ({Shapes.Format(x.shape)}) must have the same number of dimensions");
        int n = x.Dim == 0 ? source.Numel : source.shape[dim];
        if (idx.Length != n)
            throw new ArgumentException($"index_add_(): Number of indices ({idx.Length}) should be equal to source.size(dim): ({n}), for dim: {dim}");
        for (int d = 0; d < x.Dim; d++)
            if (d != dim && source.shape[d] != x.shape[d])
                throw new ArgumentException($"index_add_(): source shape {Shapes.Format(source.shape)} must match self shape {Shapes.Format(x.shape)} except in dimension {dim}");
        var r = Torch.Empty(x.shape, x.DType);
        x.CopyInto(r);
        var s = source.Detach();
        if (alpha != 1) s = s * alpha;
        IndexingDispatch.Write(s.Contiguous(), r, SlicePositions(idx, 0, outer, size, inner), true, "index_add_");
        return Tensor.Record(r, "IndexAddBackward0", [x, source], g =>
        [
            g,
            !source.RequiresGrad ? null : (alpha == 1 ? IndexSelect(g, dim, index) : IndexSelect(g, dim, index) * alpha).Reshape(source.shape),
        ]);
    }

    /// <summary>
    /// Checks a gather/scatter index and returns, for each of its elements, the storage position in a tensor with
    /// <paramref name="shape"/>/<paramref name="strides"/>/<paramref name="offset"/> it addresses along <paramref name="dim"/>.
    /// </summary>
    private static int[] DimPositions(Tensor index, int dim, int[] shape, int[] strides, int offset)
    {
        var idx = IndexingDispatch.Longs(index);
        var st = (int[])strides.Clone();
        int size = shape.Length == 0 ? 1 : shape[dim], stride = shape.Length == 0 ? 0 : strides[dim];
        if (st.Length > 0) st[dim] = 0;
        var pos = Kernels.Gather.Positions(offset, index.shape, st);
        for (int i = 0; i < pos.Length; i++)
        {
            long v = idx[i];
            if (v < 0 || v >= size) throw new IndexOutOfRangeException($"index {v} is out of bounds for dimension {dim} with size {size}");
            pos[i] += (int)v * stride;
        }
        return pos;
    }

    private static void CheckIndexRank(Tensor x, Tensor index, string op, string what)
    {
        if (index.DType != DType.Int64) throw new ArgumentException($"{op}(): Expected dtype int64 for index");
        if (index.Dim != x.Dim)
            throw new ArgumentException($"Index tensor must have the same number of dimensions as {what} tensor");
    }

    /// <summary>out[i][j] = x[index[i][j]][j] (for dim 0) and so on, as <c>torch.gather</c>.</summary>
    public static Tensor Gather(Tensor x, int dim, Tensor index)
    {
        dim = Shapes.WrapDim(dim, x.Dim);
        CheckIndexRank(x, index, "gather", "input");
        for (int d = 0; d < index.Dim && d < x.Dim; d++)
            if (d != dim && index.shape[d] > x.shape[d])
                throw new ArgumentException($"Size does not match at dimension {d} expected index {Shapes.Format(index.shape)} to be smaller than self {Shapes.Format(x.shape)} apart from dimension {dim}");
        var pos = DimPositions(index, dim, x.shape, x.strides, x.offset);
        var r = Torch.Empty(index.shape, x.DType);
        IndexingDispatch.ReadAt(x, pos, r);
        var inShape = x.shape;
        return Tensor.Record(r, "GatherBackward0", [x], g => [ScatterAdd(Torch.Zeros(inShape, g.DType), dim, index, g)]);
    }

    private static int[] ScatterPositions(Tensor x, int dim, Tensor index, Tensor? src, string op)
    {
        CheckIndexRank(x, index, op, "self");
        if (src is not null && src.DType != x.DType) throw new ArgumentException("scatter(): Expected self.dtype to be equal to src.dtype");
        if (src is not null && src.Dim != index.Dim) throw new ArgumentException("Index tensor must have the same number of dimensions as src tensor");
        for (int d = 0; d < index.Dim && d < x.Dim; d++)
            if ((d != dim && index.shape[d] > x.shape[d]) || (src is not null && index.shape[d] > src.shape[d]))
                throw new ArgumentException($"Expected index {Shapes.Format(index.shape)} to be smaller than self {Shapes.Format(x.shape)} apart from dimension {dim}" +
                    (src is null ? "" : $" and to be smaller size than src {Shapes.Format(src.shape)}"));
        return DimPositions(index, dim, x.shape, Shapes.ContiguousStrides(x.shape), 0);
    }

    /// <summary>The elements of <paramref name="src"/> addressed like the index (src's leading corner), contiguous.</summary>
    private static Tensor SourceValues(Tensor src, Tensor index)
    {
        var s = src.Detach();
        if (s.Dim > 0 && !Shapes.SameShape(s.shape, index.shape))
            s = new Tensor(s.storage, index.shape, s.strides, s.offset, s.DType);
        return s.Contiguous();
    }

    /// <summary>A copy of <paramref name="x"/> with src values written (or added) at index along dim, as <c>scatter</c> / <c>scatter_add</c>.</summary>
    private static Tensor ScatterCore(Tensor x, int dim, Tensor index, Tensor src, bool add, bool srcIsValue)
    {
        dim = Shapes.WrapDim(dim, x.Dim);
        string op = add ? "scatter_add" : "scatter";
        var pos = ScatterPositions(x, dim, index, srcIsValue ? null : src, op);
        var r = Torch.Empty(x.shape, x.DType);
        x.CopyInto(r);
        var values = srcIsValue ? src.Detach().To(x.DType).Contiguous() : SourceValues(src, index);
        IndexingDispatch.WriteAt(values, r, pos, add, op);
        string name = add ? "ScatterAddBackward0" : srcIsValue ? "ScatterBackward1" : "ScatterBackward0";
        return Tensor.Record(r, name, srcIsValue ? [x] : [x, src], g =>
        {
            var gx = !x.RequiresGrad ? null : add ? g : Scatter(g, dim, index, Torch.Scalar(0, g.DType), true);
            if (srcIsValue) return [gx];
            Tensor? gs = null;
            if (src.RequiresGrad)
            {
                gs = Gather(g, dim, index);
                if (!Shapes.SameShape(gs.shape, src.shape)) gs = PadTo(gs, src.shape);
            }
            return [gx, gs];
        });
    }

    /// <summary>Zero-pads a gradient of the index's shape up to the source's shape (scatter reads src's leading corner).</summary>
    private static Tensor PadTo(Tensor g, int[] shape)
    {
        var corner = g.shape;
        return Indexing.EmbedInView(g, shape, t =>
        {
            for (int d = 0; d < corner.Length; d++) t = Indexing.Slice(t, d, 0, corner[d], 1);
            return t;
        }, "ScatterSourceBackward");
    }

    public static Tensor Scatter(Tensor x, int dim, Tensor index, Tensor src, bool srcIsValue) => ScatterCore(x, dim, index, src, false, srcIsValue);

    public static Tensor ScatterAdd(Tensor x, int dim, Tensor index, Tensor src) => ScatterCore(x, dim, index, src, true, false);

    /// <summary>Elements at flat (row-major) positions, negative counting from the end, as <c>torch.take</c>.</summary>
    public static Tensor Take(Tensor x, Tensor index)
    {
        if (index.DType != DType.Int64) throw new ArgumentException("take(): Expected a long tensor for index, but got " + IndexingDispatch.ScalarName(index.DType));
        int n = x.Numel;
        var idx = IndexingDispatch.Longs(index);
        var pos = new int[idx.Length];
        var all = Kernels.Gather.Positions(x.offset, x.shape, x.strides);
        for (int i = 0; i < pos.Length; i++)
        {
            long v = idx[i];
            if (v < -n || v >= n) throw new IndexOutOfRangeException($"out of range: tried to access index {v} on a tensor of {n} elements.");
            pos[i] = all[(int)(v < 0 ? v + n : v)];
        }
        var r = Torch.Empty(index.shape, x.DType);
        IndexingDispatch.ReadAt(x, pos, r);
        var inShape = x.shape;
        return Tensor.Record(r, "TakeBackward0", [x],
            g => [AdvancedIndexing.AccumulateIntoZeros([n], [index], g).Reshape(inShape)]);
    }

    /// <summary>Replaces elements where the mask is true with a 0-dim value, broadcasting mask and input, as <c>masked_fill</c>.</summary>
    public static Tensor MaskedFill(Tensor x, Tensor mask, Tensor value, bool valueIsTensor)
    {
        if (mask.DType != DType.Bool)
            throw new ArgumentException($"masked_fill_ only supports boolean masks, but got mask with dtype {IndexingDispatch.ScalarName(mask.DType)}");
        if (value.Dim != 0)
            throw new ArgumentException($"masked_fill_ only supports a 0-dimensional value tensor, but got tensor with {value.Dim} dimension(s).");
        var shape = Shapes.Broadcast(x.shape, mask.shape);
        var m = mask.Expand(shape);
        var r = Torch.Empty(shape, x.DType);
        x.Detach().Expand(shape).CopyInto(r);
        var v = value.Detach().To(x.DType);
        var flags = m.Contiguous().Span<bool>();
        int count = 0;
        foreach (var f in flags) if (f) count++;
        var pos = new int[count];
        for (int i = 0, k = 0; i < flags.Length; i++) if (flags[i]) pos[k++] = i;
        IndexingDispatch.WriteAt(v, r, pos, false, "masked_fill");
        return Tensor.Record(r, valueIsTensor ? "MaskedFillBackward1" : "MaskedFillBackward0", [x, value], g =>
        [
            !x.RequiresGrad ? null : Binary.Unbroadcast(Torch.Where(m, 0.0, g), x),
            !value.RequiresGrad ? null : Torch.Where(m, g, 0.0).Sum().To(value.DType),
        ]);
    }

    /// <summary>The coordinates of the non-zero elements as an (n, ndim) int64 tensor, as <c>torch.nonzero</c>.</summary>
    public static Tensor Nonzero(Tensor x)
    {
        var coords = AdvancedIndexing.NonzeroPerDim(x);
        int n = x.Dim == 0 ? (x.Item() != 0 ? 1 : 0) : coords[0].Numel;
        var r = new long[n * x.Dim];
        for (int d = 0; d < coords.Length; d++)
        {
            var c = coords[d].Span<long>();
            for (int i = 0; i < n; i++) r[i * x.Dim + d] = c[i];
        }
        return new Tensor(r, [n, x.Dim], DType.Int64);
    }
}
