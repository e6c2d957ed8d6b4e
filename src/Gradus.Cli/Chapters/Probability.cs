using Gradus.Cli.Course;
using Gradus.Plots;
using ScottPlot;

namespace Gradus.Cli.Chapters;

/// <summary>
/// The probability part of chapter 2: tossing a fair coin with <c>Multinomial(n, fair_probs).sample()</c> after
/// <c>torch.manual_seed(42)</c>, and the running frequency of heads and tails over 10,000 tosses.
/// </summary>
internal static class Probability
{
    /// <summary>Counts, frequencies and the convergence picture.</summary>
    public static void Run(ChapterRun run)
    {
        run.Heading("Probability: tossing coins");
        run.Text("Multinomial(n, fair_probs).sample() draws n tosses and counts each outcome; after torch.manual_seed(42).");
        Torch.ManualSeed(42);
        Tensor fairProbs = Torch.Tensor(new[] { 0.5, 0.5 });
        run.Print(Sample(100, fairProbs).ToString());
        run.Print((Sample(100, fairProbs) / 100).ToString());
        Tensor counts = Sample(10000, fairProbs);
        run.Print((counts / 10000).ToString());

        // counts = Multinomial(1, fair_probs).sample((10000,)); estimates = cum_counts / cum_counts.sum(dim=1, keepdims=True)
        Tensor tosses = Torch.Multinomial(fairProbs, 10000, replacement: true);
        Tensor oneHot = Torch.Zeros(10000, 2).Scatter(1, tosses.Unsqueeze(1), 1.0);
        Tensor cumCounts = oneHot.CumSum(0);
        Tensor estimates = cumCounts / cumCounts.Sum(1, keepDim: true);
        run.Print($"after 10000 tosses: {estimates[^1]}");
        run.Figure(Estimates(estimates), "Running frequencies of heads and tails settling towards 0.5",
            "Estimated probabilities of heads and tails as the number of tosses grows");
    }

    /// <summary><c>torch.distributions.Multinomial(totalCount, probs).sample()</c>: counts of totalCount categorical draws.</summary>
    public static Tensor Sample(int totalCount, Tensor probs)
    {
        Tensor draws = Torch.Multinomial(probs, totalCount, replacement: true);
        return Torch.Zeros([probs.Size(0)], DType.Int64).ScatterAdd(0, draws, Torch.OnesLike(draws)).To(probs.DType);
    }

    private static Figure Estimates(Tensor estimates)
    {
        int n = estimates.Size(0);
        double[] groups = [.. Enumerable.Range(1, n).Select(i => (double)i)];
        var plot = new Plot();
        plot.Title("Coin tosses");
        plot.XLabel("Samples");
        plot.YLabel("Estimated probability");
        string[] names = ["P(coin=heads)", "P(coin=tails)"];
        for (int outcome = 0; outcome < 2; outcome++)
        {
            var line = plot.Add.ScatterLine(groups, estimates[.., outcome].ToArray<double>());
            line.MarkerSize = 0;
            line.LineWidth = 2;
            line.LegendText = names[outcome];
        }
        var half = plot.Add.HorizontalLine(0.5);
        half.LinePattern = LinePattern.Dashed;
        half.Color = Colors.Black;
        plot.Axes.SetLimitsY(0, 1);
        plot.ShowLegend(Alignment.UpperRight);
        return new Figure(plot, 720, 420);
    }
}
