using BenchmarkDotNet.Running;

// Runs the BenchmarkDotNet suites of this assembly: `dotnet run -c Release --project bench/Gradus.Bench -- --filter '*'`.
BenchmarkSwitcher.FromAssembly(typeof(Gradus.Bench.BenchMarker).Assembly).Run(args);

namespace Gradus.Bench
{
    /// <summary>Marks this assembly for the benchmark switcher.</summary>
    public static class BenchMarker { }
}
