namespace Gradus;

public partial class Tensor
{
    /// <summary>The base node this view's history was built on; when the base's node changes, the history is rebuilt.</summary>
    private Node? baseNodeSeen;

    /// <summary>True for a view made in grad mode (or written through in place): its history follows its base's.</summary>
    private bool followsBase;

    /// <summary>Called by view ops on the new view: in grad mode, its history will follow later in-place changes of its base.</summary>
    internal void TrackBaseHistory()
    {
        if (ViewBase is null || !GradMode.IsEnabled) return;
        followsBase = true;
        baseNodeSeen = ViewBase.gradFn;
    }

    /// <summary>
    /// A view whose base got a new history from an in-place op (through this view or another one) reads from the
    /// new base: its node becomes AsStridedBackward0 of the base, as PyTorch regenerates a view's grad_fn.
    /// </summary>
    private void RefreshView()
    {
        if (!followsBase || ViewBase is not { } b || ReferenceEquals(b.gradFn, baseNodeSeen) || !b.requiresGrad) return;
        baseNodeSeen = b.gradFn;
        var baseShape = b.shape;
        var at = new Lazy<Tensor>(() => Torch.Tensor(PositionsIn(b)));
        GradFn = Record(Detach(), "AsStridedBackward0", [b],
            g => [Torch.Zeros([Shapes.Numel(baseShape)], g.DType).IndexPut([at.Value], g.Reshape(-1), accumulate: true).Reshape(baseShape)]).GradFn;
        requiresGrad = true;
    }

    /// <summary>
    /// After an in-place op recorded on a view, as PyTorch's CopySlices: the base takes a node that sends its gradient,
    /// with the view's part zeroed, to its old history and that part to the view's new history; the view then reads
    /// from the new base. Without this the base would keep a history blind to the write.
    /// </summary>
    internal void RebaseView()
    {
        if (ViewBase is not { } b) return;
        var viewShape = shape;
        var baseShape = b.shape;
        var at = new Lazy<Tensor>(() => Torch.Tensor(PositionsIn(b)));
        var old = b.Detach().WithHistoryOf(b);
        var value = Detach().WithHistoryOf(this);
        var holder = Record(b.Detach(), "CopySlices", [old, value], g =>
        [
            old.RequiresGrad ? g.Reshape(-1).IndexPut([at.Value], Torch.Scalar(0, g.DType)).Reshape(baseShape) : null,
            value.RequiresGrad ? g.Reshape(-1).Take(at.Value).Reshape(viewShape) : null,
        ]);
        b.GradFn = holder.GradFn;
        b.requiresGrad = true;
        followsBase = true;
        RefreshView();
    }

    /// <summary>The row-major position in <paramref name="b"/> of each element of this view of it (row-major too).</summary>
    private long[] PositionsIn(Tensor b)
    {
        var mine = Kernels.Gather.Positions(offset, shape, strides);
        if (b.IsContiguous) return Array.ConvertAll(mine, p => (long)(p - b.offset));
        var slot = new Dictionary<int, long>();
        var basePositions = Kernels.Gather.Positions(b.offset, b.shape, b.strides);
        for (int i = 0; i < basePositions.Length; i++)
            if (!slot.TryAdd(basePositions[i], i))
                throw new InvalidOperationException("unsupported operation: more than one element of the written-to tensor refers to a single memory location. Please clone() the tensor before performing the operation.");
        return Array.ConvertAll(mine, p => slot[p]);
    }
}
