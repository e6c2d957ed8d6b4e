using Gradus.Plots;
using Gradus.Random;

namespace Gradus.Cli.Descent;

/// <summary>One run of gradient descent: the final parameters, the path over the loss surface and the loss after each epoch.</summary>
internal sealed record DescentRun(string Label, double LearningRate, int BatchSize, double B, double W, DescentPath Path, double[] EpochLosses);

/// <summary>
/// Gradient descent on y = b + w x with the gradients written out by hand (the course's steps 1 to 4): batch when the
/// batch size covers the data, otherwise mini-batch or stochastic over a fresh shuffle each epoch.
/// </summary>
internal static class HandDescent
{
    /// <summary>
    /// Runs <paramref name="epochs"/> epochs from (<paramref name="b"/>, <paramref name="w"/>); mini-batches are drawn
    /// from <paramref name="shuffle"/>'s permutations. Stops early if the parameters stop being finite (divergence).
    /// </summary>
    public static DescentRun Run(SimpleRegression data, double b, double w, double learningRate, int epochs, int batchSize,
        RandomState shuffle, string label)
    {
        int n = data.XTrain.Length;
        int size = Math.Min(batchSize, n);
        var path = new List<(double B, double W)> { (b, w) };
        var losses = new List<double>();
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            long[] order = size >= n ? [.. Enumerable.Range(0, n).Select(i => (long)i)] : shuffle.Permutation(n);
            for (int start = 0; start < n; start += size)
            {
                long[] batch = order[start..Math.Min(start + size, n)];
                double[] x = [.. batch.Select(i => data.XTrain[i])];
                double[] y = [.. batch.Select(i => data.YTrain[i])];
                var (bGrad, wGrad) = SimpleRegression.Gradient(x, y, b, w);
                b -= learningRate * bGrad;
                w -= learningRate * wGrad;
                if (!double.IsFinite(b) || !double.IsFinite(w)) return Finish();
                path.Add((b, w));
            }
            losses.Add(data.Loss(b, w));
        }
        return Finish();

        DescentRun Finish() => new(label, learningRate, size, b, w, DescentPath.FromPoints(label, path), [.. losses]);
    }
}
