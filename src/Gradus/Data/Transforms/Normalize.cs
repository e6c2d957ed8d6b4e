using System.Globalization;

namespace Gradus.Data.Transforms;

/// <summary>
/// Normalizes each channel of a (..., C, H, W) float tensor: <c>(x[c] - mean[c]) / std[c]</c>, as
/// <c>torchvision.transforms.Normalize(mean, std)</c>. One value for mean or std applies to every channel.
/// </summary>
public sealed class Normalize : Transform
{
    private readonly double[] _mean;
    private readonly double[] _std;

    /// <summary>Normalizes with per-channel <paramref name="mean"/> and <paramref name="std"/>.</summary>
    public Normalize(IReadOnlyList<double> mean, IReadOnlyList<double> std)
    {
        ArgumentNullException.ThrowIfNull(mean);
        ArgumentNullException.ThrowIfNull(std);
        if (mean.Count == 0 || std.Count == 0)
            throw new ArgumentException("Normalize: mean and std need at least one value each");
        _mean = mean.ToArray();
        _std = std.ToArray();
    }

    /// <summary>Normalizes every channel with the same <paramref name="mean"/> and <paramref name="std"/>.</summary>
    public Normalize(double mean, double std) : this([mean], [std]) { }

    /// <summary>The per-channel means.</summary>
    public IReadOnlyList<double> Mean => _mean;

    /// <summary>The per-channel standard deviations.</summary>
    public IReadOnlyList<double> Std => _std;

    /// <inheritdoc/>
    public override Tensor Apply(Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (!x.IsFloatingPoint)
            throw new ArgumentException($"Input tensor should be a float tensor. Got {x.DType}.", nameof(x));
        if (x.Dim < 3)
            throw new ArgumentException(
                $"Expected tensor to be a tensor image of size (..., C, H, W). Got tensor.size() = {x.Shape}", nameof(x));
        int channels = x.Size(-3);
        if ((_mean.Length != 1 && _mean.Length != channels) || (_std.Length != 1 && _std.Length != channels))
            throw new ArgumentException(
                $"Normalize: {_mean.Length} means and {_std.Length} stds do not fit an image with {channels} channels (shape {Shapes.Format(x.Shape)})", nameof(x));
        var mean = Channels(_mean, x.DType);
        var std = Channels(_std, x.DType);
        if (std.Eq(0).ToArray<bool>().Any(z => z))
            throw new ArgumentException($"std evaluated to zero after conversion to {x.DType}, leading to division by zero.", nameof(x));
        return (x - mean) / std;
    }

    /// <inheritdoc/>
    public override string ToString() => $"Normalize(mean={Format(_mean)}, std={Format(_std)})";

    // torch.as_tensor(values, dtype).view(-1, 1, 1): rounded to the image's dtype first, as torchvision does.
    private static Tensor Channels(double[] values, DType dtype) =>
        Torch.FromArray(values).To(dtype).Reshape(values.Length, 1, 1);

    private static string Format(double[] values) =>
        "[" + string.Join(", ", values.Select(v => v.ToString("R", CultureInfo.InvariantCulture))) + "]";
}
