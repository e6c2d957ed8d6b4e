using Gradus.Ops;

namespace Gradus;

public static partial class Torch
{
    /// <summary>Joins tensors column-wise, as <c>torch.hstack</c> / <c>np.hstack</c>: along dim 0 for 1-D inputs, else dim 1 (0-d inputs act as 1-D).</summary>
    public static Tensor Hstack(IReadOnlyList<Tensor> tensors)
    {
        var parts = AtLeast(tensors, 1, "hstack");
        return Join.Cat(parts, parts[0].Dim == 1 ? 0 : 1);
    }

    /// <summary>Joins tensors row-wise, as <c>torch.vstack</c> / <c>np.vstack</c>: 0-d and 1-D inputs become rows, then they are joined along dim 0.</summary>
    public static Tensor Vstack(IReadOnlyList<Tensor> tensors) => Join.Cat(AtLeast(tensors, 2, "vstack"), 0);

    private static Tensor[] AtLeast(IReadOnlyList<Tensor> tensors, int rank, string op)
    {
        if (tensors.Count == 0) throw new ArgumentException($"{op} expects a non-empty TensorList");
        var parts = new Tensor[tensors.Count];
        for (int i = 0; i < parts.Length; i++)
        {
            var t = tensors[i];
            parts[i] = t.Dim >= rank ? t : t.Dim == 0 ? t.Reshape(rank == 1 ? [1] : [1, 1]) : t.Unsqueeze(0);
        }
        return parts;
    }
}
