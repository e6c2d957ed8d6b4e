
namespace Gradus;

public partial class Tensor
{
    private List<Func<Tensor, Tensor?>>? leafHooks;

    /// <summary>
    /// Computes the gradient of this tensor with respect to the graph leaves and accumulates it into
    /// their <see cref="Grad"/>, as <c>tensor.backward()</c>. A non-scalar needs <paramref name="gradient"/>.
    /// </summary>
    public void Backward(Tensor? gradient = null, bool retainGraph = false, bool createGraph = false)
    {
        if (!RequiresGrad)
            throw new InvalidOperationException("element 0 of tensors does not require grad and does not have a grad_fn");
        if (gradient is null)
        {
            if (Numel != 1) throw new InvalidOperationException("grad can be implicitly created only for scalar outputs");
            gradient = Torch.OnesLike(this);
        }
        else CheckGradientShape(gradient, this);
        Engine.Run(this, gradient, retainGraph || createGraph, createGraph, null);
    }

    /// <summary>PyTorch's check that a given output gradient has exactly the output's shape (no broadcasting).</summary>
    internal static void CheckGradientShape(Tensor gradient, Tensor output)
    {
        if (!Shapes.SameShape(gradient.shape, output.shape))
            throw new ArgumentException($"Mismatch in shape: grad_output[0] has a shape of {gradient.Shape} and output[0] has a shape of {output.Shape}.");
    }

    /// <summary>A tensor sharing this one's data but cut from the graph, as <c>tensor.detach()</c>.</summary>
    public Tensor Detach() => new(storage, shape, strides, offset, DType);

    /// <summary>Cuts this tensor from the graph in place, making it a leaf, as <c>tensor.detach_()</c>.</summary>
    public Tensor Detach_()
    {
        GradFn = null;
        requiresGrad = false;
        return this;
    }

    /// <summary>Keeps <see cref="Grad"/> for this non-leaf tensor during backward, as <c>retain_grad()</c>.</summary>
    public void RetainGrad()
    {
        if (!RequiresGrad) throw new InvalidOperationException("can't retain_grad on Tensor that has requires_grad=False");
        if (GradFn is not null) GradFn.RetainedOutput = this;
    }

    /// <summary>Registers a hook run on this tensor's gradient; it may return a replacement or null.</summary>
    public void RegisterHook(Func<Tensor, Tensor?> hook)
    {
        if (!RequiresGrad) throw new InvalidOperationException("cannot register a hook on a tensor that doesn't require gradient");
        if (GradFn is not null) (GradFn.Hooks ??= []).Add(hook);
        else (leafHooks ??= []).Add(hook);
    }

    /// <summary>Whether hooks registered on this leaf will see its gradients.</summary>
    internal bool HasLeafHooks => leafHooks is { Count: > 0 };

    internal Tensor RunLeafHooks(Tensor g)
    {
        if (leafHooks is not null)
            foreach (var h in leafHooks) g = h(g) ?? g;
        return g;
    }

    /// <summary>
    /// Attaches a recorded node to <paramref name="result"/> when grad mode is on and an input requires grad.
    /// <paramref name="saved"/> are tensors whose in-place modification before backward is an error.
    /// </summary>
    internal static Tensor Record(Tensor result, string name, Tensor[] inputs, Func<Tensor, Tensor?[]> backward, params Tensor[] saved)
    {
        if (!GradMode.IsEnabled) return result;
        bool any = false;
        foreach (var x in inputs) any |= x.RequiresGrad;
        if (!any) return result;
        result.GradFn = new Node(name, inputs, backward, saved);
        result.requiresGrad = true;
        return result;
    }

    /// <summary>PyTorch's legacy type name used in messages, e.g. torch.FloatTensor.</summary>
    internal static string TypeName(DType d) => d switch
    {
        DType.Float32 => "torch.FloatTensor",
        DType.Float64 => "torch.DoubleTensor",
        DType.Int64 => "torch.LongTensor",
        _ => "torch.BoolTensor",
    };
}
