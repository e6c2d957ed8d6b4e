using Gradus.Kernels;

namespace Gradus.Ops;

/// <summary>
/// Runs (batched) matrix products on the GEMM kernel. Each operand's last two dims are handed to the
/// kernel in place: unit stride along columns is a plain matrix with its row stride as leading dim,
/// unit stride along rows is a transposed one (so <c>x.T</c> costs no copy); other layouts are copied.
/// Batch dims may have any strides, 0 included (broadcast operands are never materialised).
/// </summary>
internal static class MatmulKernel
{
    /// <summary>
    /// c = alpha * a @ b + beta * c, where a is (batch..., m, k), b is (batch..., k, n) with the same batch
    /// shape, and c is a contiguous (batch..., m, n) tensor owned by the caller. int64 runs a plain loop.
    /// </summary>
    public static void Run(Tensor a, Tensor b, Tensor c, double alpha = 1, double beta = 0)
    {
        int nd = c.Dim;
        int m = c.shape[nd - 2], n = c.shape[nd - 1], k = a.shape[nd - 1];
        if (m == 0 || n == 0) return;
        if (k == 0)
        {
            if (beta == 0) c.FillRaw(0);
            else if (beta != 1) c.WriteFrom(c.Detach() * beta);
            return;
        }
        var batch = c.shape[..(nd - 2)];
        int count = Shapes.Numel(batch);
        if (c.DType == DType.Int64)
        {
            var offsA = BatchOffsets(a, batch, count);
            var offsB = BatchOffsets(b, batch, count);
            IntegerProduct(a, b, c, offsA, offsB, m, n, k, (long)alpha, (long)beta);
            return;
        }
        if (!Layout(a, out bool ta, out int lda)) { a = a.Detach().Contiguous(); Layout(a, out ta, out lda); }
        if (!Layout(b, out bool tb, out int ldb)) { b = b.Detach().Contiguous(); Layout(b, out tb, out ldb); }
        var body = new Batch(a.RawData, BatchOffsets(a, batch, count), ta, lda, b.RawData, BatchOffsets(b, batch, count), tb, ldb,
            c.RawData, c.offset, m, n, k, alpha, beta);
        // A large product threads inside GEMM; many small ones thread across the batch instead.
        long work = 2L * m * n * k;
        if (count == 1 || work >= ParallelFor.MinWorkPerTask) body.Invoke(0, count);
        else ParallelFor.Range(count, work, body);
    }

    /// <summary>GEMM on batch entries [start, end): entry i reads A at offA[i], B at offB[i] and writes the i-th m x n block of C.</summary>
    private readonly struct Batch(Array a, int[] offA, bool ta, int lda, Array b, int[] offB, bool tb, int ldb,
        Array c, int offC, int m, int n, int k, double alpha, double beta) : IRangeBody
    {
        public void Invoke(int start, int end)
        {
            int size = m * n;
            for (int i = start; i < end; i++)
            {
                if (c is float[] cf)
                    Gemm.Sgemm(ta, tb, m, n, k, (float)alpha, ((float[])a).AsSpan(offA[i]), lda, ((float[])b).AsSpan(offB[i]), ldb,
                        (float)beta, cf.AsSpan(offC + i * size, size), n);
                else
                    Gemm.Dgemm(ta, tb, m, n, k, alpha, ((double[])a).AsSpan(offA[i]), lda, ((double[])b).AsSpan(offB[i]), ldb,
                        beta, ((double[])c).AsSpan(offC + i * size, size), n);
            }
        }
    }

    /// <summary>
    /// How the last two dims of <paramref name="t"/> go to GEMM: row-major with leading dim <paramref name="ld"/>,
    /// or (<paramref name="trans"/>) the transpose of a row-major matrix. False when neither fits (e.g. stride 0).
    /// </summary>
    public static bool Layout(Tensor t, out bool trans, out int ld)
    {
        int rows = t.shape[^2], cols = t.shape[^1], s0 = t.strides[^2], s1 = t.strides[^1];
        if ((s1 == 1 || cols == 1) && (rows == 1 || s0 >= cols))
        {
            trans = false;
            ld = rows == 1 ? cols : s0;
            return true;
        }
        if ((s0 == 1 || rows == 1) && (cols == 1 || s1 >= rows))
        {
            trans = true;
            ld = cols == 1 ? rows : s1;
            return true;
        }
        trans = false;
        ld = 0;
        return false;
    }

    /// <summary>The storage position of each batch matrix's first element, in row-major batch order.</summary>
    private static int[] BatchOffsets(Tensor t, int[] batch, int count)
    {
        var offs = new int[count];
        var idx = new int[batch.Length];
        for (int i = 0; i < count; i++)
        {
            int pos = t.offset;
            for (int d = 0; d < batch.Length; d++) pos += idx[d] * t.strides[d];
            offs[i] = pos;
            for (int d = batch.Length - 1; d >= 0; d--)
            {
                if (++idx[d] < batch[d]) break;
                idx[d] = 0;
            }
        }
        return offs;
    }

    /// <summary>int64 products (PyTorch supports them on the CPU); the float kernel does not apply.</summary>
    private static void IntegerProduct(Tensor a, Tensor b, Tensor c, int[] offA, int[] offB, int m, int n, int k, long alpha, long beta)
    {
        long[] da = a.Data<long>(), db = b.Data<long>(), dc = c.Data<long>();
        int sa0 = a.strides[^2], sa1 = a.strides[^1], sb0 = b.strides[^2], sb1 = b.strides[^1];
        for (int bi = 0; bi < offA.Length; bi++)
            for (int i = 0; i < m; i++)
                for (int j = 0; j < n; j++)
                {
                    long s = 0;
                    for (int p = 0; p < k; p++) s += da[offA[bi] + i * sa0 + p * sa1] * db[offB[bi] + p * sb0 + j * sb1];
                    int pos = c.offset + (bi * m + i) * n + j;
                    dc[pos] = alpha * s + (beta == 0 ? 0 : beta * dc[pos]);
                }
    }
}
