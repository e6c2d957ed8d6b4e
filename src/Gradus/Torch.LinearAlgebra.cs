using Gradus.Ops;

namespace Gradus;

public static partial class Torch
{
    /// <summary>Matrix product with PyTorch's rules for 1-D operands and broadcast batch dims, as <c>torch.matmul</c>.</summary>
    public static Tensor Matmul(Tensor input, Tensor other) => MatmulBroadcast.Apply(input, other);

    /// <summary>Product of two matrices, as <c>torch.mm</c>.</summary>
    public static Tensor Mm(Tensor input, Tensor mat2) => Ops.Matmul.Mm(input, mat2);

    /// <summary>Matrix times vector, as <c>torch.mv</c>.</summary>
    public static Tensor Mv(Tensor input, Tensor vec) => Ops.Matmul.Mv(input, vec);

    /// <summary>Inner product of two 1-D tensors, as <c>torch.dot</c>.</summary>
    public static Tensor Dot(Tensor input, Tensor other) => Ops.Matmul.Dot(input, other);

    /// <summary>Batched product of two 3-D tensors, as <c>torch.bmm</c>.</summary>
    public static Tensor Bmm(Tensor input, Tensor mat2) => Ops.Matmul.Bmm(input, mat2);

    /// <summary>Outer product of two 1-D tensors, as <c>torch.outer</c>.</summary>
    public static Tensor Outer(Tensor input, Tensor vec2) => Ops.Matmul.Outer(input, vec2);

    /// <summary>beta * input + alpha * (mat1 @ mat2), input broadcast to the product, as <c>torch.addmm</c> (a linear layer's bias + x Wᵀ).</summary>
    public static Tensor Addmm(Tensor input, Tensor mat1, Tensor mat2, double beta = 1, double alpha = 1) => Ops.Matmul.Addmm(input, mat1, mat2, beta, alpha);

    /// <summary>The p-norm over all elements or over <paramref name="dim"/>, as <c>torch.norm(input, p, dim, keepdim)</c>.</summary>
    public static Tensor Norm(Tensor input, double p = 2, int[]? dim = null, bool keepDim = false) => Ops.Norm.TorchNorm(input, p, dim, keepDim);

    /// <summary>The "fro" or "nuc" norm, as <c>torch.norm(input, p='fro', dim, keepdim)</c>.</summary>
    public static Tensor Norm(Tensor input, string p, int[]? dim = null, bool keepDim = false) => Ops.Norm.TorchNorm(input, p, dim, keepDim);

    /// <summary>The Frobenius norm of all elements, as <c>torch.frobenius_norm(input)</c>.</summary>
    public static Tensor FrobeniusNorm(Tensor input) => Ops.Norm.Frobenius(input, [], false, allDimsNode: "NormBackward0");

    /// <summary>The Frobenius norm over at most two dims, as <c>torch.frobenius_norm(input, dim, keepdim)</c>.</summary>
    public static Tensor FrobeniusNorm(Tensor input, int[] dim, bool keepDim = false) => Ops.Norm.Frobenius(input, dim, keepDim);

    /// <summary>The inverse of a (batch of) square matrix, as <c>torch.inverse</c>.</summary>
    public static Tensor Inverse(Tensor input) => LinalgSolve.Inv(input);

    /// <summary>The determinant of a (batch of) square matrix, as <c>torch.det</c>.</summary>
    public static Tensor Det(Tensor input) => LinalgSolve.Det(input);
}
