namespace Gradus.Data.Transforms;

/// <summary>
/// Converts an image of pixel values 0..255 into a float32 tensor of shape C x H x W scaled to [0, 1], as
/// <c>torchvision.transforms.ToTensor</c> on a uint8 array: an H x W image gains a channel dimension (1 x H x W),
/// an H x W x C image has its channels moved first. Gradus has no uint8 dtype, so pixels come as an Int64 tensor
/// (values 0..255) or as bytes (<see cref="FromBytes"/>); a float image is only rearranged, not scaled, as
/// torchvision does for float arrays.
/// </summary>
public sealed class ToTensor : Transform
{
    // b / 255 in float32 for every byte, the value torch computes for img.to(float32).div(255).
    private static readonly float[] ByteScale = Enumerable.Range(0, 256).Select(b => b / 255f).ToArray();

    /// <inheritdoc/>
    public override Tensor Apply(Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.Dim is not (2 or 3))
            throw new ArgumentException($"pic should be 2/3 dimensional. Got {x.Dim} dimensions.", nameof(x));
        var chw = x.Dim == 2 ? x.Unsqueeze(0) : x.Permute(2, 0, 1);
        switch (x.DType)
        {
            case DType.Float32 or DType.Float64:
                return chw.Contiguous();
            case DType.Int64:
                var pixels = chw.ToArray<long>();
                var result = Torch.Empty(chw.Shape);
                var dst = result.Span<float>();
                for (int i = 0; i < pixels.Length; i++)
                {
                    long p = pixels[i];
                    if ((ulong)p > 255)
                        throw new ArgumentException($"ToTensor: pixel values must lie in 0..255 (uint8), found {p}", nameof(x));
                    dst[i] = ByteScale[p];
                }
                return result;
            default:
                throw new ArgumentException($"ToTensor: expected an Int64 image of pixel values 0..255 or a float image, got {x.DType}", nameof(x));
        }
    }

    /// <summary>
    /// Converts H x W x C interleaved bytes (H x W when <paramref name="channels"/> is 1) into a float32
    /// C x H x W tensor in [0, 1], as <c>ToTensor()(uint8_array)</c>.
    /// </summary>
    public static Tensor FromBytes(ReadOnlySpan<byte> pixels, int height, int width, int channels = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(height);
        ArgumentOutOfRangeException.ThrowIfNegative(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(channels);
        long expected = (long)height * width * channels;
        if (pixels.Length != expected)
            throw new ArgumentException(
                $"ToTensor: {pixels.Length} bytes do not make an image of {height}x{width}x{channels} ({expected} bytes)", nameof(pixels));
        var result = Torch.Empty([channels, height, width]);
        var dst = result.Span<float>();
        if (channels == 1)
        {
            Scale(pixels, dst);
            return result;
        }
        int plane = height * width;
        for (int p = 0; p < plane; p++)
        {
            for (int c = 0; c < channels; c++)
                dst[c * plane + p] = ByteScale[pixels[p * channels + c]];
        }
        return result;
    }

    /// <summary>Writes <c>b / 255</c> (float32) for each byte of <paramref name="source"/> into <paramref name="destination"/>.</summary>
    internal static void Scale(ReadOnlySpan<byte> source, Span<float> destination)
    {
        if (destination.Length < source.Length)
            throw new ArgumentException("ToTensor: destination shorter than source");
        var table = ByteScale;
        for (int i = 0; i < source.Length; i++)
            destination[i] = table[source[i]];
    }

    /// <inheritdoc/>
    public override string ToString() => "ToTensor()";
}
