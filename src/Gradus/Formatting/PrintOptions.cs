namespace Gradus.Formatting;

/// <summary>
/// How tensors print, as <c>torch.set_printoptions</c>: set <see cref="Current"/> (process-wide, like PyTorch's)
/// to change what <c>ToString()</c> shows, e.g. <c>PrintOptions.Current = PrintOptions.Default with { Precision = 2 };</c>.
/// </summary>
public sealed record PrintOptions
{
    /// <summary>Digits after the decimal point for floating values (default 4).</summary>
    public int Precision { get; init; } = 4;

    /// <summary>Element count above which the printout is summarised with <c>...</c> (default 1000).</summary>
    public int Threshold { get; init; } = 1000;

    /// <summary>Items shown at the start and end of each summarised dimension (default 3).</summary>
    public int EdgeItems { get; init; } = 3;

    /// <summary>Characters per line before wrapping a row of elements (default 80).</summary>
    public int LineWidth { get; init; } = 80;

    /// <summary>Forces scientific notation on (true) or off (false); null lets the values decide, as PyTorch does.</summary>
    public bool? SciMode { get; init; }

    /// <summary>PyTorch's defaults (the <c>'default'</c> profile).</summary>
    public static PrintOptions Default { get; } = new();

    /// <summary>PyTorch's <c>'short'</c> profile: precision 2, 2 edge items.</summary>
    public static PrintOptions Short { get; } = new() { Precision = 2, EdgeItems = 2 };

    /// <summary>PyTorch's <c>'full'</c> profile: never summarise.</summary>
    public static PrintOptions Full { get; } = new() { Threshold = int.MaxValue };

    /// <summary>The options <c>Tensor.ToString()</c> uses; starts as <see cref="Default"/>.</summary>
    public static PrintOptions Current { get; set; } = Default;
}
