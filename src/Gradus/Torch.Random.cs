using Gradus.Random;

namespace Gradus;

public static partial class Torch
{
    /// <summary>Reseeds the default generator, as <c>torch.manual_seed(seed)</c>.</summary>
    public static Generator ManualSeed(long seed) => Generator.Default.ManualSeed(seed);

    /// <summary>Uniform samples in [0, 1), as <c>torch.rand(*shape)</c>.</summary>
    public static Gradus.Tensor Rand(params int[] shape) => Rand(shape, DType.Float32);

    /// <summary>Uniform samples in [0, 1) of a dtype from a generator (the default one when null).</summary>
    public static Gradus.Tensor Rand(int[] shape, DType dtype, Generator? generator = null, bool requiresGrad = false)
        => Finish(Empty(shape, dtype).Uniform_(0, 1, generator), requiresGrad);

    /// <summary>Standard normal samples, as <c>torch.randn(*shape)</c>.</summary>
    public static Gradus.Tensor Randn(params int[] shape) => Randn(shape, DType.Float32);

    /// <summary>Standard normal samples of a dtype from a generator (the default one when null).</summary>
    public static Gradus.Tensor Randn(int[] shape, DType dtype, Generator? generator = null, bool requiresGrad = false)
        => Finish(Empty(shape, dtype).Normal_(0, 1, generator), requiresGrad);

    /// <summary>Normal samples with a mean and standard deviation, as <c>torch.normal(mean, std, size)</c>.</summary>
    public static Gradus.Tensor Normal(double mean, double std, int[] shape, DType dtype = DType.Float32, Generator? generator = null)
        => Empty(shape, dtype).Normal_(mean, std, generator);

    /// <summary>Uniform samples like <paramref name="like"/>, as <c>torch.rand_like</c>.</summary>
    public static Gradus.Tensor RandLike(Gradus.Tensor like, Generator? generator = null) => Rand(like.shape, like.DType, generator);

    /// <summary>Normal samples like <paramref name="like"/>, as <c>torch.randn_like</c>.</summary>
    public static Gradus.Tensor RandnLike(Gradus.Tensor like, Generator? generator = null) => Randn(like.shape, like.DType, generator);

    /// <summary>Integers in [low, high) as int64, as <c>torch.randint(low, high, size)</c>.</summary>
    public static Gradus.Tensor Randint(long low, long high, int[] shape, Generator? generator = null)
    {
        var t = Empty(shape, DType.Int64);
        (generator ?? Generator.Default).RandomInt(t.Span<long>(), low, high);
        return t;
    }

    /// <summary>Integers in [0, high) as int64, as <c>torch.randint(high, size)</c>.</summary>
    public static Gradus.Tensor Randint(long high, int[] shape, Generator? generator = null) => Randint(0, high, shape, generator);

    /// <summary>A random permutation of 0..n-1 as int64, as <c>torch.randperm(n)</c>.</summary>
    public static Gradus.Tensor Randperm(int n, Generator? generator = null)
    {
        var perm = (generator ?? Generator.Default).Randperm(n);
        return new Gradus.Tensor(perm, [n], DType.Int64);
    }

    /// <summary>0/1 samples with the given probabilities, as <c>torch.bernoulli(p)</c>.</summary>
    public static Gradus.Tensor Bernoulli(Gradus.Tensor p, Generator? generator = null)
    {
        var probs = p.Detach().Contiguous();
        var r = Empty(p.shape, DTypes.ToFloat(p.DType));
        var g = generator ?? Generator.Default;
        if (r.DType == DType.Float32) g.Bernoulli(r.Span<float>(), probs.Float().Span<float>());
        else g.Bernoulli(r.Span<double>(), probs.Span<double>());
        return r;
    }

    /// <summary>
    /// Indices sampled from the rows of <paramref name="probs"/> (unnormalised weights), as
    /// <c>torch.multinomial(probs, num_samples, replacement)</c>.
    /// </summary>
    public static Gradus.Tensor Multinomial(Gradus.Tensor probs, int numSamples, bool replacement = false, Generator? generator = null)
    {
        if (probs.Dim is < 1 or > 2) throw new ArgumentException($"prob_dist must be 1 or 2 dim, got {probs.Dim}");
        var w = probs.Detach().To(DTypes.ToFloat(probs.DType)).Contiguous();
        var g = generator ?? Generator.Default;
        int rows = probs.Dim == 1 ? 1 : probs.shape[0];
        var idx = w.DType == DType.Float32
            ? (probs.Dim == 1 ? g.Multinomial(w.Span<float>(), numSamples, replacement) : g.Multinomial(w.Span<float>(), rows, numSamples, replacement))
            : (probs.Dim == 1 ? g.Multinomial(w.Span<double>(), numSamples, replacement) : g.Multinomial(w.Span<double>(), rows, numSamples, replacement));
        return new Gradus.Tensor(idx, probs.Dim == 1 ? [numSamples] : [rows, numSamples], DType.Int64);
    }
}
