using System.Text.Json;
using Gradus.IO;

namespace Gradus.Training;

public sealed partial class Trainer
{
    private const string Format = "gradus-checkpoint-1";

    /// <summary>Extra generators (e.g. a DataLoader's) whose state checkpoints save and restore; the default generator is always included.</summary>
    public List<Random.Generator> Generators { get; } = [];

    /// <summary>
    /// Saves model, optimizer, schedulers, epoch count, loss history and generator states to one
    /// safetensors file, written to a temporary name and renamed, so a crash leaves the previous file intact.
    /// </summary>
    public void SaveCheckpoint(string path)
    {
        var tensors = new List<KeyValuePair<string, Tensor>>();
        foreach (var (k, v) in Model.StateDict()) tensors.Add(new("model." + k, v));
        foreach (var (k, v) in Optimizer.StateDict()) tensors.Add(new("optimizer." + k, v));
        var meta = new Dictionary<string, string>
        {
            ["format"] = Format,
            ["total_epochs"] = TotalEpochs.ToString(),
            ["losses"] = JsonSerializer.Serialize(losses),
            ["val_losses"] = JsonSerializer.Serialize(valLosses),
            ["generators"] = JsonSerializer.Serialize(new[] { Random.Generator.Default }.Concat(Generators).Select(g => Convert.ToBase64String(g.GetState()))),
        };
        if (Scheduler is not null) meta["scheduler"] = JsonSerializer.Serialize(Scheduler.StateDict());
        if (PlateauScheduler is not null) meta["plateau"] = JsonSerializer.Serialize(PlateauScheduler.StateDict());
        if (EarlyStopping is { } es) meta["early_stopping"] = JsonSerializer.Serialize(new[] { es.Best, es.BestEpoch, es.Wait });
        TensorFiles.SaveFile(tensors, path, meta);
    }

    /// <summary>Restores everything <see cref="SaveCheckpoint"/> saved; the next epoch continues exactly where the saved run stopped.</summary>
    public void LoadCheckpoint(string path)
    {
        var all = TensorFiles.LoadFile(path, out var meta);
        if (!meta.TryGetValue("format", out var f) || f != Format)
            throw new InvalidDataException($"{path} is not a Gradus checkpoint (format '{f ?? "none"}', expected '{Format}')");
        var model = Part(all, "model.");
        try
        {
            Model.LoadStateDict(model, strict: true);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            throw new InvalidDataException($"checkpoint {path} does not fit this model (a different architecture?): {e.Message}", e);
        }
        Optimizer.LoadStateDict(Part(all, "optimizer."));
        TotalEpochs = int.Parse(meta["total_epochs"]);
        losses.Clear();
        losses.AddRange(JsonSerializer.Deserialize<double[]>(meta["losses"])!);
        valLosses.Clear();
        valLosses.AddRange(JsonSerializer.Deserialize<double[]>(meta["val_losses"])!);
        var gens = JsonSerializer.Deserialize<string[]>(meta["generators"])!;
        var targets = new[] { Random.Generator.Default }.Concat(Generators).ToArray();
        if (gens.Length != targets.Length)
            throw new InvalidDataException($"checkpoint {path} holds {gens.Length} generator states but this trainer tracks {targets.Length}");
        for (int i = 0; i < gens.Length; i++) targets[i].SetState(Convert.FromBase64String(gens[i]));
        if (Scheduler is not null && meta.TryGetValue("scheduler", out var sj))
            Scheduler.LoadStateDict(JsonSerializer.Deserialize<Dictionary<string, double>>(sj)!);
        if (PlateauScheduler is not null && meta.TryGetValue("plateau", out var pj))
            PlateauScheduler.LoadStateDict(JsonSerializer.Deserialize<Dictionary<string, double>>(pj)!);
        if (EarlyStopping is { } es && meta.TryGetValue("early_stopping", out var ej))
        {
            var v = JsonSerializer.Deserialize<double[]>(ej)!;
            es.Restore(v[0], (int)v[1], (int)v[2]);
        }
    }

    private static Dictionary<string, Tensor> Part(Dictionary<string, Tensor> all, string prefix) =>
        all.Where(kv => kv.Key.StartsWith(prefix, StringComparison.Ordinal)).ToDictionary(kv => kv.Key[prefix.Length..], kv => kv.Value);
}
