using Gradus.Data.Preprocessing;
using Gradus.Data.Synthetic;
using Gradus.Plots;

namespace Gradus.Cli.Descent;

/// <summary>
/// The course's simple regression y = 1 + 2x + noise (100 points on <c>np.random.seed(42)</c>, 80 for training), the
/// parameter ranges its loss surfaces are drawn over, and feature scaling of x (the course's "before/after").
/// </summary>
internal sealed class SimpleRegression
{
    private SimpleRegression(double[] xTrain, double[] yTrain, double[] bRange, double[] wRange)
    {
        XTrain = xTrain;
        YTrain = yTrain;
        BRange = bRange;
        WRange = wRange;
    }

    /// <summary>Training inputs.</summary>
    public double[] XTrain { get; }

    /// <summary>Training targets.</summary>
    public double[] YTrain { get; }

    /// <summary>The b values of the loss surface's grid.</summary>
    public double[] BRange { get; }

    /// <summary>The w values of the loss surface's grid.</summary>
    public double[] WRange { get; }

    /// <summary>The data as the course generates it (<see cref="LinearRegressionData"/>), on b in [-2, 4] and w in [-1, 5].</summary>
    public static SimpleRegression Course(LinearRegressionData data) =>
        new(data.XTrain, data.YTrain, Linspace(-2, 4, 101), Linspace(-1, 5, 101));

    /// <summary>The "bad" feature: x multiplied by 10, so w's direction of the surface becomes a hundred times steeper.</summary>
    public SimpleRegression TimesTen() =>
        new(XTrain.Select(v => v * 10).ToArray(), YTrain, Linspace(-2, 4, 101), Linspace(-2.8, 3.2, 101));

    /// <summary>x standardised to zero mean and unit standard deviation, (x - mean) / std, by a fitted StandardScaler.</summary>
    public SimpleRegression Standardized()
    {
        Tensor x = Torch.FromArray(XTrain).Reshape(XTrain.Length, 1);
        Tensor scaled = new StandardScaler().FitTransform(x);
        return new SimpleRegression(scaled.ToArray<double>(), YTrain, Linspace(-1, 5, 101), Linspace(-2.4, 3.6, 101));
    }

    /// <summary>The MSE of every (b, w) on the grid.</summary>
    public LossGrid Grid() => LossGrid.Mse(XTrain, YTrain, BRange, WRange);

    /// <summary>The MSE of b + w x on the training data.</summary>
    public double Loss(double b, double w) => Loss(XTrain, YTrain, b, w);

    /// <summary>The MSE of b + w x on (x, y): <c>((b + w * x - y) ** 2).mean()</c>.</summary>
    public static double Loss(double[] x, double[] y, double b, double w)
    {
        Tensor error = b + (w * Torch.FromArray(x)) - Torch.FromArray(y);
        return (error * error).Mean().Item();
    }

    /// <summary>dMSE/db and dMSE/dw at (b, w) on the training data.</summary>
    public (double B, double W) Gradient(double b, double w) => Gradient(XTrain, YTrain, b, w);

    /// <summary>dMSE/db and dMSE/dw at (b, w) on (x, y), the course's <c>2 * error.mean()</c> and <c>2 * (x * error).mean()</c>.</summary>
    public static (double B, double W) Gradient(double[] x, double[] y, double b, double w)
    {
        Tensor xs = Torch.FromArray(x);
        Tensor error = b + (w * xs) - Torch.FromArray(y);
        return ((2 * error.Mean()).Item(), (2 * (xs * error).Mean()).Item());
    }

    private static double[] Linspace(double start, double stop, int count) =>
        Torch.Linspace(start, stop, count, DType.Float64).ToArray<double>();
}
