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
/// NR x MR register tiles), with C split across cores into independent column or row ranges.
/// </summary>
internal static unsafe class GemmDriver<T, TK>
    where T : unmanaged, IFloatingPointIeee754<T>
    where TK : struct, IGemmKernel<T>
{
    /// <summary>Runs <paramref name="call"/> on every core the problem size justifies.</summary>
    public static void Run(in GemmCall<T> call)
    {
        long work = 2L * call.M * call.N * call.K;
        bool splitN = call.N >= call.M;
        int unit = splitN ? TK.NR : TK.MR;
        int units = ((splitN ? call.N : call.M) + unit - 1) / unit;
        int tasks = ParallelFor.TaskCount(work, units);
        if (tasks == 1) Block(call, 0, call.M, 0, call.N);
        else ParallelFor.Run(tasks, new Part(call, splitN, units, tasks));
    }

    private readonly struct Part(GemmCall<T> call, bool splitN, int units, int tasks) : IParallelBody
    {
        public void Invoke(int task)
        {
            int unit = splitN ? TK.NR : TK.MR;
            int start = (int)((long)units * task / tasks) * unit;
            int end = (int)((long)units * (task + 1) / tasks) * unit;
            if (splitN) Block(call, 0, call.M, start, Math.Min(end, call.N));
            else Block(call, start, Math.Min(end, call.M), 0, call.N);
        }
    }

    /// <summary>C[m0..m1, n0..n1] = alpha·op(A)[m0..m1, :]·op(B)[:, n0..n1] + beta·C on this thread.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Block(in GemmCall<T> g, int m0, int m1, int n0, int n1)
    {
        int mr = TK.MR, nr = TK.NR;
        int kcMax = Math.Min(TK.KC, g.K);
        int mcMax = Math.Min(TK.MC, RoundUp(m1 - m0, mr));
        int ncMax = Math.Min(TK.NC, RoundUp(n1 - n0, nr));
        T* packedA = GemmBuffers<T>.PackedA(mcMax * kcMax);
        T* packedB = GemmBuffers<T>.PackedB(kcMax * ncMax);
        T* tile = GemmBuffers<T>.Tile(mr * nr);
        for (int jc = n0; jc < n1; jc += TK.NC)
        {
            int nc = Math.Min(TK.NC, n1 - jc);
            for (int pc = 0; pc < g.K; pc += TK.KC)
            {
                int kc = Math.Min(TK.KC, g.K - pc);
                T beta = pc == 0 ? g.Beta : T.One;
                GemmPack<T>.PackB(g.B, g.Ldb, g.TransB, pc, kc, jc, nc, nr, packedB);
                for (int ic = m0; ic < m1; ic += TK.MC)
                {
                    int mc = Math.Min(TK.MC, m1 - ic);
                    GemmPack<T>.PackA(g.A, g.Lda, g.TransA, ic, mc, pc, kc, mr, packedA);
                    Macro(g, ic, mc, jc, nc, kc, beta, packedA, packedB, tile);
                }
            }
        }
    }

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
