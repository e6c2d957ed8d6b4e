#:project ../src/Gradus/Gradus.csproj
// Chapter 0 of the course (Deep Learning with PyTorch Step-by-Step, "Visualizing Gradient Descent"):
// linear regression y = b + w x trained by batch gradient descent written out by hand, with plain
// double arrays and NumPy's legacy random numbers, so every printed number equals the course's.
//
// Run from the repository root:   dotnet run examples/00_gradient_descent_by_hand.cs

using System.Globalization;
using Gradus.Data.Synthetic;
using Gradus.Random;

// Data generation, exactly as the course does it:
//   true_b = 1; true_w = 2; N = 100
//   np.random.seed(42)
//   x = np.random.rand(N, 1)
//   epsilon = (.1 * np.random.randn(N, 1))
//   y = true_b + true_w * x + epsilon
//   idx = np.arange(N); np.random.shuffle(idx)
//   train_idx = idx[:int(N*.8)]; val_idx = idx[int(N*.8):]
LinearRegressionData data = LinearRegressionData.Generate(trueB: 1, trueW: 2, n: 100, seed: 42);
double[] xTrain = data.XTrain;
double[] yTrain = data.YTrain;
Console.WriteLine($"x_train: {xTrain.Length} points, x_val: {data.XVal.Length} points");

// Step 0 - Initializes parameters "b" and "w" randomly
var random = new RandomState(42);                 // np.random.seed(42)
double[] b = random.Randn(1);                     // b = np.random.randn(1)
double[] w = random.Randn(1);                     // w = np.random.randn(1)
Console.WriteLine($"{Np(b)} {Np(w)}");           // [0.49671415] [-0.1382643]

// Step 1 - Computes our model's predicted output - forward pass
double[] yhat = Predict(b, w, xTrain);            // yhat = b + w * x_train

// Step 2 - Computing the loss: mean squared error over ALL points (batch gradient descent)
double[] error = Subtract(yhat, yTrain);          // error = (yhat - y_train)
double loss = Mean(Multiply(error, error));       // loss = (error ** 2).mean()
Console.WriteLine(Repr(loss));                   // 2.7421577700550976

// Step 3 - Computes gradients for both "b" and "w" parameters
double bGrad = 2 * Mean(error);                   // b_grad = 2 * error.mean()
double wGrad = 2 * Mean(Multiply(xTrain, error)); // w_grad = 2 * (x_train * error).mean()
Console.WriteLine($"{Repr(bGrad)} {Repr(wGrad)}"); // -3.044811379650508 -1.8337537171510832

// Step 4 - Updates parameters using gradients and the learning rate
double lr = 0.1;
Console.WriteLine($"{Np(b)} {Np(w)}");
b = [b[0] - (lr * bGrad)];                        // b = b - lr * b_grad
w = [w[0] - (lr * wGrad)];                        // w = w - lr * w_grad
Console.WriteLine($"{Np(b)} {Np(w)}");           // [0.80119529] [0.04511107]

// Step 5 - Iterate and converge: restart from the same random parameters and run 1000 epochs
random.Seed(42);
b = random.Randn(1);
w = random.Randn(1);
Console.WriteLine($"{Np(b)} {Np(w)}");
const int nEpochs = 1000;
for (int epoch = 0; epoch < nEpochs; epoch++)
{
    yhat = Predict(b, w, xTrain);
    error = Subtract(yhat, yTrain);
    loss = Mean(Multiply(error, error));
    bGrad = 2 * Mean(error);
    wGrad = 2 * Mean(Multiply(xTrain, error));
    b = [b[0] - (lr * bGrad)];
    w = [w[0] - (lr * wGrad)];
}
Console.WriteLine($"{Np(b)} {Np(w)}");           // [1.02354094] [1.96896411]

// Sanity check: the closed-form least-squares line (what scikit-learn's LinearRegression fits)
// must agree with gradient descent to about seven digits.
double xMean = Mean(xTrain);
double yMean = Mean(yTrain);
double[] xc = [.. xTrain.Select(v => v - xMean)];
double[] yc = [.. yTrain.Select(v => v - yMean)];
double slope = Sum(Multiply(xc, yc)) / Sum(Multiply(xc, xc));
double intercept = yMean - (xMean * slope);
Console.WriteLine($"{Np([intercept])} {Np([slope])}"); // [1.02354075] [1.96896447]
Console.WriteLine($"loss after {nEpochs} epochs: {Repr(loss)}"); // 0.008044657695505499

static double[] Predict(double[] b, double[] w, double[] x) => [.. x.Select(v => b[0] + (w[0] * v))];

static double[] Subtract(double[] a, double[] c) => [.. a.Zip(c, (p, q) => p - q)];

static double[] Multiply(double[] a, double[] c) => [.. a.Zip(c, (p, q) => p * q)];

static double Mean(double[] values) => Sum(values) / values.Length;

// NumPy sums float64 arrays pairwise (8 accumulators in blocks of up to 128); summing the same way
// makes the last digits of the printed loss and gradients equal to NumPy's.
static double Sum(ReadOnlySpan<double> a)
{
    if (a.Length < 8)
    {
        double small = 0;
        foreach (double v in a)
        {
            small += v;
        }
        return small;
    }
    if (a.Length <= 128)
    {
        Span<double> r = stackalloc double[8];
        a[..8].CopyTo(r);
        int i = 8;
        for (; i < a.Length - (a.Length % 8); i += 8)
        {
            for (int j = 0; j < 8; j++)
            {
                r[j] += a[i + j];
            }
        }
        double res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
        for (; i < a.Length; i++)
        {
            res += a[i];
        }
        return res;
    }
    int half = a.Length / 2;
    half -= half % 8;
    return Sum(a[..half]) + Sum(a[half..]);
}

// How NumPy prints a float64 array: at most 8 decimals, trailing zeros dropped ("[0.49671415]", "[1.]").
static string Np(double[] values)
{
    IEnumerable<string> items = values.Select(v => v.ToString("F8", CultureInfo.InvariantCulture).TrimEnd('0'));
    return "[" + string.Join(" ", items) + "]";
}

// How Python prints a float: the shortest text that reads back as the same double.
static string Repr(double value) => value.ToString("R", CultureInfo.InvariantCulture);
