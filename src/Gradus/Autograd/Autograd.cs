namespace Gradus;

/// <summary>
/// The <c>torch.autograd</c> functions: gradients without touching <c>.Grad</c>, finite-difference
/// checks and graph export.
/// </summary>
public static partial class Autograd
{
    /// <summary>
    /// Gradients of <paramref name="output"/> with respect to <paramref name="inputs"/>, as
    /// <c>torch.autograd.grad</c>; with <paramref name="createGraph"/> the results are differentiable again.
    /// </summary>
    public static Tensor?[] Grad(Tensor output, Tensor[] inputs, Tensor? gradOutput = null, bool retainGraph = false,
        bool createGraph = false, bool allowUnused = false)
    {
        if (!output.RequiresGrad)
            throw new InvalidOperationException("element 0 of tensors does not require grad and does not have a grad_fn");
        foreach (var x in inputs)
            if (!x.RequiresGrad) throw new InvalidOperationException("One of the differentiated Tensors does not require grad");
        if (gradOutput is null)
        {
            if (output.Numel != 1) throw new InvalidOperationException("grad can be implicitly created only for scalar outputs");
            gradOutput = Torch.OnesLike(output);
        }
        else Tensor.CheckGradientShape(gradOutput, output);
        var r = Engine.Run(output, gradOutput, retainGraph || createGraph, createGraph, inputs)!;
        if (!allowUnused)
            for (int i = 0; i < r.Length; i++)
                if (r[i] is null)
                    throw new InvalidOperationException("One of the differentiated Tensors appears to not have been used in the graph. Set allowUnused: true if this is the desired behavior.");
        return r;
    }
}
