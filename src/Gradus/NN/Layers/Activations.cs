namespace Gradus.NN;

/// <summary>max(x, 0), as <c>nn.ReLU(inplace)</c>.</summary>
public sealed class ReLU(bool inplace = false) : Module
{
    /// <summary>Whether the forward overwrites its input.</summary>
    public bool Inplace { get; } = inplace;

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => F.Relu(input, Inplace);

    /// <inheritdoc/>
    public override string ExtraRepr() => Inplace ? "inplace=True" : "";
}

/// <summary>x for x &gt; 0, else negativeSlope·x, as <c>nn.LeakyReLU</c>.</summary>
public sealed class LeakyReLU(double negativeSlope = 0.01, bool inplace = false) : Module
{
    /// <summary>The slope for negative inputs.</summary>
    public double NegativeSlope { get; } = negativeSlope;

    /// <summary>Whether the forward overwrites its input.</summary>
    public bool Inplace { get; } = inplace;

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => F.LeakyRelu(input, NegativeSlope, Inplace);

    /// <inheritdoc/>
    public override string ExtraRepr() => $"negative_slope={PyRepr.Float(NegativeSlope)}{InplaceRepr.Suffix(Inplace)}";
}

/// <summary>x for x &gt; 0, else α(eˣ − 1), as <c>nn.ELU</c>.</summary>
public sealed class ELU(double alpha = 1.0, bool inplace = false) : Module
{
    /// <summary>The scale of the negative part.</summary>
    public double Alpha { get; } = alpha;

    /// <summary>Whether the forward overwrites its input.</summary>
    public bool Inplace { get; } = inplace;

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => F.Elu(input, Alpha, Inplace);

    /// <inheritdoc/>
    public override string ExtraRepr() => $"alpha={PyRepr.Float(Alpha)}{InplaceRepr.Suffix(Inplace)}";
}

/// <summary>x·Φ(x) (erf form, or "tanh" approximation), as <c>nn.GELU</c>.</summary>
public sealed class GELU(string approximate = "none") : Module
{
    /// <summary>"none" for the exact erf form, "tanh" for the approximation.</summary>
    public string Approximate { get; } = approximate is "none" or "tanh" ? approximate
        : throw new ArgumentException($"approximate argument must be either none or tanh, got '{approximate}'");

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => F.Gelu(input, Approximate);

    /// <inheritdoc/>
    public override string ExtraRepr() => $"approximate='{Approximate}'";
}

/// <summary>x·σ(x), as <c>nn.SiLU(inplace)</c>.</summary>
public sealed class SiLU(bool inplace = false) : Module
{
    /// <summary>Whether the forward overwrites its input.</summary>
    public bool Inplace { get; } = inplace;

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => F.Silu(input, Inplace);

    /// <inheritdoc/>
    public override string ExtraRepr() => Inplace ? "inplace=True" : "";
}

/// <summary>x clamped to [minVal, maxVal], as <c>nn.Hardtanh</c>; maxVal must exceed minVal.</summary>
public sealed class Hardtanh : Module
{
    private readonly bool intBounds;

    /// <summary>Float bounds, printed as Python floats (<c>min_val=-1.0</c>).</summary>
    public Hardtanh(double minVal = -1.0, double maxVal = 1.0, bool inplace = false)
    {
        if (!(maxVal > minVal))
            throw new ArgumentException($"Hardtanh: max_val ({PyRepr.Float(maxVal)}) must be greater than min_val ({PyRepr.Float(minVal)})");
        (MinVal, MaxVal, Inplace) = (minVal, maxVal, inplace);
    }

    /// <summary>Integer bounds, printed as Python ints (<c>min_val=-2</c>), as PyTorch keeps the numbers it is given.</summary>
    public Hardtanh(int minVal, int maxVal, bool inplace = false) : this((double)minVal, maxVal, inplace) => intBounds = true;

    /// <summary>The lower bound.</summary>
    public double MinVal { get; }

    /// <summary>The upper bound.</summary>
    public double MaxVal { get; }

    /// <summary>Whether the forward overwrites its input.</summary>
    public bool Inplace { get; }

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => F.Hardtanh(input, MinVal, MaxVal, Inplace);

    /// <inheritdoc/>
    public override string ExtraRepr() =>
        $"min_val={PyRepr.Number(MinVal, intBounds)}, max_val={PyRepr.Number(MaxVal, intBounds)}{InplaceRepr.Suffix(Inplace)}";
}

/// <summary>min(max(x, 0), 6), as <c>nn.ReLU6(inplace)</c> (a hardtanh from 0 to 6).</summary>
public sealed class ReLU6(bool inplace = false) : Module
{
    /// <summary>Whether the forward overwrites its input.</summary>
    public bool Inplace { get; } = inplace;

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => F.Relu6(input, Inplace);

    /// <inheritdoc/>
    public override string ExtraRepr() => Inplace ? "inplace=True" : "";
}

/// <summary>The ", inplace=True" tail PyTorch appends to an activation's repr when it works in place.</summary>
internal static class InplaceRepr
{
    public static string Suffix(bool inplace) => inplace ? ", inplace=True" : "";
}

/// <summary>1 / (1 + e⁻ˣ), as <c>nn.Sigmoid</c>.</summary>
public sealed class Sigmoid : Module
{
    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => input.Sigmoid();
}

/// <summary>Hyperbolic tangent, as <c>nn.Tanh</c>.</summary>
public sealed class Tanh : Module
{
    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => input.Tanh();
}

/// <summary>log(1 + e^(βx))/β, linear above the threshold, as <c>nn.Softplus</c>.</summary>
public sealed class Softplus(double beta = 1, double threshold = 20) : Module
{
    /// <summary>The sharpness β.</summary>
    public double Beta { get; } = beta;

    /// <summary>Above βx = threshold the output is x itself.</summary>
    public double Threshold { get; } = threshold;

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => F.Softplus(input, Beta, Threshold);

    /// <inheritdoc/>
    public override string ExtraRepr() => $"beta={PyRepr.IntOrFloat(Beta)}, threshold={PyRepr.IntOrFloat(Threshold)}";
}

/// <summary>Softmax along a dim, as <c>nn.Softmax(dim)</c>; without one, PyTorch's deprecated implicit dim at each call.</summary>
public sealed class Softmax(int? dim = null) : Module
{
    /// <summary>The dim that sums to one; null for the implicit choice, as <c>dim=None</c>.</summary>
    public int? Dimension { get; } = dim;

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => F.Softmax(input, Dimension);

    /// <inheritdoc/>
    public override string ExtraRepr() => $"dim={PyRepr.Optional(Dimension)}";
}

/// <summary>Log-softmax along a dim, as <c>nn.LogSoftmax(dim)</c>; without one, PyTorch's deprecated implicit dim at each call.</summary>
public sealed class LogSoftmax(int? dim = null) : Module
{
    /// <summary>The dim normalised over; null for the implicit choice, as <c>dim=None</c>.</summary>
    public int? Dimension { get; } = dim;

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => F.LogSoftmax(input, Dimension);

    /// <inheritdoc/>
    public override string ExtraRepr() => $"dim={PyRepr.Optional(Dimension)}";
}
