using Gradus.Random;

namespace Gradus.NN;

/// <summary>
/// y = x·Wᵀ + b, as <c>nn.Linear(in_features, out_features, bias)</c>. Initialised as PyTorch does
/// (kaiming_uniform_ with a = √5, then the bias from U(±1/√fan_in)), drawing from the default generator in
/// PyTorch's order, so <c>Torch.ManualSeed(42); new Linear(1, 1)</c> gives weight 0.7645, bias 0.8300.
/// </summary>
public class Linear : Module
{
    private readonly Parameter weight;
    private readonly Parameter? bias;

    /// <summary>Creates the layer; parameters are drawn from <paramref name="generator"/> (default: <see cref="Generator.Default"/>).</summary>
    public Linear(int inFeatures, int outFeatures, bool bias = true, Generator? generator = null)
    {
        if (inFeatures < 0 || outFeatures < 0)
            throw new ArgumentException($"Linear: in_features and out_features must be non-negative, got {inFeatures} and {outFeatures}");
        InFeatures = inFeatures;
        OutFeatures = outFeatures;
        weight = new Parameter(Torch.Empty([outFeatures, inFeatures]));
        this.bias = bias ? new Parameter(Torch.Empty([outFeatures])) : null;
        ResetParameters(generator);
    }

    /// <summary>The lazy form (<see cref="LazyLinear"/>): in_features 0 and uninitialized parameters until the first call.</summary>
    private protected Linear(int outFeatures, bool bias)
    {
        if (outFeatures < 0)
            throw new ArgumentException($"LazyLinear: out_features must be non-negative, got {outFeatures}");
        OutFeatures = outFeatures;
        weight = Parameter.Uninitialized();
        this.bias = bias ? Parameter.Uninitialized() : null;
    }

    /// <summary>The size of each input sample.</summary>
    public int InFeatures { get; private protected set; }

    /// <summary>The size of each output sample.</summary>
    public int OutFeatures { get; }

    /// <summary>The [out_features, in_features] weight.</summary>
    public Parameter Weight => weight;

    /// <summary>The [out_features] bias, or null.</summary>
    public Parameter? Bias => bias;

    /// <summary>Draws new weights and bias as at construction, as <c>reset_parameters()</c> (a no-op while a lazy layer's weight is uninitialized).</summary>
    public void ResetParameters(Generator? generator = null)
    {
        if (!weight.IsUninitialized) ResetAffine(weight, bias, generator);
    }

    /// <summary>PyTorch's default init of linear and convolution layers: kaiming_uniform_(a = √5), bias from U(±1/√fan_in).</summary>
    internal static void ResetAffine(Tensor weight, Tensor? bias, Generator? generator)
    {
        Init.KaimingUniform_(weight, a: Math.Sqrt(5), generator: generator);
        if (bias is null) return;
        var (fanIn, _) = Init.CalculateFanInAndFanOut(weight);
        double bound = fanIn > 0 ? 1 / Math.Sqrt(fanIn) : 0;
        Init.Uniform_(bias, -bound, bound, generator);
    }

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => F.Linear(input, weight, bias);

    /// <inheritdoc/>
    public override string ExtraRepr() => $"in_features={InFeatures}, out_features={OutFeatures}, bias={PyRepr.Bool(bias is not null)}";
}
