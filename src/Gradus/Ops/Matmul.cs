using static Gradus.Ops.LinalgChecks;

namespace Gradus.Ops;

/// <summary>
/// The matrix products dot, mv, mm, bmm, addmm and outer with PyTorch's checks and node names. Forward
/// and backward both run on the GEMM kernel; gradients take transposed views of the saved operands.
/// </summary>
internal static class Matmul
{
    public static Tensor Dot(Tensor a, Tensor b)
    {
        if (a.Dim != 1 || b.Dim != 1)
            throw new ArgumentException($"1D tensors expected, but got {a.Dim}D and {b.Dim}D tensors");
        if (a.DType != b.DType)
            throw new ArgumentException($"dot : expected both vectors to have same dtype, but found {ScalarType(a.DType)} and {ScalarType(b.DType)}");
        if (a.Numel != b.Numel)
            throw new ArgumentException($"inconsistent tensor size, expected tensor [{a.Numel}] and src [{b.Numel}] to have the same number of elements, but got {a.Numel} and {b.Numel} elements respectively");
        NotBool(a.DType, "dot");
        int k = a.Numel;
        var r = Torch.Empty([], a.DType);
        MatmulKernel.Run(RawView(a, [1, k], [k * a.strides[0], a.strides[0]]), RawView(b, [k, 1], [b.strides[0], 1]), RawView(r, [1, 1], [1, 1]));
        return Tensor.Record(r, "DotBackward0", [a, b],
            g => [a.RequiresGrad ? g * b : null, b.RequiresGrad ? g * a : null], Arithmetic.Needed(a, b));
    }

    public static Tensor Mv(Tensor a, Tensor x)
    {
        if (a.Dim != 2 || x.Dim != 1)
            throw new ArgumentException($"vector + matrix @ vector expected, got 1, {a.Dim}, {x.Dim}");
        int n = a.shape[0], k = a.shape[1];
        if (k != x.Numel) throw new ArgumentException($"size mismatch, got {n}, {n}x{k},{x.Numel}");
        SameDType(a, x);
        NotBool(a.DType, "addmv_impl_cpu");
        var r = Torch.Empty([n], a.DType);
        MatmulKernel.Run(a, RawView(x, [k, 1], [x.strides[0], 1]), RawView(r, [n, 1], [1, 1]));
        return Tensor.Record(r, "MvBackward0", [a, x],
            g => [a.RequiresGrad ? Outer(g, x) : null, x.RequiresGrad ? Mv(a.Transpose(0, 1), g) : null], Arithmetic.Needed(a, x));
    }

    public static Tensor Mm(Tensor a, Tensor b)
    {
        if (a.Dim != 2) throw new ArgumentException("self must be a matrix");
        if (b.Dim != 2) throw new ArgumentException("mat2 must be a matrix");
        CheckShapes(a, b);
        SameDType(a, b);
        NotBool(a.DType, "addmm_impl_cpu_");
        var r = Torch.Empty([a.shape[0], b.shape[1]], a.DType);
        MatmulKernel.Run(a, b, r);
        return Tensor.Record(r, "MmBackward0", [a, b],
            g => [a.RequiresGrad ? Mm(g, b.Transpose(0, 1)) : null, b.RequiresGrad ? Mm(a.Transpose(0, 1), g) : null], Arithmetic.Needed(a, b));
    }

    public static Tensor Bmm(Tensor a, Tensor b)
    {
        if (a.Dim != 3) throw new ArgumentException("batch1 must be a 3D tensor");
        if (b.Dim != 3) throw new ArgumentException("batch2 must be a 3D tensor");
        return Batched(a, b);
    }

    /// <summary>
    /// Batched product of (batch..., m, k) and (batch..., k, n) operands with the same batch shape (any
    /// strides, broadcast views included), recorded as BmmBackward0.
    /// </summary>
    public static Tensor Batched(Tensor a, Tensor b)
    {
        var batch = a.shape[..^2];
        int count = Shapes.Numel(batch), k = a.shape[^1];
        if (!Shapes.SameShape(b.shape[..^2], batch) || b.shape[^2] != k)
            throw new ArgumentException($"Expected size for first two dimensions of batch2 tensor to be: [{count}, {k}] but got: [{Shapes.Numel(b.shape[..^2])}, {b.shape[^2]}].");
        SameDType(a, b);
        NotBool(a.DType, "bmm");
        var r = Torch.Empty([.. batch, a.shape[^2], b.shape[^1]], a.DType);
        MatmulKernel.Run(a, b, r);
        return Tensor.Record(r, "BmmBackward0", [a, b],
            g => [a.RequiresGrad ? Batched(g, MT(b)) : null, b.RequiresGrad ? Batched(MT(a), g) : null], Arithmetic.Needed(a, b));
    }

    /// <summary>beta * input + alpha * (mat1 @ mat2) with input broadcast to the product's shape, as torch.addmm.</summary>
    public static Tensor Addmm(Tensor input, Tensor m1, Tensor m2, double beta, double alpha)
    {
        if (m1.Dim != 2) throw new ArgumentException($"mat1 must be a matrix, got {m1.Dim}-D tensor");
        if (m2.Dim != 2) throw new ArgumentException($"mat2 must be a matrix, got {m2.Dim}-D tensor");
        if (input.DType != m2.DType) throw new ArgumentException("self and mat2 must have the same dtype");
        if (m1.DType != m2.DType) throw new ArgumentException("mat1 and mat2 must have the same dtype");
        CheckShapes(m1, m2);
        int rows = m1.shape[0], cols = m2.shape[1];
        var expanded = input.Detach().Expand(rows, cols);
        NotBool(m1.DType, "addmm_impl_cpu_");
        Tensor r;
        if (beta != 0) expanded.CopyInto(r = Torch.Uninitialized([rows, cols], m1.DType));
        else r = Torch.Empty([rows, cols], m1.DType);
        MatmulKernel.Run(m1, m2, r, alpha, beta);
        return Tensor.Record(r, "AddmmBackward0", [input, m1, m2], g =>
        [
            input.RequiresGrad ? Binary.Unbroadcast(beta == 1 ? g : g * beta, input) : null,
            m1.RequiresGrad ? Scale(Mm(g, m2.Transpose(0, 1)), alpha) : null,
            m2.RequiresGrad ? Scale(Mm(m1.Transpose(0, 1), g), alpha) : null,
        ], m1.RequiresGrad || m2.RequiresGrad ? Arithmetic.Needed(m1, m2) : []);
    }

    /// <summary>The outer product as PyTorch computes it: <c>a.reshape(-1, 1) * b</c> (so MulBackward0).</summary>
    public static Tensor Outer(Tensor a, Tensor b)
    {
        if (a.Dim != 1) throw new ArgumentException($"outer: Expected 1-D argument self, but got {a.Dim}-D");
        if (b.Dim != 1) throw new ArgumentException($"outer: Expected 1-D argument vec2, but got {b.Dim}-D");
        return a.Reshape(-1, 1) * b;
    }

    private static void CheckShapes(Tensor a, Tensor b)
    {
        if (a.shape[1] != b.shape[0])
            throw new ArgumentException($"mat1 and mat2 shapes cannot be multiplied ({Shapes.FormatX(a.shape)} and {Shapes.FormatX(b.shape)})");
    }

    private static Tensor Scale(Tensor t, double alpha) => alpha == 1 ? t : t * alpha;
}
