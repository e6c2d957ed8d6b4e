using Gradus.NN;
using Gradus.Optim;
using Gradus.Optim.Schedulers;
using Gradus.Training;

namespace Gradus.Tests.Training;

/// <summary>The course's ManualLinearRegression: b + w·x with two parameters.</summary>
internal sealed class ManualLinearRegression : Module
{
    public readonly Parameter B = new(Torch.Randn(1));
    public readonly Parameter W = new(Torch.Randn(1));

    public override Tensor Forward(Tensor x) => B + W * x;
}

/// <summary>Shuffled mini-batches drawn from the default generator each epoch (so checkpoints must save it).</summary>
internal sealed class ShuffledBatches(Tensor x, Tensor y, int batchSize) : IEnumerable<(Tensor X, Tensor Y)>
{
    public IEnumerator<(Tensor X, Tensor Y)> GetEnumerator()
    {
        var perm = Torch.Randperm(x.Size(0));
        for (int i = 0; i < perm.Numel; i += batchSize)
        {
            var idx = perm[i..Math.Min(i + batchSize, perm.Numel)];
            yield return (x.IndexSelect(0, idx), y.IndexSelect(0, idx));
        }
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}

public class TrainerTests
{
    private static readonly Func<Tensor, Tensor, Tensor> Mse = (yhat, y) => (yhat - y).Pow(2).Mean();

    private static (Trainer, string) Make(long seed)
    {
        Torch.ManualSeed(seed);
        var x = Torch.Rand(40, 1);
        var y = 1 + 2 * x + 0.1 * Torch.Randn(40, 1);
        var model = new ManualLinearRegression();
        var opt = new SGD(model.Parameters(), lr: 0.1, momentum: 0.5);
        var t = new Trainer(model, Mse, opt) { Log = null, Scheduler = new StepLR(opt, 3, 0.5) };
        t.SetLoaders(new ShuffledBatches(x, y, 8), new ShuffledBatches(x, y, 20));
        return (t, Path.Combine(Path.GetTempPath(), $"gradus-ckpt-{Guid.NewGuid():N}.safetensors"));
    }

    [Fact]
    public void ResumingFromACheckpointGivesTheSameLossesBitForBit()
    {
        lock (Gradus.Tests.Random.DefaultGeneratorLock.Sync)
        {
            var (full, _) = Make(3);
            full.Train(8);
            var (first, path) = Make(3);
            first.Train(4);
            first.SaveCheckpoint(path);
            var (second, _) = Make(3);
            second.LoadCheckpoint(path);
            Assert.Equal(4, second.TotalEpochs);
            second.Train(4);
            Assert.Equal(full.Losses, second.Losses);
            Assert.Equal(full.ValLosses, second.ValLosses);
            Assert.Equal(full.Model.StateDict()["w"].ToArray<float>(), second.Model.StateDict()["w"].ToArray<float>());
            File.Delete(path);
        }
    }

    [Fact]
    public void TrainingRecoversTheLineAndLogsEveryEpoch()
    {
        lock (Gradus.Tests.Random.DefaultGeneratorLock.Sync)
        {
            var (t, path) = Make(42);
            t.Scheduler = null;
            var log = path + ".jsonl";
            t.LogPath = log;
            var epochs = new List<int>();
            t.OnEpochEnd = r => epochs.Add(r.Epoch);
            t.Train(30);
            var sd = t.Model.StateDict();
            Assert.InRange(sd["b"].Item(), 0.85, 1.15);
            Assert.InRange(sd["w"].Item(), 1.7, 2.3);
            Assert.Equal(Enumerable.Range(1, 30), epochs);
            var records = EpochRecord.ReadLog(log);
            Assert.Equal(30, records.Count);
            Assert.Equal(t.Losses[29], records[29].Loss);
            Assert.Equal(t.ValLosses[29], records[29].ValLoss);
            File.Delete(log);
        }
    }

    [Fact]
    public void EarlyStoppingStopsAndRestoresTheBestWeights()
    {
        lock (Gradus.Tests.Random.DefaultGeneratorLock.Sync)
        {
            var (t, _) = Make(5);
            t.EarlyStopping = new EarlyStopping(patience: 2, minDelta: 10);
            t.Train(50);
            Assert.Equal(3, t.TotalEpochs);
        }
    }

    [Fact]
    public void BadUseGivesClearErrors()
    {
        lock (Gradus.Tests.Random.DefaultGeneratorLock.Sync)
        {
            var model = new ManualLinearRegression();
            var t = new Trainer(model, Mse, new SGD(model.Parameters(), lr: 0.1)) { Log = null };
            Assert.Equal("Train needs data: call SetLoaders(train, validation) first", Assert.Throws<InvalidOperationException>(() => t.Train(1)).Message);

            var x = Torch.Tensor(new float[,] { { 1 }, { 2 } });
            var y = Torch.Tensor(new float[,] { { 1 }, { 1e30f } });
            var blowUp = new Trainer(model, Mse, new SGD(model.Parameters(), lr: 1e10)) { Log = null };
            blowUp.SetLoaders([(x, y), (x, y), (x, y)]);
            var ex = Assert.Throws<InvalidOperationException>(() => blowUp.Train(3));
            Assert.Matches(@"The training loss became (NaN|∞|-∞|Infinity) at epoch 1, batch \d", ex.Message);

            var (good, path) = Make(1);
            good.Train(1);
            good.SaveCheckpoint(path);
            var other = new Trainer(new Sequential(new Identity()), Mse, new SGD([Torch.Zeros(1).RequiresGrad_()], lr: 0.1)) { Log = null };
            var err = Assert.Throws<InvalidDataException>(() => other.LoadCheckpoint(path));
            Assert.Contains("does not fit this model", err.Message);
            File.Delete(path);
        }
    }

    [Fact]
    public void ACrashDuringASaveLeavesThePreviousCheckpointLoadable()
    {
        lock (Gradus.Tests.Random.DefaultGeneratorLock.Sync)
        {
            var (t, path) = Make(8);
            t.Train(2);
            t.SaveCheckpoint(path);
            var before = File.ReadAllBytes(path);
            Assert.ThrowsAny<Exception>(() => Gradus.IO.Safetensors.Write(path, Crashing()));
            Assert.Equal(before, File.ReadAllBytes(path));
            var (fresh, _) = Make(9);
            fresh.LoadCheckpoint(path);
            Assert.Equal(2, fresh.TotalEpochs);
            Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(path)!, Path.GetFileName(path) + ".*tmp*"));
            File.Delete(path);
        }

        static IEnumerable<Gradus.IO.SafetensorsEntry> Crashing()
        {
            yield return Gradus.IO.SafetensorsEntry.FromArray<float>("a", "F32", new float[] { 1 }, 1);
            throw new IOException("disk pulled out mid-write");
        }
    }
}
