using Gradus.Random;

namespace Gradus.NN;

/// <summary>
/// Zeroes elements with probability <see cref="P"/> in training and scales the rest by 1/(1 − p), as
/// <c>nn.Dropout</c>; does nothing in eval mode.
/// </summary>
public sealed class Dropout : Module
{
    private readonly Generator? generator;

    /// <summary>
    /// Creates the layer; the mask comes from <paramref name="generator"/> or <see cref="Generator.Default"/>, and with
    /// <paramref name="inplace"/> the forward multiplies its input by the mask in place.
    /// </summary>
    public Dropout(double p = 0.5, Generator? generator = null, bool inplace = false)
    {
        if (!(p >= 0 && p <= 1))
            throw new ArgumentException($"dropout probability has to be between 0 and 1, but got {PyRepr.Float(p)}");
        P = p;
        Inplace = inplace;
        this.generator = generator;
    }

    /// <summary>The probability of zeroing an element.</summary>
    public double P { get; }

    /// <summary>Whether the forward overwrites its input.</summary>
    public bool Inplace { get; }

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => F.Dropout(input, P, Training, generator, Inplace);

    /// <inheritdoc/>
    public override string ExtraRepr() => $"p={PyRepr.Float(P)}, inplace={(Inplace ? "True" : "False")}";
}
