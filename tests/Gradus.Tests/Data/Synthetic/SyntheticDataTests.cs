using System.Text.Json;
using Gradus.Data.Synthetic;
using Gradus.Random;
using static Gradus.Tests.Random.RandomFixtures;

namespace Gradus.Tests.Data.Synthetic;

/// <summary>The course's data sets equal what NumPy, PyTorch and scikit-learn produce (tools/gen_synthetic_random_fixtures.py).</summary>
public class SyntheticDataTests
{
    /// <summary>Points made with sin/cos: NumPy's AVX-512 float64 sin/cos may differ from libm by an ulp.</summary>
    private const double TrigTolerance = 1e-14;

    private static JsonElement Fixture => Load("synthetic.json");

    [Fact]
    public void CourseRegressionDataMatchesNumPyExactly()
    {
        JsonElement f = Fixture.GetProperty("regression");
        LinearRegressionData data = LinearRegressionData.Generate();
        Assert.Equal(Doubles(f.GetProperty("x")), data.X);
        Assert.Equal(Doubles(f.GetProperty("epsilon")), data.Epsilon);
        Assert.Equal(Doubles(f.GetProperty("y")), data.Y);
        Assert.Equal(Longs(f.GetProperty("idx")), data.Indices);
        Assert.Equal(Longs(f.GetProperty("train_idx")), data.TrainIndices);
        Assert.Equal(Longs(f.GetProperty("val_idx")), data.ValIndices);
        Assert.Equal(Doubles(f.GetProperty("x_train")), data.XTrain);
        Assert.Equal(Doubles(f.GetProperty("y_train")), data.YTrain);
        Assert.Equal(Doubles(f.GetProperty("x_val")), data.XVal);
        Assert.Equal(Doubles(f.GetProperty("y_val")), data.YVal);
        Assert.Equal([100, 1], data.Shape);
        Assert.Equal([80, 1], data.TrainShape);
        Assert.Equal([20, 1], data.ValShape);
        Assert.Equal(1.0, data.TrueB);
        Assert.Equal(2.0, data.TrueW);
    }

    [Fact]
    public void RegressionDataRejectsBadArguments()
    {
        Assert.Throws<ArgumentException>(() => LinearRegressionData.Generate(n: 0));
        Assert.Throws<ArgumentException>(() => LinearRegressionData.Generate(trainFraction: 1.5));
        Assert.Throws<ArgumentException>(() => LinearRegressionData.Generate(seed: -1));
        LinearRegressionData half = LinearRegressionData.Generate(n: 10, trainFraction: 0.5, seed: 3);
        Assert.Equal(5, half.TrainIndices.Length);
        Assert.Equal(5, half.ValIndices.Length);
    }

    [Fact]
    public void PolynomialDataMatchesPoly1d()
    {
        foreach (JsonElement f in Fixture.GetProperty("polynomial").EnumerateArray())
        {
            PolynomialData data = PolynomialData.Generate(f.GetProperty("n").GetInt32(), f.GetProperty("seed").GetInt64());
            Assert.Equal(Doubles(f.GetProperty("x")), data.X);
            Assert.Equal(Doubles(f.GetProperty("y")), data.Y);
            Assert.Equal(Doubles(f.GetProperty("features")), data.Features);
            Assert.Equal([data.N, 3], data.FeaturesShape);
        }
    }

    [Fact]
    public void D2LSyntheticDataMatchesTorch()
    {
        foreach (JsonElement f in Fixture.GetProperty("d2l").EnumerateArray())
        {
            float[] w = Floats(f.GetProperty("w"));
            float b = (float)f.GetProperty("b").GetDouble();
            int n = f.GetProperty("n").GetInt32();
            SyntheticLinearData data = SyntheticLinearData.Generate(w, b, n, new Generator(f.GetProperty("seed").GetUInt64()));
            AssertClose(Floats(f.GetProperty("features")), data.Features, "features");
            AssertClose(Floats(f.GetProperty("labels")), data.Labels, "labels");
            Assert.Equal([n, 2], data.FeaturesShape);
            Assert.Equal([n, 1], data.LabelsShape);
        }
        Assert.Throws<ArgumentException>(() => SyntheticLinearData.Generate([], 1f, 3, new Generator(0)));
    }

    [Fact]
    public void MoonsCirclesAndBlobsMatchScikitLearn()
    {
        foreach (JsonElement f in Fixture.GetProperty("sklearn").EnumerateArray())
        {
            JsonElement kw = f.GetProperty("kwargs");
            int n = kw.GetProperty("n_samples").GetInt32();
            bool shuffle = !kw.TryGetProperty("shuffle", out JsonElement s) || s.GetBoolean();
            double? noise = kw.TryGetProperty("noise", out JsonElement z) ? z.GetDouble() : null;
            var rs = new RandomState(kw.GetProperty("random_state").GetInt64());
            ClassificationData data = f.GetProperty("name").GetString() switch
            {
                "moons" => SampleGenerators.MakeMoons(n, shuffle, noise, rs),
                "circles" => SampleGenerators.MakeCircles(n, shuffle, noise, rs,
                    kw.TryGetProperty("factor", out JsonElement fa) ? fa.GetDouble() : 0.8),
                _ => Blobs(kw, n, shuffle, rs),
            };
            string what = $"{f.GetProperty("name")} {kw}";
            AssertNear(Doubles(f.GetProperty("x")), data.X, TrigTolerance, what);
            Assert.Equal(Longs(f.GetProperty("y")), data.Y);
            Assert.Equal(data.X.Length / data.NumSamples, data.NumFeatures);
        }
    }

    [Fact]
    public void SpiralsMatchCs231n()
    {
        foreach (JsonElement f in Fixture.GetProperty("spirals").EnumerateArray())
        {
            ClassificationData data = Spirals.Generate(
                f.GetProperty("n").GetInt32(), f.GetProperty("k").GetInt32(), new RandomState(f.GetProperty("seed").GetInt64()));
            AssertNear(Doubles(f.GetProperty("x")), data.X, TrigTolerance, "spirals");
            Assert.Equal(Longs(f.GetProperty("y")), data.Y);
            Assert.Equal([data.NumSamples, 2], data.XShape);
        }
    }

    [Fact]
    public void ToySetsRejectBadArguments()
    {
        var rs = new RandomState(0);
        var ex = Assert.Throws<ArgumentException>(() => SampleGenerators.MakeCircles(10, factor: 1.0, randomState: rs));
        Assert.Equal("'factor' has to be between 0 and 1.", ex.Message);
        Assert.Throws<ArgumentException>(() => SampleGenerators.MakeMoons(-1, randomState: rs));
        Assert.Throws<ArgumentException>(() => SampleGenerators.MakeBlobs(10, centers: 0, randomState: rs));
        Assert.Throws<ArgumentException>(() => SampleGenerators.MakeBlobs(10, clusterStd: -1, randomState: rs));
        Assert.Throws<ArgumentException>(() => Spirals.Generate(-1, randomState: rs));
        Assert.Equal(3, SampleGenerators.MakeBlobs(12, randomState: new RandomState(1)).Centers!.Length / 2);
    }

    private static ClassificationData Blobs(JsonElement kw, int n, bool shuffle, RandomState rs)
    {
        double std = kw.TryGetProperty("cluster_std", out JsonElement cs) ? cs.GetDouble() : 1.0;
        if (kw.TryGetProperty("centers", out JsonElement centers) && centers.ValueKind == JsonValueKind.Array)
        {
            double[][] rows = [.. centers.EnumerateArray().Select(Doubles)];
            var grid = new double[rows.Length, rows[0].Length];
            for (int i = 0; i < rows.Length; i++)
            {
                for (int j = 0; j < rows[i].Length; j++)
                {
                    grid[i, j] = rows[i][j];
                }
            }
            return SampleGenerators.MakeBlobs(n, grid, std, shuffle, rs);
        }
        int features = kw.TryGetProperty("n_features", out JsonElement nf) ? nf.GetInt32() : 2;
        int k = kw.TryGetProperty("centers", out JsonElement kc) ? kc.GetInt32() : 3;
        return SampleGenerators.MakeBlobs(n, features, k, std, shuffle: shuffle, randomState: rs);
    }
}
