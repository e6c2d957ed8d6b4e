namespace Gradus.Data.Synthetic;

/// <summary>NumPy's evenly spaced grids, computed the way NumPy 1.24 computes them.</summary>
internal static class NumPyGrid
{
    /// <summary><c>np.linspace(start, stop, num, endpoint)</c>: i * step + start, the last point set to stop.</summary>
    public static double[] Linspace(double start, double stop, int num, bool endpoint = true)
    {
        if (num < 0)
        {
            throw new ArgumentException($"Number of samples, {num}, must be non-negative.");
        }
        var y = new double[num];
        int div = endpoint ? num - 1 : num;
        double delta = stop - start;
        if (div > 0)
        {
            double step = delta / div;
            for (int i = 0; i < num; i++)
            {
                y[i] = step == 0 ? (i / (double)div * delta) + start : (i * step) + start;
            }
        }
        else
        {
            for (int i = 0; i < num; i++)
            {
                y[i] = (i * delta) + start;
            }
        }
        if (endpoint && num > 1)
        {
            y[^1] = stop;
        }
        return y;
    }
}
