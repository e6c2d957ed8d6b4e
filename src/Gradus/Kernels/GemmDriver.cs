using System.Numerics;
using System.Runtime.CompilerServices;

namespace Gradus.Kernels;

/// <summary>One GEMM call on pinned operands: C = alpha·op(A)·op(B) + beta·C, row-major, m x n x k.</summary>
internal readonly unsafe struct GemmCall<T> where T : unmanaged
{
    /// <summary>Creates the call description.</summary>
    public GemmCall(bool transA, bool transB, int m, int n, int k, T alpha, T* a, nint lda, T* b, nint ldb, T beta, T* c, nint ldc)
    {
        TransA = transA; TransB = transB; M = m; N = n; K = k;
        Alpha = alpha; A = a; Lda = lda; B = b; Ldb = ldb; Beta = beta; C = c; Ldc = ldc;
    }

    /// <summary>Whether A is stored transposed (k x m).</summary>
    public bool TransA { get; }
    /// <summary>Whether B is stored transposed (n x k).</summary>
    public bool TransB { get; }
    /// <summary>Rows of C.</summary>
    public int M { get; }
    /// <summary>Columns of C.</summary>
    public int N { get; }
    /// <summary>The shared (inner) dimension.</summary>
    public int K { get; }
    /// <summary>Scale of the product.</summary>
    public T Alpha { get; }
    /// <summary>Scale of the previous C (zero: C is overwritten).</summary>
    public T Beta { get; }
    /// <summary>First element of A.</summary>
    public T* A { get; }
    /// <summary>First element of B.</summary>
    public T* B { get; }
    /// <summary>First element of C.</summary>
    public T* C { get; }
    /// <summary>Row stride of A.</summary>
    public nint Lda { get; }
    /// <summary>Row stride of B.</summary>
    public nint Ldb { get; }
    /// <summary>Row stride of C.</summary>
    public nint Ldc { get; }
}

/// <summary>
/// The packed, cache-blocked GEMM (Goto/BLIS loop order: NC columns of B, KC depth, MC rows of A, then
/// NR x MR register tiles). On several cores, each kc x nc block of B is packed once, by all threads, into one
/// shared buffer; then the threads split C's rows (each packing only its own rows of A), or its columns (each
/// packing only its own panels of B) when there are too few rows to share. One fork-join per kc x nc block.
/// </summary>
internal static unsafe class GemmDriver<T, TK>
    where T : unmanaged, IFloatingPointIeee754<T>
    where TK : struct, IGemmKernel<T>
{
    // Cache blocking, tuned on Zen 4 (32 KiB L1d and 1 MiB L2 per core, 32 MiB shared L3): a kc x NR micro-panel
    // of B streams from L1/L2 across the MR-row panels of A; an mc x kc block of A (~600 KB) stays in L2; a kc x nc
    // block of B (~4 MB) stays in L3. Sizes are in elements, the same bytes for float and double.
    private const int KC = 320;
    private static int MC => 480 * 4 / sizeof(T) / TK.MR * TK.MR;
    private static int NC => 3072 * 4 / sizeof(T) / TK.NR * TK.NR;

    /// <summary>Runs the call <paramref name="g"/> on every core the problem size justifies.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run(in GemmCall<T> g)
    {
        int mUnits = (g.M + TK.MR - 1) / TK.MR, nUnits = (g.N + TK.NR - 1) / TK.NR;
        int threads = ParallelFor.TaskCount(2L * g.M * g.N * g.K, Math.Max(mUnits, nUnits));
        bool splitRows = mUnits >= 4 * threads || mUnits >= nUnits;
        // Blocks of even size (1024 = 4 x 256 rather than 3 x 320 + 64), so none is a thin, inefficient remainder.
        int kcStep = EvenStep(g.K, KC, 1), ncStep = EvenStep(g.N, NC, TK.NR);
        T* packedB = GemmBuffers<T>.PackedB(kcStep * ncStep);
        var progress = PackProgress.ForThisThread();
        for (int jc = 0; jc < g.N; jc += ncStep)
        {
            int nc = Math.Min(ncStep, g.N - jc);
            // More tasks than threads: threads claim them as they come free, so a thread that starts late (or is
            // preempted) does less and no one waits long at the end of the block.
            int units = splitRows ? mUnits : (nc + TK.NR - 1) / TK.NR;
            int tasks = threads == 1 ? 1 : Math.Min(units, 2 * threads);
            for (int pc = 0; pc < g.K; pc += kcStep)
            {
                progress.Reset((nc + TK.NR * PanelsPerChunk - 1) / (TK.NR * PanelsPerChunk));
                ParallelFor.Run(tasks, new Block(g, packedB, jc, nc, pc, Math.Min(kcStep, g.K - pc), tasks, splitRows, progress));
            }
        }
    }

    /// <summary>The step that cuts <paramref name="length"/> into the fewest blocks of at most <paramref name="max"/>, evenly (a multiple of <paramref name="multiple"/>).</summary>
    private static int EvenStep(int length, int max, int multiple)
    {
        int blocks = (length + max - 1) / max;
        return RoundUp((length + blocks - 1) / blocks, multiple);
    }

    /// <summary>NR-wide panels of B packed per claimed chunk when all threads pack one shared block.</summary>
    private const int PanelsPerChunk = 4;

    /// <summary>
    /// Claims of the chunks of a shared B block: every task packs unclaimed chunks, then waits only for chunks other
    /// running threads are packing. A task that never starts is never waited for, so no barrier can deadlock.
    /// </summary>
    private sealed class PackProgress
    {
        [ThreadStatic] private static PackProgress? s_current;
        private int _chunks, _next, _done;

        public static PackProgress ForThisThread() => s_current ??= new PackProgress();

        public void Reset(int chunks)
        {
            _chunks = chunks;
            _next = 0;
            Volatile.Write(ref _done, 0);
        }

        /// <summary>Packs chunks of <paramref name="block"/> until none is unclaimed, then waits until all are packed.</summary>
        public void PackAll(in Block block)
        {
            int chunk;
            while ((chunk = Interlocked.Increment(ref _next) - 1) < _chunks)
            {
                int c0 = chunk * PanelsPerChunk * TK.NR;
                block.PackB(c0, Math.Min(c0 + PanelsPerChunk * TK.NR, block.Nc));
                Interlocked.Increment(ref _done);
            }
            var spin = new SpinWait();
            while (Volatile.Read(ref _done) < _chunks) spin.SpinOnce(sleep1Threshold: -1);
        }
    }

    /// <summary>One kc x nc block of B against all of A: task t computes its share of C's rows or columns.</summary>
    private readonly struct Block(GemmCall<T> g, T* packedB, int jc, int nc, int pc, int kc, int tasks, bool splitRows,
        PackProgress progress) : IParallelBody
    {
        public int Nc => nc;

        /// <summary>Packs columns [c0, c1) of the block (c0 a multiple of NR) into their panels.</summary>
        public void PackB(int c0, int c1)
        {
            if (c1 > c0) GemmPack<T>.PackB(g.B, g.Ldb, g.TransB, pc, kc, jc + c0, c1 - c0, TK.NR, packedB + (nint)c0 * kc);
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Invoke(int task)
        {
            int m0 = 0, m1 = g.M, c0 = 0, c1 = nc;
            if (splitRows)
            {
                var (lo, hi) = Share((g.M + TK.MR - 1) / TK.MR, task, tasks);
                (m0, m1) = (lo * TK.MR, Math.Min(hi * TK.MR, g.M));
                progress.PackAll(this); // all of B is shared by every task
            }
            else
            {
                var (lo, hi) = Share((nc + TK.NR - 1) / TK.NR, task, tasks);
                (c0, c1) = (lo * TK.NR, Math.Min(hi * TK.NR, nc));
                PackB(c0, c1); // each task packs the B panels it uses
            }
            if (m1 <= m0 || c1 <= c0) return;
            T beta = pc == 0 ? g.Beta : T.One;
            T* packedA = GemmBuffers<T>.PackedA(Math.Min(MC, RoundUp(m1 - m0, TK.MR)) * kc);
            T* tile = GemmBuffers<T>.Tile(TK.MR * TK.NR);
            for (int ic = m0; ic < m1; ic += MC)
            {
                int mc = Math.Min(MC, m1 - ic);
                GemmPack<T>.PackA(g.A, g.Lda, g.TransA, ic, mc, pc, kc, TK.MR, packedA);
                Macro(g, ic, mc, jc + c0, c1 - c0, kc, beta, packedA, packedB + (nint)c0 * kc, tile);
            }
        }
    }

    /// <summary>Task <paramref name="task"/>'s share [lo, hi) of <paramref name="units"/> units split evenly.</summary>
    private static (int Lo, int Hi) Share(int units, int task, int tasks) =>
        ((int)((long)units * task / tasks), (int)((long)units * (task + 1) / tasks));

    /// <summary>Runs the micro-kernel over every register tile of one packed mc x nc block.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Macro(in GemmCall<T> g, int ic, int mc, int jc, int nc, int kc, T beta, T* packedA, T* packedB, T* tile)
    {
        int mr = TK.MR, nr = TK.NR;
        for (int jr = 0; jr < nc; jr += nr)
        {
            int cols = Math.Min(nr, nc - jr);
            T* pb = packedB + (nint)jr * kc;
            for (int ir = 0; ir < mc; ir += mr)
            {
                int rows = Math.Min(mr, mc - ir);
                T* pa = packedA + (nint)ir * kc;
                T* c = g.C + (ic + ir) * g.Ldc + jc + jr;
                if (rows == mr && cols == nr)
                {
                    TK.Run(kc, pa, pb, c, g.Ldc, g.Alpha, beta);
                    continue;
                }
                TK.Run(kc, pa, pb, tile, nr, T.One, T.Zero);
                MergeEdge(tile, nr, c, g.Ldc, rows, cols, g.Alpha, beta);
            }
        }
    }

    /// <summary>C[rows x cols] = alpha·tile + beta·C for a partial tile at the matrix edge (beta zero: overwrite).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void MergeEdge(T* tile, int nr, T* c, nint ldc, int rows, int cols, T alpha, T beta)
    {
        bool accumulate = beta != T.Zero;
        for (int r = 0; r < rows; r++, c += ldc, tile += nr)
            for (int j = 0; j < cols; j++)
                c[j] = accumulate ? alpha * tile[j] + beta * c[j] : alpha * tile[j];
    }

    private static int RoundUp(int value, int multiple) => (value + multiple - 1) / multiple * multiple;
}
