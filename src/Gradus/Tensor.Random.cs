using Gradus.Random;

namespace Gradus;

public partial class Tensor
{
    /// <summary>Fills this tensor with uniform samples in [from, to), as <c>uniform_</c>.</summary>
    public Tensor Uniform_(double from = 0, double to = 1, Generator? generator = null) =>
        FillRandom((g, f) => g.Uniform(f, from, to), (g, d) => g.Uniform(d, from, to), generator, "uniform_", "UniformBackward0");

    /// <summary>Fills this tensor with normal samples, as <c>normal_(mean, std)</c>.</summary>
    public Tensor Normal_(double mean = 0, double std = 1, Generator? generator = null)
    {
        bool contiguous = IsContiguous;
        return FillRandom((g, f) => g.Normal(f, mean, std, contiguous), (g, d) => g.Normal(d, mean, std, contiguous), generator, "normal_", "NormalBackward0");
    }

    /// <summary>Fills this tensor with 0/1 samples that are 1 with probability <paramref name="p"/>, as <c>bernoulli_(p)</c>.</summary>
    public Tensor Bernoulli_(double p = 0.5, Generator? generator = null) =>
        FillRandom((g, f) => g.Bernoulli(f, p), (g, d) => g.Bernoulli(d, p), generator, "bernoulli_", "BernoulliBackward2");

    private delegate void FloatFill(Generator g, Span<float> dst);

    private delegate void DoubleFill(Generator g, Span<double> dst);

    /// <summary>
    /// Samples into a contiguous buffer in the order PyTorch's TensorIterator visits memory (dims sorted by
    /// descending stride, so a transposed view fills its storage sequentially) and writes it in; a tensor with
    /// history gets a <paramref name="node"/> passing a zero gradient back.
    /// </summary>
    private Tensor FillRandom(FloatFill f32, DoubleFill f64, Generator? generator, string op, string node)
    {
        if (!IsFloatingPoint) throw new ArgumentException($"{op} expects a floating point tensor, got {DType}");
        bool record = CheckInPlace();
        var g = generator ?? Generator.Default;
        var order = Enumerable.Range(0, Dim).OrderByDescending(d => strides[d]).ToArray();
        var view = Detach().Permute(order);
        var target = view.IsContiguous ? view : Torch.Empty(view.shape, DType);
        if (DType == DType.Float32) f32(g, target.Span<float>());
        else f64(g, target.Span<double>());
        if (!ReferenceEquals(target, view)) view.WriteFrom(target);
        else storage.Version++;
        if (record) RecordOverwrite(node);
        return this;
    }
}
