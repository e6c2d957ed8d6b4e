using Gradus.Plots.Report;

namespace Gradus.Plots.Tests.Report;

/// <summary>A small two-chapter report with every kind of block, written to a fresh temporary folder.</summary>
internal sealed class SampleReport : IDisposable
{
    public SampleReport()
    {
        Dir = Environment.GetEnvironmentVariable("GRADUS_KEEP_REPORT") ?? Path.Combine(Path.GetTempPath(), "gradus-report-" + Guid.NewGuid().ToString("N"));
        var report = new CourseReport(Dir, "Gradus <Course> & Report");
        var (x, y, xv, yv) = Samples.Regression();
        report.AddChapter(1, "A Simple Regression Problem")
            .AddHeading("Loss curves")
            .AddFigure(LossCurves.Plot([1.0, 0.5, 0.3, 0.2], [1.1, 0.6, 0.35, 0.3]), "Training and validation loss", "Losses per epoch", 600, 300)
            .AddHeading("Images")
            .AddFigure(ImageGrid.Plot(new byte[2 * 28 * 28].Select((_, i) => (byte)(i % 251)).ToArray(), 28, 28, [0, 1], [0, 2]),
                "Two images", "True/predicted labels", 300, 170);
        report.AddChapter(0, "Visualizing Gradient Descent")
            .AddHeading("Data")
            .AddParagraph("We generate y = 1 + 2x + noise. <script>alert('x')</script> & friends.\n\nSecond paragraph.")
            .AddFigure(Scatter.TrainValidation(x, y, xv, yv), "Scatter of training and validation data", "Generated data", 800, 360)
            .AddHeading("Step 0", 3)
            .AddOutput("[0.49671415] [-0.1382643]\ntensor([0.1940], requires_grad=True) <grad>")
            .AddHeading("Loss surface")
            .AddFigure(LossSurface.Plot(Samples.Surface(), [Samples.Descent("Batch", 80, 50)]), "Loss surface with the batch path", "MSE over b and w", 600, 480)
            .AddTable(["Learning rate", "Outcome"], [["0.05", "too low"], ["0.3", "right"], ["1.1", "diverges"]], "Learning rates");
        IndexPath = report.Write();
    }

    public string Dir { get; }

    public string IndexPath { get; }

    public static readonly string[] Pages = ["index.html", "chapter-0.html", "chapter-1.html"];

    public void Dispose()
    {
        if (Directory.Exists(Dir) && Environment.GetEnvironmentVariable("GRADUS_KEEP_REPORT") is null) Directory.Delete(Dir, true);
    }
}
