using Gradus.Cli.Models;
using Gradus.NN;
using Gradus.Plots;
using Gradus.Training;

namespace Gradus.Cli.Course;

/// <summary>The image data sets as the chapters use them, and the pictures of a classifier's predictions.</summary>
internal static class CourseData
{
    /// <summary>Fashion-MNIST: all of it, or in quick mode the first 2,000 training and 1,000 test images (the data/ sample).</summary>
    public static ImageData FashionMnist(ChapterRun run) =>
        run.Quick ? ImageData.FashionMnist(run.Options.DataDir, 2000, 1000) : ImageData.FashionMnist(run.Options.DataDir);

    /// <summary>The digits: all that were found (8,000 / 2,000 in the data/ sample), or 2,000 / 500 in quick mode.</summary>
    public static ImageData Digits(ChapterRun run) =>
        run.Quick ? ImageData.Digits(run.Options.DataDir, 2000, 500) : ImageData.Digits(run.Options.DataDir);

    /// <summary>Test accuracy, a grid of test images titled true/predicted, and the confusion matrix.</summary>
    public static void ShowPredictions(ChapterRun run, Module model, ImageData data)
    {
        Tensor predicted = ClassifierRun.Predict(model, data.Test.Images);
        run.Print($"test accuracy: {Text.Py.Fixed(Metrics.Accuracy(predicted, data.Test.Labels), 4)}");
        int[] truth = data.Test.LabelArray(), guesses = [.. predicted.ToArray<long>().Select(p => (int)p)];
        const int shown = 20;
        run.Figure(ImageGrid.Plot(data.Test.Pixels[..(shown * ImageData.Side * ImageData.Side)], ImageData.Side, ImageData.Side,
                truth[..shown], guesses[..shown], data.Classes, columns: 10),
            "Twenty test images titled with their true and predicted class; mistakes in red", "Predictions on test images (true/predicted)");
        run.Figure(ConfusionMatrix.FromPredictions(truth, guesses, data.Classes),
            "Confusion matrix of the test set: true classes in rows, predicted in columns", "Confusion matrix on the test set");
    }
}
