using System.Numerics;

namespace Gradus.Ops;

/// <summary>
/// Batch normalisation over [N, C, *] inputs: one fused pass for the per-channel batch statistics and the
/// normalised output in training mode, with the gradient written in tensor ops (so it differentiates again).
/// </summary>
internal static class Normalization
{
    /// <summary>The dims a channel's statistics reduce over (all but dim 1) and the [1, C, 1, ...] shape of per-channel values.</summary>
    public static (int[] Dims, int[] ChannelShape) Layout(Tensor x)
    {
        var dims = Enumerable.Range(0, x.Dim).Where(d => d != 1).ToArray();
        var shape = Enumerable.Repeat(1, x.Dim).ToArray();
        shape[1] = x.shape[1];
        return (dims, shape);
    }

    /// <summary>
    /// Normalises with the batch's own mean and biased variance per channel, then scales and shifts. Returns the
    /// output and, through <paramref name="mean"/> and <paramref name="variance"/>, the batch mean and biased variance.
    /// </summary>
    public static Tensor BatchNormTraining(Tensor x, Tensor? weight, Tensor? bias, double eps, out double[] mean, out double[] variance)
    {
        int n = x.shape[0], c = x.shape[1];
        int spatial = n * c == 0 ? 0 : x.Numel / (n * c);
        var src = x.Detach().Contiguous();
        var w = weight?.ToArray<double>();
        var b = bias?.ToArray<double>();
        var y = Torch.Empty(x.shape, x.DType);
        mean = new double[c];
        variance = new double[c];
        if (x.DType == DType.Float32) Kernel<float>(src.Span<float>(), y.Span<float>(), n, c, spatial, w, b, eps, mean, variance);
        else Kernel<double>(src.Span<double>(), y.Span<double>(), n, c, spatial, w, b, eps, mean, variance);

        var inputs = new List<Tensor> { x };
        if (weight is not null) inputs.Add(weight);
        if (bias is not null) inputs.Add(bias);
        var batchMean = mean;
        var batchVar = variance;
        return Tensor.Record(y, "NativeBatchNormBackward0", inputs.ToArray(), g =>
        {
            if (!GradMode.IsEnabled && g.DType == x.DType) return FusedBackward(x, g, weight, bias, batchMean, batchVar, eps);
            var (dims, shapeC) = Layout(x);
            var mu = x.Mean(dims, keepDim: true);
            var xmu = x - mu;
            var invstd = ((xmu * xmu).Mean(dims, keepDim: true) + eps).Pow(-0.5);
            var xhat = xmu * invstd;
            var gy = weight is null ? g : g * weight.Reshape(shapeC);
            var grads = new List<Tensor?>
            {
                x.RequiresGrad ? invstd * (gy - gy.Mean(dims, keepDim: true) - xhat * (gy * xhat).Mean(dims, keepDim: true)) : null,
            };
            if (weight is not null) grads.Add(weight.RequiresGrad ? (g * xhat).Sum(dims) : null);
            if (bias is not null) grads.Add(bias.RequiresGrad ? g.Sum(dims) : null);
            return grads.ToArray();
        }, x);
    }

    /// <summary>The gradients of training-mode batch norm in two passes per channel (used when no higher-order graph is built).</summary>
    private static Tensor?[] FusedBackward(Tensor x, Tensor g, Tensor? weight, Tensor? bias, double[] mean, double[] variance, double eps)
    {
        int n = x.shape[0], c = x.shape[1];
        int spatial = x.Numel / (n * c);
        var xc = x.Detach().Contiguous();
        var gc = g.Detach().Contiguous();
        var w = weight?.ToArray<double>();
        var gx = Torch.Empty(x.shape, x.DType);
        var sumG = new double[c];
        var sumGXhat = new double[c];
        if (x.DType == DType.Float32)
            BackwardKernel<float>(xc.Span<float>(), gc.Span<float>(), gx.Span<float>(), n, c, spatial, w, eps, mean, variance, sumG, sumGXhat);
        else
            BackwardKernel<double>(xc.Span<double>(), gc.Span<double>(), gx.Span<double>(), n, c, spatial, w, eps, mean, variance, sumG, sumGXhat);
        var grads = new List<Tensor?> { x.RequiresGrad ? gx : null };
        if (weight is not null) grads.Add(weight.RequiresGrad ? Torch.FromArray(sumGXhat).To(weight.DType) : null);
        if (bias is not null) grads.Add(bias.RequiresGrad ? Torch.FromArray(sumG).To(bias.DType) : null);
        return grads.ToArray();
    }

    private static void BackwardKernel<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> g, Span<T> gx, int n, int c, int spatial, double[]? w, double eps,
        double[] mean, double[] variance, double[] sumG, double[] sumGXhat) where T : unmanaged, IFloatingPointIeee754<T>
    {
        double count = (double)n * spatial;
        for (int ch = 0; ch < c; ch++)
        {
            double invstd = 1 / Math.Sqrt(variance[ch] + eps), m = mean[ch], sg = 0, sgx = 0;
            for (int i = 0; i < n; i++)
            {
                int o = (i * c + ch) * spatial;
                for (int s = 0; s < spatial; s++)
                {
                    double gv = double.CreateTruncating(g[o + s]);
                    sg += gv;
                    sgx += gv * (double.CreateTruncating(x[o + s]) - m) * invstd;
                }
            }
            sumG[ch] = sg;
            sumGXhat[ch] = sgx;
            double scale = (w?[ch] ?? 1.0) * invstd, meanG = sg / count, meanGX = sgx / count;
            for (int i = 0; i < n; i++)
            {
                int o = (i * c + ch) * spatial;
                for (int s = 0; s < spatial; s++)
                {
                    double xhat = (double.CreateTruncating(x[o + s]) - m) * invstd;
                    gx[o + s] = T.CreateTruncating(scale * (double.CreateTruncating(g[o + s]) - meanG - xhat * meanGX));
                }
            }
        }
    }

    private static void Kernel<T>(ReadOnlySpan<T> x, Span<T> y, int n, int c, int spatial, double[]? w, double[]? b, double eps,
        double[] mean, double[] variance) where T : unmanaged, IFloatingPointIeee754<T>
    {
        double count = (double)n * spatial;
        for (int ch = 0; ch < c; ch++)
        {
            double sum = 0;
            for (int i = 0; i < n; i++)
            {
                var row = x.Slice((i * c + ch) * spatial, spatial);
                for (int s = 0; s < spatial; s++) sum += double.CreateTruncating(row[s]);
            }
            double m = sum / count;
            double sq = 0;
            for (int i = 0; i < n; i++)
            {
                var row = x.Slice((i * c + ch) * spatial, spatial);
                for (int s = 0; s < spatial; s++)
                {
                    double d = double.CreateTruncating(row[s]) - m;
                    sq += d * d;
                }
            }
            double v = sq / count;
            mean[ch] = m;
            variance[ch] = v;
            double scale = (w?[ch] ?? 1.0) / Math.Sqrt(v + eps);
            double shift = (b?[ch] ?? 0.0) - m * scale;
            for (int i = 0; i < n; i++)
            {
                int o = (i * c + ch) * spatial;
                var row = x.Slice(o, spatial);
                var dst = y.Slice(o, spatial);
                for (int s = 0; s < spatial; s++) dst[s] = T.CreateTruncating(double.CreateTruncating(row[s]) * scale + shift);
            }
        }
    }
}
