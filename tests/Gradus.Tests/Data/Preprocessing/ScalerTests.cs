using System.Text.Json;
using Gradus.Data.Preprocessing;

namespace Gradus.Tests.Data.Preprocessing;

public class ScalerTests
{
    private static readonly JsonElement[] Cases = DataFixtures.Load("scalers.json").EnumerateArray().ToArray();

    private static DType DTypeOf(JsonElement c) => c.GetProperty("dtype").GetString() == "float32" ? DType.Float32 : DType.Float64;

    // float64 results agree to rounding of the summation order; float32 ones to one float32 step.
    private static double Tol(DType dtype) => dtype == DType.Float32 ? 1e-6 : 1e-12;

    private static void Close(JsonElement expected, Tensor actual, double tol, string what) =>
        DataFixtures.CloseWithNaN(DataFixtures.Flat(expected), actual.ToArray<double>(), tol, what);

    [Fact]
    public void StandardScalerMatchesScikitLearn()
    {
        foreach (var c in Cases)
        {
            var dtype = DTypeOf(c);
            var name = c.GetProperty("name").GetString()!;
            var x = DataFixtures.Matrix(c.GetProperty("x"), dtype);
            var fresh = DataFixtures.Matrix(c.GetProperty("new"), dtype);
            var s = c.GetProperty("standard");
            var scaler = new StandardScaler().Fit(x);
            Close(s.GetProperty("mean"), scaler.Mean, 1e-12, $"{name} mean");
            Close(s.GetProperty("var"), scaler.Var, 1e-12, $"{name} var");
            Close(s.GetProperty("scale"), scaler.Scale, 1e-12, $"{name} scale");
            Assert.Equal(DataFixtures.Flat(s.GetProperty("n_samples_seen")), scaler.NSamplesSeen.ToArray<double>());
            Assert.Equal(1.0, scaler.Scale.ToArray<double>()[2]);   // the constant column

            var z = scaler.Transform(x);
            Assert.Equal(dtype, z.DType);
            Close(s.GetProperty("transform"), z, Tol(dtype), $"{name} transform");
            Close(s.GetProperty("transform_new"), scaler.Transform(fresh), Tol(dtype), $"{name} transform new");
            Close(s.GetProperty("inverse_new"), scaler.InverseTransform(fresh), Tol(dtype), $"{name} inverse");
            Close(s.GetProperty("no_mean"), new StandardScaler(withMean: false).FitTransform(x), Tol(dtype), $"{name} with_mean=False");
            Close(s.GetProperty("no_std"), new StandardScaler(withStd: false).FitTransform(x), Tol(dtype), $"{name} with_std=False");
        }
    }

    [Fact]
    public void MinMaxScalerMatchesScikitLearn()
    {
        foreach (var c in Cases)
        {
            var dtype = DTypeOf(c);
            var name = c.GetProperty("name").GetString()!;
            var x = DataFixtures.Matrix(c.GetProperty("x"), dtype);
            var fresh = DataFixtures.Matrix(c.GetProperty("new"), dtype);
            foreach (var range in c.GetProperty("minmax").EnumerateObject())
            {
                var bounds = range.Name.Split(',').Select(double.Parse).ToArray();
                var m = range.Value;
                var scaler = new MinMaxScaler(bounds[0], bounds[1]).Fit(x);
                string what = $"{name} [{range.Name}]";
                // Fitted on float32 the state is float32, as in NumPy: exact.
                double tol = dtype == DType.Float32 ? 0 : 1e-12;
                Assert.Equal(dtype, scaler.Scale.DType);
                Close(m.GetProperty("data_min"), scaler.DataMin, 0, $"{what} data_min");
                Close(m.GetProperty("data_max"), scaler.DataMax, 0, $"{what} data_max");
                Close(m.GetProperty("data_range"), scaler.DataRange, tol, $"{what} data_range");
                Close(m.GetProperty("scale"), scaler.Scale, tol, $"{what} scale");
                Close(m.GetProperty("min"), scaler.Min, tol, $"{what} min");
                Close(m.GetProperty("transform"), scaler.Transform(x), tol, $"{what} transform");
                Close(m.GetProperty("transform_new"), scaler.Transform(fresh), tol, $"{what} transform new");
                Close(m.GetProperty("inverse_new"), scaler.InverseTransform(fresh), tol, $"{what} inverse");
            }
        }
    }

    [Fact]
    public void StateDictRoundTripsThroughANewScaler()
    {
        var x = DataFixtures.Matrix(Cases[0].GetProperty("x"));
        var fresh = DataFixtures.Matrix(Cases[0].GetProperty("new"));
        var standard = new StandardScaler().Fit(x);
        var state = standard.StateDict();
        Assert.Equal(["mean", "var", "scale", "n_samples_seen"], state.Keys);
        var restored = new StandardScaler();
        restored.LoadStateDict(state);
        Assert.Equal(standard.Transform(fresh).ToArray<double>(), restored.Transform(fresh).ToArray<double>());
        Assert.Equal(4, restored.NFeaturesIn);

        var minmax = new MinMaxScaler(-1, 1).Fit(x.Float());
        var copy = new MinMaxScaler(-1, 1);
        copy.LoadStateDict(minmax.StateDict());
        Assert.Equal(minmax.Transform(fresh.Float()).ToArray<float>(), copy.Transform(fresh.Float()).ToArray<float>());
        Assert.Equal(DType.Float32, copy.Scale.DType);

        var missing = new Dictionary<string, Tensor>(state);
        missing.Remove("scale");
        Assert.Throws<KeyNotFoundException>(() => new StandardScaler().LoadStateDict(missing));
        var wrong = new Dictionary<string, Tensor>(state) { ["var"] = Torch.Zeros(3) };
        Assert.Throws<ArgumentException>(() => new StandardScaler().LoadStateDict(wrong));
    }

    [Fact]
    public void BadInputIsRejectedWithScikitLearnsMessages()
    {
        var unfitted = Assert.Throws<InvalidOperationException>(() => new StandardScaler().Transform(Torch.Zeros(2, 2)));
        Assert.Equal("This StandardScaler instance is not fitted yet. Call 'fit' with appropriate arguments before using this estimator.", unfitted.Message);
        var features = Assert.Throws<ArgumentException>(() => new MinMaxScaler().Fit(Torch.Ones(3, 4)).Transform(Torch.Ones(3, 3)));
        Assert.StartsWith("X has 3 features, but MinMaxScaler is expecting 4 features as input.", features.Message);
        var oneD = Assert.Throws<ArgumentException>(() => new StandardScaler().Fit(Torch.Ones(3)));
        Assert.Contains("Expected 2D array, got 1D array", oneD.Message);
        Assert.Throws<ArgumentException>(() => new MinMaxScaler(1, 1));
        Assert.Throws<ArgumentException>(() => new StandardScaler().Fit(Torch.Zeros(0, 2)));
        // Integers are scaled in float64, as scikit-learn converts them.
        Assert.Equal(DType.Float64, new StandardScaler().FitTransform(Torch.Tensor(new long[,] { { 1 }, { 3 } })).DType);
        Assert.Equal([-1.0, 1.0], new StandardScaler().FitTransform(Torch.Tensor(new long[,] { { 1 }, { 3 } })).ToArray<double>());
    }
}
