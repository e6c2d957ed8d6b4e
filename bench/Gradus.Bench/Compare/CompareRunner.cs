using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Gradus.Bench.Compare;

/// <summary>
/// The C# side of bench/compare.sh: runs the named workloads (all when none is named) and prints one
/// machine-readable line per workload: <c>RESULT {"impl":"gradus","workload":...,"seconds":...,"gflops":...,"peak_rss_mb":...}</c>.
/// </summary>
public static class CompareRunner
{
    /// <summary>Runs the comparison; <c>--list</c> prints the workload names instead.</summary>
    public static int Run(string[] args)
    {
        if (args.Contains("--list"))
        {
            foreach (var w in Workloads.All) Console.WriteLine($"{w.Name}\t{w.Description}");
            return 0;
        }
        var byName = Workloads.All.ToDictionary(w => w.Name);
        var names = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToList();
        foreach (var name in names)
            if (!byName.ContainsKey(name))
            {
                Console.Error.WriteLine($"compare: unknown workload '{name}' (try --list)");
                return 2;
            }
        foreach (var w in names.Count == 0 ? Workloads.All : names.Select(n => byName[n]))
        {
            var (wall, cpu) = Measure(w);
            Report(w, wall, cpu);
        }
        return 0;
    }

    /// <summary>
    /// Wall and CPU seconds of one run: the best of 7 batches filling about a second each (noise from other processes
    /// only adds time), after a warm-up of 50 runs or one second (whichever ends first) so that tiered compilation has
    /// settled. CPU seconds count every thread of the process.
    /// </summary>
    public static (double Wall, double Cpu) Measure(Workload w)
    {
        Action run = w.Setup();
        var sw = Stopwatch.StartNew();
        int warm = 0;
        while (warm < 2 || (warm < 50 && sw.Elapsed.TotalSeconds < 1.0))
        {
            run();
            warm++;
        }
        double once = Math.Max(sw.Elapsed.TotalSeconds / warm, 1e-7);
        int perBatch = (int)Math.Clamp(0.15 / once, 1, 2_000);
        double wall = double.MaxValue, cpu = double.MaxValue;
        using var process = Process.GetCurrentProcess();
        for (int b = 0; b < 7; b++)
        {
            process.Refresh();
            TimeSpan cpu0 = process.TotalProcessorTime;
            sw.Restart();
            for (int r = 0; r < perBatch; r++) run();
            wall = Math.Min(wall, sw.Elapsed.TotalSeconds / perBatch);
            process.Refresh();
            cpu = Math.Min(cpu, (process.TotalProcessorTime - cpu0).TotalSeconds / perBatch);
        }
        return (wall, cpu);
    }

    /// <summary>The 1-minute load average (Linux), to judge how busy the machine was; -1 where unknown.</summary>
    private static double LoadAverage()
    {
        const string path = "/proc/loadavg";
        return File.Exists(path) ? double.Parse(File.ReadAllText(path).Split(' ')[0], CultureInfo.InvariantCulture) : -1;
    }

    private static void Report(Workload w, double seconds, double cpuSeconds)
    {
        using var process = Process.GetCurrentProcess();
        var result = new Dictionary<string, object>
        {
            ["impl"] = "gradus",
            ["workload"] = w.Name,
            ["seconds"] = seconds,
            ["gflops"] = w.Flops > 0 ? w.Flops / seconds / 1e9 : 0,
            ["cpu_seconds"] = cpuSeconds,
            ["peak_rss_mb"] = process.PeakWorkingSet64 / (1024.0 * 1024.0),
            ["threads"] = Environment.ProcessorCount,
            ["kernel"] = Gradus.Kernels.Gemm.KernelName,
            ["load1"] = LoadAverage(),
        };
        Console.WriteLine("RESULT " + JsonSerializer.Serialize(result));
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{w.Name,-16} {seconds * 1e3,10:F3} ms {(w.Flops > 0 ? w.Flops / seconds / 1e9 : 0),9:F1} GFLOP/s"));
    }
}
