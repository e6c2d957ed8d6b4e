using Gradus.Cli.Course;
using Gradus.Cli.Models;
using Gradus.Optim;
using Gradus.Plots;

namespace Gradus.Cli.Chapters;

/// <summary>Chapter 6, "A small CNN (LeNet) on Fashion-MNIST": the network, its layer shapes, training and its predictions.</summary>
internal sealed class LeNetChapter : CourseChapter
{
    /// <inheritdoc/>
    public override int Number => 6;

    /// <inheritdoc/>
    public override string Title => "A small CNN (LeNet) on Fashion-MNIST";

    /// <inheritdoc/>
    public override void Run(ChapterRun run)
    {
        ImageData data = CourseData.FashionMnist(run);
        int epochs = run.Quick ? 3 : 5;
        run.Heading("The network");
        run.Text("Two 5x5 convolutions (6 and 16 channels) each followed by ReLU and 2x2 max pooling, then three linear layers " +
                 "(120, 84, 10): LeNet-5 as D2L writes it, with ReLU and max pooling for the original sigmoid and average pooling.");
        Torch.ManualSeed(42);
        var model = Classifiers.LeNet();
        run.Print(model.ToString());
        run.Heading("Layer by layer", 3);
        Tensor x = Torch.Rand(1, 1, 28, 28);
        foreach (var (name, layer) in model.NamedChildren())
        {
            x = layer.Call(x);
            run.Print($"{layer.GetType().Name,-10} output shape: {x.Shape}");
        }
        int parameters = model.Parameters().Sum(p => p.Numel);
        run.Print($"{parameters} parameters");

        run.Heading("Training");
        run.Text($"Adam (lr = 0.001), cross-entropy, shuffled batches of 64, {epochs} epochs; {data.Describe()}.");
        var (trainer, history, _) = ClassifierRun.Fit(model, new Adam(model.Parameters(), lr: 1e-3), data, epochs, 64, run.Console, "LeNet");
        foreach (EpochAccuracy e in history) run.Print(ClassifierRun.Describe(e));
        run.Figure(LossCurves.Plot(trainer.Losses, trainer.ValLosses, title: "LeNet: cross-entropy"),
            "Training and test loss per epoch", "Training and test loss");
        CourseData.ShowPredictions(run, model, data);
    }
}
