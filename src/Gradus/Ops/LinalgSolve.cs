using System.Numerics;
using static Gradus.Ops.LinalgChecks;

namespace Gradus.Ops;

/// <summary>
/// linalg.solve, linalg.inv and linalg.det on (batches of) small dense square matrices through LU with
/// partial pivoting, with PyTorch's checks, singular-matrix errors, batch broadcasting and backward rules.
/// </summary>
internal static class LinalgSolve
{
    /// <summary>The LU factors of every matrix in a batch: contiguous factors, pivots and LAPACK-style info.</summary>
    private sealed record Factors(Tensor Lu, int[] Piv, int[] Info, int N);

    /// <summary>X with A X = B; B is a (batch of) vector(s) when <paramref name="vectorCase"/> says so (null: NumPy's rule).</summary>
    public static Tensor Solve(Tensor a, Tensor b, bool? vectorCase = null)
    {
        FloatInput(a, "linalg.solve");
        if (a.DType != b.DType)
            throw new ArgumentException($"linalg.solve: Expected A and B to have the same dtype, but found A of type {ScalarType(a.DType)} and B of type {ScalarType(b.DType)} instead");
        bool vec = vectorCase ?? (b.Dim == 1 || (a.Dim >= 1 && a.Dim - 1 == b.Dim && Shapes.SameShape(b.shape, a.shape[..^1])));
        int[] bShape = vec ? [.. b.shape, 1] : b.shape;
        SquareMatrices(a, "linalg.solve");
        if (bShape.Length < 2) throw new ArgumentException("linalg.solve: The input tensor B must have at least 2 dimensions.");
        int n = a.shape[^1], k = bShape[^1];
        if (bShape[^2] != n)
            throw new ArgumentException($"linalg.solve: Incompatible shapes of A and B for the equation AX = B ({n}x{n} and {bShape[^2]}x{k})");
        var batch = BroadcastBatch(bShape[..^2], a.shape[..^2]);
        var f = Factorize(a);
        CheckInfo(f, a.Dim > 2, "torch.linalg.solve", _ => "The solver failed because the input matrix is singular.");
        var x = Torch.Empty([.. batch, n, k], a.DType);
        x.WriteFrom(b.Detach().Reshape(bShape));
        var map = BatchMap(batch, a.shape[..^2]);
        if (a.DType == DType.Float32) SolveAll<float>(f, x, map, k);
        else SolveAll<double>(f, x, map, k);
        var result = vec ? x.Detach().Reshape([.. batch, n]) : x;
        return Tensor.Record(result, "LinalgSolveExBackward0", [a, b], g =>
        {
            var gm = vec ? g.Unsqueeze(-1) : g;
            var gb = Solve(MT(a), gm, vectorCase: false);
            var gA = a.RequiresGrad ? Binary.Unbroadcast(-MatmulBroadcast.Apply(gb, MT(vec ? result.Unsqueeze(-1) : result)), a) : null;
            var gB = b.RequiresGrad ? Binary.Unbroadcast(vec ? gb.Squeeze(-1) : gb, b) : null;
            return [gA, gB];
        }, a, result);
    }

    public static Tensor Inv(Tensor a)
    {
        SquareMatrices(a, "linalg.inv");
        FloatInput(a, "linalg.inv");
        var f = Factorize(a);
        CheckInfo(f, a.Dim > 2, "linalg.inv",
            info => $"The diagonal element {info} is zero, the inversion could not be completed because the input matrix is singular.");
        int n = f.N, count = f.Info.Length;
        var r = Torch.Empty(a.shape, a.DType);
        for (int i = 0; i < count; i++)
            for (int j = 0; j < n; j++) r.SetFlat(i * n * n + j * n + j, 1);
        var map = Enumerable.Range(0, count).ToArray();
        if (a.DType == DType.Float32) SolveAll<float>(f, r, map, n);
        else SolveAll<double>(f, r, map, n);
        return Tensor.Record(r, "LinalgInvExBackward0", [a], g =>
        {
            var t = MT(r);
            return [-MatmulBroadcast.Apply(MatmulBroadcast.Apply(t, g), t)];
        }, r);
    }

    public static Tensor Det(Tensor a)
    {
        SquareMatrices(a, "linalg.det");
        FloatInput(a, "linalg.det");
        var f = Factorize(a);
        var r = Torch.Empty(a.shape[..^2], a.DType);
        for (int i = 0; i < f.Info.Length; i++)
            r.SetFlat(i, a.DType == DType.Float32 ? DetOf<float>(f, i) : DetOf<double>(f, i));
        return Tensor.Record(r, "LinalgDetBackward0", [a], g =>
        {
            var gd = (g * r).Unsqueeze(-1).Unsqueeze(-1);
            bool singular = r.Eq(0.0).Sum().Item() > 0;
            return [singular ? g.Unsqueeze(-1).Unsqueeze(-1) * Cofactors(a) : gd * MT(Inv(a))];
        }, a, r);
    }

    /// <summary>The cofactor matrix of each matrix (the gradient of det, also where A is singular): signed minors' determinants.</summary>
    private static Tensor Cofactors(Tensor a)
    {
        int n = a.shape[^1];
        var src = a.Detach().Contiguous().To(DType.Float64).Span<double>();
        var c = Torch.Empty(a.shape, DType.Float64);
        var dst = c.Span<double>();
        var minor = new double[(n - 1) * (n - 1)];
        var piv = new int[Math.Max(n - 1, 0)];
        for (int m = 0; m < c.Numel / Math.Max(n * n, 1); m++)
        {
            var mat = src.Slice(m * n * n, n * n);
            for (int i = 0; i < n; i++)
                for (int j = 0; j < n; j++)
                {
                    int w = 0;
                    for (int r = 0; r < n; r++)
                        for (int col = 0; col < n; col++)
                            if (r != i && col != j) minor[w++] = mat[r * n + col];
                    LinalgLu.Factor<double>(minor, n - 1, piv);
                    double d = LinalgLu.Det<double>(minor, n - 1, piv);
                    dst[m * n * n + i * n + j] = (i + j) % 2 == 0 ? d : -d;
                }
        }
        return c.To(a.DType);
    }

    private static Factors Factorize(Tensor a)
    {
        int n = a.shape[^1];
        var lu = Torch.Empty(a.shape, a.DType);
        a.Detach().CopyInto(lu);
        int count = n == 0 ? Shapes.Numel(a.shape[..^2]) : lu.Numel / (n * n);
        var piv = new int[count * n];
        var info = new int[count];
        for (int i = 0; i < count; i++)
            info[i] = a.DType == DType.Float32
                ? LinalgLu.Factor(lu.Span<float>().Slice(i * n * n, n * n), n, piv.AsSpan(i * n, n))
                : LinalgLu.Factor(lu.Span<double>().Slice(i * n * n, n * n), n, piv.AsSpan(i * n, n));
        return new Factors(lu, piv, info, n);
    }

    /// <summary>PyTorch's singular-matrix error, naming the batch element when the input is batched.</summary>
    private static void CheckInfo(Factors f, bool batched, string op, Func<int, string> what)
    {
        for (int i = 0; i < f.Info.Length; i++)
            if (f.Info[i] > 0)
                throw new LinAlgException($"{op}{(batched ? $": (Batch element {i})" : "")}: {what(f.Info[i])}");
    }

    /// <summary>Solves in place every right-hand side matrix of <paramref name="x"/> with the factors of batch entry map[i].</summary>
    private static void SolveAll<T>(Factors f, Tensor x, int[] map, int k) where T : IFloatingPointIeee754<T>
    {
        int n = f.N;
        ReadOnlySpan<T> lu = f.Lu.Span<T>();
        var xs = x.Span<T>();
        for (int i = 0; i < map.Length; i++)
            LinalgLu.Solve(lu.Slice(map[i] * n * n, n * n), n, f.Piv.AsSpan(map[i] * n, n), xs.Slice(i * n * k, n * k), k);
    }

    private static double DetOf<T>(Factors f, int i) where T : IFloatingPointIeee754<T>
    {
        int n = f.N;
        return double.CreateTruncating(LinalgLu.Det<T>(f.Lu.Span<T>().Slice(i * n * n, n * n), n, f.Piv.AsSpan(i * n, n)));
    }

    /// <summary>For each entry of a broadcast batch, the flat index of the entry of <paramref name="inner"/> it reads.</summary>
    public static int[] BatchMap(int[] batch, int[] inner)
    {
        int count = Shapes.Numel(batch), lead = batch.Length - inner.Length;
        var map = new int[count];
        var idx = new int[batch.Length];
        var st = Shapes.ContiguousStrides(inner);
        for (int i = 0; i < count; i++)
        {
            int pos = 0;
            for (int d = 0; d < inner.Length; d++)
                if (inner[d] != 1) pos += idx[d + lead] * st[d];
            map[i] = pos;
            for (int d = batch.Length - 1; d >= 0; d--)
            {
                if (++idx[d] < batch[d]) break;
                idx[d] = 0;
            }
        }
        return map;
    }
}
