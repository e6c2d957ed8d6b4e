using System.Globalization;
using Gradus.Cli.Course;
using Gradus.Data;
using Gradus.NN;
using Gradus.Optim;
using Gradus.Training;

namespace Gradus.Cli.Models;

/// <summary>The accuracies measured after each epoch of a classifier's training (training accuracy on at most 10,000 images).</summary>
internal sealed record EpochAccuracy(int Epoch, double Loss, double ValLoss, double TrainAccuracy, double TestAccuracy);

/// <summary>What a training run leaves: the trainer (epoch losses), each epoch's accuracies and every batch's loss.</summary>
internal sealed record FitResult(Trainer Trainer, List<EpochAccuracy> History, List<double> BatchLosses);

/// <summary>
/// Trains an image classifier with the <see cref="Trainer"/> (cross-entropy, shuffled mini-batches, the test split as
/// validation), showing progress, and measures accuracy after every epoch.
/// </summary>
internal static class ClassifierRun
{
    /// <summary>
    /// Trains <paramref name="model"/> until it has seen up to <paramref name="epochs"/> epochs in all, with cross-entropy (or
    /// <paramref name="lossFn"/>); <paramref name="configure"/> runs once the loaders are set, to add early stopping, an epoch
    /// callback, or a checkpoint to resume from (whose epochs count towards the total).
    /// </summary>
    public static FitResult Fit(Module model, Optimizer optimizer, ImageData data, int epochs, int batchSize, CliConsole console,
        string title, Action<Trainer>? configure = null, Func<Tensor, Tensor, Tensor>? lossFn = null)
    {
        var trainer = new Trainer(model, lossFn ?? new CrossEntropyLoss().Call, optimizer) { Log = null };
        var loader = new DataLoader(new TensorDataset(data.Train.Images, data.Train.Labels), batchSize, shuffle: true);
        trainer.SetLoaders(loader, new DataLoader(new TensorDataset(data.Test.Images, data.Test.Labels), 1000));
        configure?.Invoke(trainer);
        var history = new List<EpochAccuracy>();
        var batchLosses = new List<double>();
        Action<EpochRecord>? afterEpoch = trainer.OnEpochEnd;
        trainer.OnEpochEnd = record =>
        {
            history.Add(new EpochAccuracy(record.Epoch, record.Loss, record.ValLoss ?? double.NaN,
                Accuracy(model, data.Train.Head(10000)), Accuracy(model, data.Test)));
            afterEpoch?.Invoke(record);
        };
        int toTrain = Math.Max(0, epochs - trainer.TotalEpochs);
        if (toTrain == 0) return new FitResult(trainer, history, batchLosses);
        console.Progress(title, toTrain * loader.Count, report =>
        {
            trainer.OnBatchEnd = (epoch, _, _, loss) =>
            {
                batchLosses.Add(loss);
                report(batchLosses.Count, string.Create(CultureInfo.InvariantCulture, $"epoch {epoch}/{epochs} loss {loss:F4}"));
            };
            trainer.Train(toTrain);
        });
        return new FitResult(trainer, history, batchLosses);
    }

    /// <summary>The predicted class of every image, computed in eval mode without gradients, 1000 images at a time.</summary>
    public static Tensor Predict(Module model, Tensor images)
    {
        bool training = model.Training;
        model.Eval();
        try
        {
            using (Torch.NoGrad())
            {
                var parts = new List<Tensor>();
                for (int start = 0; start < images.Size(0); start += 1000)
                    parts.Add(model.Call(images.Narrow(0, start, Math.Min(1000, images.Size(0) - start))).Argmax(1));
                return Torch.Cat(parts);
            }
        }
        finally
        {
            model.Train(training);
        }
    }

    /// <summary>The fraction of <paramref name="split"/> the model classifies correctly.</summary>
    public static double Accuracy(Module model, ImageSplit split) => Metrics.Accuracy(Predict(model, split.Images), split.Labels);

    /// <summary>One line per epoch: loss, validation loss and accuracies.</summary>
    public static string Describe(EpochAccuracy e) => string.Create(CultureInfo.InvariantCulture,
        $"epoch {e.Epoch,2}: loss {e.Loss:F4}, test loss {e.ValLoss:F4}, train acc {e.TrainAccuracy:F3}, test acc {e.TestAccuracy:F3}");
}
