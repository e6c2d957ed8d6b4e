using Gradus.Random;

namespace Gradus.NN;

/// <summary>
/// Weight initialisation in place, as <c>torch.nn.init</c>: each function fills the tensor without recording
/// autograd history and returns it. Random fills draw from the <c>generator</c> argument (default:
/// <see cref="Generator.Default"/>) in PyTorch's order, so seeded results match PyTorch's.
/// </summary>
public static class Init
{
    /// <summary>Fills with U(a, b), as <c>nn.init.uniform_</c>.</summary>
    public static Tensor Uniform_(Tensor tensor, double a = 0, double b = 1, Generator? generator = null)
    {
        var g = generator ?? Generator.Default;
        return Fill(tensor, f => g.Uniform(f, a, b), d => g.Uniform(d, a, b));
    }

    /// <summary>Fills with N(mean, std²), as <c>nn.init.normal_</c>.</summary>
    public static Tensor Normal_(Tensor tensor, double mean = 0, double std = 1, Generator? generator = null)
    {
        var g = generator ?? Generator.Default;
        return Fill(tensor, f => g.Normal(f, mean, std), d => g.Normal(d, mean, std));
    }

    /// <summary>Fills with one value, as <c>nn.init.constant_</c>.</summary>
    public static Tensor Constant_(Tensor tensor, double value)
    {
        tensor.FillRaw(value);
        tensor.storage.Version++;
        return tensor;
    }

    /// <summary>Fills with zeros, as <c>nn.init.zeros_</c>.</summary>
    public static Tensor Zeros_(Tensor tensor) => Constant_(tensor, 0);

    /// <summary>Fills with ones, as <c>nn.init.ones_</c>.</summary>
    public static Tensor Ones_(Tensor tensor) => Constant_(tensor, 1);

    /// <summary>Glorot uniform: U(−a, a) with a = gain·√(6 / (fan_in + fan_out)), as <c>nn.init.xavier_uniform_</c>.</summary>
    public static Tensor XavierUniform_(Tensor tensor, double gain = 1, Generator? generator = null)
    {
        var (fanIn, fanOut) = CalculateFanInAndFanOut(tensor);
        double std = gain * Math.Sqrt(2.0 / (fanIn + fanOut));
        double a = Math.Sqrt(3.0) * std;
        return Uniform_(tensor, -a, a, generator);
    }

    /// <summary>Glorot normal: N(0, gain²·2 / (fan_in + fan_out)), as <c>nn.init.xavier_normal_</c>.</summary>
    public static Tensor XavierNormal_(Tensor tensor, double gain = 1, Generator? generator = null)
    {
        var (fanIn, fanOut) = CalculateFanInAndFanOut(tensor);
        return Normal_(tensor, 0, gain * Math.Sqrt(2.0 / (fanIn + fanOut)), generator);
    }

    /// <summary>
    /// He uniform: U(−b, b) with b = gain·√(3 / fan), gain from <paramref name="nonlinearity"/> and slope
    /// <paramref name="a"/>, as <c>nn.init.kaiming_uniform_</c> (nn.Linear uses a = √5).
    /// </summary>
    public static Tensor KaimingUniform_(Tensor tensor, double a = 0, string mode = "fan_in", string nonlinearity = "leaky_relu",
        Generator? generator = null)
    {
        if (tensor.Numel == 0) { Warnings.Warn("Initializing zero-element tensors is a no-op"); return tensor; }
        double std = CalculateGain(nonlinearity, a) / Math.Sqrt(CorrectFan(tensor, mode));
        double bound = Math.Sqrt(3.0) * std;
        return Uniform_(tensor, -bound, bound, generator);
    }

    /// <summary>He normal: N(0, gain² / fan), as <c>nn.init.kaiming_normal_</c>.</summary>
    public static Tensor KaimingNormal_(Tensor tensor, double a = 0, string mode = "fan_in", string nonlinearity = "leaky_relu",
        Generator? generator = null)
    {
        if (tensor.Numel == 0) { Warnings.Warn("Initializing zero-element tensors is a no-op"); return tensor; }
        double std = CalculateGain(nonlinearity, a) / Math.Sqrt(CorrectFan(tensor, mode));
        return Normal_(tensor, 0, std, generator);
    }

    /// <summary>
    /// The recommended gain for a nonlinearity (<c>nn.functional</c> name), as <c>nn.init.calculate_gain</c>:
    /// 1 for linear/conv/sigmoid, 5/3 for tanh, √2 for relu, √(2/(1+slope²)) for leaky_relu, 3/4 for selu.
    /// </summary>
    public static double CalculateGain(string nonlinearity, double? param = null) => nonlinearity switch
    {
        "linear" or "conv1d" or "conv2d" or "conv3d" or "conv_transpose1d" or "conv_transpose2d" or "conv_transpose3d" or "sigmoid" => 1,
        "tanh" => 5.0 / 3,
        "relu" => Math.Sqrt(2.0),
        "leaky_relu" => Math.Sqrt(2.0 / (1 + Math.Pow(param ?? 0.01, 2))),
        "selu" => 3.0 / 4,
        _ => throw new ArgumentException($"Unsupported nonlinearity {nonlinearity}"),
    };

    /// <summary>(fan_in, fan_out) of a weight: dims 1 and 0 times the receptive field size, as PyTorch computes them.</summary>
    public static (int FanIn, int FanOut) CalculateFanInAndFanOut(Tensor tensor)
    {
        if (tensor.Dim < 2)
            throw new ArgumentException("Fan in and fan out can not be computed for tensor with fewer than 2 dimensions");
        int receptive = 1;
        for (int i = 2; i < tensor.Dim; i++) receptive *= tensor.shape[i];
        return (tensor.shape[1] * receptive, tensor.shape[0] * receptive);
    }

    private static int CorrectFan(Tensor tensor, string mode)
    {
        var m = mode.ToLowerInvariant();
        if (m is not ("fan_in" or "fan_out"))
            throw new ArgumentException($"Mode {m} not supported, please use one of ['fan_in', 'fan_out']");
        var (fanIn, fanOut) = CalculateFanInAndFanOut(tensor);
        return m == "fan_in" ? fanIn : fanOut;
    }

    /// <summary>Runs a span fill on the tensor's elements (through a contiguous copy for strided views) and bumps its version.</summary>
    private static Tensor Fill(Tensor tensor, SpanAction<float> f, SpanAction<double> d)
    {
        if (!tensor.IsFloatingPoint) throw new ArgumentException($"random initialisation needs a floating-point tensor, got {tensor.DType}");
        var target = tensor.IsContiguous ? tensor : Torch.Empty(tensor.shape, tensor.DType);
        if (tensor.DType == DType.Float32) f(target.Span<float>());
        else d(target.Span<double>());
        if (!ReferenceEquals(target, tensor)) tensor.WriteFrom(target);
        else tensor.storage.Version++;
        return tensor;
    }

    private delegate void SpanAction<T>(Span<T> span);
}
