using System.Globalization;
using Gradus.Cli.Course;
using Gradus.IO;
using Gradus.NN;
using Gradus.Optim;
using Gradus.Plots;
using Gradus.Plots.Report;

namespace Gradus.Cli.Models;

/// <summary>What <c>gradus train</c> was asked to do, and doing it.</summary>
internal sealed record TrainJob(string DataSet, string Model, int Epochs, string Optimizer, double? Lr, int BatchSize,
    string? Checkpoint, bool Resume, long Seed, bool Quick, string? DataDir, string OutDir)
{
    /// <summary>The data set names the command accepts.</summary>
    public static readonly string[] DataSets = ["fashion-mnist", "digits"];

    /// <summary>The optimizer names the command accepts.</summary>
    public static readonly string[] Optimizers = ["sgd", "adam", "nadam", "rmsprop"];

    /// <summary>Loads the data, trains (resuming when asked), saves weights and the report.</summary>
    public void Run(CliConsole console)
    {
        string folder = OutputFolder.Prepare(OutDir);
        if (Resume && !File.Exists(Checkpoint))
            throw new FileNotFoundException($"no checkpoint at '{Checkpoint}' to resume from");
        int? trainLimit = Quick ? 2000 : null, testLimit = Quick ? 1000 : null;
        ImageData data = DataSet == "digits"
            ? ImageData.Digits(DataDir, trainLimit, testLimit)
            : ImageData.FashionMnist(DataDir, trainLimit, testLimit);
        console.WriteLine(data.Describe());
        Torch.ManualSeed(Seed);
        Module model = Classifiers.Create(Model);
        double lr = Lr ?? DefaultLr(Optimizer);
        Optimizer optimizer = CreateOptimizer(Optimizer, model.Parameters(), lr);
        console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"model {Model} ({model.Parameters().Sum(p => p.Numel)} parameters), {Optimizer} lr {lr}, batch size {BatchSize}"));

        var result = ClassifierRun.Fit(model, optimizer, data, Epochs, BatchSize, console, $"{Model} on {data.Name}", trainer =>
        {
            if (Resume)
            {
                trainer.LoadCheckpoint(Checkpoint!);
                console.WriteLine($"resumed from {Checkpoint} after epoch {trainer.TotalEpochs}; {Math.Max(0, Epochs - trainer.TotalEpochs)} epochs to go");
            }
            if (Checkpoint is not null)
                trainer.OnEpochEnd = _ => trainer.SaveCheckpoint(Checkpoint);
        });
        foreach (EpochAccuracy e in result.History) console.WriteLine(ClassifierRun.Describe(e));

        double accuracy = ClassifierRun.Accuracy(model, data.Test);
        string weights = Path.Combine(folder, "model.safetensors");
        TensorFiles.SaveFile(model.StateDict(), weights, new Dictionary<string, string>
        {
            ["model"] = Model, ["dataset"] = DataSet, ["epochs"] = result.Trainer.TotalEpochs.ToString(CultureInfo.InvariantCulture),
            ["test_accuracy"] = accuracy.ToString("R", CultureInfo.InvariantCulture),
        });
        console.WriteLine($"test accuracy {accuracy.ToString("F4", CultureInfo.InvariantCulture)}");
        console.WriteLine($"wrote {weights}");
        console.WriteLine($"wrote {Report(folder, model, data, result)}");
    }

    private string Report(string folder, Module model, ImageData data, FitResult result)
    {
        var report = new CourseReport(folder, $"gradus train {DataSet} --model {Model}");
        var run = new ChapterRun(report.AddChapter(1, $"{Model} on {data.Name}"), new CliConsole(TextWriter.Null, TextWriter.Null, false),
            new CourseOptions(folder, Quick, DataDir));
        run.Heading("Training");
        run.Print(data.Describe());
        run.Print(model.ToString());
        foreach (EpochAccuracy e in result.History) run.Print(ClassifierRun.Describe(e));
        if (result.Trainer.Losses.Count > 0)
            run.Figure(LossCurves.Plot(result.Trainer.Losses, result.Trainer.ValLosses.Count == result.Trainer.Losses.Count ? result.Trainer.ValLosses : null,
                title: "Cross-entropy per epoch"), "Training and test loss per epoch", "Training and test loss");
        run.Heading("Predictions");
        CourseData.ShowPredictions(run, model, data);
        run.Flush();
        return report.Write();
    }

    private static double DefaultLr(string optimizer) => optimizer switch
    {
        "sgd" => 0.1,
        "nadam" => 2e-3,
        _ => 1e-3,
    };

    private static Optimizer CreateOptimizer(string name, IEnumerable<Tensor> parameters, double lr) => name switch
    {
        "sgd" => new SGD(parameters, lr),
        "adam" => new Adam(parameters, lr),
        "nadam" => new NAdam(parameters, lr),
        "rmsprop" => new RMSprop(parameters, lr),
        _ => throw new UsageException($"unknown optimizer '{name}'; choose one of {string.Join(", ", Optimizers)}"),
    };
}
