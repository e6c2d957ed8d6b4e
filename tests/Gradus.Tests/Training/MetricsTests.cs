using Gradus.Training;

namespace Gradus.Tests.Training;

public class MetricsTests
{
    [Fact]
    public void ClassificationMetricsMatchScikitLearn()
    {
        var root = Fixture.Load("training", "metrics.json");
        foreach (var c in root.GetProperty("classification").EnumerateArray())
        {
            int k = c.GetProperty("k").GetInt32();
            var t = Torch.Tensor(c.GetProperty("targets").Ints().Select(v => (long)v).ToArray());
            var p = Torch.Tensor(c.GetProperty("predictions").Ints().Select(v => (long)v).ToArray());
            Assert.Equal(c.GetProperty("accuracy").GetDouble(), Metrics.Accuracy(p, t), 12);
            var cm = Metrics.ConfusionMatrix(p, t, k);
            var want = c.GetProperty("confusion").EnumerateArray().Select(r => r.Ints()).ToArray();
            for (int i = 0; i < k; i++)
                for (int j = 0; j < k; j++) Assert.Equal(want[i][j], cm[i, j]);
            foreach (var a in k == 2 ? new[] { Average.Binary, Average.Macro, Average.Weighted } : [Average.Macro, Average.Weighted])
            {
                string s = a.ToString().ToLowerInvariant();
                Assert.Equal(c.GetProperty("precision_" + s).GetDouble(), Metrics.Precision(p, t, a, k), 12);
                Assert.Equal(c.GetProperty("recall_" + s).GetDouble(), Metrics.Recall(p, t, a, k), 12);
                Assert.Equal(c.GetProperty("f1_" + s).GetDouble(), Metrics.F1(p, t, a, k), 12);
            }
        }
    }

    [Fact]
    public void RegressionMetricsMatchScikitLearn()
    {
        var r = Fixture.Load("training", "metrics.json").GetProperty("regression");
        var y = Torch.FromArray(r.GetProperty("targets").Doubles());
        var yhat = Torch.FromArray(r.GetProperty("predictions").Doubles());
        Assert.Equal(r.GetProperty("mse").GetDouble(), Metrics.MeanSquaredError(yhat, y), 12);
        Assert.Equal(r.GetProperty("mae").GetDouble(), Metrics.MeanAbsoluteError(yhat, y), 12);
        Assert.Equal(r.GetProperty("r2").GetDouble(), Metrics.R2Score(yhat, y), 12);
    }

    [Fact]
    public void AccuracyTakesArgmaxOfScores()
    {
        var scores = Torch.Tensor(new float[,] { { 0.1f, 2f }, { 3f, -1f }, { 0f, 0.5f } });
        Assert.Equal(2.0 / 3, Metrics.Accuracy(scores, Torch.Tensor(new long[] { 1, 0, 0 })), 12);
        Assert.Throws<ArgumentException>(() => Metrics.Accuracy(scores, Torch.Tensor(new long[] { 1, 0 })));
    }

    [Fact]
    public void EarlyStoppingWaitsForPatience()
    {
        var es = new EarlyStopping(patience: 2, minDelta: 0.01);
        Assert.True(es.Update(0, 1.0));
        Assert.True(es.Update(1, 0.9));
        Assert.False(es.Update(2, 0.895));
        Assert.False(es.ShouldStop);
        Assert.False(es.Update(3, 0.95));
        Assert.True(es.ShouldStop);
        Assert.Equal(1, es.BestEpoch);
        Assert.Throws<ArgumentException>(() => new EarlyStopping(mode: "up"));
    }
}
