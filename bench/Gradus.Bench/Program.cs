using BenchmarkDotNet.Running;
using Gradus.Bench.Compare;

// `-- compare [names]` runs the side-by-side workloads (see bench/compare.sh); anything else goes to
// BenchmarkDotNet: `dotnet run -c Release --project bench/Gradus.Bench -- --filter '*'`.
if (args.Length > 0 && args[0] == "compare")
    return CompareRunner.Run(args[1..]);
BenchmarkSwitcher.FromAssembly(typeof(Gradus.Bench.BenchMarker).Assembly).Run(args);
return 0;

namespace Gradus.Bench
{
    /// <summary>Marks this assembly for the benchmark switcher.</summary>
    public static class BenchMarker { }
}
