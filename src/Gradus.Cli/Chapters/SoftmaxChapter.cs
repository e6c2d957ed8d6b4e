using Gradus.Cli.Course;
using Gradus.Cli.Models;
using Gradus.Cli.Text;
using Gradus.Data;
using Gradus.Optim;
using Gradus.Plots;

namespace Gradus.Cli.Chapters;

/// <summary>
/// Chapter 4, "Softmax regression on Fashion-MNIST" (course/003, D2L ch. 3): the data set, softmax and cross-entropy
/// written out, training from scratch, the concise model, predictions and the confusion matrix.
/// </summary>
internal sealed class SoftmaxChapter : CourseChapter
{
    private const int BatchSize = 256;
    private const double Lr = 0.1;

    /// <inheritdoc/>
    public override int Number => 4;

    /// <inheritdoc/>
    public override string Title => "Softmax regression on Fashion-MNIST";

    /// <inheritdoc/>
    public override void Run(ChapterRun run)
    {
        ImageData data = CourseData.FashionMnist(run);
        int epochs = run.Quick ? 5 : 10;
        run.Heading("The Fashion-MNIST data set");
        run.Print(data.Describe());
        run.Figure(ImageGrid.Plot(data.Train.Pixels[..(18 * 28 * 28)], 28, 28, data.Train.LabelArray()[..18], classNames: data.Classes, columns: 9),
            "Eighteen training images with their class names", "The first training images");

        Pieces(run);
        FromScratch(run, data, epochs);
        Concise(run, data, epochs);
    }

    // The small tensors D2L uses to explain softmax, picking by index, cross-entropy and accuracy.
    private static void Pieces(ChapterRun run)
    {
        run.Heading("Softmax, cross-entropy and accuracy");
        run.Text("softmax(X) = exp(X) / exp(X).sum(1, keepdim=True) turns each row into probabilities; the cross-entropy is " +
                 "-log of the probability given to the true class. X = torch.normal(0, 1, (2, 5)) after torch.manual_seed(42).");
        Torch.ManualSeed(42);
        Tensor x = Torch.Normal(0, 1, [2, 5]);
        Tensor prob = Softmax(x);
        run.Print(Py.Tuple(prob.ToString(), prob.Sum(1).ToString()));
        Tensor y = Torch.Tensor(new long[] { 0, 2 });
        Tensor yHat = Torch.Tensor(new[,] { { 0.1, 0.3, 0.6 }, { 0.3, 0.2, 0.5 } });
        run.Print(yHat[Torch.Tensor(new long[] { 0, 1 }), y].ToString());
        run.Print(CrossEntropy(yHat, y).ToString());
        run.Print(Py.Repr(CorrectCount(yHat, y) / y.Size(0)));
    }

    private static Tensor Softmax(Tensor x)
    {
        Tensor exp = Torch.Exp(x);
        return exp / exp.Sum(1, keepDim: true);
    }

    private static Tensor CrossEntropy(Tensor yHat, Tensor y) => -Torch.Log(yHat[Torch.Arange(yHat.Size(0)), y]);

    private static double CorrectCount(Tensor yHat, Tensor y) => yHat.Argmax(1).Eq(y.To(DType.Int64)).Sum().Item();

    private static void FromScratch(ChapterRun run, ImageData data, int epochs)
    {
        run.Heading("Softmax regression from scratch");
        run.Text($"W ~ N(0, 0.01²) of 784 x 10, b = 0; net(X) = softmax(X.reshape(-1, 784) W + b); minibatch SGD with lr = {Lr} " +
                 $"over shuffled batches of {BatchSize}, {epochs} epochs.");
        Torch.ManualSeed(42);
        Tensor w = Torch.Normal(0, 0.01, [784, 10]).RequiresGrad_();
        Tensor b = Torch.Zeros([10], DType.Float32, requiresGrad: true);
        Tensor Net(Tensor images) => Softmax(images.Reshape(-1, 784).Matmul(w) + b);
        var loader = new DataLoader(new TensorDataset(data.Train.Images, data.Train.Labels), BatchSize, shuffle: true);
        for (int epoch = 1; epoch <= epochs; epoch++)
        {
            double lossSum = 0, correct = 0;
            foreach (Tensor[] batch in loader)
            {
                Tensor yHat = Net(batch[0]);
                Tensor l = CrossEntropy(yHat, batch[1]);
                l.Mean().Backward();
                using (Torch.NoGrad())
                {
                    foreach (Tensor p in new[] { w, b })
                    {
                        p.Sub_(Lr * p.Grad!);
                        p.Grad!.Zero_();
                    }
                }
                lossSum += l.Sum().Item();
                correct += CorrectCount(yHat.Detach(), batch[1]);
            }
            double testAccuracy;
            using (Torch.NoGrad()) testAccuracy = CorrectCount(Net(data.Test.Images), data.Test.Labels) / data.Test.Count;
            run.Print($"epoch {epoch}, loss {Py.Fixed(lossSum / data.Train.Count, 4)}, train acc {Py.Fixed(correct / data.Train.Count, 3)}, " +
                      $"test acc {Py.Fixed(testAccuracy, 3)}");
        }
    }

    private static void Concise(ChapterRun run, ImageData data, int epochs)
    {
        run.Heading("Concise implementation");
        run.Text("nn.Sequential(nn.Flatten(), nn.Linear(784, 10)) with N(0, 0.01²) weights, nn.CrossEntropyLoss (which " +
                 "applies log-softmax itself, stably) and optim.SGD(lr=0.1), trained by the Trainer.");
        Torch.ManualSeed(42);
        var model = Classifiers.Softmax();
        var (trainer, history, _) = ClassifierRun.Fit(model, new SGD(model.Parameters(), Lr), data, epochs, BatchSize, run.Console, "softmax regression");
        foreach (EpochAccuracy e in history) run.Print(ClassifierRun.Describe(e));
        run.Figure(LossCurves.Plot(trainer.Losses, trainer.ValLosses, title: "Softmax regression: cross-entropy"),
            "Training and test loss per epoch", "Training and test loss");
        CourseData.ShowPredictions(run, model, data);
    }
}
