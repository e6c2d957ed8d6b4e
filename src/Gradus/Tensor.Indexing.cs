using Gradus.Ops;

namespace Gradus;

public partial class Tensor
{
    /// <summary>
    /// True for a 0-dim tensor made implicitly from a C# number (<c>X[1, 2] = 17</c>): like PyTorch's wrapped
    /// numbers it takes the destination's dtype when assigned.
    /// </summary>
    internal bool IsWrappedNumber { get; private init; }

    /// <summary>A C# number as a 0-dim float64 tensor, so that <c>X[1, 2] = 17</c> works; assignment converts it to X's dtype.</summary>
    public static implicit operator Tensor(double value) => new(new[] { value }, [], DType.Float64) { IsWrappedNumber = true };

    /// <summary>A C# bool as a 0-dim bool tensor, so that <c>mask[0] = true</c> works.</summary>
    public static implicit operator Tensor(bool value) => new(new[] { value }, [], DType.Bool) { IsWrappedNumber = true };

    /// <summary>
    /// Python-style indexing, as <c>x[...]</c>: <c>X[^1]</c>, <c>X[1..3]</c>, <c>X[.., 0]</c>,
    /// <c>X[TensorIndex.Slice(0, null, 2)]</c>, <c>X[X &gt; 0]</c>, <c>yHat[Torch.Arange(n), y]</c>.
    /// Integers, slices, None and Ellipsis give views sharing storage; index tensors and masks give copies.
    /// Assignment writes in place (broadcasting the value), as <c>X[1, 2] = 17</c> or <c>X[..2, ..] = 12</c>.
    /// </summary>
    [System.Runtime.CompilerServices.IndexerName("Index")]
    public Tensor this[params ReadOnlySpan<TensorIndex> indices]
    {
        get => Indexing.Get(this, indices);
        set
        {
            var index = indices.ToArray();
            var target = Indexing.Walk(Detach(), index, out var adv, out bool viewed);
            PutCore(target, adv, viewed, value, accumulate: false,
                t => (Indexing.Walk(t, index, out var a, out _), a), g => Indexing.Get(g, index));
        }
    }

    /// <summary>
    /// Writes <paramref name="values"/> at the positions given by index tensors (int64 or bool masks), or adds
    /// them with duplicates accumulating when <paramref name="accumulate"/>, as <c>index_put_</c>.
    /// </summary>
    public Tensor IndexPut_(Tensor[] indices, Tensor values, bool accumulate = false)
    {
        var adv = AdvancedFromTensors(indices);
        PutCore(Detach(), adv, viewed: false, values, accumulate, t => (t, adv), g => AdvancedIndexing.Index(g, adv));
        return this;
    }

    /// <summary>A copy with <paramref name="values"/> written (or accumulated) at the indices, as <c>index_put</c>.</summary>
    public Tensor IndexPut(Tensor[] indices, Tensor values, bool accumulate = false)
    {
        var adv = AdvancedFromTensors(indices);
        var v = values.IsWrappedNumber ? values.To(DType) : values;
        return AdvancedIndexing.IndexPut(this, adv, v, accumulate);
    }

    /// <summary>One index slot per dim (null where not indexed); masks become their coordinates.</summary>
    private Tensor?[] AdvancedFromTensors(Tensor[] indices)
    {
        ArgumentNullException.ThrowIfNull(indices);
        if (indices.Length == 0) throw new ArgumentException("index_put_(): expected at least one index tensor", nameof(indices));
        int consumed = indices.Sum(t => t.DType == DType.Bool ? t.Dim : 1);
        if (consumed > Dim) throw new IndexOutOfRangeException($"too many indices for tensor of dimension {Dim}");
        var adv = new Tensor?[Dim];
        int d = 0;
        foreach (var t in indices)
        {
            if (t.DType == DType.Bool)
            {
                for (int j = 0; j < t.Dim; j++)
                    if (t.shape[j] != shape[d + j])
                        throw new IndexOutOfRangeException($"The shape of the mask {Shapes.Format(t.shape)} at index {j} does not match the shape of the indexed tensor {Shapes.Format(shape)} at index {d + j}");
                foreach (var c in AdvancedIndexing.NonzeroPerDim(t)) adv[d++] = c;
            }
            else if (t.DType == DType.Int64) adv[d++] = t;
            else throw new IndexOutOfRangeException("tensors used as indices must be long, byte or bool tensors");
        }
        return adv;
    }

    /// <summary>
    /// The in-place write shared by assignment and index_put_: PyTorch's leaf rule, the raw write (which bumps
    /// the version counter) and, when recording, a node whose backward zeroes (or keeps, when accumulating) the
    /// overwritten positions for this tensor and indexes the gradient for the values.
    /// </summary>
    private void PutCore(Tensor target, Tensor?[] adv, bool viewed, Tensor value, bool accumulate,
        Func<Tensor, (Tensor Target, Tensor?[] Adv)> resolve, Func<Tensor, Tensor> select)
    {
        ArgumentNullException.ThrowIfNull(value);
        bool hasAdv = adv.Any(a => a is not null);
        if (GradMode.IsEnabled && ((IsLeaf && RequiresGrad) || ViewBase is { IsLeaf: true, RequiresGrad: true }))
            throw new InvalidOperationException(viewed || ViewBase is not null
                ? "a view of a leaf Variable that requires grad is being used in an in-place operation."
                : "a leaf Variable that requires grad is being used in an in-place operation.");
        var v = value.Detach();
        if (value.IsWrappedNumber || (!hasAdv && v.DType != DType)) v = v.To(DType);
        WriteRaw(target, adv, v, accumulate);
        if (!GradMode.IsEnabled || !(RequiresGrad || value.RequiresGrad)) return;

        var keep = Torch.Ones(shape, DType.Bool);
        if (!accumulate)
        {
            var (kt, ka) = resolve(keep);
            WriteRaw(kt, ka, Torch.Scalar(0, DType.Bool), false);
        }
        var old = Detach().WithHistoryOf(this);
        var holder = Detach();
        string name = viewed ? "CopySlices" : hasAdv ? "IndexPutBackward0" : "CopyBackwards";
        Record(holder, name, [old, value], g =>
        [
            !old.RequiresGrad ? null : accumulate ? g : Torch.Where(keep, g, 0.0),
            !value.RequiresGrad ? null : AdvancedIndexing.GradForValues(select(g), value),
        ]);
        GradFn = holder.GradFn;
        requiresGrad = true;
        RebaseView();
    }

    /// <summary>Writes a value (already in this dtype) through a resolved index: a broadcast copy into a view, or a put.</summary>
    private static void WriteRaw(Tensor target, Tensor?[] adv, Tensor v, bool accumulate)
    {
        if (adv.Any(a => a is not null))
        {
            AdvancedIndexing.PutRaw(target, adv, v, accumulate);
            return;
        }
        v = AdvancedIndexing.StripLeadingOnes(v, target.Dim);
        if (v.Dim > target.Dim)
            throw new ArgumentException($"expand({TypeName(v.DType)}{{{Shapes.Format(v.shape)}}}, size={Shapes.Format(target.shape)}): the number of sizes provided ({target.Dim}) must be greater or equal to the number of dimensions in the tensor ({v.Dim})");
        _ = v.Expand(target.shape);
        if (ReferenceEquals(v.storage, target.storage)) v = v.Clone();
        if (accumulate) v = v + target;
        target.WriteFrom(v);
    }
}
