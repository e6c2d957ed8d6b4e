using Gradus.Data;
using Gradus.Data.Csv;
using Gradus.Data.Datasets;

namespace Gradus.Tests.Data.Datasets;

public class CsvDatasetTests
{
    private const string Text =
        "date,status,age,weight,city\n" +
        "d1,Healthy,30,70.5,Oslo\n" +
        "d2,Sick,40,80,Rome\n" +
        "d3,Healthy,50,NA,Oslo\n";

    [Fact]
    public void NumericFeaturesAndALabelEncodedTextTarget()
    {
        var data = CsvDataset.FromTable(CsvTable.Parse(Text), "status");
        Assert.Equal(["age", "weight"], data.FeatureNames);
        Assert.Equal([3, 2], data.Features.Shape);
        Assert.Equal(DType.Float32, data.Features.DType);
        var features = data.Features.ToArray<float>();
        Assert.Equal([30f, 70.5f, 40f, 80f, 50f], features.Take(5));
        Assert.True(float.IsNaN(features[5]));
        Assert.Equal(DType.Int64, data.Targets.DType);
        Assert.Equal([0L, 1, 0], data.Targets.ToArray<long>());
        Assert.Equal(["Healthy", "Sick"], data.Classes);
        var (x, y) = data[1];
        Assert.Equal([40f, 80f], x.ToArray<float>());
        Assert.Equal(1L, y.Item<long>());
    }

    [Fact]
    public void OneHotTextFeaturesAndTargets()
    {
        var table = CsvTable.Parse(Text);
        var data = CsvDataset.FromTable(table, "status", ["city", "age"], TargetEncoding.OneHot, DType.Float64);
        Assert.Equal(["city_Oslo", "city_Rome", "age"], data.FeatureNames);
        Assert.Equal([1.0, 0, 30, 0, 1, 40, 1, 0, 50], data.Features.ToArray<double>());
        Assert.Equal([3, 2], data.Targets.Shape);
        Assert.Equal([1f, 0, 0, 1, 1, 0], data.Targets.ToArray<float>());

        var regression = CsvDataset.FromTable(table, "age", ["weight"]);
        Assert.Equal([3, 1], regression.Targets.Shape);
        Assert.Equal([30f, 40, 50], regression.Targets.ToArray<float>());
        Assert.Null(regression.Classes);
    }

    [Fact]
    public void ThePatientSheetFromTheCourse()
    {
        string path = DataFixtures.RepositoryFile(Path.Combine("data", "patients.csv"));
        var data = CsvDataset.Load(path, "B");
        Assert.Equal(20, data.Count);
        Assert.Equal([20, 24], data.Features.Shape);
        Assert.Equal(Enumerable.Range('C', 24).Select(c => ((char)c).ToString()), data.FeatureNames);
        Assert.Equal(["Healthy"], data.Classes);
        Assert.All(data.Targets.ToArray<long>(), v => Assert.Equal(0L, v));
        Assert.Equal(0.0, data.Features.Abs().Sum().Item());
        Assert.Equal(5, new DataLoader(data, batchSize: 4, generator: new Gradus.Random.Generator(1)).Count);
    }

    [Fact]
    public void BadColumnsAreNamed()
    {
        var table = CsvTable.Parse(Text);
        var missing = Assert.Throws<KeyNotFoundException>(() => CsvDataset.FromTable(table, "label"));
        Assert.Contains("no target column 'label'", missing.Message);
        Assert.Throws<ArgumentException>(() => CsvDataset.FromTable(table, "age", ["age"]));
        Assert.Throws<ArgumentException>(() => CsvDataset.FromTable(table, "status", targetEncoding: TargetEncoding.Numeric));
        Assert.Throws<InvalidOperationException>(() => CsvDataset.FromTable(table, "weight", ["age"], TargetEncoding.Label));
    }
}
