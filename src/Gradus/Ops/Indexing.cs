namespace Gradus.Ops;

/// <summary>
/// Basic indexing (select, slice, new axis, ellipsis) as views sharing storage, and the walk that applies a
/// Python-style subscript component by component, as PyTorch's <c>applySlicing</c> does.
/// </summary>
internal static class Indexing
{
    /// <summary>The view of one position along a dim (the dim is removed), recorded as SelectBackward0.</summary>
    public static Tensor Select(Tensor x, int dim, int index)
    {
        var shape = x.shape.Where((_, i) => i != dim).ToArray();
        var strides = x.strides.Where((_, i) => i != dim).ToArray();
        var inShape = x.shape;
        return Views.Make(x, shape, strides, ViewOffset(shape, x.offset + index * x.strides[dim]), "SelectBackward0",
            g => EmbedInView(g, inShape, t => Select(t, dim, index), "SelectBackwardBackward0"));
    }

    /// <summary>The view of positions start, start+step, ... below stop (already clamped), recorded as SliceBackward0.</summary>
    public static Tensor Slice(Tensor x, int dim, int start, int stop, int step)
    {
        var shape = (int[])x.shape.Clone();
        var strides = (int[])x.strides.Clone();
        shape[dim] = stop > start ? (stop - start + step - 1) / step : 0;
        strides[dim] *= step;
        var inShape = x.shape;
        return Views.Make(x, shape, strides, ViewOffset(shape, x.offset + start * x.strides[dim]), "SliceBackward0",
            g => EmbedInView(g, inShape, t => Slice(t, dim, start, stop, step), "SliceBackwardBackward0"));
    }

    /// <summary>The storage offset of a view; 0 for an empty one (its offset may lie past the end of the storage).</summary>
    public static int ViewOffset(int[] shape, int offset) => Shapes.Numel(shape) == 0 ? 0 : offset;

    /// <summary>
    /// The gradient of a view: zeros of the base shape with <paramref name="g"/> written through the same view.
    /// Recorded (its own backward takes the view of the incoming gradient) so higher-order gradients work.
    /// </summary>
    public static Tensor EmbedInView(Tensor g, int[] baseShape, Func<Tensor, Tensor> view, string name)
    {
        var r = Torch.Zeros(baseShape, g.DType);
        view(r).WriteFrom(g);
        return Tensor.Record(r, name, [g], gg => [view(gg)]);
    }

    /// <summary>Python's slice bounds resolved against a size: negative from the end, then clamped to [0, size].</summary>
    public static (int Start, int Stop) ClampSlice(Index start, Index stop, int size)
    {
        static int Resolve(Index i, int size) => Math.Clamp(i.IsFromEnd ? size - i.Value : i.Value, 0, size);
        int s = Resolve(start, size);
        return (s, Math.Max(s, Resolve(stop, size)));
    }

    /// <summary>
    /// Applies the basic components of a subscript as views of <paramref name="x"/> and collects the advanced
    /// ones (int64 tensors, masks turned into coordinates) in <paramref name="adv"/>, one slot per dim of the
    /// returned view. <paramref name="viewed"/> tells whether any view op was applied.
    /// </summary>
    public static Tensor Walk(Tensor x, ReadOnlySpan<TensorIndex> idx, out Tensor?[] adv, out bool viewed)
    {
        int specified = 0, ellipses = 0;
        foreach (var i in idx)
        {
            specified += i.Consumes;
            if (i.Kind == TensorIndex.Kinds.Ellipsis) ellipses++;
            if (i.Kind == TensorIndex.Kinds.Int && x.Dim == 0 && idx.Length == 1)
                throw new IndexOutOfRangeException("invalid index of a 0-dim tensor. Use `tensor.item()` in Python or `tensor.item<T>()` in C++ to convert a 0-dim tensor to a number");
        }
        if (ellipses > 1) throw new IndexOutOfRangeException("an index can only have a single ellipsis ('...')");
        if (specified > x.Dim) throw new IndexOutOfRangeException($"too many indices for tensor of dimension {x.Dim}");
        var r = x;
        var found = new List<(int Dim, Tensor Index)>();
        int dim = 0, position = -1;
        viewed = false;
        foreach (var i in idx)
        {
            position++;
            switch (i.Kind)
            {
                case TensorIndex.Kinds.Int:
                    r = SelectChecked(r, dim, i.Start.IsFromEnd ? r.shape[dim] - i.Start.Value : i.Start.Value, position, PythonValue(i.Start, r.shape[dim]));
                    viewed = true;
                    break;
                case TensorIndex.Kinds.Slice:
                    var (start, stop) = ClampSlice(i.Start, i.Stop, r.shape[dim]);
                    r = Slice(r, dim, start, stop, i.Step);
                    viewed = true;
                    dim++;
                    break;
                case TensorIndex.Kinds.None:
                    r = r.Unsqueeze(dim);
                    viewed = true;
                    dim++;
                    break;
                case TensorIndex.Kinds.Ellipsis:
                    dim += x.Dim - specified;
                    break;
                case TensorIndex.Kinds.Bool:
                    r = r.Unsqueeze(dim);
                    viewed = true;
                    found.Add((dim++, BoolIndex(i.BoolValue)));
                    break;
                default:
                    var t = i.TensorValue!;
                    if (t.DType == DType.Int64 && t.Dim == 0)
                    {
                        long v = (long)t.Item();
                        r = SelectChecked(r, dim, (int)Math.Clamp(v < 0 ? v + r.shape[dim] : v, -1, int.MaxValue), position, v);
                        viewed = true;
                    }
                    else if (t.DType == DType.Bool && t.Dim == 0)
                    {
                        r = r.Unsqueeze(dim);
                        viewed = true;
                        found.Add((dim++, BoolIndex(t.Item() != 0)));
                    }
                    else if (t.DType == DType.Bool)
                    {
                        for (int j = 0; j < t.Dim; j++)
                            if (t.shape[j] != r.shape[dim + j])
                                throw new IndexOutOfRangeException($"The shape of the mask {Shapes.Format(t.shape)} at index {j} does not match the shape of the indexed tensor {Shapes.Format(r.shape)} at index {dim + j}");
                        foreach (var c in AdvancedIndexing.NonzeroPerDim(t)) found.Add((dim++, c));
                    }
                    else if (t.DType == DType.Int64)
                    {
                        found.Add((dim++, t));
                    }
                    else throw new IndexOutOfRangeException("tensors used as indices must be long, byte or bool tensors");
                    break;
            }
        }
        adv = new Tensor?[r.Dim];
        foreach (var (d, t) in found) adv[d] = t;
        return r;
    }

    private static Tensor SelectChecked(Tensor x, int dim, int pos, int position, long shown)
    {
        int size = x.shape[dim];
        if (pos < 0 || pos >= size)
            throw new IndexOutOfRangeException($"index {shown} is out of bounds for dimension {position} with size {size}");
        return Select(x, dim, pos);
    }

    private static long PythonValue(Index i, int size) => !i.IsFromEnd ? i.Value : i.Value == 0 ? size : -(long)i.Value;

    private static Tensor BoolIndex(bool value) => value ? Torch.Zeros([1], DType.Int64) : Torch.Zeros([0], DType.Int64);

    /// <summary><c>x[idx]</c>: a view for basic components only, else a copy through advanced indexing.</summary>
    public static Tensor Get(Tensor x, ReadOnlySpan<TensorIndex> idx)
    {
        var r = Walk(x, idx, out var adv, out bool viewed);
        if (adv.Any(a => a is not null)) return AdvancedIndexing.Index(r, adv);
        return viewed ? r : Views.Make(x, x.shape, x.strides, x.offset, "AliasBackward0", g => g);
    }
}
