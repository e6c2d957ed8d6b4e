using Gradus.Ops;

namespace Gradus;

public partial class Tensor
{
    /// <summary>Matrix product with PyTorch's rules for 1-D operands and broadcast batch dims, as <c>a @ b</c> / <c>torch.matmul</c>.</summary>
    public Tensor Matmul(Tensor other) => MatmulBroadcast.Apply(this, other);

    /// <summary>Product of two matrices, as <c>tensor.mm(mat2)</c>.</summary>
    public Tensor Mm(Tensor mat2) => Ops.Matmul.Mm(this, mat2);

    /// <summary>Matrix times vector, as <c>tensor.mv(vec)</c>.</summary>
    public Tensor Mv(Tensor vec) => Ops.Matmul.Mv(this, vec);

    /// <summary>Inner product of two 1-D tensors, as <c>tensor.dot(other)</c>.</summary>
    public Tensor Dot(Tensor other) => Ops.Matmul.Dot(this, other);

    /// <summary>Batched product of two 3-D tensors, as <c>tensor.bmm(batch2)</c>.</summary>
    public Tensor Bmm(Tensor batch2) => Ops.Matmul.Bmm(this, batch2);

    /// <summary>Outer product of two 1-D tensors, as <c>tensor.outer(vec2)</c>.</summary>
    public Tensor Outer(Tensor vec2) => Ops.Matmul.Outer(this, vec2);

    /// <summary>beta * this + alpha * (mat1 @ mat2), as <c>tensor.addmm(mat1, mat2, beta=, alpha=)</c>.</summary>
    public Tensor Addmm(Tensor mat1, Tensor mat2, double beta = 1, double alpha = 1) => Ops.Matmul.Addmm(this, mat1, mat2, beta, alpha);

    /// <summary>The last two dims swapped (a view), as <c>tensor.mT</c>.</summary>
    public Tensor MT => Dim < 2
        ? throw new ArgumentException($"tensor.mT is only supported on matrices or batches of matrices. Got {Dim}-D tensor.")
        : Transpose(-2, -1);

    /// <summary>The p-norm over all elements or over <paramref name="dim"/>, as <c>tensor.norm(p, dim, keepdim)</c> (p may be 0, ±inf).</summary>
    public Tensor Norm(double p = 2, int[]? dim = null, bool keepDim = false) => Ops.Norm.TorchNorm(this, p, dim, keepDim);

    /// <summary>The p-norm over one dim, as <c>tensor.norm(p, dim)</c>.</summary>
    public Tensor Norm(double p, int dim, bool keepDim = false) => Ops.Norm.TorchNorm(this, p, [dim], keepDim);

    /// <summary>The "fro" or "nuc" norm, as <c>tensor.norm(p='fro', dim)</c>.</summary>
    public Tensor Norm(string p, int[]? dim = null, bool keepDim = false) => Ops.Norm.TorchNorm(this, p, dim, keepDim);

    /// <summary>The inverse of a (batch of) square matrix, as <c>tensor.inverse()</c>.</summary>
    public Tensor Inverse() => LinalgSolve.Inv(this);

    /// <summary>The determinant of a (batch of) square matrix, as <c>tensor.det()</c>.</summary>
    public Tensor Det() => LinalgSolve.Det(this);
}
