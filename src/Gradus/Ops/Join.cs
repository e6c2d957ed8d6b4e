namespace Gradus.Ops;

/// <summary>Joining and splitting along a dim: cat, stack, split, split_with_sizes, chunk and unbind, with their backward rules.</summary>
internal static class Join
{
    private static bool IsLegacyEmpty(Tensor t) => t.Dim == 1 && t.shape[0] == 0;

    /// <summary>Concatenates along an existing dim (dtypes promote; 1-d empty tensors are skipped), as <c>torch.cat</c>.</summary>
    public static Tensor Cat(IReadOnlyList<Tensor> tensors, int dim)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        if (tensors.Count == 0) throw new ArgumentException("torch.cat(): expected a non-empty list of Tensors");
        var dt = tensors[0].DType;
        for (int i = 0; i < tensors.Count; i++)
        {
            if (tensors[i].Dim == 0) throw new ArgumentException($"zero-dimensional tensor (at position {i}) cannot be concatenated");
            dt = DTypes.Promote(dt, tensors[i].DType);
        }
        int first = -1;
        for (int i = 0; i < tensors.Count && first < 0; i++) if (!IsLegacyEmpty(tensors[i])) first = i;
        if (first < 0) return Torch.Empty([0], dt);
        var refShape = tensors[first].shape;
        dim = Shapes.WrapDim(dim, refShape.Length);
        int total = 0;
        for (int i = 0; i < tensors.Count; i++)
        {
            var t = tensors[i];
            if (IsLegacyEmpty(t)) continue;
            if (t.Dim != refShape.Length) throw new ArgumentException($"Tensors must have same number of dimensions: got {refShape.Length} and {t.Dim}");
            for (int d = 0; d < t.Dim; d++)
                if (d != dim && t.shape[d] != refShape[d])
                    throw new ArgumentException($"Sizes of tensors must match except in dimension {dim}. Expected size {refShape[d]} but got size {t.shape[d]} for tensor number {i} in the list.");
            total += t.shape[dim];
        }
        var shape = (int[])refShape.Clone();
        shape[dim] = total;
        var r = Torch.Empty(shape, dt);
        int outer = 1, inner = 1;
        for (int d = 0; d < dim; d++) outer *= shape[d];
        for (int d = dim + 1; d < shape.Length; d++) inner *= shape[d];
        var offsets = new int[tensors.Count];
        int off = 0;
        for (int i = 0; i < tensors.Count; i++)
        {
            var t = tensors[i];
            offsets[i] = off;
            if (IsLegacyEmpty(t)) continue;
            var src = t.Detach().To(dt).Contiguous();
            CopyRows(src, r, outer, t.shape[dim] * inner, total * inner, off * inner);
            off += t.shape[dim];
        }
        return Tensor.Record(r, "CatBackward0", tensors.ToArray(), g =>
        {
            var grads = new Tensor?[tensors.Count];
            for (int i = 0; i < tensors.Count; i++)
            {
                var t = tensors[i];
                if (!t.RequiresGrad) continue;
                grads[i] = IsLegacyEmpty(t) ? Torch.ZerosLike(t) : g.Narrow(dim, offsets[i], t.shape[dim]).To(t.DType);
            }
            return grads;
        });
    }

    /// <summary>Copies <paramref name="outer"/> rows of <paramref name="row"/> elements into rows of <paramref name="stride"/> at <paramref name="at"/>.</summary>
    private static void CopyRows(Tensor src, Tensor dst, int outer, int row, int stride, int at)
    {
        switch (dst.DType)
        {
            case DType.Float32: Rows(src.Span<float>(), dst.Span<float>(), outer, row, stride, at); break;
            case DType.Float64: Rows(src.Span<double>(), dst.Span<double>(), outer, row, stride, at); break;
            case DType.Int64: Rows(src.Span<long>(), dst.Span<long>(), outer, row, stride, at); break;
            default: Rows(src.Span<bool>(), dst.Span<bool>(), outer, row, stride, at); break;
        }
    }

    private static void Rows<T>(ReadOnlySpan<T> src, Span<T> dst, int outer, int row, int stride, int at)
    {
        if (row == 0) return;
        for (int o = 0; o < outer; o++) src.Slice(o * row, row).CopyTo(dst.Slice(o * stride + at, row));
    }

    /// <summary>Joins equal-shaped tensors along a new dim, as <c>torch.stack</c>.</summary>
    public static Tensor Stack(IReadOnlyList<Tensor> tensors, int dim)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        if (tensors.Count == 0) throw new ArgumentException("stack expects a non-empty TensorList");
        var s0 = tensors[0].shape;
        for (int i = 1; i < tensors.Count; i++)
            if (!Shapes.SameShape(tensors[i].shape, s0))
                throw new ArgumentException($"stack expects each tensor to be equal size, but got {Shapes.Format(s0)} at entry 0 and {Shapes.Format(tensors[i].shape)} at entry {i}");
        dim = Shapes.WrapDim(dim, s0.Length + 1);
        var parts = new Tensor[tensors.Count];
        for (int i = 0; i < parts.Length; i++) parts[i] = tensors[i].Detach().Unsqueeze(dim);
        var r = Cat(parts, dim);
        return Tensor.Record(r, "StackBackward0", tensors.ToArray(), g =>
        {
            var grads = new Tensor?[tensors.Count];
            for (int i = 0; i < grads.Length; i++)
                if (tensors[i].RequiresGrad) grads[i] = g.Select(dim, i).To(tensors[i].DType);
            return grads;
        });
    }

    /// <summary>Views of consecutive pieces along a dim with the given sizes, each recorded under <paramref name="name"/>.</summary>
    private static Tensor[] Pieces(Tensor x, int dim, int[] sizes, string name)
    {
        var parts = new Tensor[sizes.Length];
        var inShape = x.shape;
        int start = 0;
        for (int i = 0; i < sizes.Length; i++)
        {
            int s = start, len = sizes[i];
            var shape = (int[])x.shape.Clone();
            shape[dim] = len;
            parts[i] = Views.Make(x, shape, (int[])x.strides.Clone(), Indexing.ViewOffset(shape, x.offset + s * x.strides[dim]), name,
                g => Indexing.EmbedInView(g, inShape, t => t.Narrow(dim, s, len), name + "Backward"));
            start += len;
        }
        return parts;
    }

    private static int CheckSplitDim(Tensor x, int dim, string op)
    {
        if (x.Dim == 0) throw new ArgumentException($"{op} expects at least a 1-dimensional tensor");
        return Shapes.WrapDim(dim, x.Dim);
    }

    /// <summary>Pieces of <paramref name="splitSize"/> along a dim (the last may be smaller), as <c>torch.split</c>.</summary>
    public static Tensor[] Split(Tensor x, int splitSize, int dim)
    {
        dim = CheckSplitDim(x, dim, "split");
        int size = x.shape[dim];
        if (splitSize < 0) throw new ArgumentException($"split expects split_size be non-negative, but got split_size={splitSize}");
        if (splitSize == 0 && size != 0) throw new ArgumentException($"split_size can only be 0 if dimension size is 0, but got dimension size of {size}");
        int n = size == 0 ? 1 : (size + splitSize - 1) / splitSize;
        var sizes = new int[n];
        for (int i = 0; i < n; i++) sizes[i] = Math.Min(splitSize, size - i * splitSize);
        return Pieces(x, dim, sizes, "SplitBackward0");
    }

    /// <summary>Pieces with the given sizes along a dim (they must sum to the dim's size), as <c>torch.split(x, [2, 3])</c>.</summary>
    public static Tensor[] SplitWithSizes(Tensor x, int[] sizes, int dim)
    {
        ArgumentNullException.ThrowIfNull(sizes);
        dim = CheckSplitDim(x, dim, "split_with_sizes");
        if (sizes.Any(s => s < 0))
            throw new ArgumentException($"split_with_sizes expects split_sizes have only non-negative entries, but got split_sizes={Shapes.Format(sizes)}");
        if (sizes.Sum() != x.shape[dim])
            throw new ArgumentException($"split_with_sizes expects split_sizes to sum exactly to {x.shape[dim]} (input tensor's size at dimension {dim}), but got split_sizes={Shapes.Format(sizes)}");
        return Pieces(x, dim, (int[])sizes.Clone(), "SplitWithSizesBackward0");
    }

    /// <summary><paramref name="chunks"/> pieces of ceil(size / chunks) (fewer when they run out), as <c>torch.chunk</c>.</summary>
    public static Tensor[] Chunk(Tensor x, int chunks, int dim)
    {
        if (chunks <= 0) throw new ArgumentException($"chunk expects `chunks` to be greater than 0, got: {chunks}");
        dim = CheckSplitDim(x, dim, "chunk");
        int size = x.shape[dim];
        int splitSize = (size + chunks - 1) / chunks;
        if (splitSize == 0 && size == 0) return Pieces(x, dim, new int[chunks], "SplitWithSizesBackward0");
        return Split(x, splitSize, dim);
    }

    /// <summary>Views of every position along a dim, with the dim removed, as <c>torch.unbind</c>.</summary>
    public static Tensor[] Unbind(Tensor x, int dim)
    {
        dim = CheckSplitDim(x, dim, "unbind");
        var parts = new Tensor[x.shape[dim]];
        var shape = x.shape.Where((_, i) => i != dim).ToArray();
        var strides = x.strides.Where((_, i) => i != dim).ToArray();
        var inShape = x.shape;
        for (int i = 0; i < parts.Length; i++)
        {
            int k = i;
            parts[i] = Views.Make(x, (int[])shape.Clone(), (int[])strides.Clone(), Indexing.ViewOffset(shape, x.offset + k * x.strides[dim]), "UnbindBackward0",
                g => Indexing.EmbedInView(g, inShape, t => t.Select(dim, k), "UnbindBackwardBackward"));
        }
        return parts;
    }
}
