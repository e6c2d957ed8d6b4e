using Gradus.IO;
using Gradus.NN;
using Gradus.Optim;

namespace Gradus.Tests.IO;

/// <summary>Weights move between Gradus and PyTorch through safetensors files (tools/gen_roundtrip_fixtures.py).</summary>
public class RoundTripTests
{
    private static readonly string Dir = Path.Combine(AppContext.BaseDirectory, "fixtures", "io", "roundtrip");

    private static Sequential Make() => new(new Linear(4, 8), new ReLU(), new Linear(8, 3));

    private static Tensor Matrix(System.Text.Json.JsonElement e) =>
        Torch.Tensor(e.EnumerateArray().Select(r => r.Doubles()).SelectMany(r => r).ToArray()).Reshape(e.GetArrayLength(), -1);

    [Fact]
    public void AModelTrainedInPyTorchPredictsTheSameInGradus()
    {
        var f = Fixture.Load(Path.Combine("io", "roundtrip"), "torch_outputs.json");
        var model = Make();
        var keys = model.LoadStateDict(TensorFiles.LoadFile(Path.Combine(Dir, "torch_model.safetensors")));
        Assert.Empty(keys.MissingKeys);
        using (Torch.NoGrad())
            Fixture.Close(Matrix(f.GetProperty("outputs")).ToArray<double>(), model.Call(Matrix(f.GetProperty("probe"))).ToArray<double>(), 1e-6, "torch->gradus");
    }

    [Fact]
    public void AModelTrainedInGradusPredictsTheSameInPyTorch()
    {
        var f = Fixture.Load(Path.Combine("io", "roundtrip"), "torch_outputs.json");
        Sequential model;
        lock (Gradus.Tests.Random.DefaultGeneratorLock.Sync)
        {
            Torch.ManualSeed(5);
            model = Make();
        }
        var opt = new SGD(model.Parameters(), lr: 0.1);
        var x = Matrix(f.GetProperty("x_train"));
        var y = Matrix(f.GetProperty("y_train"));
        for (int i = 0; i < 20; i++)
        {
            opt.ZeroGrad();
            F.MseLoss(model.Call(x), y).Backward();
            opt.Step();
        }
        var path = Path.Combine(Path.GetTempPath(), $"gradus-roundtrip-{Guid.NewGuid():N}.safetensors");
        TensorFiles.SaveFile(model.StateDict(), path);
        var written = File.ReadAllBytes(path);
        File.Delete(path);
        if (Environment.GetEnvironmentVariable("GRADUS_WRITE_FIXTURES") is { Length: > 0 })
        {
            var src = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../fixtures/io/roundtrip/gradus_model.safetensors"));
            File.WriteAllBytes(src, written);
        }
        Assert.Equal(File.ReadAllBytes(Path.Combine(Dir, "gradus_model.safetensors")), written);
        var torchOut = Fixture.Load(Path.Combine("io", "roundtrip"), "gradus_outputs.json").GetProperty("outputs");
        using (Torch.NoGrad())
            Fixture.Close(Matrix(torchOut).ToArray<double>(), model.Call(Matrix(f.GetProperty("probe"))).ToArray<double>(), 1e-6, "gradus->torch");
    }
}
