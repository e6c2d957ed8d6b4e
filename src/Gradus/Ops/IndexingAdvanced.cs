namespace Gradus.Ops;

/// <summary>
/// Advanced (integer tensor) indexing as NumPy and PyTorch do it: the index tensors broadcast together;
/// their result dims replace the indexed dims in place when those are adjacent, else they go first.
/// Results are copies (IndexBackward0) whose backward scatter-adds; puts write or accumulate.
/// </summary>
internal static class AdvancedIndexing
{
    /// <summary>An advanced index over a strided tensor: the result shape and the storage positions it reads.</summary>
    internal readonly record struct Plan(int[] OutShape, BlockPositions Positions);

    /// <summary>
    /// Resolves int64 index tensors (one slot per dim of <paramref name="x"/>, null where the dim is kept)
    /// into storage positions, checking bounds with PyTorch's messages.
    /// </summary>
    public static Plan Resolve(Tensor x, Tensor?[] adv)
    {
        var dims = new List<int>();
        for (int d = 0; d < adv.Length; d++) if (adv[d] is not null) dims.Add(d);
        var b = BroadcastIndices(dims.Select(d => adv[d]!).ToArray());
        int nb = Shapes.Numel(b);
        var offsets = new int[nb];
        for (int k = 0; k < dims.Count; k++)
        {
            int d = dims[k], size = x.shape[d], stride = x.strides[d];
            var idx = IndexingDispatch.Longs(adv[d]!.Expand(b));
            for (int j = 0; j < nb; j++)
            {
                long v = idx[j];
                if (v < -size || v >= size)
                    throw new IndexOutOfRangeException($"index {v} is out of bounds for dimension {k} with size {size}");
                offsets[j] += (int)(v < 0 ? v + size : v) * stride;
            }
        }
        bool adjacent = dims[^1] - dims[0] + 1 == dims.Count;
        var before = new List<int>();
        var after = new List<int>();
        for (int d = 0; d < x.Dim; d++)
        {
            if (d < adv.Length && adv[d] is not null) continue;
            (adjacent && d < dims[0] ? before : after).Add(d);
        }
        int[] Pick(List<int> ds, int[] from) => ds.Select(d => from[d]).ToArray();
        var outShape = Pick(before, x.shape).Concat(b).Concat(Pick(after, x.shape)).ToArray();
        var major = Kernels.Gather.Positions(x.offset, Pick(before, x.shape), Pick(before, x.strides));
        var inner = Kernels.Gather.Positions(0, Pick(after, x.shape), Pick(after, x.strides));
        return new Plan(outShape, new BlockPositions(major, offsets, inner));
    }

    private static int[] BroadcastIndices(Tensor[] indices)
    {
        var b = indices[0].shape;
        try
        {
            foreach (var t in indices) b = Shapes.Broadcast(b, t.shape);
        }
        catch (ArgumentException)
        {
            throw new IndexOutOfRangeException("shape mismatch: indexing tensors could not be broadcast together with shapes " +
                string.Join(", ", indices.Select(t => Shapes.Format(t.shape))));
        }
        return b;
    }

    /// <summary><c>x[adv]</c> as a copy, recorded as IndexBackward0 (backward: zeros with the gradient scatter-added).</summary>
    public static Tensor Index(Tensor x, Tensor?[] adv)
    {
        var plan = Resolve(x, adv);
        var r = Torch.Empty(plan.OutShape, x.DType);
        IndexingDispatch.Read(x, plan.Positions, r);
        var shape = x.shape;
        return Tensor.Record(r, "IndexBackward0", [x], g => [AccumulateIntoZeros(shape, adv, g)]);
    }

    /// <summary>Zeros of <paramref name="shape"/> with <paramref name="g"/> scatter-added at the indices (IndexBackward0's rule, itself differentiable in g).</summary>
    public static Tensor AccumulateIntoZeros(int[] shape, Tensor?[] adv, Tensor g)
    {
        var r = Torch.Zeros(shape, g.DType);
        PutRaw(r, adv, g, accumulate: true);
        return Tensor.Record(r, "IndexPutBackward0", [g], gg => [Index(gg, adv)]);
    }

    /// <summary>Out-of-place <c>index_put</c>: a copy of <paramref name="x"/> with values written (or added) at the indices.</summary>
    public static Tensor IndexPut(Tensor x, Tensor?[] adv, Tensor values, bool accumulate)
    {
        var r = Torch.Empty(x.shape, x.DType);
        x.CopyInto(r);
        PutRaw(r, adv, values, accumulate);
        return Tensor.Record(r, "IndexPutBackward0", [x, values], g =>
        [
            !x.RequiresGrad ? null : accumulate ? g : IndexPut(g, adv, Torch.Scalar(0, g.DType), false),
            !values.RequiresGrad ? null : GradForValues(Index(g, adv), values),
        ]);
    }

    /// <summary>Writes (or accumulates) values into <paramref name="dst"/>'s storage at the indices, without autograd.</summary>
    public static void PutRaw(Tensor dst, Tensor?[] adv, Tensor values, bool accumulate)
    {
        if (values.DType != dst.DType)
            throw new ArgumentException($"Index put requires the source and destination dtypes match, got {IndexingDispatch.ScalarName(dst.DType)} for the destination and {IndexingDispatch.ScalarName(values.DType)} for the source.");
        var plan = Resolve(dst, adv);
        var v = StripLeadingOnes(values.Detach(), plan.OutShape.Length);
        if (!Broadcastable(v.shape, plan.OutShape))
            throw new ArgumentException($"shape mismatch: value tensor of shape {Shapes.Format(values.shape)} cannot be broadcast to indexing result of shape {Shapes.Format(plan.OutShape)}");
        if (ReferenceEquals(v.storage, dst.storage)) v = v.Clone();
        v = v.Numel == 1 ? v.Contiguous() : v.Expand(plan.OutShape).Contiguous();
        IndexingDispatch.Write(v, dst, plan.Positions, accumulate, accumulate ? "index_put_" : "index_put");
    }

    /// <summary>Drops leading size-1 dims while the value has more dims than the target, as PyTorch's setitem does.</summary>
    public static Tensor StripLeadingOnes(Tensor v, int targetDim)
    {
        int k = 0;
        while (v.Dim - k > targetDim && v.shape[k] == 1) k++;
        return k == 0 ? v : v.Reshape(v.shape[k..]);
    }

    /// <summary>Whether <paramref name="from"/> broadcasts to exactly <paramref name="to"/>.</summary>
    public static bool Broadcastable(int[] from, int[] to)
    {
        if (from.Length > to.Length) return false;
        for (int i = 1; i <= from.Length; i++)
            if (from[^i] != 1 && from[^i] != to[^i]) return false;
        return true;
    }

    /// <summary>The gradient of assigned values: the indexed gradient summed back over broadcasting, in the values' shape and dtype.</summary>
    public static Tensor GradForValues(Tensor gIndexed, Tensor values)
    {
        var stripped = StripLeadingOnes(values.Detach(), gIndexed.Dim);
        var g = Binary.Unbroadcast(gIndexed, stripped);
        return Shapes.SameShape(g.shape, values.shape) ? g : g.Reshape(values.shape);
    }

    /// <summary>The int64 coordinates of the true (non-zero) elements, one tensor per dim, as <c>mask.nonzero().unbind(1)</c>.</summary>
    public static Tensor[] NonzeroPerDim(Tensor mask)
    {
        var m = mask.DType == DType.Bool ? mask.Detach().Contiguous() : mask.Detach().Ne(0.0);
        var flags = m.Span<bool>();
        int count = 0;
        foreach (var f in flags) if (f) count++;
        int nd = m.Dim;
        var coords = new long[nd][];
        for (int d = 0; d < nd; d++) coords[d] = new long[count];
        var strides = Shapes.ContiguousStrides(m.shape);
        for (int i = 0, c = 0; i < flags.Length; i++)
        {
            if (!flags[i]) continue;
            int rem = i;
            for (int d = 0; d < nd; d++) { coords[d][c] = rem / strides[d]; rem %= strides[d]; }
            c++;
        }
        return coords.Select(a => new Tensor(a, [count], DType.Int64)).ToArray();
    }
}
