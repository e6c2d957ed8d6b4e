using Gradus.Random;

namespace Gradus.Data.Synthetic;

/// <summary>
/// The course's polynomial data y = x² + 2x + 3 (preamble of chapter 0) on <c>RandomState(seed)</c>:
/// <c>x = randn(n, 1) * scale; y = np.poly1d([1, 2, 3])(x)</c>, plus the design matrix [x², x, 1].
/// </summary>
public sealed class PolynomialData
{
    private PolynomialData(double[] x, double[] y, double[] features)
    {
        X = x;
        Y = y;
        Features = features;
    }

    /// <summary>The coefficients, highest power first, as <c>np.poly1d([1, 2, 3])</c>.</summary>
    public static IReadOnlyList<double> Coefficients { get; } = [1.0, 2.0, 3.0];

    /// <summary>Number of points n.</summary>
    public int N => X.Length;

    /// <summary>Inputs x, shape (n, 1).</summary>
    public double[] X { get; }

    /// <summary>Targets y = x² + 2x + 3 (Horner's rule, as <c>poly1d</c>), shape (n, 1).</summary>
    public double[] Y { get; }

    /// <summary><c>np.hstack([x*x, x, np.ones_like(x)])</c>, shape (n, 3) row-major.</summary>
    public double[] Features { get; }

    /// <summary>Shape of <see cref="X"/> and <see cref="Y"/>: (n, 1).</summary>
    public int[] Shape => [N, 1];

    /// <summary>Shape of <see cref="Features"/>: (n, 3).</summary>
    public int[] FeaturesShape => [N, 3];

    /// <summary>Draws n points (default 20, as the course) with x = randn * scale on <c>RandomState(seed)</c>.</summary>
    public static PolynomialData Generate(int n = 20, long seed = 42, double scale = 5)
    {
        double[] x = new RandomState(seed).Randn(n);
        var y = new double[n];
        var features = new double[n * 3];
        for (int i = 0; i < n; i++)
        {
            x[i] *= scale;
            double value = 0;
            foreach (double c in Coefficients)
            {
                value = (value * x[i]) + c;
            }
            y[i] = value;
            features[3 * i] = x[i] * x[i];
            features[(3 * i) + 1] = x[i];
            features[(3 * i) + 2] = 1.0;
        }
        return new PolynomialData(x, y, features);
    }
}
