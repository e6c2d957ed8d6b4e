using Gradus.Cli.Course;
using Gradus.Cli.Text;
using Gradus.Data.Synthetic;
using Gradus.NN;
using Gradus.Optim;
using Gradus.Plots;
using Gradus.Random;

namespace Gradus.Cli.Chapters;

/// <summary>
/// Learning non-linearities (course/004, CS231n's case study): three interleaved spirals, which a linear softmax
/// classifier cannot separate and a network with one hidden ReLU layer can.
/// </summary>
internal static class SpiralBoundary
{
    /// <summary>Trains both classifiers with full-batch gradient descent and draws their decision boundaries.</summary>
    public static void Run(ChapterRun run)
    {
        int steps = run.Quick ? 2000 : 10000;
        run.Heading("A non-linear decision boundary");
        run.Text($"300 points on three spirals (CS231n, np.random.seed(0)); {steps} steps of full-batch gradient descent " +
                 "(lr 1, L2 weight decay 0.001) for a linear softmax classifier and for 2 -> 100 (ReLU) -> 3.");
        ClassificationData data = Spirals.Generate(100, 3, new RandomState(0));
        Tensor x = Torch.FromArray(data.X).Reshape(data.XShape).Float();
        Tensor y = Torch.FromArray(data.Y);
        double[] x1 = [.. Enumerable.Range(0, data.NumSamples).Select(i => data.X[2 * i])];
        double[] x2 = [.. Enumerable.Range(0, data.NumSamples).Select(i => data.X[(2 * i) + 1])];
        int[] classes = [.. data.Y.Select(c => (int)c)];
        string[] names = ["class 0", "class 1", "class 2"];
        var panels = new List<Figure>();
        foreach (var (name, model) in new (string, Module)[]
                 {
                     ("linear softmax", Seeded(() => new Linear(2, 3))),
                     ("one hidden layer", Seeded(() => new Sequential(new Linear(2, 100), new ReLU(), new Linear(100, 3)))),
                 })
        {
            var optimizer = new SGD(model.Parameters(), 1.0, weightDecay: 1e-3);
            var lossFn = new CrossEntropyLoss();
            double loss = 0;
            for (int step = 0; step < steps; step++)
            {
                Tensor l = lossFn.Call(model.Call(x), y);
                l.Backward();
                optimizer.Step();
                optimizer.ZeroGrad();
                loss = l.Item();
            }
            double accuracy;
            using (Torch.NoGrad()) accuracy = model.Call(x).Argmax(1).Eq(y).Double().Mean().Item();
            run.Print($"{name,-17} loss {Py.Fixed(loss, 4)}, training accuracy {Py.Fixed(accuracy, 2)}");
            run.Figure(Boundary(model, x1, x2, classes, names, $"{name}: training accuracy {Py.Fixed(accuracy, 2)}"),
                $"Spiral points over the regions the {name} classifier assigns to each class", $"Decision regions of the {name} classifier");
        }
    }

    private static Module Seeded(Func<Module> create)
    {
        Torch.ManualSeed(42);
        return create();
    }

    // The predicted class on a 200 x 200 grid, computed in one batch.
    private static Figure Boundary(Module model, double[] x1, double[] x2, int[] classes, string[] names, string title)
    {
        const int n = 200;
        double[] g1 = Grid(x1, n), g2 = Grid(x2, n);
        var points = new double[n * n, 2];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
            {
                points[(i * n) + j, 0] = g1[j];
                points[(i * n) + j, 1] = g2[i];
            }
        long[] predicted;
        using (Torch.NoGrad()) predicted = model.Call(Torch.FromArray(points).Float()).Argmax(1).ToArray<long>();
        var values = new double[n, n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
                values[i, j] = predicted[(i * n) + j];
        return DecisionBoundary.Plot(x1, x2, classes, g1, g2, values, probability: false, classNames: names, title: title);
    }

    private static double[] Grid(double[] values, int n)
    {
        double lo = values.Min() - 0.25, hi = values.Max() + 0.25;
        return [.. Enumerable.Range(0, n).Select(i => lo + ((hi - lo) * i / (n - 1)))];
    }
}
