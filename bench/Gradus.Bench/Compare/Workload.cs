namespace Gradus.Bench.Compare;

/// <summary>
/// One named workload of the side-by-side comparison with PyTorch: <see cref="Setup"/> builds the inputs
/// once and returns the action to time; <see cref="Flops"/> (0 if not meaningful) turns seconds into GFLOP/s.
/// bench/compare_torch.py defines a workload of the same name doing the same work.
/// </summary>
public sealed record Workload(string Name, string Description, double Flops, Func<Action> Setup);
