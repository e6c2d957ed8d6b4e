namespace Gradus.NN;

/// <summary>
/// The <c>padding</c> argument of a convolution, as PyTorch takes it: an int or an (H, W) pair of zeros added on each
/// side, or the string <c>"same"</c> (output as large as the input, stride 1 only) or <c>"valid"</c> (no padding).
/// Converts implicitly from <c>int</c>, <c>(int, int)</c> and <c>string</c>, so <c>padding: 1</c>, <c>padding: (1, 2)</c>
/// and <c>padding: "same"</c> all read as in Python.
/// </summary>
public readonly record struct ConvPadding
{
    /// <summary>Explicit zero padding: <paramref name="h"/> rows above and below, <paramref name="w"/> columns left and right.</summary>
    public ConvPadding(int h, int w) => (H, W) = (h, w);

    private ConvPadding(string mode) => Mode = mode;

    /// <summary>Rows of zeros above and below (0 for a string padding).</summary>
    public int H { get; }

    /// <summary>Columns of zeros left and right (0 for a string padding).</summary>
    public int W { get; }

    /// <summary><c>"same"</c> or <c>"valid"</c> (or any other string given, which the convolution rejects); null for explicit sizes.</summary>
    public string? Mode { get; }

    /// <summary>The same padding on all four sides.</summary>
    public static implicit operator ConvPadding(int padding) => new(padding, padding);

    /// <summary>(rows, columns) of padding.</summary>
    public static implicit operator ConvPadding((int H, int W) padding) => new(padding.H, padding.W);

    /// <summary><c>"same"</c> or <c>"valid"</c>.</summary>
    public static implicit operator ConvPadding(string mode) => new(mode ?? throw new ArgumentNullException(nameof(mode)));

    /// <summary><c>same</c> or <c>(1, 1)</c>, as <c>nn.Conv2d</c> prints its padding.</summary>
    public override string ToString() => Mode ?? PyRepr.Tuple([H, W]);

    /// <summary>Throws PyTorch's message unless a string padding is "same" or "valid", and "same" comes with stride 1.</summary>
    internal void Check((int H, int W) stride, bool module)
    {
        if (Mode is null) return;
        if (Mode is not ("same" or "valid"))
            throw new ArgumentException(module
                ? $"Invalid padding string '{Mode}', should be one of {{'same', 'valid'}}"
                : $"Invalid padding string: '{Mode}'");
        if (Mode == "same" && stride != (1, 1))
            throw new ArgumentException("padding='same' is not supported for strided convolutions");
    }
}
