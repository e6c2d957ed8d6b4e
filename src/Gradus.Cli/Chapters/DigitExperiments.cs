using System.Globalization;
using Gradus.Cli.Course;
using Gradus.Cli.Models;
using Gradus.Cli.Text;
using Gradus.NN;
using Gradus.Optim;
using Gradus.Plots;
using Gradus.Training;

namespace Gradus.Cli.Chapters;

/// <summary>The training experiments of chapter 5 on the digits: optimizers, weight decay, dropout and early stopping.</summary>
internal static class DigitExperiments
{
    private const int BatchSize = 64;

    /// <summary>The same network and initial weights trained with SGD, SGD with momentum and Adam.</summary>
    public static void Optimizers(ChapterRun run, ImageData data)
    {
        int epochs = run.Quick ? 2 : 3;
        run.Heading("SGD, momentum and Adam");
        run.Text($"An MLP (784 -> 256 ReLU -> 10) from the same initial weights (torch.manual_seed(42)), {epochs} epochs of " +
                 $"batches of {BatchSize}: plain SGD, SGD with momentum 0.9 (each step adds 0.9 of the previous one), and Adam " +
                 "(moving averages of the gradient and of its square).");
        (string Name, Func<IEnumerable<Tensor>, Optimizer> Create)[] optimizers =
        [
            ("SGD (lr 0.05)", p => new SGD(p, 0.05)),
            ("SGD + momentum 0.9 (lr 0.05)", p => new SGD(p, 0.05, momentum: 0.9)),
            ("Adam (lr 0.001)", p => new Adam(p, 1e-3)),
        ];
        var series = new List<(string, IReadOnlyList<double>)>();
        foreach (var (name, create) in optimizers)
        {
            Torch.ManualSeed(42);
            var model = Classifiers.Mlp();
            var result = ClassifierRun.Fit(model, create(model.Parameters()), data, epochs, BatchSize, run.Console, name);
            EpochAccuracy last = result.History[^1];
            run.Print($"{name,-30} final loss {Py.Fixed(last.Loss, 4)}, test accuracy {Py.Fixed(last.TestAccuracy, 4)}");
            series.Add((name, MovingAverage(result.BatchLosses, 20)));
        }
        run.Figure(Charts.Series("Training loss per batch (moving average of 20)", "Batch", "Cross-entropy", series),
            "Three loss curves: Adam and momentum fall faster than plain SGD", "Loss per batch for each optimizer");
    }

    /// <summary>L1 and L2 weight decay, dropout, and early stopping on a small training set that invites overfitting.</summary>
    public static void Regularization(ChapterRun run, ImageData data)
    {
        ImageData small = data with { Train = data.Train.Head(1000) };
        int epochs = run.Quick ? 8 : 15;
        run.Heading("Weight decay: L1 and L2");
        run.Text("The loss plus λ Σ|w| (L1) or λ Σw² (L2; here SGD's weight_decay, which adds λ w to each gradient). " +
                 $"Trained on {small.Train.Count} images for {epochs} epochs with SGD (lr 0.1); the penalty keeps weights small, " +
                 "and L1 pushes many of them towards zero.");
        var rows = new List<IReadOnlyList<string>>();
        foreach (var (name, weightDecay, l1) in new[] { ("none", 0.0, 0.0), ("L2, weight_decay 0.01", 0.01, 0.0), ("L1, λ 0.0005", 0.0, 5e-4) })
        {
            Torch.ManualSeed(42);
            var model = Classifiers.Mlp();
            var weights = model.NamedParameters().Where(p => p.Name.EndsWith("weight", StringComparison.Ordinal)).Select(p => (Tensor)p.Parameter).ToList();
            var crossEntropy = new CrossEntropyLoss();
            Func<Tensor, Tensor, Tensor> loss = l1 > 0 ? (output, target) => crossEntropy.Call(output, target) + Penalty.L1(weights, l1) : crossEntropy.Call;
            var result = ClassifierRun.Fit(model, new SGD(model.Parameters(), 0.1, weightDecay: weightDecay), small, epochs, BatchSize,
                run.Console, $"weight decay: {name}", lossFn: loss);
            double squares = weights.Sum(w => w.Detach().Pow(2).Sum().Item());
            double tiny = weights.Sum(w => w.Detach().Abs().Lt(1e-3).Sum().Item()) / weights.Sum(w => w.Numel);
            EpochAccuracy last = result.History[^1];
            rows.Add([name, Py.Fixed(last.TrainAccuracy, 3), Py.Fixed(last.TestAccuracy, 3), Py.Fixed(squares, 2), Py.Fixed(100 * tiny, 1) + "%"]);
            run.Print($"{name,-22} train acc {Py.Fixed(last.TrainAccuracy, 3)}, test acc {Py.Fixed(last.TestAccuracy, 3)}, " +
                      $"Σw² {Py.Fixed(squares, 2)}, |w| < 0.001: {Py.Fixed(100 * tiny, 1)}%");
        }
        run.Table(["Penalty", "Train accuracy", "Test accuracy", "Σw²", "|w| < 0.001"], rows, "Weight decay on a small training set");
        Dropout(run, small, epochs);
        EarlyStop(run, small);
    }

    private static void Dropout(ChapterRun run, ImageData small, int epochs)
    {
        run.Heading("Dropout");
        run.Text("nn.Dropout(0.5) after the hidden layer zeroes half of its units at random in each training step (and scales " +
                 "the rest by 2); in eval mode it does nothing. It narrows the gap between training and test accuracy.");
        foreach (double p in new[] { 0.0, 0.5 })
        {
            Torch.ManualSeed(42);
            var model = Classifiers.Mlp(dropout: p);
            var result = ClassifierRun.Fit(model, new Adam(model.Parameters(), 1e-3), small, epochs, BatchSize, run.Console, $"dropout {p}");
            EpochAccuracy last = result.History[^1];
            run.Print(string.Create(CultureInfo.InvariantCulture,
                $"dropout {p:0.0}: train acc {last.TrainAccuracy:F3}, test acc {last.TestAccuracy:F3}, gap {last.TrainAccuracy - last.TestAccuracy:F3}"));
        }
    }

    private static void EarlyStop(ChapterRun run, ImageData small)
    {
        int maxEpochs = run.Quick ? 25 : 40;
        run.Heading("Early stopping");
        run.Text($"Train until the validation loss has not improved for 3 epochs (at most {maxEpochs}), then restore the best " +
                 "weights: the course's \"train until it overfits\", stopped at the right moment.");
        Torch.ManualSeed(42);
        var model = Classifiers.Mlp();
        var stopping = new EarlyStopping(patience: 3);
        var result = ClassifierRun.Fit(model, new Adam(model.Parameters(), 1e-3), small, maxEpochs, BatchSize, run.Console, "early stopping",
            trainer => trainer.EarlyStopping = stopping);
        run.Print($"stopped after {result.Trainer.TotalEpochs} of {maxEpochs} epochs; best validation loss {Py.Fixed(stopping.Best, 4)} " +
                  $"at epoch {stopping.BestEpoch + 1}; test accuracy with the restored weights {Py.Fixed(ClassifierRun.Accuracy(model, small.Test), 4)}");
        run.Figure(LossCurves.Plot(result.Trainer.Losses, result.Trainer.ValLosses, title: "Early stopping"),
            "Training loss keeps falling while validation loss turns up", "Training and validation loss until early stopping");
    }

    private static double[] MovingAverage(IReadOnlyList<double> values, int window)
    {
        var result = new double[values.Count];
        double sum = 0;
        for (int i = 0; i < values.Count; i++)
        {
            sum += values[i];
            if (i >= window) sum -= values[i - window];
            result[i] = sum / Math.Min(i + 1, window);
        }
        return result;
    }
}
