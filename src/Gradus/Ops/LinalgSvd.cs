namespace Gradus.Ops;

/// <summary>
/// Singular values of (batches of) small matrices by one-sided Jacobi rotations in float64, for the
/// spectral (2, -2) and nuclear matrix norms. The gradient of the singular values is U diag(g) Vᵀ.
/// </summary>
internal static class LinalgSvd
{
    /// <summary>The singular values in descending order, shape (*, min(m, n)), as torch.linalg.svdvals.</summary>
    public static Tensor Svdvals(Tensor a)
    {
        if (a.Dim < 2) throw new ArgumentException("linalg.svd: The input tensor A must have at least 2 dimensions.");
        LinalgChecks.FloatInput(a, "linalg.svd");
        int m = a.shape[^2], n = a.shape[^1], r = Math.Min(m, n);
        var batch = a.shape[..^2];
        int count = Shapes.Numel(batch);
        var src = a.Detach().Contiguous().To(DType.Float64).ToArray<double>();
        var s = new double[count * r];
        var u = new double[count * m * r];
        var v = new double[count * n * r];
        for (int i = 0; i < count; i++)
            Decompose(src.AsSpan(i * m * n, m * n), m, n, s.AsSpan(i * r, r), u.AsSpan(i * m * r, m * r), v.AsSpan(i * n * r, n * r));
        var result = new Tensor(s, [.. batch, r], DType.Float64).To(a.DType).Detach();
        var uT = new Tensor(u, [.. batch, m, r], DType.Float64).To(a.DType).Detach();
        var vT = new Tensor(v, [.. batch, n, r], DType.Float64).To(a.DType).Detach();
        return Tensor.Record(result, "LinalgSvdBackward0", [a],
            g => [MatmulBroadcast.Apply(uT * g.Unsqueeze(-2), LinalgChecks.MT(vT))]);
    }

    /// <summary>Thin SVD of one m x n matrix: s (r), U (m x r) and V (n x r), r = min(m, n), s descending.</summary>
    private static void Decompose(ReadOnlySpan<double> a, int m, int n, Span<double> s, Span<double> u, Span<double> v)
    {
        bool wide = m < n;
        int rows = wide ? n : m, cols = wide ? m : n;
        // Work on the tall orientation: columns of w converge to U * diag(s), rotations accumulate in q (= V).
        var w = new double[rows * cols];
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++)
                if (wide) w[j * cols + i] = a[i * n + j];
                else w[i * cols + j] = a[i * n + j];
        var q = new double[cols * cols];
        for (int i = 0; i < cols; i++) q[i * cols + i] = 1;
        for (int sweep = 0; sweep < 60; sweep++)
        {
            bool rotated = false;
            for (int p = 0; p < cols - 1; p++)
                for (int r = p + 1; r < cols; r++)
                {
                    double alpha = 0, beta = 0, gamma = 0;
                    for (int i = 0; i < rows; i++)
                    {
                        double x = w[i * cols + p], y = w[i * cols + r];
                        alpha += x * x; beta += y * y; gamma += x * y;
                    }
                    if (gamma == 0 || Math.Abs(gamma) <= 1e-15 * Math.Sqrt(alpha * beta)) continue;
                    rotated = true;
                    double zeta = (beta - alpha) / (2 * gamma);
                    double t = Math.CopySign(1, zeta) / (Math.Abs(zeta) + Math.Sqrt(1 + zeta * zeta));
                    double c = 1 / Math.Sqrt(1 + t * t), sn = c * t;
                    Rotate(w, rows, cols, p, r, c, sn);
                    Rotate(q, cols, cols, p, r, c, sn);
                }
            if (!rotated) break;
        }
        var norms = new double[cols];
        for (int j = 0; j < cols; j++)
        {
            double acc = 0;
            for (int i = 0; i < rows; i++) acc = double.Hypot(acc, w[i * cols + j]);
            norms[j] = acc;
        }
        var order = Enumerable.Range(0, cols).OrderByDescending(j => norms[j]).ToArray();
        Span<double> left = wide ? v : u, right = wide ? u : v;
        for (int k = 0; k < cols; k++)
        {
            int j = order[k];
            s[k] = norms[j];
            for (int i = 0; i < rows; i++) left[i * cols + k] = norms[j] == 0 ? 0 : w[i * cols + j] / norms[j];
            for (int i = 0; i < cols; i++) right[i * cols + k] = q[i * cols + j];
        }
    }

    /// <summary>Rotates columns p and r of a rows x cols matrix by (c, s).</summary>
    private static void Rotate(double[] x, int rows, int cols, int p, int r, double c, double s)
    {
        for (int i = 0; i < rows; i++)
        {
            double a = x[i * cols + p], b = x[i * cols + r];
            x[i * cols + p] = c * a - s * b;
            x[i * cols + r] = s * a + c * b;
        }
    }
}
