namespace Gradus.Plots.Tests;

/// <summary>Deterministic data shaped like the course's: y = 1 + 2x + noise, its MSE surface and descent paths.</summary>
internal static class Samples
{
    public const double TrueB = 1, TrueW = 2;

    public static (double[] XTrain, double[] YTrain, double[] XVal, double[] YVal) Regression()
    {
        var rng = new System.Random(42);
        int n = 100;
        var x = new double[n];
        var y = new double[n];
        for (int i = 0; i < n; i++)
        {
            x[i] = rng.NextDouble();
            y[i] = TrueB + TrueW * x[i] + 0.1 * Normal(rng);
        }
        return (x[..80], y[..80], x[80..], y[80..]);
    }

    public static double Normal(System.Random rng) =>
        Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());

    public static double[] Linspace(double start, double stop, int count) =>
        Enumerable.Range(0, count).Select(i => start + (stop - start) * i / (count - 1)).ToArray();

    public static LossGrid Surface()
    {
        var (x, y, _, _) = Regression();
        return LossGrid.Mse(x, y, Linspace(TrueB - 3, TrueB + 3, 101), Linspace(TrueW - 3, TrueW + 3, 101));
    }

    /// <summary>Gradient descent on the MSE of b + w x from the course's start (0.4967, -0.1383), one update per batch.</summary>
    public static DescentPath Descent(string label, int batchSize, int epochs, double lr = 0.1)
    {
        var (x, y, _, _) = Regression();
        double b = 0.49671415, w = -0.1382643;
        var bs = new List<double> { b };
        var ws = new List<double> { w };
        for (int e = 0; e < epochs; e++)
            for (int start = 0; start < x.Length; start += batchSize)
            {
                int end = Math.Min(start + batchSize, x.Length);
                double gb = 0, gw = 0;
                for (int i = start; i < end; i++)
                {
                    double err = b + w * x[i] - y[i];
                    gb += 2 * err;
                    gw += 2 * err * x[i];
                }
                b -= lr * gb / (end - start);
                w -= lr * gw / (end - start);
                bs.Add(b);
                ws.Add(w);
            }
        return new DescentPath(label, bs.ToArray(), ws.ToArray());
    }
}
