namespace Gradus.Plots;

/// <summary>
/// A loss evaluated on a grid of two parameters, in NumPy meshgrid order:
/// <c>Losses[i, j]</c> is the loss at bias <c>B[j]</c> and weight <c>W[i]</c> (the course's <c>all_losses[w_idx, b_idx]</c>).
/// </summary>
public sealed class LossGrid
{
    /// <summary>A grid from increasing <paramref name="b"/> and <paramref name="w"/> values and losses shaped [w.Length, b.Length].</summary>
    public LossGrid(double[] b, double[] w, double[,] losses)
    {
        const string op = "LossGrid";
        Check.Grid(op, nameof(b), b, nameof(w), w, nameof(losses), losses);
        foreach (double v in losses)
            if (!double.IsFinite(v)) throw new ArgumentException($"{op}: losses hold a non-finite value {v}", nameof(losses));
        B = b;
        W = w;
        Losses = losses;
    }

    /// <summary>Bias values along the horizontal axis, increasing.</summary>
    public double[] B { get; }

    /// <summary>Weight values along the vertical axis, increasing.</summary>
    public double[] W { get; }

    /// <summary>Losses[i, j] is the loss at (B[j], W[i]).</summary>
    public double[,] Losses { get; }

    /// <summary>Evaluates <paramref name="loss"/>(b, w) at every grid point.</summary>
    public static LossGrid Compute(double[] b, double[] w, Func<double, double, double> loss)
    {
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(loss);
        var losses = new double[w.Length, b.Length];
        for (int i = 0; i < w.Length; i++)
            for (int j = 0; j < b.Length; j++)
                losses[i, j] = loss(b[j], w[i]);
        return new LossGrid(b, w, losses);
    }

    /// <summary>The mean squared error of the line <c>yhat = b + w * x</c> on the data (x, y), on the grid b x w.</summary>
    public static LossGrid Mse(double[] x, double[] y, double[] b, double[] w)
    {
        Check.NotEmpty("LossGrid.Mse", nameof(x), x);
        Check.SameLength("LossGrid.Mse", nameof(x), x.Length, nameof(y), y.Length);
        return Compute(b, w, (bj, wi) =>
        {
            double sum = 0;
            for (int k = 0; k < x.Length; k++)
            {
                double e = bj + wi * x[k] - y[k];
                sum += e * e;
            }
            return sum / x.Length;
        });
    }

    /// <summary>Indexes of the grid values nearest to (b, w), as the course's find_index.</summary>
    public (int BIndex, int WIndex) NearestIndex(double b, double w) => (Nearest(B, b), Nearest(W, w));

    /// <summary>The grid point with the smallest loss.</summary>
    public (double B, double W, double Loss) Minimum()
    {
        int bi = 0, wi = 0;
        for (int i = 0; i < W.Length; i++)
            for (int j = 0; j < B.Length; j++)
                if (Losses[i, j] < Losses[wi, bi]) (wi, bi) = (i, j);
        return (B[bi], W[wi], Losses[wi, bi]);
    }

    /// <summary>The loss along w with b fixed at B[bIndex] (a vertical cross-section).</summary>
    public double[] AlongW(int bIndex)
    {
        CheckIndex(nameof(bIndex), bIndex, B.Length);
        return Enumerable.Range(0, W.Length).Select(i => Losses[i, bIndex]).ToArray();
    }

    /// <summary>The loss along b with w fixed at W[wIndex] (a horizontal cross-section).</summary>
    public double[] AlongB(int wIndex)
    {
        CheckIndex(nameof(wIndex), wIndex, W.Length);
        return Enumerable.Range(0, B.Length).Select(j => Losses[wIndex, j]).ToArray();
    }

    private static void CheckIndex(string name, int index, int length)
    {
        if (index < 0 || index >= length)
            throw new IndexOutOfRangeException($"LossGrid: {name} {index} is out of range for {length} values");
    }

    private static int Nearest(double[] values, double target)
    {
        int best = 0;
        for (int i = 1; i < values.Length; i++)
            if (Math.Abs(values[i] - target) < Math.Abs(values[best] - target)) best = i;
        return best;
    }
}
