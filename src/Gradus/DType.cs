namespace Gradus;

/// <summary>The element type of a tensor, as PyTorch's <c>torch.dtype</c>.</summary>
public enum DType
{
    /// <summary>32-bit IEEE float (<c>torch.float32</c>), the default.</summary>
    Float32,
    /// <summary>64-bit IEEE float (<c>torch.float64</c>), used by gradient checks.</summary>
    Float64,
    /// <summary>64-bit signed integer (<c>torch.int64</c>), for labels and indices.</summary>
    Int64,
    /// <summary>Boolean (<c>torch.bool</c>), for masks and comparisons.</summary>
    Bool,
}
