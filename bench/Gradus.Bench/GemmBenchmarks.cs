using BenchmarkDotNet.Attributes;
using Gradus.Bench.Compare;
using Gradus.Kernels;

namespace Gradus.Bench;

/// <summary>
/// Square GEMM at the sizes of the PyTorch comparison: `dotnet run -c Release --project bench/Gradus.Bench -- --filter '*Gemm*'`.
/// GFLOP/s = 2·N³ / time.
/// </summary>
[MemoryDiagnoser]
public class GemmBenchmarks
{
    private float[] _a = [], _b = [], _c = [];
    private double[] _ad = [], _bd = [], _cd = [];

    /// <summary>Matrix size (N x N times N x N).</summary>
    [Params(256, 512, 1024, 2048)]
    public int N { get; set; }

    /// <summary>Builds random operands.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _a = Workloads.RandomArray(N * N, 1);
        _b = Workloads.RandomArray(N * N, 2);
        _c = new float[N * N];
        _ad = [.. _a.Select(v => (double)v)];
        _bd = [.. _b.Select(v => (double)v)];
        _cd = new double[N * N];
    }

    /// <summary>C = A·B in float32.</summary>
    [Benchmark(Baseline = true)]
    public void Sgemm() => Gemm.Sgemm(false, false, N, N, N, 1f, _a, N, _b, N, 0f, _c, N);

    /// <summary>C = A·Bᵀ in float32 (a Linear layer's forward).</summary>
    [Benchmark]
    public void SgemmTransposedB() => Gemm.Sgemm(false, true, N, N, N, 1f, _a, N, _b, N, 0f, _c, N);

    /// <summary>C = A·B in float64.</summary>
    [Benchmark]
    public void Dgemm() => Gemm.Dgemm(false, false, N, N, N, 1.0, _ad, N, _bd, N, 0.0, _cd, N);
}
