namespace Gradus;

/// <summary>
/// One recorded operation of the dynamic graph, as PyTorch's <c>grad_fn</c>: its name
/// (<c>MulBackward0</c>), its edges to the inputs' nodes or leaves, and its backward rule.
/// </summary>
public sealed class Node
{
    private Func<Tensor, Tensor?[]>? backward;
    private readonly (Tensor Tensor, int Version)[] saved;

    internal Node(string name, Tensor[] inputs, Func<Tensor, Tensor?[]> backward, Tensor[] saved)
    {
        Name = name;
        Edges = new Edge[inputs.Length];
        for (int i = 0; i < inputs.Length; i++)
        {
            var x = inputs[i];
            Edges[i] = !x.RequiresGrad ? default : x.GradFn is { } fn ? new Edge(fn, null) : new Edge(null, x);
        }
        this.backward = backward;
        this.saved = Array.ConvertAll(saved, t => (t, t.storage.Version));
    }

    /// <summary>PyTorch's node name, e.g. <c>AddBackward0</c>.</summary>
    public string Name { get; }

    /// <summary>One edge per input: the input's node, or the leaf it accumulates into, or neither.</summary>
    internal Edge[] Edges { get; }

    /// <summary>The nodes feeding this one (null for inputs that need no gradient), as <c>next_functions</c>.</summary>
    public IReadOnlyList<(Node? Node, Tensor? Leaf)> NextFunctions => Array.ConvertAll(Edges, e => (e.Node, e.Leaf));

    /// <summary>The tensor whose gradient is kept when <see cref="Tensor.RetainGrad"/> was called on this node's output.</summary>
    internal Tensor? RetainedOutput { get; set; }

    /// <summary>Hooks registered on this node's output tensor, run on its gradient.</summary>
    internal List<Func<Tensor, Tensor?>>? Hooks { get; set; }

    /// <summary>True once a backward without <c>retainGraph</c> has freed the saved state.</summary>
    public bool IsReleased => backward is null;

    internal Tensor?[] Apply(Tensor grad)
    {
        if (backward is null)
            throw new InvalidOperationException(
                "Trying to backward through the graph a second time (or directly access saved tensors after they have already been freed). " +
                "Saved intermediate values of the graph are freed when you call .Backward() or Autograd.Grad(). " +
                "Specify retainGraph: true if you need to backward through the graph a second time or if you need to access saved tensors after calling backward.");
        foreach (var (t, v) in saved)
            if (t.storage.Version != v)
                throw new InvalidOperationException(
                    $"one of the variables needed for gradient computation has been modified by an inplace operation: " +
                    $"[{Tensor.TypeName(t.DType)} {Shapes.Format(t.shape)}], which is an input or output of {Name}, is at version {t.storage.Version}; " +
                    $"expected version {v} instead.");
        return backward(grad);
    }

    internal void Release() => backward = null;

    /// <summary>The number of the last graph traversal that reached this node (see <see cref="Engine.TopologicalOrder"/>).</summary>
    internal int VisitStamp;

    /// <summary>The node's name, as PyTorch prints <c>&lt;MulBackward0&gt;</c>.</summary>
    public override string ToString() => $"<{Name}>";
}

/// <summary>Where a node sends the gradient of one input: another node or a leaf tensor.</summary>
internal readonly record struct Edge(Node? Node, Tensor? Leaf);
