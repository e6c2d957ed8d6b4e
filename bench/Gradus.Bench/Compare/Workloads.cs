using Gradus.Kernels;

namespace Gradus.Bench.Compare;

/// <summary>The workloads of the comparison, by name. Add a workload here and one of the same name in compare_torch.py.</summary>
public static class Workloads
{
    /// <summary>Every workload, in the order the comparison runs them.</summary>
    public static IReadOnlyList<Workload> All { get; } = [.. Sgemm(256), .. Sgemm(512), .. Sgemm(1024), .. Sgemm(2048), .. CourseWorkloads.All];

    private static Workload[] Sgemm(int n) =>
    [
        new($"sgemm_{n}", $"C = A·B, float32, {n}x{n}", 2.0 * n * n * n, () =>
        {
            float[] a = RandomArray(n * n, 1), b = RandomArray(n * n, 2), c = new float[n * n];
            return () => Gemm.Sgemm(false, false, n, n, n, 1f, a, n, b, n, 0f, c, n);
        }),
    ];

    /// <summary>Uniform values in [-1, 1) from a fixed seed.</summary>
    public static float[] RandomArray(int length, int seed)
    {
        var random = new System.Random(seed);
        var values = new float[length];
        for (int i = 0; i < values.Length; i++) values[i] = (float)(random.NextDouble() * 2 - 1);
        return values;
    }
}
