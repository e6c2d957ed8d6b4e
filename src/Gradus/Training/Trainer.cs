using System.Diagnostics;
using Gradus.NN;
using Gradus.Optim;
using Gradus.Optim.Schedulers;

namespace Gradus.Training;

/// <summary>
/// The course's StepByStep class: the seven-step training loop (predict, loss, gradients, update,
/// for every mini-batch and epoch) with validation under no-grad and eval mode, loss history,
/// schedulers, gradient clipping, early stopping, callbacks, a JSON-lines log and checkpoints.
/// </summary>
public sealed partial class Trainer
{
    private readonly List<double> losses = [];
    private readonly List<double> valLosses = [];
    private IEnumerable<(Tensor X, Tensor Y)>? trainLoader, valLoader;
    private Dictionary<string, Tensor>? bestState;

    /// <summary>Creates a trainer from a model, a loss function <c>(yhat, y) =&gt; loss</c> and an optimizer.</summary>
    public Trainer(Module model, Func<Tensor, Tensor, Tensor> lossFn, Optimizer optimizer)
    {
        Model = model;
        LossFn = lossFn;
        Optimizer = optimizer;
    }

    /// <summary>Creates a trainer with a loss module such as <c>new MSELoss()</c>.</summary>
    public Trainer(Module model, Loss loss, Optimizer optimizer) : this(model, loss.Call, optimizer) { }

    /// <summary>The model being trained.</summary>
    public Module Model { get; }

    /// <summary>The loss function.</summary>
    public Func<Tensor, Tensor, Tensor> LossFn { get; }

    /// <summary>The optimizer.</summary>
    public Optimizer Optimizer { get; }

    /// <summary>An optional learning-rate schedule, stepped per epoch (or per batch with <see cref="StepSchedulerPerBatch"/>).</summary>
    public LRScheduler? Scheduler { get; set; }

    /// <summary>An optional plateau schedule, stepped after each epoch with the validation (or training) loss.</summary>
    public ReduceLROnPlateau? PlateauScheduler { get; set; }

    /// <summary>Step <see cref="Scheduler"/> after every batch instead of every epoch (OneCycleLR).</summary>
    public bool StepSchedulerPerBatch { get; set; }

    /// <summary>Clip the total gradient norm to this value before each step.</summary>
    public double? ClipGradNorm { get; set; }

    /// <summary>Clip each gradient element to ±this value before each step.</summary>
    public double? ClipGradValue { get; set; }

    /// <summary>Optional early stopping on the validation loss (training loss without a validation loader).</summary>
    public EarlyStopping? EarlyStopping { get; set; }

    /// <summary>Called after every batch with (epoch, batch index, batch count, batch loss).</summary>
    public Action<int, int, int, double>? OnBatchEnd { get; set; }

    /// <summary>Called after every epoch with its record.</summary>
    public Action<EpochRecord>? OnEpochEnd { get; set; }

    /// <summary>Where one plain line per epoch is written; Console.Out by default, null for silence.</summary>
    public TextWriter? Log { get; set; } = Console.Out;

    /// <summary>When set, each epoch's record is appended to this file as one JSON line.</summary>
    public string? LogPath { get; set; }

    /// <summary>Training losses per epoch (mean over mini-batches).</summary>
    public IReadOnlyList<double> Losses => losses;

    /// <summary>Validation losses per epoch.</summary>
    public IReadOnlyList<double> ValLosses => valLosses;

    /// <summary>Epochs trained so far, across calls to <see cref="Train"/> and checkpoints.</summary>
    public int TotalEpochs { get; private set; }

    /// <summary>Sets the training and (optional) validation loaders, as <c>set_loaders</c>.</summary>
    public void SetLoaders(IEnumerable<(Tensor X, Tensor Y)> train, IEnumerable<(Tensor X, Tensor Y)>? validation = null)
    {
        trainLoader = train;
        valLoader = validation;
    }

    /// <summary>
    /// Sets DataLoaders whose batches are (features, labels); their own generators (if any) are added to
    /// <see cref="Generators"/> so checkpoints resume their shuffling exactly.
    /// </summary>
    public void SetLoaders(Data.DataLoader train, Data.DataLoader? validation = null)
    {
        foreach (var g in new[] { train.Generator, validation?.Generator })
            if (g is not null && !Generators.Contains(g)) Generators.Add(g);
        SetLoaders(new PairBatches(train), validation is null ? null : new PairBatches(validation));
    }

    /// <summary>Views a loader of Tensor[] batches as (X, Y) pairs, keeping its batch count.</summary>
    private sealed class PairBatches(Data.DataLoader loader) : IReadOnlyCollection<(Tensor X, Tensor Y)>
    {
        public int Count => loader.Count;

        public IEnumerator<(Tensor X, Tensor Y)> GetEnumerator()
        {
            foreach (var b in loader)
            {
                if (b.Length < 2) throw new InvalidOperationException($"a training batch needs features and labels, but the loader gave {b.Length} tensor(s)");
                yield return (b[0], b[1]);
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    /// <summary>Seeds the default generator (and so shuffling, dropout and init), as <c>set_seed</c>.</summary>
    public void SetSeed(long seed) => Torch.ManualSeed(seed);

    /// <summary>Trains for <paramref name="epochs"/> more epochs; with a seed, reseeds first as the course's <c>train(n_epochs, seed=42)</c>.</summary>
    public void Train(int epochs, long? seed = null)
    {
        if (trainLoader is null) throw new InvalidOperationException("Train needs data: call SetLoaders(train, validation) first");
        if (epochs < 0) throw new ArgumentException($"epochs must be non-negative, got {epochs}");
        if (seed is { } s) SetSeed(s);
        for (int e = 0; e < epochs; e++)
        {
            var clock = Stopwatch.StartNew();
            int epoch = TotalEpochs;
            double loss = MiniBatch(trainLoader, epoch, validation: false);
            double? val = valLoader is null ? null : MiniBatch(valLoader, epoch, validation: true);
            TotalEpochs++;
            losses.Add(loss);
            if (val is { } v) valLosses.Add(v);
            if (Scheduler is not null && !StepSchedulerPerBatch) Scheduler.Step();
            PlateauScheduler?.Step(val ?? loss);
            var record = new EpochRecord(TotalEpochs, loss, val, Optimizer.ParamGroups[0].Lr, clock.Elapsed.TotalSeconds);
            Report(record);
            if (EarlyStopping is { } es)
            {
                if (es.Update(epoch, val ?? loss)) bestState = CloneState();
                if (es.ShouldStop)
                {
                    if (es.RestoreBestWeights && bestState is not null) Model.LoadStateDict(bestState);
                    Log?.WriteLine($"Early stopping after epoch {TotalEpochs}: best epoch {es.BestEpoch + 1} ({es.Best:G6})");
                    break;
                }
            }
        }
    }

    private Dictionary<string, Tensor> CloneState() => Model.StateDict().ToDictionary(kv => kv.Key, kv => kv.Value.Detach().Clone());

    /// <summary>One pass over a loader: the mean batch loss; training batches also step the optimizer.</summary>
    private double MiniBatch(IEnumerable<(Tensor X, Tensor Y)> loader, int epoch, bool validation)
    {
        Model.Train(!validation);
        double sum = 0;
        int count = 0;
        int total = loader is System.Collections.ICollection c ? c.Count : (loader is IReadOnlyCollection<(Tensor, Tensor)> rc ? rc.Count : -1);
        using (validation ? Torch.NoGrad() : null)
        {
            foreach (var (x, y) in loader)
            {
                double l = validation ? LossFn(Model.Call(x), y).Item() : TrainStep(x, y);
                if (double.IsNaN(l) || double.IsInfinity(l))
                    throw new InvalidOperationException($"The {(validation ? "validation" : "training")} loss became {l} at epoch {epoch + 1}, batch {count + 1}; lower the learning rate or check the data.");
                sum += l;
                count++;
                if (!validation) OnBatchEnd?.Invoke(epoch + 1, count, total, l);
            }
        }
        if (count == 0) throw new InvalidOperationException($"The {(validation ? "validation" : "training")} loader produced no batches");
        return sum / count;
    }

    /// <summary>predict, loss, backward, (clip), step, zero_grad: the course's train_step_fn.</summary>
    private double TrainStep(Tensor x, Tensor y)
    {
        var loss = LossFn(Model.Call(x), y);
        loss.Backward();
        var ps = Optimizer.ParamGroups.SelectMany(g => g.Params);
        if (ClipGradValue is { } cv) GradClip.ClipGradValue_(ps, cv);
        if (ClipGradNorm is { } cn) GradClip.ClipGradNorm_(ps, cn);
        Optimizer.Step();
        Optimizer.ZeroGrad();
        if (Scheduler is not null && StepSchedulerPerBatch) Scheduler.Step();
        return loss.Item();
    }

    /// <summary>The model's output for <paramref name="x"/> in eval mode without gradients, as <c>predict</c>.</summary>
    public Tensor Predict(Tensor x)
    {
        bool was = Model.Training;
        Model.Eval();
        try
        {
            using (Torch.NoGrad()) return Model.Call(x);
        }
        finally
        {
            Model.Train(was);
        }
    }

    /// <summary>
    /// A metric over a whole loader: predictions and targets of every batch are gathered first, so
    /// metrics that are not averages (F1, R²) are computed correctly.
    /// </summary>
    public double Evaluate(IEnumerable<(Tensor X, Tensor Y)> loader, Func<Tensor, Tensor, double> metric)
    {
        var preds = new List<Tensor>();
        var targets = new List<Tensor>();
        foreach (var (x, y) in loader)
        {
            preds.Add(Predict(x));
            targets.Add(y);
        }
        if (preds.Count == 0) throw new InvalidOperationException("Evaluate: the loader produced no batches");
        return metric(Torch.Cat(preds), Torch.Cat(targets));
    }

    private void Report(EpochRecord r)
    {
        Log?.WriteLine($"Epoch {r.Epoch}: loss {r.Loss:F6}" + (r.ValLoss is { } v ? $", val_loss {v:F6}" : "") + $", lr {r.Lr:G4} ({r.Seconds:F1} s)");
        if (LogPath is not null) File.AppendAllText(LogPath, r.ToJson() + "\n");
        OnEpochEnd?.Invoke(r);
    }
}

/// <summary>One epoch's summary: losses, learning rate and wall time.</summary>
public sealed record EpochRecord(int Epoch, double Loss, double? ValLoss, double Lr, double Seconds)
{
    /// <summary>The record as one line of JSON, as the training log stores it.</summary>
    public string ToJson() => System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object?>
    {
        ["epoch"] = Epoch, ["loss"] = Loss, ["val_loss"] = ValLoss, ["lr"] = Lr, ["seconds"] = Seconds,
    });

    /// <summary>Reads a training log written by <see cref="Trainer.LogPath"/>.</summary>
    public static List<EpochRecord> ReadLog(string path) => File.ReadLines(path).Where(l => l.Length > 0).Select(l =>
    {
        var e = System.Text.Json.JsonDocument.Parse(l).RootElement;
        var v = e.GetProperty("val_loss");
        return new EpochRecord(e.GetProperty("epoch").GetInt32(), e.GetProperty("loss").GetDouble(),
            v.ValueKind == System.Text.Json.JsonValueKind.Null ? null : v.GetDouble(), e.GetProperty("lr").GetDouble(), e.GetProperty("seconds").GetDouble());
    }).ToList();
}
