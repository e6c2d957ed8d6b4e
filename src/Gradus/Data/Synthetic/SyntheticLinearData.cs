using Gradus.Random;

namespace Gradus.Data.Synthetic;

/// <summary>
/// D2L's <c>synthetic_data(w, b, num_examples)</c> (section 3.2) in float32 on PyTorch's generator:
/// <c>X = torch.normal(0, 1, (n, len(w))); y = torch.matmul(X, w) + b; y += torch.normal(0, 0.01, y.shape)</c>.
/// </summary>
public sealed class SyntheticLinearData
{
    private SyntheticLinearData(float[] features, float[] labels, int numFeatures)
    {
        Features = features;
        Labels = labels;
        NumFeatures = numFeatures;
    }

    /// <summary>Number of examples.</summary>
    public int NumExamples => Labels.Length;

    /// <summary>Number of features, len(w).</summary>
    public int NumFeatures { get; }

    /// <summary>X ~ N(0, 1), shape (n, len(w)) row-major.</summary>
    public float[] Features { get; }

    /// <summary>y = X w + b + N(0, noise²), shape (n, 1).</summary>
    public float[] Labels { get; }

    /// <summary>Shape of <see cref="Features"/>.</summary>
    public int[] FeaturesShape => [NumExamples, NumFeatures];

    /// <summary>Shape of <see cref="Labels"/>: (n, 1), after D2L's <c>reshape((-1, 1))</c>.</summary>
    public int[] LabelsShape => [NumExamples, 1];

    /// <summary>
    /// Generates the data on <paramref name="generator"/> (default: <see cref="Generator.Default"/>, as D2L uses
    /// the global torch generator); <paramref name="noise"/> is the label noise's standard deviation (0.01 in D2L).
    /// </summary>
    public static SyntheticLinearData Generate(
        ReadOnlySpan<float> w, float b, int numExamples, Generator? generator = null, double noise = 0.01)
    {
        if (w.IsEmpty)
        {
            throw new ArgumentException("synthetic_data: w must have at least one element");
        }
        if (numExamples < 0)
        {
            throw new ArgumentException($"Trying to create tensor with negative dimension {numExamples}: [{numExamples}, {w.Length}]");
        }
        Generator g = generator ?? Generator.Default;
        int d = w.Length;
        var features = new float[numExamples * d];
        g.Normal(features, 0, 1);
        var labels = new float[numExamples];
        // torch.matmul(X, w) on the CPU (torch 1.13, AVX-512 machine) runs in blocks of 16 rows that
        // accumulate with fused multiply-adds, and finishes the last n % 16 rows with plain multiply and add.
        int blocked = numExamples - (numExamples % 16);
        for (int i = 0; i < numExamples; i++)
        {
            float dot = 0;
            for (int j = 0; j < d; j++)
            {
                float x = features[(i * d) + j];
                dot = i < blocked ? MathF.FusedMultiplyAdd(x, w[j], dot) : dot + (x * w[j]);
            }
            labels[i] = dot + b;
        }
        var labelNoise = new float[numExamples];
        g.Normal(labelNoise, 0, noise);
        for (int i = 0; i < numExamples; i++)
        {
            labels[i] += labelNoise[i];
        }
        return new SyntheticLinearData(features, labels, d);
    }
}
