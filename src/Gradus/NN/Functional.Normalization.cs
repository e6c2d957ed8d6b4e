using Gradus.Ops;

namespace Gradus.NN;

public static partial class F
{
    /// <summary>
    /// Batch normalisation over dim 1 of an [N, C, *] input, as <c>F.batch_norm</c>. In training the batch's
    /// statistics normalise and, when given, the running statistics move towards them by
    /// <paramref name="momentum"/> (the variance with Bessel's correction); otherwise the running statistics normalise.
    /// </summary>
    public static Tensor BatchNorm(Tensor input, Tensor? runningMean, Tensor? runningVar, Tensor? weight = null, Tensor? bias = null,
        bool training = false, double momentum = 0.1, double eps = 1e-5)
    {
        if (input.Dim < 2) throw new ArgumentException($"batch_norm: expected an input with at least 2 dims (N, C, ...), got {input.Dim}D input");
        int c = input.shape[1];
        CheckChannels("weight", weight, c);
        CheckChannels("bias", bias, c);
        CheckChannels("running_mean", runningMean, c);
        CheckChannels("running_var", runningVar, c);
        if (training)
        {
            long perChannel = input.Numel / Math.Max(c, 1);
            if (perChannel == 1)
                throw new ArgumentException($"Expected more than 1 value per channel when training, got input size {input.Shape}");
            var y = Normalization.BatchNormTraining(input, weight, bias, eps, out var mean, out var variance);
            double count = perChannel;
            if (runningMean is not null) UpdateRunning(runningMean, mean, momentum, 1.0);
            if (runningVar is not null) UpdateRunning(runningVar, variance, momentum, count / (count - 1));
            return y;
        }
        if (runningMean is null || runningVar is null)
            throw new ArgumentException("running_mean and running_var must be defined in evaluation mode");
        var (_, shapeC) = Normalization.Layout(input);
        var outp = (input - runningMean.Detach().Reshape(shapeC)) * (runningVar.Detach().Reshape(shapeC) + eps).Pow(-0.5);
        if (weight is not null) outp = outp * weight.Reshape(shapeC);
        if (bias is not null) outp = outp + bias.Reshape(shapeC);
        return outp;
    }

    private static void CheckChannels(string name, Tensor? t, int channels)
    {
        if (t is not null && t.Numel != channels)
            throw new ArgumentException($"{name} should contain {channels} elements not {t.Numel}");
    }

    /// <summary>running = (1 − momentum)·running + momentum·stat·correction, in place and unrecorded.</summary>
    private static void UpdateRunning(Tensor running, double[] stat, double momentum, double correction)
    {
        var cur = running.ToArray<double>();
        var next = Torch.FromArray(cur.Select((r, i) => (1 - momentum) * r + momentum * stat[i] * correction).ToArray());
        running.WriteFrom(next.Reshape(running.shape));
    }
}
