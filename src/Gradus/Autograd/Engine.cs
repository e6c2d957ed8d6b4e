namespace Gradus;

/// <summary>Runs backward passes: orders the graph, applies each node's rule once, accumulates gradients.</summary>
internal static class Engine
{
    /// <summary>Nodes reachable from <paramref name="root"/> in an order where every node precedes its inputs' nodes.</summary>
    public static List<Node> TopologicalOrder(Node root)
    {
        // Each traversal stamps the nodes it has seen with a fresh number: no visited-set allocation per backward.
        int stamp = Interlocked.Increment(ref traversals);
        var order = new List<Node>();
        var stack = new Stack<(Node, int)>();
        stack.Push((root, 0));
        root.VisitStamp = stamp;
        while (stack.Count > 0)
        {
            var (node, i) = stack.Pop();
            if (i < node.Edges.Length)
            {
                stack.Push((node, i + 1));
                var next = node.Edges[i].Node;
                if (next is not null && next.VisitStamp != stamp)
                {
                    next.VisitStamp = stamp;
                    stack.Push((next, 0));
                }
            }
            else order.Add(node);
        }
        order.Reverse();
        return order;
    }

    private static int traversals;

    /// <summary>
    /// Propagates <paramref name="grad"/> from <paramref name="root"/>. With <paramref name="inputs"/> null,
    /// leaf gradients accumulate into <c>.Grad</c>; otherwise the gradients of those inputs are returned.
    /// Intermediate gradients the pass made itself go back to the buffer pool once consumed (see <see cref="GradBuffers"/>).
    /// </summary>
    public static Tensor?[]? Run(Tensor root, Tensor grad, bool retainGraph, bool createGraph, Tensor[]? inputs)
    {
        using var mode = GradMode.Set(createGraph);
        Tensor?[]? captured = inputs is null ? null : new Tensor?[inputs.Length];
        if (root.GradFn is null)
        {
            Deliver(root, grad, inputs, captured, createGraph, null);
            return captured;
        }
        var order = TopologicalOrder(root.GradFn);
        var grads = new Dictionary<Node, Tensor> { [root.GradFn] = grad };
        var wanted = inputs?.Where(t => t.GradFn is not null).Select(t => t.GradFn!).ToHashSet();
        // With createGraph the gradients are part of a new graph: nothing is recycled.
        var buffers = createGraph ? null : new GradBuffers();
        foreach (var node in order)
        {
            if (!grads.Remove(node, out var g)) continue;
            if (node.Hooks is { } hooks)
            {
                buffers?.Disown(g);
                foreach (var h in hooks) g = h(g) ?? g;
            }
            if (node.RetainedOutput is { } kept && inputs is null)
            {
                buffers?.Disown(g);
                kept.Grad = kept.Grad is null ? g.Detach() : kept.Grad + g;
            }
            if (wanted is not null && wanted.Contains(node))
            {
                buffers?.Disown(g);
                Capture(inputs!, captured!, t => ReferenceEquals(t.GradFn, node), g);
            }
            long before = Storage.LastSerial;
            var inGrads = node.Apply(g);
            if (!retainGraph) node.Release();
            if (buffers is not null)
            {
                foreach (var gi in inGrads)
                    if (gi is not null) buffers.Hold(gi, made: gi.storage.Serial > before);
                buffers.Drop(g);
            }
            for (int i = 0; i < node.Edges.Length; i++)
            {
                var e = node.Edges[i];
                var gi = inGrads[i];
                if (gi is null) continue;
                if (e.Node is { } next)
                {
                    // The pending use of gi counted above moves into grads[next], or is spent on the sum.
                    if (!grads.TryGetValue(next, out var acc))
                    {
                        grads[next] = gi;
                        continue;
                    }
                    before = Storage.LastSerial;
                    var sum = acc + gi;
                    grads[next] = sum;
                    buffers?.Hold(sum, made: sum.storage.Serial > before);
                    buffers?.Drop(acc);
                }
                else if (e.Leaf is { } leaf)
                    Deliver(leaf, gi, inputs, captured, createGraph, buffers);
                buffers?.Drop(gi);
            }
        }
        BufferPool.SafePoint();
        return captured;
    }

    /// <summary>Adds <paramref name="g"/> to the result of every requested input that matches (an input may be listed twice).</summary>
    private static void Capture(Tensor[] inputs, Tensor?[] captured, Func<Tensor, bool> matches, Tensor g)
    {
        for (int i = 0; i < inputs.Length; i++)
            if (matches(inputs[i])) captured[i] = captured[i] is null ? g : captured[i]! + g;
    }

    private static void Deliver(Tensor leaf, Tensor g, Tensor[]? inputs, Tensor?[]? captured, bool createGraph, GradBuffers? buffers)
    {
        if (leaf.HasLeafHooks)
        {
            buffers?.Disown(g);
            g = leaf.RunLeafHooks(g);
        }
        if (inputs is not null)
        {
            buffers?.Disown(g);
            Capture(inputs, captured!, t => ReferenceEquals(t, leaf), g);
            return;
        }
        if (leaf.Grad is null)
        {
            // A gradient this pass made and nothing else holds becomes .Grad as it is; anything else is copied.
            if (buffers is not null && buffers.TryAdopt(g)) leaf.Grad = g.Detach();
            else leaf.Grad = createGraph ? g : g.Detach().Clone();
        }
        else if (createGraph)
            leaf.Grad = leaf.Grad + g;
        else
            leaf.Grad.Add_(g);
    }
}
