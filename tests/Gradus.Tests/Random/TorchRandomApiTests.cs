namespace Gradus.Tests.Random;

public class TorchRandomApiTests
{
    [Fact]
    public void SequentialDrawsFromTheDefaultGeneratorMatchPyTorch()
    {
        var root = Fixture.Load("random_api", "sequence.json");
        lock (DefaultGeneratorLock.Sync)
        {
            Torch.ManualSeed(root.GetProperty("seed").GetInt64());
            foreach (var step in root.GetProperty("sequence").EnumerateArray())
            {
                var shape = step.GetProperty("shape").Ints();
                var want = step.GetProperty("values").Doubles();
                Tensor t = step.GetProperty("op").GetString() switch
                {
                    "randn" => Torch.Randn(shape),
                    "rand" => Torch.Rand(shape),
                    "randint" => Torch.Randint(0, 10, shape),
                    "randperm" => Torch.Randperm(shape[0]),
                    "normal" => Torch.Normal(2.0, 3.0, shape),
                    "bernoulli" => Torch.Bernoulli(Torch.Full(shape, 0.3)),
                    "multinomial" => Torch.Multinomial(Torch.Tensor(new[] { 0.1, 0.2, 0.7 }), shape[0], replacement: true),
                    _ => Torch.Randn(shape, DType.Float64),
                };
                Fixture.Close(want, t.ToArray<double>(), 1e-7, step.GetProperty("op").GetString()!);
            }
        }
    }

    [Fact]
    public void NonContiguousFillDrawsInMemoryOrderAsPyTorch()
    {
        lock (DefaultGeneratorLock.Sync)
        {
            Torch.ManualSeed(7);
            var expected = Torch.Rand(2, 3).T.ToArray<float>();
            Torch.ManualSeed(7);
            var t = Torch.Zeros(2, 3).T;
            t.Uniform_();
            Assert.Equal(expected, t.ToArray<float>());
        }
    }
}
