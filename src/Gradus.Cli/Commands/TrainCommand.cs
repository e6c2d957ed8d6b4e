using System.CommandLine;
using Gradus.Cli.Models;

namespace Gradus.Cli.Commands;

/// <summary><c>gradus train fashion-mnist|digits</c>: trains a classifier, saves its weights and a report.</summary>
internal static class TrainCommand
{
    /// <summary>The command with its arguments and options.</summary>
    public static Command Create(CliConsole console)
    {
        var dataset = new Argument<string>("DATASET") { Description = "The data set: fashion-mnist or digits" };
        dataset.AcceptOnlyFromAmong(TrainJob.DataSets);
        var model = new Option<string>("--model") { Description = "softmax (regression), mlp (one hidden layer) or cnn (LeNet)", DefaultValueFactory = _ => "mlp" };
        model.AcceptOnlyFromAmong(Classifiers.Names);
        var epochs = new Option<int>("--epochs") { Description = "Number of epochs (in total, when resuming)", DefaultValueFactory = _ => 5 }.Positive();
        var optimizer = new Option<string>("--optimizer") { Description = "sgd, adam, nadam or rmsprop", DefaultValueFactory = _ => "sgd" };
        optimizer.AcceptOnlyFromAmong(TrainJob.Optimizers);
        var lr = new Option<double?>("--lr") { Description = "Learning rate (default: 0.1 for sgd, 0.001 for adam and rmsprop, 0.002 for nadam)" };
        lr.Validators.Add(result =>
        {
            if (CommonOptions.Token<double>(result.Tokens) is { } value && value <= 0) result.AddError($"--lr must be positive, got {value}");
        });
        var batchSize = new Option<int>("--batch-size") { Description = "Images per mini-batch", DefaultValueFactory = _ => 64 }.Positive();
        var checkpoint = new Option<string?>("--checkpoint") { Description = "Save a checkpoint here after every epoch", HelpName = "PATH" };
        var resume = new Option<bool>("--resume") { Description = "Continue from the --checkpoint file" };
        var seed = new Option<long>("--seed") { Description = "Seed for initialisation and shuffling", DefaultValueFactory = _ => 42 };
        var quick = new Option<bool>("--quick") { Description = "Train on the first 2,000 images and test on 1,000 (the size of the data/ samples)" };
        var data = CommonOptions.Data();
        var outDir = CommonOptions.Out("gradus-train", "the weights (model.safetensors) and the report (index.html)");
        var command = new Command("train", "Train a classifier on Fashion-MNIST or the MNIST digits with a progress bar; saves the weights as " +
                                           "safetensors and an HTML report with the losses, predictions and confusion matrix")
        {
            dataset, model, epochs, optimizer, lr, batchSize, checkpoint, resume, seed, quick, data, outDir,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(resume) && string.IsNullOrEmpty(result.GetValue(checkpoint)))
                result.AddError("--resume needs --checkpoint PATH (the file to continue from)");
        });
        command.SetAction(result =>
        {
            var job = new TrainJob(result.GetValue(dataset)!, result.GetValue(model)!, result.GetValue(epochs), result.GetValue(optimizer)!,
                result.GetValue(lr), result.GetValue(batchSize), result.GetValue(checkpoint), result.GetValue(resume), result.GetValue(seed),
                result.GetValue(quick), result.GetValue(data), result.GetValue(outDir)!);
            job.Run(console);
            return GradusCli.Success;
        });
        return command;
    }
}
