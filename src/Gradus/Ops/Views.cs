namespace Gradus.Ops;

/// <summary>Ops that return views sharing storage (reshape of contiguous data, transpose, permute, expand, squeeze).</summary>
internal static class Views
{
    /// <summary>A tensor over the same storage with another shape/strides/offset, recorded for autograd.</summary>
    public static Tensor Make(Tensor x, int[] shape, int[] strides, int offset, string name, Func<Tensor, Tensor> backward)
    {
        var v = new Tensor(x.storage, shape, strides, offset, x.DType) { ViewBase = x.ViewBase ?? x };
        if (GradMode.IsEnabled && x.RequiresGrad) Tensor.Record(v, name, [x], g => [backward(g)]);
        v.TrackBaseHistory();
        return v;
    }

    /// <summary>Resolves one -1 in a requested shape against a numel, with PyTorch's messages.</summary>
    public static int[] InferShape(int[] requested, int numel)
    {
        var shape = (int[])requested.Clone();
        int infer = -1;
        long known = 1;
        for (int i = 0; i < shape.Length; i++)
        {
            if (shape[i] == -1)
            {
                if (infer >= 0) throw new ArgumentException("only one dimension can be inferred");
                infer = i;
            }
            else if (shape[i] < 0) throw new ArgumentException($"invalid shape dimension {shape[i]}");
            else known *= shape[i];
        }
        if (infer >= 0)
        {
            if (known == 0 || numel % known != 0)
                throw new ArgumentException($"shape '{Shapes.Format(requested)}' is invalid for input of size {numel}");
            shape[infer] = (int)(numel / known);
        }
        else if (known != numel)
            throw new ArgumentException($"shape '{Shapes.Format(requested)}' is invalid for input of size {numel}");
        return shape;
    }

    /// <summary>View strides for a new shape if the data allows it without a copy (PyTorch's computeStride), else null.</summary>
    public static int[]? ViewStrides(int[] oldShape, int[] oldStrides, int[] newShape)
    {
        if (Shapes.IsContiguous(oldShape, oldStrides)) return Shapes.ContiguousStrides(newShape);
        var ns = new int[newShape.Length];
        int view_d = newShape.Length - 1;
        long chunkBase = oldStrides.Length > 0 ? oldStrides[^1] : 1;
        long tensorNumel = 1, viewNumel = 1;
        for (int td = oldShape.Length - 1; td >= 0; td--)
        {
            tensorNumel *= oldShape[td];
            if (td == 0 || (oldShape[td - 1] != 1 && oldStrides[td - 1] != tensorNumel * chunkBase))
            {
                while (view_d >= 0 && (viewNumel < tensorNumel || newShape[view_d] == 1))
                {
                    ns[view_d] = (int)(viewNumel * chunkBase);
                    viewNumel *= newShape[view_d];
                    view_d--;
                }
                if (viewNumel != tensorNumel) return null;
                if (td > 0) { chunkBase = oldStrides[td - 1]; tensorNumel = 1; viewNumel = 1; }
            }
        }
        return view_d == -1 ? ns : null;
    }

    public static Tensor Reshape(Tensor x, int[] requested, bool viewOnly)
    {
        var shape = InferShape(requested, x.Numel);
        var st = ViewStrides(x.shape, x.strides, shape);
        var old = x.shape;
        if (st is null)
        {
            if (viewOnly)
                throw new InvalidOperationException("view size is not compatible with input tensor's size and stride (at least one dimension spans across two contiguous subspaces). Use .Reshape(...) instead.");
            var copy = x.Clone();
            return Make(copy, shape, Shapes.ContiguousStrides(shape), 0, "UnsafeViewBackward0", g => g.Reshape(old));
        }
        return Make(x, shape, st, x.offset, viewOnly ? "ViewBackward0" : "ReshapeAliasBackward0", g => g.Reshape(old));
    }

    public static Tensor Permute(Tensor x, int[] dims)
    {
        if (dims.Length != x.Dim)
            throw new ArgumentException($"permute(sparse_coo): number of dimensions in the tensor input does not match the length of the desired ordering of dimensions i.e. input.dim() = {x.Dim} is not equal to len(dims) = {dims.Length}");
        var seen = new bool[x.Dim];
        var shape = new int[x.Dim];
        var st = new int[x.Dim];
        var inverse = new int[x.Dim];
        for (int i = 0; i < dims.Length; i++)
        {
            int d = Shapes.WrapDim(dims[i], x.Dim);
            if (seen[d]) throw new ArgumentException("permute(): duplicate dims are not allowed.");
            seen[d] = true;
            shape[i] = x.shape[d];
            st[i] = x.strides[d];
            inverse[d] = i;
        }
        return Make(x, shape, st, x.offset, "PermuteBackward0", g => g.Permute(inverse));
    }

    public static Tensor Transpose(Tensor x, int d0, int d1)
    {
        d0 = Shapes.WrapDim(d0, x.Dim);
        d1 = Shapes.WrapDim(d1, x.Dim);
        var shape = (int[])x.shape.Clone();
        var st = (int[])x.strides.Clone();
        (shape[d0], shape[d1]) = (shape[d1], shape[d0]);
        (st[d0], st[d1]) = (st[d1], st[d0]);
        return Make(x, shape, st, x.offset, "TransposeBackward0", g => g.Transpose(d0, d1));
    }

    /// <summary>The transpose of a matrix recorded as TBackward0, as PyTorch's <c>tensor.t()</c> (F.linear and matmul use it).</summary>
    public static Tensor MatrixT(Tensor a) =>
        Make(a, [a.shape[1], a.shape[0]], [a.strides[1], a.strides[0]], a.offset, "TBackward0", g => g.Transpose(0, 1));

    public static Tensor Expand(Tensor x, int[] size)
    {
        if (size.Length < x.Dim)
            throw new ArgumentException($"expand: the number of sizes provided ({size.Length}) must be greater or equal to the number of dimensions in the tensor ({x.Dim})");
        int lead = size.Length - x.Dim;
        var shape = new int[size.Length];
        var st = new int[size.Length];
        for (int i = 0; i < size.Length; i++)
        {
            int cur = i < lead ? 1 : x.shape[i - lead];
            int want = size[i] == -1 && i >= lead ? cur : size[i];
            if (want < 0) throw new ArgumentException($"expand: the expanded size of the tensor (-1) isn't allowed in a leading, non-existing dimension {i}");
            if (cur != want && cur != 1)
                throw new ArgumentException($"The expanded size of the tensor ({want}) must match the existing size ({cur}) at non-singleton dimension {i}.  Target sizes: {Shapes.Format(size)}.  Tensor sizes: {Shapes.Format(x.shape)}");
            shape[i] = want;
            st[i] = i < lead || (cur == 1 && want != 1) ? 0 : x.strides[i - lead];
        }
        if (Shapes.SameShape(shape, x.shape)) return x;
        return Make(x, shape, st, x.offset, "ExpandBackward0", g => Binary.Unbroadcast(g, x));
    }

    public static Tensor Squeeze(Tensor x, int? dim)
    {
        var old = x.shape;
        var keep = new List<int>();
        int d0 = dim is { } dd ? Shapes.WrapDim(dd, x.Dim) : -1;
        for (int i = 0; i < x.Dim; i++)
            if (!(x.shape[i] == 1 && (dim is null || i == d0))) keep.Add(i);
        var shape = keep.Select(i => x.shape[i]).ToArray();
        var st = keep.Select(i => x.strides[i]).ToArray();
        return Make(x, shape, st, x.offset, dim is null ? "SqueezeBackward0" : "SqueezeBackward1", g => g.Reshape(old));
    }

    public static Tensor Unsqueeze(Tensor x, int dim)
    {
        int d = Shapes.WrapDim(dim, x.Dim + 1);
        var shape = x.shape.ToList();
        var st = x.strides.ToList();
        int s = d < x.Dim ? x.strides[d] * x.shape[d] : 1;
        shape.Insert(d, 1);
        st.Insert(d, s);
        return Make(x, shape.ToArray(), st.ToArray(), x.offset, "UnsqueezeBackward0", g => g.Squeeze(d));
    }
}
