namespace Gradus.Cli.Chapters;

/// <summary>
/// The course's "first in NumPy" network written with plain float arrays: inputs -> sigmoid hidden layer -> softmax,
/// the cross-entropy loss, its gradients by the chain rule layer by layer, and the SGD update. Weights are stored as
/// <c>nn.Linear</c> stores them (out x in, row-major) so they can start from the same values as a Gradus model.
/// </summary>
internal sealed class HandMlp(float[] w1, float[] b1, float[] w2, float[] b2)
{
    private readonly int hidden = b1.Length, outputs = b2.Length, inputs = w1.Length / b1.Length;

    /// <summary>First layer's weights (hidden x inputs).</summary>
    public float[] W1 { get; } = w1;

    /// <summary>Second layer's weights (outputs x hidden).</summary>
    public float[] W2 { get; } = w2;

    /// <summary>
    /// One step on a batch of <paramref name="count"/> rows of <paramref name="x"/>: forward, loss, backward, update.
    /// Returns the batch's mean cross-entropy before the update.
    /// </summary>
    public double Step(float[] x, long[] y, int count, float lr)
    {
        // Forward, then p = softmax(z2) in place
        var (h, p) = Forward(x, count);
        double loss = 0;
        for (int r = 0; r < count; r++)
        {
            Span<float> row = p.AsSpan(r * outputs, outputs);
            float max = float.MinValue;
            foreach (float v in row) max = Math.Max(max, v);
            float sum = 0;
            for (int k = 0; k < outputs; k++) sum += row[k] = MathF.Exp(row[k] - max);
            for (int k = 0; k < outputs; k++) row[k] /= sum;
            loss -= Math.Log(row[(int)y[r]]);
        }

        // Backward. dL/dz2 = (p - onehot(y)) / B for the mean cross-entropy of a softmax.
        float[] dz2 = p;
        for (int r = 0; r < count; r++)
        {
            dz2[(r * outputs) + (int)y[r]] -= 1f;
            for (int k = 0; k < outputs; k++) dz2[(r * outputs) + k] /= count;
        }
        // dL/dh = dz2 W2 ; dL/dz1 = dL/dh * σ'(z1) = dL/dh * h (1 - h)
        var dz1 = new float[count * hidden];
        for (int r = 0; r < count; r++)
            for (int k = 0; k < outputs; k++)
            {
                float g = dz2[(r * outputs) + k];
                for (int j = 0; j < hidden; j++) dz1[(r * hidden) + j] += g * W2[(k * hidden) + j];
            }
        for (int i = 0; i < dz1.Length; i++) dz1[i] *= h[i] * (1f - h[i]);
        // dL/dW2 = dz2ᵀ h, dL/db2 = Σ dz2; dL/dW1 = dz1ᵀ x, dL/db1 = Σ dz1; then W -= lr * dL/dW
        Update(W2, b2, dz2, h, count, outputs, hidden, lr);
        Update(W1, b1, dz1, x, count, hidden, inputs, lr);
        return loss / count;
    }

    /// <summary>z1 = x W1ᵀ + b1, h = σ(z1), z2 = h W2ᵀ + b2 for <paramref name="count"/> rows: returns h and z2.</summary>
    private (float[] H, float[] Z) Forward(float[] x, int count)
    {
        float[] h = Affine(x, count, inputs, W1, b1, hidden);
        for (int i = 0; i < h.Length; i++) h[i] = 1f / (1f + MathF.Exp(-h[i]));
        return (h, Affine(h, count, hidden, W2, b2, outputs));
    }

    /// <summary>The mean cross-entropy on <paramref name="count"/> rows without changing the weights.</summary>
    public double Loss(float[] x, long[] y, int count)
    {
        var (_, z) = Forward(x, count);
        double loss = 0;
        for (int r = 0; r < count; r++)
        {
            ReadOnlySpan<float> row = z.AsSpan(r * outputs, outputs);
            float max = float.MinValue;
            foreach (float v in row) max = Math.Max(max, v);
            double sum = 0;
            foreach (float v in row) sum += Math.Exp(v - max);
            loss -= row[(int)y[r]] - max - Math.Log(sum);
        }
        return loss / count;
    }

    // out[r, o] = Σ_i in[r, i] W[o, i] + b[o]
    private static float[] Affine(float[] input, int count, int inDim, float[] w, float[] b, int outDim)
    {
        var result = new float[count * outDim];
        Parallel.For(0, count, r =>
        {
            ReadOnlySpan<float> row = input.AsSpan(r * inDim, inDim);
            for (int o = 0; o < outDim; o++)
            {
                ReadOnlySpan<float> weights = w.AsSpan(o * inDim, inDim);
                float sum = b[o];
                for (int i = 0; i < inDim; i++) sum += row[i] * weights[i];
                result[(r * outDim) + o] = sum;
            }
        });
        return result;
    }

    // W[o, i] -= lr Σ_r grad[r, o] in[r, i];  b[o] -= lr Σ_r grad[r, o]
    private static void Update(float[] w, float[] b, float[] grad, float[] input, int count, int outDim, int inDim, float lr)
    {
        Parallel.For(0, outDim, o =>
        {
            var dw = new float[inDim];
            float db = 0;
            for (int r = 0; r < count; r++)
            {
                float g = grad[(r * outDim) + o];
                if (g == 0) continue;
                db += g;
                ReadOnlySpan<float> row = input.AsSpan(r * inDim, inDim);
                for (int i = 0; i < inDim; i++) dw[i] += g * row[i];
            }
            for (int i = 0; i < inDim; i++) w[(o * inDim) + i] -= lr * dw[i];
            b[o] -= lr * db;
        });
    }
}
