using Gradus.Optim.Schedulers;

namespace Gradus.Optim;

/// <summary>
/// The course's "choosing a learning rate" range test (StepByStep.lr_range_test): the rate grows from the
/// optimizer's current rate to <c>endLr</c> over <c>numIter</c> steps (exponentially or linearly), the
/// loss is smoothed exponentially, and parameters and optimizer state are restored afterwards.
/// </summary>
public static class LrRangeTest
{
    /// <summary>Runs the test; <paramref name="computeLoss"/> computes the loss of the next mini-batch.</summary>
    public static (double[] Lrs, double[] Losses) Run(Optimizer optimizer, Func<Tensor> computeLoss, double endLr,
        int numIter = 100, string stepMode = "exp", double alpha = 0.05)
    {
        if (stepMode is not ("exp" or "linear")) throw new ArgumentException($"step_mode must be 'exp' or 'linear', got '{stepMode}'");
        if (numIter <= 0) throw new ArgumentException($"num_iter must be positive, got {numIter}");
        var parameters = optimizer.ParamGroups.SelectMany(g => g.Params).ToList();
        var savedParams = parameters.Select(p => p.Detach().Clone()).ToList();
        var savedState = optimizer.StateDict();
        var savedLrs = optimizer.ParamGroups.Select(g => (g.Lr, g.InitialLr)).ToList();
        double startLr = optimizer.ParamGroups[0].Lr;
        Func<int, double> lrFn = stepMode == "exp"
            ? it => Math.Pow(endLr / startLr, it / (double)numIter)
            : it => (endLr - startLr) / startLr * (it / (double)numIter) + 1;
        var scheduler = new LambdaLR(optimizer, lrFn);
        var lrs = new List<double>();
        var losses = new List<double>();
        for (int it = 0; it < numIter; it++)
        {
            var loss = computeLoss();
            loss.Backward();
            lrs.Add(scheduler.GetLastLr()[0]);
            double l = loss.Item();
            losses.Add(it == 0 ? l : alpha * l + (1 - alpha) * losses[^1]);
            if (it == numIter - 1) break;
            optimizer.Step();
            scheduler.Step();
            optimizer.ZeroGrad();
        }
        optimizer.ZeroGrad();
        using (Torch.NoGrad())
            for (int i = 0; i < parameters.Count; i++) parameters[i].WriteFrom(savedParams[i]);
        optimizer.LoadStateDict(savedState);
        for (int i = 0; i < savedLrs.Count; i++) (optimizer.ParamGroups[i].Lr, optimizer.ParamGroups[i].InitialLr) = savedLrs[i];
        return (lrs.ToArray(), losses.ToArray());
    }
}
