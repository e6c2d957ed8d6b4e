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
    /// </summary>
    public static Tensor?[]? Run(Tensor root, Tensor grad, bool retainGraph, bool createGraph, Tensor[]? inputs)
    {
        using var mode = GradMode.Set(createGraph);
        Tensor?[]? captured = inputs is null ? null : new Tensor?[inputs.Length];
        if (root.GradFn is null)
        {
            Deliver(root, grad, inputs, captured, createGraph);
            return captured;
        }
        var order = TopologicalOrder(root.GradFn);
        var grads = new Dictionary<Node, Tensor> { [root.GradFn] = grad };
        var wanted = inputs?.Where(t => t.GradFn is not null).Select(t => t.GradFn!).ToHashSet();
        foreach (var node in order)
        {
            if (!grads.Remove(node, out var g)) continue;
            if (node.Hooks is { } hooks)
                foreach (var h in hooks) g = h(g) ?? g;
            if (node.RetainedOutput is { } kept && inputs is null)
                kept.Grad = kept.Grad is null ? g.Detach() : kept.Grad + g;
            if (wanted is not null && wanted.Contains(node))
                Capture(inputs!, captured!, t => ReferenceEquals(t.GradFn, node), g);
            var inGrads = node.Apply(g);
            if (!retainGraph) node.Release();
            for (int i = 0; i < node.Edges.Length; i++)
            {
                var e = node.Edges[i];
                var gi = inGrads[i];
                if (e.IsEmpty || gi is null) continue;
                if (e.Node is { } next)
                    grads[next] = grads.TryGetValue(next, out var acc) ? acc + gi : gi;
                else
                    Deliver(e.Leaf!, gi, inputs, captured, createGraph);
            }
        }
        return captured;
    }

    /// <summary>Adds <paramref name="g"/> to the result of every requested input that matches (an input may be listed twice).</summary>
    private static void Capture(Tensor[] inputs, Tensor?[] captured, Func<Tensor, bool> matches, Tensor g)
    {
        for (int i = 0; i < inputs.Length; i++)
            if (matches(inputs[i])) captured[i] = captured[i] is null ? g : captured[i]! + g;
    }

    private static void Deliver(Tensor leaf, Tensor g, Tensor[]? inputs, Tensor?[]? captured, bool createGraph)
    {
        g = leaf.RunLeafHooks(g);
        if (inputs is not null)
        {
            Capture(inputs, captured!, t => ReferenceEquals(t, leaf), g);
            return;
        }
        if (leaf.Grad is null)
            leaf.Grad = createGraph ? g : g.Detach().Clone();
        else if (createGraph)
            leaf.Grad = leaf.Grad + g;
        else
            leaf.Grad.Add_(g);
    }
}
