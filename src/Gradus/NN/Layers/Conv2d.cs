using Gradus.Random;

namespace Gradus.NN;

/// <summary>
/// 2-D convolution over [N, C, H, W] inputs, as <c>nn.Conv2d</c>, with stride, zero padding (sizes, "same" or "valid"), dilation and groups;
/// weight [out, in/groups, kh, kw] initialised as PyTorch does (kaiming_uniform_ with a = √5, bias from U(±1/√fan_in)).
/// </summary>
public sealed class Conv2d : Module
{
    private readonly Parameter weight;
    private readonly Parameter? bias;
    private readonly Pair kernel, stride, dilation;

    /// <summary>A convolution with square kernel, stride and dilation; padding an int, a pair, <c>"same"</c> or <c>"valid"</c>.</summary>
    public Conv2d(int inChannels, int outChannels, int kernelSize, int stride = 1, ConvPadding padding = default, int dilation = 1, int groups = 1,
        bool bias = true, Generator? generator = null)
        : this(inChannels, outChannels, Pair.Of(kernelSize), Pair.Of(stride), padding, Pair.Of(dilation), groups, bias, generator) { }

    /// <summary>A convolution with (height, width) kernel, stride, padding and dilation (padding may also be <c>"same"</c> or <c>"valid"</c>).</summary>
    public Conv2d(int inChannels, int outChannels, (int H, int W) kernelSize, (int H, int W)? stride = null, ConvPadding? padding = null,
        (int H, int W)? dilation = null, int groups = 1, bool bias = true, Generator? generator = null)
        : this(inChannels, outChannels, Pair.Of(kernelSize), Pair.Of(stride ?? (1, 1)), padding ?? default, Pair.Of(dilation ?? (1, 1)),
            groups, bias, generator) { }

    private Conv2d(int inChannels, int outChannels, Pair kernel, Pair stride, ConvPadding padding, Pair dilation, int groups, bool bias,
        Generator? generator)
    {
        if (groups <= 0) throw new ArgumentException("groups must be a positive integer");
        if (inChannels % groups != 0) throw new ArgumentException("in_channels must be divisible by groups");
        if (outChannels % groups != 0) throw new ArgumentException("out_channels must be divisible by groups");
        padding.Check(stride.Tuple, module: true);
        InChannels = inChannels;
        OutChannels = outChannels;
        Groups = groups;
        (this.kernel, this.stride, Padding, this.dilation) = (kernel, stride, padding, dilation);
        weight = new Parameter(Torch.Empty([outChannels, inChannels / groups, kernel.H, kernel.W]));
        this.bias = bias ? new Parameter(Torch.Empty([outChannels])) : null;
        ResetParameters(generator);
    }

    /// <summary>Channels of the input.</summary>
    public int InChannels { get; }

    /// <summary>Channels of the output (number of filters).</summary>
    public int OutChannels { get; }

    /// <summary>The number of blocked connections from input to output channels.</summary>
    public int Groups { get; }

    /// <summary>The kernel's (height, width).</summary>
    public (int H, int W) KernelSize => kernel.Tuple;

    /// <summary>The step between windows.</summary>
    public (int H, int W) Stride => stride.Tuple;

    /// <summary>The zero padding added on each side: (rows, columns), or the string <c>"same"</c> or <c>"valid"</c>.</summary>
    public ConvPadding Padding { get; }

    /// <summary>The spacing between kernel elements.</summary>
    public (int H, int W) Dilation => dilation.Tuple;

    /// <summary>The [out, in/groups, kh, kw] filters.</summary>
    public Parameter Weight => weight;

    /// <summary>The [out] bias, or null.</summary>
    public Parameter? Bias => bias;

    /// <summary>Draws new weights and bias as at construction, as <c>reset_parameters()</c>.</summary>
    public void ResetParameters(Generator? generator = null) => Linear.ResetAffine(weight, bias, generator);

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => F.Conv2d(input, weight, bias, Stride, Padding, Dilation, Groups);

    /// <inheritdoc/>
    public override string ExtraRepr()
    {
        var s = $"{InChannels}, {OutChannels}, kernel_size={kernel.AsTuple()}, stride={stride.AsTuple()}";
        if (Padding != default) s += $", padding={Padding}";
        if (dilation.Tuple != (1, 1)) s += $", dilation={dilation.AsTuple()}";
        if (Groups != 1) s += $", groups={Groups}";
        if (bias is null) s += ", bias=False";
        return s;
    }
}
