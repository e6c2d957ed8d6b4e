namespace Gradus.NN;

/// <summary>softmax(−x) along a dim, as <c>nn.Softmin(dim)</c>; without one, PyTorch's deprecated implicit dim at each call.</summary>
public sealed class Softmin(int? dim = null) : Module
{
    /// <summary>The dim that sums to one; null for the implicit choice, as <c>dim=None</c>.</summary>
    public int? Dimension { get; } = dim;

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => F.Softmin(input, Dimension);

    /// <inheritdoc/>
    public override string ExtraRepr() => $"dim={PyRepr.Optional(Dimension)}";
}

/// <summary>log σ(x), as <c>nn.LogSigmoid</c>.</summary>
public sealed class LogSigmoid : Module
{
    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => F.Logsigmoid(input);
}

/// <summary>x / (1 + |x|), as <c>nn.Softsign</c>.</summary>
public sealed class Softsign : Module
{
    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => F.Softsign(input);
}

/// <summary>x − tanh(x), as <c>nn.Tanhshrink</c>.</summary>
public sealed class Tanhshrink : Module
{
    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => F.Tanhshrink(input);
}

/// <summary>x·tanh(softplus(x)), as <c>nn.Mish(inplace)</c>.</summary>
public sealed class Mish(bool inplace = false) : Module
{
    /// <summary>Whether the forward overwrites its input.</summary>
    public bool Inplace { get; } = inplace;

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => F.Mish(input, Inplace);

    /// <inheritdoc/>
    public override string ExtraRepr() => Inplace ? "inplace=True" : "";
}

/// <summary>relu6(x + 3)/6, as <c>nn.Hardsigmoid(inplace)</c> (whose repr, as PyTorch's, never shows inplace).</summary>
public sealed class Hardsigmoid(bool inplace = false) : Module
{
    /// <summary>Whether the forward overwrites its input.</summary>
    public bool Inplace { get; } = inplace;

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => F.Hardsigmoid(input, Inplace);
}

/// <summary>x·relu6(x + 3)/6, as <c>nn.Hardswish(inplace)</c> (whose repr, as PyTorch's, never shows inplace).</summary>
public sealed class Hardswish(bool inplace = false) : Module
{
    /// <summary>Whether the forward overwrites its input.</summary>
    public bool Inplace { get; } = inplace;

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => F.Hardswish(input, Inplace);
}

/// <summary>scale·elu(x, α) with the self-normalising constants, as <c>nn.SELU(inplace)</c>.</summary>
public sealed class SELU(bool inplace = false) : Module
{
    /// <summary>Whether the forward overwrites its input.</summary>
    public bool Inplace { get; } = inplace;

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => F.Selu(input, Inplace);

    /// <inheritdoc/>
    public override string ExtraRepr() => Inplace ? "inplace=True" : "";
}

/// <summary>max(0, x) + min(0, α(e^(x/α) − 1)), as <c>nn.CELU(alpha, inplace)</c>.</summary>
public sealed class CELU : Module
{
    private readonly bool intAlpha;

    /// <summary>A float alpha, printed as a Python float (<c>alpha=1.0</c>).</summary>
    public CELU(double alpha = 1.0, bool inplace = false) => (Alpha, Inplace) = (alpha, inplace);

    /// <summary>An integer alpha, printed as a Python int (<c>alpha=2</c>), as PyTorch keeps the number it is given.</summary>
    public CELU(int alpha, bool inplace = false) : this((double)alpha, inplace) => intAlpha = true;

    /// <summary>The scale of the negative part (and the inverse scale of its input).</summary>
    public double Alpha { get; }

    /// <summary>Whether the forward overwrites its input.</summary>
    public bool Inplace { get; }

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => F.Celu(input, Alpha, Inplace);

    /// <inheritdoc/>
    public override string ExtraRepr() => $"alpha={PyRepr.Number(Alpha, intAlpha)}{InplaceRepr.Suffix(Inplace)}";
}

/// <summary>x − λ above λ, x + λ below −λ, else 0, as <c>nn.Softshrink(lambd)</c>.</summary>
public sealed class Softshrink : Module
{
    private readonly bool intLambd;

    /// <summary>A float λ, printed as a Python float (<c>Softshrink(0.5)</c>).</summary>
    public Softshrink(double lambd = 0.5) => Lambd = lambd;

    /// <summary>An integer λ, printed as a Python int (<c>Softshrink(1)</c>).</summary>
    public Softshrink(int lambd) : this((double)lambd) => intLambd = true;

    /// <summary>The half-width of the zeroed band.</summary>
    public double Lambd { get; }

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => F.Softshrink(input, Lambd);

    /// <inheritdoc/>
    public override string ExtraRepr() => PyRepr.Number(Lambd, intLambd);
}

/// <summary>x outside [−λ, λ], else 0, as <c>nn.Hardshrink(lambd)</c>.</summary>
public sealed class Hardshrink : Module
{
    private readonly bool intLambd;

    /// <summary>A float λ, printed as a Python float (<c>Hardshrink(0.5)</c>).</summary>
    public Hardshrink(double lambd = 0.5) => Lambd = lambd;

    /// <summary>An integer λ, printed as a Python int (<c>Hardshrink(2)</c>).</summary>
    public Hardshrink(int lambd) : this((double)lambd) => intLambd = true;

    /// <summary>The half-width of the zeroed band.</summary>
    public double Lambd { get; }

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => F.Hardshrink(input, Lambd);

    /// <inheritdoc/>
    public override string ExtraRepr() => PyRepr.Number(Lambd, intLambd);
}

/// <summary>value where x ≤ threshold, else x, as <c>nn.Threshold(threshold, value, inplace)</c>.</summary>
public sealed class Threshold : Module
{
    private readonly bool intArgs;

    /// <summary>Float settings, printed as Python floats (<c>threshold=0.5, value=-2.0</c>).</summary>
    public Threshold(double threshold, double value, bool inplace = false) => (ThresholdValue, Value, Inplace) = (threshold, value, inplace);

    /// <summary>Integer settings, printed as Python ints (<c>threshold=1, value=0</c>).</summary>
    public Threshold(int threshold, int value, bool inplace = false) : this((double)threshold, value, inplace) => intArgs = true;

    /// <summary>The value at or below which the input is replaced (PyTorch's <c>threshold</c>).</summary>
    public double ThresholdValue { get; }

    /// <summary>The replacement.</summary>
    public double Value { get; }

    /// <summary>Whether the forward overwrites its input.</summary>
    public bool Inplace { get; }

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => F.Threshold(input, ThresholdValue, Value, Inplace);

    /// <inheritdoc/>
    public override string ExtraRepr() =>
        $"threshold={PyRepr.Number(ThresholdValue, intArgs)}, value={PyRepr.Number(Value, intArgs)}{InplaceRepr.Suffix(Inplace)}";
}
