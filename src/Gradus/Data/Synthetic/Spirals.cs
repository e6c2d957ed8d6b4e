using Gradus.Random;

namespace Gradus.Data.Synthetic;

/// <summary>
/// CS231n's spiral data set (Neural Networks case study): K arms of N points each, radius
/// linspace(0, 1) and angle linspace(4j, 4(j+1)) + randn * noise.
/// </summary>
public static class Spirals
{
    /// <summary>
    /// Generates the spirals drawing from <paramref name="randomState"/> (default <see cref="RandomState.Global"/>,
    /// which is what the CS231n code's <c>np.random.randn</c> uses), class by class.
    /// </summary>
    /// <param name="pointsPerClass">N, points per class (100 in CS231n).</param>
    /// <param name="classes">K, number of classes (3 in CS231n).</param>
    /// <param name="randomState">The NumPy generator to draw the angle noise from.</param>
    /// <param name="noise">Standard deviation of the angle noise (0.2 in CS231n).</param>
    public static ClassificationData Generate(int pointsPerClass = 100, int classes = 3, RandomState? randomState = null, double noise = 0.2)
    {
        if (pointsPerClass < 0 || classes < 0)
        {
            throw new ArgumentException($"Spirals: pointsPerClass and classes must be non-negative, but got {pointsPerClass} and {classes}");
        }
        RandomState rs = randomState ?? RandomState.Global;
        int n = pointsPerClass;
        var x = new double[2 * n * classes];
        var y = new long[n * classes];
        double[] r = NumPyGrid.Linspace(0.0, 1, n);
        for (int j = 0; j < classes; j++)
        {
            double[] t = NumPyGrid.Linspace(j * 4, (j + 1) * 4, n);
            double[] jitter = rs.Randn(n);
            for (int i = 0; i < n; i++)
            {
                double theta = t[i] + (jitter[i] * noise);
                int row = (n * j) + i;
                x[2 * row] = r[i] * Math.Sin(theta);
                x[(2 * row) + 1] = r[i] * Math.Cos(theta);
                y[row] = j;
            }
        }
        return new ClassificationData(x, y, 2);
    }
}
