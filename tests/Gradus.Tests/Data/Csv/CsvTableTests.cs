using System.Globalization;
using System.Text.Json;
using Gradus.Data.Csv;
using Gradus.Tests.IO;

namespace Gradus.Tests.Data.Csv;

public class CsvTableTests
{
    private static readonly JsonElement Expected = IoFixtures.Json("csv", "expected.json");

    private static string PatientsCsv()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string path = Path.Combine(dir.FullName, "data", "patients.csv");
            if (File.Exists(path))
                return path;
        }
        throw new FileNotFoundException($"data/patients.csv not found above {AppContext.BaseDirectory}");
    }

    public static TheoryData<string> Files() => ["mixed.csv", "patients.csv"];

    private static CsvTable Load(string file) =>
        CsvTable.Load(file == "patients.csv" ? PatientsCsv() : IoFixtures.Path("csv", file));

    [Theory]
    [MemberData(nameof(Files))]
    public void ColumnsKindsAndValuesMatchPythonsCsvModule(string file)
    {
        var expected = Expected.GetProperty(file);
        var table = Load(file);

        Assert.Equal(expected.GetProperty("columns").EnumerateArray().Select(c => c.GetString()), table.Columns);
        Assert.Equal(expected.GetProperty("rows").GetInt32(), table.RowCount);
        foreach (var column in expected.GetProperty("data").EnumerateObject())
        {
            bool numeric = column.Value.GetProperty("kind").GetString() == "numeric";
            Assert.Equal(numeric, table.IsNumeric(column.Name));
            Assert.Equal(column.Value.GetProperty("text").EnumerateArray().Select(t => t.GetString()), table.GetText(column.Name));
            if (numeric)
            {
                Assert.Equal(column.Value.GetProperty("numbers").EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Null ? double.NaN : v.GetDouble()),
                    table.GetNumeric(column.Name));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void LabelEncodeAndOneHotMatchScikitLearn(string file)
    {
        var table = Load(file);
        foreach (var column in Expected.GetProperty(file).GetProperty("data").EnumerateObject())
        {
            if (!column.Value.TryGetProperty("codes", out var codes))
                continue;
            var categories = column.Value.GetProperty("categories").EnumerateArray()
                .Select(c => c.ValueKind == JsonValueKind.Number ? c.GetDouble().ToString("R", CultureInfo.InvariantCulture) : c.GetString())
                .ToArray();

            var encoded = table.LabelEncode(column.Name);
            var (data, shape, oneHotCategories) = table.OneHot(column.Name);

            Assert.Equal(codes.EnumerateArray().Select(c => c.GetInt64()), encoded.Codes);
            Assert.Equal(categories, encoded.Categories);
            Assert.Equal(categories, oneHotCategories);
            Assert.Equal([table.RowCount, categories.Length], shape);
            Assert.Equal(column.Value.GetProperty("one_hot").EnumerateArray().Select(v => v.GetDouble()), data);
        }
    }

    [Fact]
    public void PatientTableReproducesTheCourseTable()
    {
        var table = Load("patients.csv");

        Assert.Equal(20, table.RowCount);
        Assert.Equal(26, table.ColumnCount);
        Assert.Equal(Enumerable.Range('A', 26).Select(c => ((char)c).ToString()), table.Columns);
        Assert.All(table.GetText("A"), d => Assert.Equal("11/10/2020", d));
        Assert.All(table.GetText("B"), h => Assert.Equal("Healthy", h));
        Assert.False(table.IsNumeric("A"));

        var features = table.Columns.Skip(2).ToArray();
        var (data, shape) = table.ToMatrix(features);
        Assert.Equal([20, 24], shape);
        Assert.Equal(new double[20 * 24], data);
    }

    [Fact]
    public void ToMatrixIsRowMajorInTheRequestedColumnOrder()
    {
        var table = CsvTable.Parse("a,b,c\n1,2,x\n3,4,y\n");

        var (data, shape) = table.ToMatrix("b", "a");

        Assert.Equal([2, 2], shape);
        Assert.Equal([2.0, 1.0, 4.0, 3.0], data);
    }

    [Fact]
    public void ToMatrixOfATextColumnSaysWhichColumn()
    {
        var table = Load("mixed.csv");

        var ex = Assert.Throws<InvalidOperationException>(() => table.ToMatrix());

        Assert.Contains("column 'name'", ex.Message);
        Assert.Contains("is text, not numeric", ex.Message);
    }

    [Fact]
    public void MissingValuesBecomeNaNAndAreConfigurable()
    {
        const string text = "x,y\n1,NA\n-,?\n3,\n";

        var byDefault = CsvTable.Parse(text);
        var custom = CsvTable.Parse(text, new CsvOptions { MissingValues = new HashSet<string> { "-", "", "NA" } });

        Assert.False(byDefault.IsNumeric("x"));
        Assert.True(byDefault.IsNumeric("y"));
        Assert.Equal([double.NaN, double.NaN, double.NaN], byDefault.GetNumeric("y"));
        Assert.Equal([1.0, double.NaN, 3.0], custom.GetNumeric("x"));
        Assert.False(custom.IsNumeric("y"));
        Assert.Equal<string?>(new string?[] { null, "?", null }.AsEnumerable(), custom.GetText("y"));
    }

    [Fact]
    public void OtherDelimiterAndNoHeader()
    {
        var table = CsvTable.Parse("1;\"a;b\"\n2;c", new CsvOptions { Delimiter = ';', HasHeader = false });

        Assert.Equal(["0", "1"], table.Columns);
        Assert.Equal([1.0, 2.0], table.GetNumeric("0"));
        Assert.Equal<string?>(new[] { "a;b", "c" }.AsEnumerable(), table.GetText("1"));
    }

    [Theory]
    [InlineData("a,b\n1,2\n3\n", 3, "expected 2 fields (as in the header), found 1")]
    [InlineData("a,b\n1,2\n\"x\ny\",2,3\n", 3, "expected 2 fields (as in the header), found 3")]
    [InlineData("a,b\n1,2\n\n\n4,5,6\n", 5, "expected 2 fields (as in the header), found 3")]
    [InlineData("a,b\n\"1\"x,2\n", 2, "unexpected 'x' after a closing quote")]
    [InlineData("a,b\n1,\"2\n", 2, "a quoted field is never closed")]
    [InlineData("a,a\n1,2\n", 1, "duplicate column name 'a'")]
    public void BadRowsNameTheFileAndLine(string text, int line, string message)
    {
        using var folder = IoFixtures.NewFolder();
        string path = folder.File("bad.csv");
        File.WriteAllText(path, text);

        var ex = Assert.Throws<InvalidDataException>(() => CsvTable.Load(path));

        Assert.StartsWith($"{path}: line {line}: ", ex.Message);
        Assert.Contains(message, ex.Message);
    }

    [Fact]
    public void LabelEncodeRefusesMissingValues()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => Load("mixed.csv").LabelEncode("city"));

        Assert.Contains("column 'city'", ex.Message);
        Assert.Contains("missing value in data row 4", ex.Message);
    }

    [Fact]
    public void UnknownColumnListsTheColumns()
    {
        var ex = Assert.Throws<KeyNotFoundException>(() => Load("mixed.csv").GetNumeric("age"));

        Assert.Contains("No column 'age'", ex.Message);
        Assert.Contains("id, name, score, city, grade, flag", ex.Message);
    }

    [Fact]
    public void EmptyTextIsAnErrorAndAHeaderOnlyTableHasNoRows()
    {
        Assert.Contains("the CSV is empty", Assert.Throws<InvalidDataException>(() => CsvTable.Parse("")).Message);

        var table = CsvTable.Parse("a,b\n");

        Assert.Equal(0, table.RowCount);
        Assert.Equal([0, 2], table.ToMatrix().Shape);
    }
}
