using Gradus.Cli.Course;
using Gradus.Cli.Descent;
using Gradus.Cli.Text;
using Gradus.Data.Synthetic;
using Gradus.Plots;
using Gradus.Random;

namespace Gradus.Cli.Chapters;

/// <summary>
/// Chapter 0, "Visualizing gradient descent" (course/000): the simple regression trained by hand with NumPy's random
/// numbers, then its loss surface, cross-sections, learning rates, feature scaling and batch sizes as pictures.
/// </summary>
internal sealed class GradientDescentChapter : CourseChapter
{
    /// <inheritdoc/>
    public override int Number => 0;

    /// <inheritdoc/>
    public override string Title => "Visualizing gradient descent";

    /// <inheritdoc/>
    public override void Run(ChapterRun run)
    {
        var data = LinearRegressionData.Generate(trueB: 1, trueW: 2, n: 100, seed: 42);
        var regression = SimpleRegression.Course(data);
        DataGeneration(run, data);
        var (b, w) = FirstStep(run, data);
        LossSurfaces(run, regression, b, w);
        LearningRates(run, regression, b, w);
        FeatureScaling(run, regression, b, w);
        Converge(run, data, regression);
        BatchSizes(run, regression, b, w);
    }

    private static void DataGeneration(ChapterRun run, LinearRegressionData data)
    {
        run.Heading("Synthetic data");
        run.Text("y = b + w x + ε with b = 1, w = 2, x ~ U(0, 1) and ε ~ N(0, 0.1²): 100 points from np.random.seed(42), " +
                 "shuffled and split 80/20 into training and validation sets.");
        run.Print($"x_train: {data.XTrain.Length} points, x_val: {data.XVal.Length} points");
        run.Figure(Scatter.TrainValidation(data.XTrain, data.YTrain, data.XVal, data.YVal),
            "Scatter plots of the generated training and validation points", "Generated data: training (left) and validation (right)");
    }

    // Steps 0 to 4 once, with float64 arrays reduced the way NumPy reduces them: the course's printed numbers.
    private static (double B, double W) FirstStep(ChapterRun run, LinearRegressionData data)
    {
        run.Heading("Step 0: random initialization");
        var random = new RandomState(42);
        double[] b = random.Randn(1);
        double[] w = random.Randn(1);
        run.Print($"{Py.NpArray(b)} {Py.NpArray(w)}");
        (double B, double W) start = (b[0], w[0]);

        run.Heading("Steps 1 and 2: predictions and loss");
        double[] yhat = [.. data.XTrain.Select(x => b[0] + (w[0] * x))];
        double[] error = [.. yhat.Zip(data.YTrain, (p, y) => p - y)];
        double loss = NumPyArithmetic.Mean([.. error.Select(e => e * e)]);
        run.Print(Py.Repr(loss));
        run.Figure(Line.Fit(data.XTrain, data.YTrain, start.B, start.W, "Model's predictions (random start)"),
            "Training points with the line of the randomly initialised model", "The model's predictions before training");

        run.Heading("Step 3: gradients");
        double bGrad = 2 * NumPyArithmetic.Mean(error);
        double wGrad = 2 * NumPyArithmetic.Mean([.. data.XTrain.Zip(error, (x, e) => x * e)]);
        run.Print($"{Py.Repr(bGrad)} {Py.Repr(wGrad)}");

        run.Heading("Step 4: update");
        const double lr = 0.1;
        run.Print($"{Py.NpArray(b)} {Py.NpArray(w)}");
        b = [b[0] - (lr * bGrad)];
        w = [w[0] - (lr * wGrad)];
        run.Print($"{Py.NpArray(b)} {Py.NpArray(w)}");
        return start;
    }

    private static void LossSurfaces(ChapterRun run, SimpleRegression regression, double b, double w)
    {
        run.Heading("Loss surface");
        run.Text("The MSE for every (b, w) on a 101 x 101 grid; the random start is marked. " +
                 "Cutting the surface through the start gives one curve per parameter.");
        LossGrid grid = regression.Grid();
        var (bestB, bestW, bestLoss) = grid.Minimum();
        run.Print($"grid minimum: b = {Py.Fixed(bestB, 2)}, w = {Py.Fixed(bestW, 2)}, loss = {Py.Fixed(bestLoss, 4)}");
        run.Figure(LossSurface.Plot(grid, [DescentPath.FromPoints("Random start", [(b, w)])]),
            "Filled contour plot of the MSE over b and w with the minimum and the random start", "Loss surface of the simple regression");
        run.Figure(CrossSections.Sections(grid, b, w),
            "Two curves: the loss against w with b fixed, and against b with w fixed", "Cross-sections through the random start");
    }

    private static void LearningRates(ChapterRun run, SimpleRegression regression, double b, double w)
    {
        run.Heading("Learning rates");
        run.Text("Gradient descent along one parameter with the other fixed, for a learning rate that is too low, one that is " +
                 "just right, one that is too high (it overshoots back and forth) and one that diverges.");
        LossGrid grid = regression.Grid();
        var (bi, wi) = grid.NearestIndex(b, w);
        double fixedB = grid.B[bi], fixedW = grid.W[wi];
        (double Lr, string Note)[] rates = [(0.05, "too low"), (0.2, "just right"), (0.8, "too high"), (1.1, "diverging")];
        var alongB = rates.Select(r => ParameterSteps.GradientDescent(fixedB, r.Lr, 10,
            p => regression.Loss(p, fixedW), p => regression.Gradient(p, fixedW).B, r.Note)).ToList();
        foreach (var steps in alongB)
            run.Print($"lr = {Py.Fixed(steps.LearningRate, 2),-5} b: {Py.Fixed(steps.Values[0], 2)} -> {Py.Fixed(steps.Values[^1], 4),9}  " +
                      $"loss {Py.Fixed(steps.Losses[^1], 4)} after {steps.Values.Length - 1} steps ({steps.Note})");
        run.Figure(CrossSections.LearningRates(grid.B, grid.AlongB(wi), "b", $"Fixed: w = {Py.Fixed(fixedW, 2)}", alongB),
            "Four panels of steps along b for learning rates 0.05, 0.2, 0.8 and 1.1", "Learning rates along b (w fixed)");
        var alongW = rates.Select(r => ParameterSteps.GradientDescent(fixedW, r.Lr, 10,
            p => regression.Loss(fixedB, p), p => regression.Gradient(fixedB, p).W)).ToList();
        run.Figure(CrossSections.LearningRates(grid.W, grid.AlongW(bi), "w", $"Fixed: b = {Py.Fixed(fixedB, 2)}", alongW),
            "Four panels of steps along w for the same learning rates", "The same learning rates along w (b fixed): w's curve is flatter");
    }

    private static void FeatureScaling(ChapterRun run, SimpleRegression regression, double b, double w)
    {
        run.Heading("Feature scaling");
        run.Text("Multiplying x by 10 makes the loss a hundred times steeper along w, so the learning rate must shrink. " +
                 "Standardising x, (x - mean) / std, makes the surface round again.");
        SimpleRegression bad = regression.TimesTen(), scaled = bad.Standardized();
        run.Figure(Scatter.Panels(
            [
                new ScatterPanel("Train - Original", regression.XTrain, regression.YTrain),
                new ScatterPanel("Train - \"Bad\"", bad.XTrain, bad.YTrain),
                new ScatterPanel("Train - Scaled", scaled.XTrain, scaled.YTrain),
            ]), "Three scatter plots of the same points: original x, x times 10 and standardised x", "Original, \"bad\" and scaled feature");
        LossGrid badGrid = bad.Grid(), scaledGrid = scaled.Grid();
        run.Figure(CrossSections.Sections(badGrid, b, w),
            "Cross-sections of the bad surface: the w curve is much steeper", "Cross-sections of the \"bad\" loss surface");
        var random = new RandomState(42);
        DescentRun before = HandDescent.Run(bad, b, w, 0.01, 100, bad.XTrain.Length, random, "lr = 0.01, 100 epochs");
        DescentRun after = HandDescent.Run(scaled, b, w, 0.1, 100, scaled.XTrain.Length, random, "lr = 0.1, 100 epochs");
        run.Print($"bad feature, lr = 0.01: b = {Py.Fixed(before.B, 4)}, w = {Py.Fixed(before.W, 4)}, loss = {Py.Fixed(before.EpochLosses[^1], 4)}");
        run.Print($"scaled feature, lr = 0.1: b = {Py.Fixed(after.B, 4)}, w = {Py.Fixed(after.W, 4)}, loss = {Py.Fixed(after.EpochLosses[^1], 4)}");
        run.Figure(LossSurface.BeforeAfterScaling(badGrid, scaledGrid, before.Path, after.Path),
            "Two loss surfaces, elongated before scaling and round after, with descent paths", "Loss surface before and after scaling");
    }

    private static void Converge(ChapterRun run, LinearRegressionData data, SimpleRegression regression)
    {
        run.Heading("Step 5: iterate and converge");
        run.Text("Steps 1 to 4 repeated for 1000 epochs of batch gradient descent with lr = 0.1.");
        var random = new RandomState(42);
        Tensor b = Torch.FromArray(random.Randn(1));
        Tensor w = Torch.FromArray(random.Randn(1));
        run.Print($"{Np(b)} {Np(w)}");
        Tensor xTrain = Torch.FromArray(data.XTrain), yTrain = Torch.FromArray(data.YTrain);
        const double lr = 0.1;
        var losses = new List<double>();
        for (int epoch = 0; epoch < 1000; epoch++)
        {
            Tensor error = b + (w * xTrain) - yTrain;
            losses.Add((error * error).Mean().Item());
            Tensor bGrad = 2 * error.Mean();
            Tensor wGrad = 2 * (xTrain * error).Mean();
            b = b - (lr * bGrad);
            w = w - (lr * wGrad);
        }
        run.Print($"{Np(b)} {Np(w)}");
        run.Print($"loss after 1000 epochs: {Py.Repr(regression.Loss(b.Item(), w.Item()))}");
        run.Figure(Line.Fit(data.XTrain, data.YTrain, b.Item(), w.Item(), "Model's predictions after 1000 epochs"),
            "Training points with the fitted line", "The fitted line");
        run.Figure(LossCurves.Plot(losses, title: "Training loss (batch gradient descent)"),
            "Training loss falling over 1000 epochs on a log scale", "Loss per epoch");
    }

    private static void BatchSizes(ChapterRun run, SimpleRegression regression, double b, double w)
    {
        run.Heading("Batch, mini-batch and stochastic gradient descent");
        run.Text("100 epochs with lr = 0.1, computing each update from all 80 points (batch), 16 points (mini-batch) or a " +
                 "single point (stochastic); one epoch is 1, 5 or 80 updates.");
        var random = new RandomState(42);
        DescentRun[] runs =
        [
            HandDescent.Run(regression, b, w, 0.1, 100, 80, random, "Batch (80 points)"),
            HandDescent.Run(regression, b, w, 0.1, 100, 16, random, "Mini-batch (16 points)"),
            HandDescent.Run(regression, b, w, 0.1, 100, 1, random, "Stochastic (1 point)"),
        ];
        foreach (DescentRun r in runs)
            run.Print($"{r.Label,-24} {r.Path.B.Length - 1,5} updates: b = {Py.Fixed(r.B, 4)}, w = {Py.Fixed(r.W, 4)}, loss = {Py.Fixed(r.EpochLosses[^1], 4)}");
        run.Figure(LossSurface.BatchMiniBatchStochastic(regression.Grid(), runs[0].Path, runs[1].Path, runs[2].Path),
            "Three loss surfaces with the smooth batch path, the wiggly mini-batch path and the noisy stochastic path",
            "Paths of batch, mini-batch and stochastic gradient descent");
    }

    private static string Np(Tensor t) => Py.NpArray(t.ToArray<double>());
}
