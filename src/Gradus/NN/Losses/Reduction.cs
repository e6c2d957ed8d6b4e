namespace Gradus.NN;

/// <summary>How a loss combines its per-element values, as PyTorch's <c>reduction=</c> argument.</summary>
public enum Reduction
{
    /// <summary>No reduction: one loss per element (<c>'none'</c>).</summary>
    None,
    /// <summary>The mean (weighted mean for weighted class losses), the default (<c>'mean'</c>).</summary>
    Mean,
    /// <summary>The sum (<c>'sum'</c>).</summary>
    Sum,
}
