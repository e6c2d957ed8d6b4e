using System.CommandLine;
using Gradus.Cli.Descent;
using Gradus.Cli.Text;
using Gradus.Data.Synthetic;
using Gradus.Plots;
using Gradus.Random;

namespace Gradus.Cli.Commands;

/// <summary><c>gradus gd</c>: gradient descent on the course's simple regression, drawn.</summary>
internal static class GdCommand
{
    /// <summary>The command with its options.</summary>
    public static Command Create(CliConsole console)
    {
        var lr = new Option<double>("--lr") { Description = "Learning rate", DefaultValueFactory = _ => 0.1 }.Positive();
        var batchSize = new Option<int>("--batch-size")
        {
            Description = "Points per update: 80 (all of them) is batch, 16 mini-batch, 1 stochastic gradient descent",
            DefaultValueFactory = _ => 80,
        }.Positive();
        var epochs = new Option<int>("--epochs") { Description = "Passes over the 80 training points", DefaultValueFactory = _ => 100 }.Positive();
        var scale = new Option<bool>("--scale") { Description = "Standardise x to zero mean and unit variance first (StandardScaler)" };
        var outDir = CommonOptions.Out("gradus-gd", "the pictures");
        var command = new Command("gd",
            "Gradient descent visualizer: trains y = b + w x on the course's data (b = 1, w = 2, 80 points) by hand and " +
            "draws the loss surface with the path taken, the cross-sections, the loss per epoch and the fitted line")
        {
            lr, batchSize, epochs, scale, outDir,
        };
        command.SetAction(result =>
        {
            Draw(console, result.GetValue(lr), result.GetValue(batchSize), result.GetValue(epochs), result.GetValue(scale), result.GetValue(outDir)!);
            return GradusCli.Success;
        });
        return command;
    }

    private static void Draw(CliConsole console, double lr, int batchSize, int epochs, bool scale, string outDir)
    {
        string folder = OutputFolder.Prepare(outDir);
        var data = LinearRegressionData.Generate(trueB: 1, trueW: 2, n: 100, seed: 42);
        SimpleRegression regression = SimpleRegression.Course(data);
        if (scale) regression = regression.Standardized();
        var random = new RandomState(42);
        double b = random.Randn(1)[0], w = random.Randn(1)[0];
        int size = Math.Min(batchSize, regression.XTrain.Length);
        string kind = size == regression.XTrain.Length ? "batch" : size == 1 ? "stochastic" : "mini-batch";
        console.WriteLine($"{kind} gradient descent: lr = {Py.Repr(lr)}, batch size {size}, {epochs} epochs{(scale ? ", x standardised" : "")}");
        console.WriteLine($"start: b = {Py.Fixed(b, 4)}, w = {Py.Fixed(w, 4)}, loss = {Py.Fixed(regression.Loss(b, w), 4)}");
        DescentRun run = HandDescent.Run(regression, b, w, lr, epochs, size, random, $"{kind}, lr = {Py.Repr(lr)}");
        int updates = run.Path.B.Length - 1;
        double start = regression.Loss(b, w), end = regression.Loss(run.B, run.W);
        console.WriteLine($"after {updates} updates: b = {Py.General(run.B)}, w = {Py.General(run.W)}, loss = {Py.General(end)}");
        if (run.EpochLosses.Length < epochs || !(end < start))
            console.WriteLine($"diverged: the loss grew from {Py.General(start)} to {Py.General(end)}; the learning rate is too high");

        LossGrid grid = regression.Grid();
        var files = new List<(string Name, Figure Figure)>
        {
            ("loss-surface.png", LossSurface.Plot(grid, [run.Path], $"Loss surface: {run.Label}")),
            ("cross-sections.png", CrossSections.Sections(grid, b, w)),
            ("fit.png", Line.Fit(regression.XTrain, regression.YTrain, run.B, run.W, "Model's predictions")),
        };
        if (run.EpochLosses.Length > 0 && run.EpochLosses.All(l => l > 0))
            files.Add(("losses.png", LossCurves.Plot(run.EpochLosses, title: "Training loss per epoch")));
        foreach (var (name, figure) in files)
        {
            string path = Path.Combine(folder, name);
            figure.SavePng(path);
            console.WriteLine($"wrote {path}");
        }
    }
}
