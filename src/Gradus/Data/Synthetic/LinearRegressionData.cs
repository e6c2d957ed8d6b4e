using Gradus.Random;

namespace Gradus.Data.Synthetic;

/// <summary>
/// The course's simple linear regression data (Deep Learning with PyTorch Step-by-Step, chapter 0):
/// y = b + w x + noise with x ~ U(0, 1), shuffled into a train/validation split, all on
/// <c>np.random.seed(seed)</c>. Arrays are float64, shaped (N, 1) unless noted.
/// </summary>
/// <remarks>
/// The recipe, line for line:
/// <code>
/// np.random.seed(42)
/// x = np.random.rand(N, 1)
/// epsilon = (.1 * np.random.randn(N, 1))
/// y = true_b + true_w * x + epsilon
/// idx = np.arange(N); np.random.shuffle(idx)
/// train_idx = idx[:int(N*.8)]; val_idx = idx[int(N*.8):]
/// </code>
/// </remarks>
public sealed class LinearRegressionData
{
    private LinearRegressionData(double trueB, double trueW, double[] x, double[] epsilon, double[] y, long[] indices, int trainCount)
    {
        TrueB = trueB;
        TrueW = trueW;
        X = x;
        Epsilon = epsilon;
        Y = y;
        Indices = indices;
        TrainIndices = indices[..trainCount];
        ValIndices = indices[trainCount..];
        XTrain = Take(x, TrainIndices);
        YTrain = Take(y, TrainIndices);
        XVal = Take(x, ValIndices);
        YVal = Take(y, ValIndices);
    }

    /// <summary>The true intercept b.</summary>
    public double TrueB { get; }

    /// <summary>The true slope w.</summary>
    public double TrueW { get; }

    /// <summary>Number of points N.</summary>
    public int N => X.Length;

    /// <summary>Inputs x, shape (N, 1).</summary>
    public double[] X { get; }

    /// <summary>The noise added to each target, shape (N, 1).</summary>
    public double[] Epsilon { get; }

    /// <summary>Targets y = b + w x + epsilon, shape (N, 1).</summary>
    public double[] Y { get; }

    /// <summary>The shuffled <c>idx</c>, shape (N,).</summary>
    public long[] Indices { get; }

    /// <summary>The first <c>int(N * trainFraction)</c> shuffled indices.</summary>
    public long[] TrainIndices { get; }

    /// <summary>The remaining shuffled indices.</summary>
    public long[] ValIndices { get; }

    /// <summary><c>x[train_idx]</c>, shape (len(train_idx), 1).</summary>
    public double[] XTrain { get; }

    /// <summary><c>y[train_idx]</c>, shape (len(train_idx), 1).</summary>
    public double[] YTrain { get; }

    /// <summary><c>x[val_idx]</c>, shape (len(val_idx), 1).</summary>
    public double[] XVal { get; }

    /// <summary><c>y[val_idx]</c>, shape (len(val_idx), 1).</summary>
    public double[] YVal { get; }

    /// <summary>Shape of <see cref="X"/> and <see cref="Y"/>: (N, 1).</summary>
    public int[] Shape => [N, 1];

    /// <summary>Shape of <see cref="XTrain"/> and <see cref="YTrain"/>.</summary>
    public int[] TrainShape => [TrainIndices.Length, 1];

    /// <summary>Shape of <see cref="XVal"/> and <see cref="YVal"/>.</summary>
    public int[] ValShape => [ValIndices.Length, 1];

    /// <summary>Generates the data exactly as the course does (defaults: b = 1, w = 2, N = 100, seed 42, noise 0.1, 80% train).</summary>
    public static LinearRegressionData Generate(
        double trueB = 1, double trueW = 2, int n = 100, long seed = 42, double noise = 0.1, double trainFraction = 0.8)
    {
        if (n <= 0)
        {
            throw new ArgumentException($"LinearRegressionData: n must be positive, but got {n}");
        }
        if (!(trainFraction >= 0 && trainFraction <= 1))
        {
            throw new ArgumentException($"LinearRegressionData: trainFraction must be in [0, 1], but got {trainFraction}");
        }
        var rs = new RandomState(seed);
        double[] x = rs.Rand(n);
        double[] epsilon = rs.Randn(n);
        var y = new double[n];
        for (int i = 0; i < n; i++)
        {
            epsilon[i] = noise * epsilon[i];
            y[i] = trueB + (trueW * x[i]) + epsilon[i];
        }
        long[] idx = rs.Permutation(n);
        return new LinearRegressionData(trueB, trueW, x, epsilon, y, idx, (int)(n * trainFraction));
    }

    private static double[] Take(double[] values, long[] indices) => [.. indices.Select(i => values[i])];
}
