using System.Numerics;
using Gradus.Kernels;

namespace Gradus.Optim;

/// <summary>
/// NAdam, as <c>torch.optim.NAdam</c> in PyTorch 1.13 (including its float32 <c>mu_product</c> state):
/// <code>
/// μt = β1(1 − ½·0.96^(t·ψ)), μt+1 likewise;  Πμ *= μt
/// p −= lr(1 − μt)/(1 − Πμ) · d/denom + lr·μt+1/(1 − Πμ·μt·μt+1) · m/denom,  denom = √(v/(1 − β2^t)) + eps
/// </code>
/// </summary>
public sealed class NAdam : Optimizer
{
    /// <summary>Creates NAdam with PyTorch's defaults.</summary>
    public NAdam(IEnumerable<Tensor> parameters, double lr = 2e-3, (double, double)? betas = null, double eps = 1e-8,
        double weightDecay = 0, double momentumDecay = 4e-3)
        : base(One(parameters), lr, weightDecay, 0, Adam.CheckBetas(betas ?? (0.9, 0.999), eps))
    {
        if (momentumDecay < 0) throw new ArgumentException($"Invalid momentum_decay value: {momentumDecay}");
        (Eps, MomentumDecay) = (eps, momentumDecay);
    }

    /// <summary>Term added to the denominator.</summary>
    public double Eps { get; }

    /// <summary>The momentum decay ψ.</summary>
    public double MomentumDecay { get; }

    /// <inheritdoc/>
    protected override void Update<T>(ParamGroup g, Tensor param, Tensor grad, Dictionary<string, Tensor> state)
    {
        var m = Buffer(state, "exp_avg", param).Span<T>();
        var v = Buffer(state, "exp_avg_sq", param).Span<T>();
        if (!state.TryGetValue("mu_product", out var muProductT)) state["mu_product"] = muProductT = Torch.Scalar(1);
        double step = NextStep(state);
        var (b1, b2) = g.Betas;
        double bc2 = 1 - Math.Pow(b2, step);
        double mu = b1 * (1 - 0.5 * Math.Pow(0.96, step * MomentumDecay));
        double muNext = b1 * (1 - 0.5 * Math.Pow(0.96, (step + 1) * MomentumDecay));
        ref float muProduct = ref muProductT.Data<float>()[muProductT.offset];
        muProduct *= (float)mu;
        float muProductNext = muProduct * (float)mu * (float)muNext;
        double gradCoef = -g.Lr * (1 - mu) / (1 - (double)muProduct);
        double avgCoef = -g.Lr * muNext / (1 - (double)muProductNext);
        OptimizerKernels.NAdam(param.Span<T>(), grad.Span<T>(), m, v, T.CreateChecked(b1), T.CreateChecked(1 - b1), T.CreateChecked(b2), T.CreateChecked(1 - b2), T.CreateChecked(bc2),
            T.CreateChecked(Eps), T.CreateChecked(g.WeightDecay), T.CreateChecked(gradCoef), T.CreateChecked(avgCoef));
    }
}
