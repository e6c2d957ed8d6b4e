namespace Gradus.Cli.Descent;

/// <summary>
/// NumPy's float64 reductions as NumPy 1.24 computes them (pairwise summation: eight accumulators over blocks of up to
/// 128 elements), so the chapter's hand-written NumPy steps print the course's last digits.
/// </summary>
internal static class NumPyArithmetic
{
    /// <summary><c>a.mean()</c>: the pairwise sum divided by the length.</summary>
    public static double Mean(ReadOnlySpan<double> a) => Sum(a) / a.Length;

    /// <summary><c>a.sum()</c> with NumPy's pairwise summation.</summary>
    public static double Sum(ReadOnlySpan<double> a)
    {
        const int block = 128;
        if (a.Length > block)
        {
            int half = a.Length / 2;
            half -= half % 8;
            return Sum(a[..half]) + Sum(a[half..]);
        }
        if (a.Length < 8)
        {
            double total = 0;
            foreach (double v in a) total += v;
            return total;
        }
        Span<double> lanes = stackalloc double[8];
        a[..8].CopyTo(lanes);
        int i = 8;
        for (; i + 8 <= a.Length; i += 8)
            for (int lane = 0; lane < 8; lane++) lanes[lane] += a[i + lane];
        double result = ((lanes[0] + lanes[1]) + (lanes[2] + lanes[3])) + ((lanes[4] + lanes[5]) + (lanes[6] + lanes[7]));
        for (; i < a.Length; i++) result += a[i];
        return result;
    }
}
