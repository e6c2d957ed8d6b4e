using static Gradus.Ops.LinalgChecks;

namespace Gradus.Ops;

/// <summary>
/// linalg.lstsq by Householder QR (in float64, the result cast back): for a tall or square A (m &gt;= n) the
/// least-squares solution R⁻¹ (QᵀB)[:n], for a wide A the minimum-norm solution Q R⁻ᵀ B from the QR of Aᵀ.
/// Full column (or row) rank is required; PyTorch's default CPU driver (gelsy) gives the same solution there.
/// </summary>
internal static class LinalgLstsq
{
    private const string Op = "torch.linalg.lstsq";

    public static Tensor Lstsq(Tensor a, Tensor b)
    {
        if (a.Dim < 2) throw new ArgumentException($"{Op}: input must have at least 2 dimensions.");
        if (b.Dim < 1) throw new ArgumentException($"{Op}: other must have at least 1 dimension.");
        if (a.DType != b.DType)
            throw new ArgumentException($"{Op}: Expected input and other to have the same dtype, but got input's dtype {ScalarType(a.DType)} and other's dtype {ScalarType(b.DType)}");
        int diff = a.Dim - b.Dim;
        if (diff is < 0 or > 1)
            throw new ArgumentException($"{Op}: input.dim() must be greater or equal to other.dim() and (input.dim() - other.dim()) <= 1");
        bool vec = diff == 1;
        int[] bShape = vec ? [.. b.shape, 1] : b.shape;
        int m = a.shape[^2], n = a.shape[^1], k = bShape[^1];
        if (bShape[^2] != m)
            throw new ArgumentException(vec ? $"{Op}: input.size(-2) should match other.size(-1)" : $"{Op}: input.size(-2) should match other.size(-2)");
        if (!a.IsFloatingPoint) throw new ArgumentException("This function doesn't handle types other than float and double");
        var batch = BroadcastBatch(a.shape[..^2], bShape[..^2]);
        var ad = a.Detach().Expand([.. batch, m, n]).Contiguous().To(DType.Float64).ToArray<double>();
        var bd = b.Detach().Reshape(bShape).Expand([.. batch, m, k]).Contiguous().To(DType.Float64).ToArray<double>();
        var xd = new double[Shapes.Numel(batch) * n * k];
        for (int i = 0; i < Shapes.Numel(batch); i++)
        {
            var ai = ad.AsSpan(i * m * n, m * n);
            var bi = bd.AsSpan(i * m * k, m * k);
            var xi = xd.AsSpan(i * n * k, n * k);
            if (m >= n) Tall(ai, bi, xi, m, n, k);
            else Wide(ai, bi, xi, m, n, k);
        }
        var x = new Tensor(xd, vec ? [.. batch, n] : [.. batch, n, k], DType.Float64).To(a.DType).Detach();
        return Tensor.Record(x, "LinalgLstsqBackward0", [a, b], g => Backward(g, a, b, x, vec, m >= n), a, b, x);
    }

    /// <summary>Gradients of the full-rank solution (pinv(A) B), written with differentiable ops.</summary>
    private static Tensor?[] Backward(Tensor g, Tensor a, Tensor b, Tensor x, bool vec, bool tall)
    {
        var gm = vec ? g.Unsqueeze(-1) : g;
        var xm = vec ? x.Unsqueeze(-1) : x;
        var bm = vec ? b.Unsqueeze(-1) : b;
        Tensor gA, gB;
        if (tall)
        {
            // x = (AᵀA)⁻¹AᵀB: with z = (AᵀA)⁻¹ g, dA = (B - A x) zᵀ - A z xᵀ and dB = A z.
            var z = LinalgSolve.Solve(MatmulBroadcast.Apply(MT(a), a), gm, vectorCase: false);
            var az = MatmulBroadcast.Apply(a, z);
            gA = MatmulBroadcast.Apply(bm - MatmulBroadcast.Apply(a, xm), MT(z)) - MatmulBroadcast.Apply(az, MT(xm));
            gB = az;
        }
        else
        {
            // x = Aᵀ w with w = (AAᵀ)⁻¹B: with u = (AAᵀ)⁻¹ A g, dA = w gᵀ - u xᵀ - w uᵀ A and dB = u.
            var aat = MatmulBroadcast.Apply(a, MT(a));
            var u = LinalgSolve.Solve(aat, MatmulBroadcast.Apply(a, gm), vectorCase: false);
            var w = LinalgSolve.Solve(aat, bm, vectorCase: false);
            gA = MatmulBroadcast.Apply(w, MT(gm)) - MatmulBroadcast.Apply(u, MT(xm)) - MatmulBroadcast.Apply(MatmulBroadcast.Apply(w, MT(u)), a);
            gB = u;
        }
        return [a.RequiresGrad ? Binary.Unbroadcast(gA, a) : null, b.RequiresGrad ? Binary.Unbroadcast(vec ? gB.Squeeze(-1) : gB, b) : null];
    }

    /// <summary>m &gt;= n: QR of A by Householder reflections applied to B as well, then back substitution with R.</summary>
    private static void Tall(Span<double> a, Span<double> b, Span<double> x, int m, int n, int k)
    {
        var tau = new double[n];
        Householder(a, m, n, tau, b, k);
        CheckRank(a, n, n, m, n);
        for (int c = 0; c < k; c++)
            for (int i = n - 1; i >= 0; i--)
            {
                double s = b[i * k + c];
                for (int j = i + 1; j < n; j++) s -= a[i * n + j] * x[j * k + c];
                x[i * k + c] = s / a[i * n + i];
            }
    }

    /// <summary>m &lt; n: QR of Aᵀ = QR, then Rᵀ y = B by forward substitution and x = Q [y; 0] (the minimum-norm solution).</summary>
    private static void Wide(Span<double> a, Span<double> b, Span<double> x, int m, int n, int k)
    {
        var at = new double[n * m];
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++) at[j * m + i] = a[i * n + j];
        var tau = new double[m];
        Householder(at, n, m, tau, [], 0);
        CheckRank(at, m, m, m, n);
        x.Clear();
        for (int c = 0; c < k; c++)
            for (int i = 0; i < m; i++)
            {
                double s = b[i * k + c];
                for (int j = 0; j < i; j++) s -= at[j * m + i] * x[j * k + c];
                x[i * k + c] = s / at[i * m + i];
            }
        for (int j = m - 1; j >= 0; j--) Reflect(at, n, m, j, tau[j], x, k);
    }

    /// <summary>
    /// In-place Householder QR of the rows x cols matrix (rows &gt;= cols): R on and above the diagonal, the
    /// reflectors' tails below it (unit leading entry implied); each reflector is also applied to the rows x k matrix c.
    /// </summary>
    private static void Householder(Span<double> a, int rows, int cols, double[] tau, Span<double> c, int k)
    {
        for (int j = 0; j < cols; j++)
        {
            double alpha = a[j * cols + j], norm = 0;
            for (int i = j + 1; i < rows; i++) norm = double.Hypot(norm, a[i * cols + j]);
            if (norm == 0) { tau[j] = 0; continue; }
            double beta = -Math.CopySign(double.Hypot(alpha, norm), alpha);
            tau[j] = (beta - alpha) / beta;
            double scale = 1 / (alpha - beta);
            for (int i = j + 1; i < rows; i++) a[i * cols + j] *= scale;
            a[j * cols + j] = beta;
            for (int col = j + 1; col < cols; col++) ReflectColumn(a, rows, cols, j, tau[j], a, cols, col);
            for (int col = 0; col < k; col++) ReflectColumn(a, rows, cols, j, tau[j], c, k, col);
        }
    }

    /// <summary>Applies reflector j (stored in column j of <paramref name="v"/>) to every column of the rows x k matrix <paramref name="c"/>.</summary>
    private static void Reflect(Span<double> v, int rows, int cols, int j, double tau, Span<double> c, int k)
    {
        for (int col = 0; col < k; col++) ReflectColumn(v, rows, cols, j, tau, c, k, col);
    }

    /// <summary>c[:, col] -= tau * v (vᵀ c[:, col]) with v = (0.., 1, v[j+1.., j]).</summary>
    private static void ReflectColumn(Span<double> v, int rows, int cols, int j, double tau, Span<double> c, int ldc, int col)
    {
        if (tau == 0) return;
        double w = c[j * ldc + col];
        for (int i = j + 1; i < rows; i++) w += v[i * cols + j] * c[i * ldc + col];
        w *= tau;
        c[j * ldc + col] -= w;
        for (int i = j + 1; i < rows; i++) c[i * ldc + col] -= w * v[i * cols + j];
    }

    /// <summary>Rejects a numerically rank-deficient R (|r_ii| below eps * max(m, n) * max |r_jj|, gelsy's default rcond).</summary>
    private static void CheckRank(Span<double> r, int size, int ld, int m, int n)
    {
        double max = 0;
        for (int i = 0; i < size; i++) max = Math.Max(max, Math.Abs(r[i * ld + i]));
        double tol = double.Epsilon + max * Math.Max(m, n) * (1.0 / (1L << 52));
        int rank = 0;
        for (int i = 0; i < size; i++) if (Math.Abs(r[i * ld + i]) > tol) rank++;
        if (rank < size)
            throw new LinAlgException($"{Op}: the input matrix is rank deficient (rank {rank} < {size}); Gradus solves full-rank least-squares problems only.");
    }
}
