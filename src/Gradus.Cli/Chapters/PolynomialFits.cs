using Gradus.Cli.Course;
using Gradus.Cli.Text;
using Gradus.Data.Synthetic;
using Gradus.Optim;
using Gradus.Plots;
using Gradus.Random;

namespace Gradus.Cli.Chapters;

/// <summary>
/// The polynomial parts of chapter 3: y = x² + 2x + 3 fitted with NAdam (the preamble of course/000) and bias against
/// variance with polynomials of degree 1, 2 and 4 (course/004).
/// </summary>
internal static class PolynomialFits
{
    /// <summary>The course's preamble: w = torch.randn(3, 1), NAdam(lr=0.01), 1000 steps of MSE on [x², x, 1].</summary>
    public static void NAdam(ChapterRun run)
    {
        run.Heading("A polynomial fitted with NAdam");
        run.Text("y = x² + 2x + 3 at n = 20 points x = randn(n, 1) * 5 (np.random.seed(42)); the design matrix [x², x, 1] " +
                 "times w = torch.randn(3, 1) (torch.manual_seed(42)), NAdam with lr = 0.01 for 1000 steps. The course's " +
                 "slide printed [1.0050, 1.9969, 2.6778] from an unseeded run; PyTorch 1.13 on the seeded data prints the value below.");
        var data = PolynomialData.Generate();
        Torch.ManualSeed(42);
        Tensor w = Torch.Randn([3, 1], DType.Float32, requiresGrad: true);
        Tensor x = Torch.FromArray(data.Features).Reshape(data.FeaturesShape).Float();
        Tensor y = Torch.FromArray(data.Y).Reshape(data.Shape).Float();
        var optimizer = new Optim.NAdam([w], lr: 0.01);
        var losses = new List<double>();
        for (int step = 0; step < 1000; step++)
        {
            optimizer.ZeroGrad();
            Tensor yPred = x.Matmul(w);
            Tensor mse = Torch.Mean((y - yPred).Pow(2));
            losses.Add(mse.Item());
            mse.Backward();
            optimizer.Step();
        }
        run.Print(w.ToString());
        double[] coefficients = w.Detach().ToArray<float>().Select(v => (double)v).ToArray();
        double[] grid = Torch.Linspace(data.X.Min(), data.X.Max(), 200, DType.Float64).ToArray<double>();
        run.Figure(Charts.CurveFits(
            [
                new CurvePanel("y = x² + 2x + 3 and the NAdam fit", data.X, data.Y,
                [
                    new Curve("NAdam fit", grid, [.. grid.Select(v => Evaluate(coefficients, v))]),
                    new Curve("true polynomial", grid, [.. grid.Select(v => (v * v) + (2 * v) + 3)], Dashed: true),
                ]),
            ]), "The 20 points with the fitted parabola over them", "The polynomial fitted by NAdam");
        run.Figure(LossCurves.Plot(losses, title: "NAdam: MSE per step"), "MSE falling over 1000 NAdam steps", "NAdam's loss");
    }

    /// <summary>Degree 1 underfits, degree 2 is just right, degree 4 fits the noise of six training points.</summary>
    public static void BiasVariance(ChapterRun run)
    {
        run.Heading("Bias and variance");
        run.Text("Six noisy training points of y = x² + 2x + 3 (x evenly spaced in [-3, 3], noise N(0, 2²) from " +
                 "np.random.seed(0)) and 50 validation points (x ~ U(-3, 3)), fitted exactly by least squares (torch.linalg.lstsq) with θ₀ + θ₁x (high bias), " +
                 "θ₀ + θ₁x + θ₂x² (just right) and a degree-4 polynomial (high variance).");
        var random = new RandomState(0);
        double[] xTrain = Torch.Linspace(-3, 3, 6, DType.Float64).ToArray<double>(), xVal = random.Uniform(-3, 3, 50);
        double[] yTrain = Noisy(xTrain, random), yVal = Noisy(xVal, random);
        double[] grid = Torch.Linspace(-3, 3, 200, DType.Float64).ToArray<double>();
        var panels = new List<CurvePanel>();
        var rows = new List<IReadOnlyList<string>>();
        foreach (var (degree, name) in new[] { (1, "High bias (underfit)"), (2, "\"Just right\""), (4, "High variance (overfit)") })
        {
            Tensor theta = Linalg.Lstsq(Design(xTrain, degree), Torch.FromArray(yTrain).Reshape(-1, 1));
            double[] coefficients = theta.Reshape(-1).ToArray<double>().Reverse().ToArray();
            double trainMse = Mse(coefficients, xTrain, yTrain), valMse = Mse(coefficients, xVal, yVal);
            run.Print($"degree {degree}: train MSE {Py.Fixed(trainMse, 4),8}, validation MSE {Py.Fixed(valMse, 4),8}");
            rows.Add([degree.ToString(System.Globalization.CultureInfo.InvariantCulture), name, Py.Fixed(trainMse, 4), Py.Fixed(valMse, 4)]);
            panels.Add(new CurvePanel($"degree {degree}: {name}", xTrain, yTrain,
                [new Curve($"degree {degree} fit", grid, [.. grid.Select(v => Evaluate(coefficients, v))])], xVal, yVal));
        }
        run.Table(["Degree", "Fit", "Train MSE", "Validation MSE"], rows, "Training error falls with the degree; validation error does not");
        run.Figure(Charts.CurveFits(panels), "Three panels: a line, a parabola and a wiggly quartic through six points",
            "Underfitting, a good fit and overfitting");
    }

    // Columns 1, x, ..., x^degree as float64.
    private static Tensor Design(double[] x, int degree)
    {
        var values = new double[x.Length, degree + 1];
        for (int i = 0; i < x.Length; i++)
            for (int p = 0; p <= degree; p++)
                values[i, p] = Math.Pow(x[i], p);
        return Torch.FromArray(values);
    }

    private static double[] Noisy(double[] x, RandomState random)
    {
        double[] noise = random.Normal(0, 2, x.Length);
        return [.. x.Select((v, i) => (v * v) + (2 * v) + 3 + noise[i])];
    }

    private static double Mse(double[] coefficients, double[] x, double[] y) =>
        x.Select((v, i) => Math.Pow(Evaluate(coefficients, v) - y[i], 2)).Average();

    // Horner's rule; coefficients from the highest power down, as np.poly1d.
    private static double Evaluate(double[] coefficients, double x) => coefficients.Aggregate(0.0, (acc, c) => (acc * x) + c);
}
