using Gradus.Random;

namespace Gradus.Data.Synthetic;

/// <summary>
/// scikit-learn's 2-D toy classification sets (<c>sklearn.datasets.make_moons</c>, <c>make_circles</c>,
/// <c>make_blobs</c>, version 1.2), drawing from a NumPy <see cref="RandomState"/> in the same order,
/// so the same <c>random_state</c> gives the same points.
/// </summary>
public static class SampleGenerators
{
    /// <summary>
    /// <c>make_moons(n_samples, shuffle, noise, random_state)</c>: two interleaving half circles, labels 0 (outer) and 1 (inner).
    /// A null <paramref name="randomState"/> uses <see cref="RandomState.Global"/>, as scikit-learn uses np.random.
    /// </summary>
    public static ClassificationData MakeMoons(int nSamples = 100, bool shuffle = true, double? noise = null, RandomState? randomState = null)
    {
        CheckSamples(nSamples);
        int nOut = nSamples / 2;
        int nIn = nSamples - nOut;
        RandomState rs = randomState ?? RandomState.Global;
        double[] outer = NumPyGrid.Linspace(0, Math.PI, nOut);
        double[] inner = NumPyGrid.Linspace(0, Math.PI, nIn);
        var x = new double[2 * nSamples];
        for (int i = 0; i < nOut; i++)
        {
            x[2 * i] = Math.Cos(outer[i]);
            x[(2 * i) + 1] = Math.Sin(outer[i]);
        }
        for (int i = 0; i < nIn; i++)
        {
            x[2 * (nOut + i)] = 1 - Math.Cos(inner[i]);
            x[(2 * (nOut + i)) + 1] = 1 - Math.Sin(inner[i]) - 0.5;
        }
        return Finish(x, TwoClassLabels(nOut, nIn), shuffle, noise, rs);
    }

    /// <summary>
    /// <c>make_circles(n_samples, shuffle, noise, random_state, factor)</c>: a large circle (label 0) around a
    /// smaller one scaled by <paramref name="factor"/> (label 1).
    /// </summary>
    public static ClassificationData MakeCircles(
        int nSamples = 100, bool shuffle = true, double? noise = null, RandomState? randomState = null, double factor = 0.8)
    {
        if (factor >= 1 || factor < 0)
        {
            throw new ArgumentException("'factor' has to be between 0 and 1.");
        }
        CheckSamples(nSamples);
        int nOut = nSamples / 2;
        int nIn = nSamples - nOut;
        RandomState rs = randomState ?? RandomState.Global;
        double[] outer = NumPyGrid.Linspace(0, 2 * Math.PI, nOut, endpoint: false);
        double[] inner = NumPyGrid.Linspace(0, 2 * Math.PI, nIn, endpoint: false);
        var x = new double[2 * nSamples];
        for (int i = 0; i < nOut; i++)
        {
            x[2 * i] = Math.Cos(outer[i]);
            x[(2 * i) + 1] = Math.Sin(outer[i]);
        }
        for (int i = 0; i < nIn; i++)
        {
            x[2 * (nOut + i)] = Math.Cos(inner[i]) * factor;
            x[(2 * (nOut + i)) + 1] = Math.Sin(inner[i]) * factor;
        }
        return Finish(x, TwoClassLabels(nOut, nIn), shuffle, noise, rs);
    }

    /// <summary>
    /// <c>make_blobs(n_samples, n_features, centers, cluster_std, center_box, shuffle, random_state)</c> with
    /// <paramref name="centers"/> random centers drawn uniformly in the center box; the centers are returned too.
    /// </summary>
    public static ClassificationData MakeBlobs(
        int nSamples = 100, int nFeatures = 2, int centers = 3, double clusterStd = 1.0,
        double centerBoxLow = -10.0, double centerBoxHigh = 10.0, bool shuffle = true, RandomState? randomState = null)
    {
        CheckSamples(nSamples);
        if (centers <= 0 || nFeatures <= 0)
        {
            throw new ArgumentException($"make_blobs: centers and n_features must be positive, but got {centers} and {nFeatures}");
        }
        RandomState rs = randomState ?? RandomState.Global;
        double[] centerValues = rs.Uniform(centerBoxLow, centerBoxHigh, centers * nFeatures);
        return Blobs(nSamples, centerValues, nFeatures, clusterStd, shuffle, rs);
    }

    /// <summary>
    /// <c>make_blobs(n_samples, centers=[[...], ...], cluster_std, shuffle, random_state)</c> with fixed centers
    /// given as a (k, n_features) array.
    /// </summary>
    public static ClassificationData MakeBlobs(
        int nSamples, double[,] centers, double clusterStd = 1.0, bool shuffle = true, RandomState? randomState = null)
    {
        ArgumentNullException.ThrowIfNull(centers);
        CheckSamples(nSamples);
        int k = centers.GetLength(0), d = centers.GetLength(1);
        if (k == 0 || d == 0)
        {
            throw new ArgumentException("make_blobs: centers must be a non-empty (k, n_features) array");
        }
        var flat = new double[k * d];
        for (int i = 0; i < k; i++)
        {
            for (int j = 0; j < d; j++)
            {
                flat[(i * d) + j] = centers[i, j];
            }
        }
        return Blobs(nSamples, flat, d, clusterStd, shuffle, randomState ?? RandomState.Global);
    }

    private static ClassificationData Blobs(int nSamples, double[] centers, int d, double std, bool shuffle, RandomState rs)
    {
        if (std < 0)
        {
            throw new ArgumentException("scale < 0");
        }
        int k = centers.Length / d;
        var x = new double[nSamples * d];
        var y = new long[nSamples];
        int row = 0;
        for (int c = 0; c < k; c++)
        {
            int count = (nSamples / k) + (c < nSamples % k ? 1 : 0);
            // normal(loc=centers[c], scale=std, size=(count, d)): loc + scale * gauss, drawn row-major.
            double[] gauss = rs.Randn(count * d);
            for (int r = 0; r < count; r++, row++)
            {
                y[row] = c;
                for (int j = 0; j < d; j++)
                {
                    x[(row * d) + j] = centers[(c * d) + j] + (std * gauss[(r * d) + j]);
                }
            }
        }
        if (shuffle)
        {
            (x, y) = ShuffleRows(x, y, d, rs);
        }
        return new ClassificationData(x, y, d, centers);
    }

    private static ClassificationData Finish(double[] x, long[] y, bool shuffle, double? noise, RandomState rs)
    {
        if (shuffle)
        {
            (x, y) = ShuffleRows(x, y, 2, rs);
        }
        if (noise is double scale)
        {
            double[] jitter = rs.Normal(0.0, scale, x.Length);
            for (int i = 0; i < x.Length; i++)
            {
                x[i] += jitter[i];
            }
        }
        return new ClassificationData(x, y, 2);
    }

    /// <summary><c>sklearn.utils.shuffle(X, y, random_state)</c>: one shuffled arange applied to both.</summary>
    private static (double[] X, long[] Y) ShuffleRows(double[] x, long[] y, int d, RandomState rs)
    {
        long[] order = rs.Permutation(y.Length);
        var xs = new double[x.Length];
        var ys = new long[y.Length];
        for (int i = 0; i < order.Length; i++)
        {
            long src = order[i];
            ys[i] = y[src];
            Array.Copy(x, src * d, xs, i * d, d);
        }
        return (xs, ys);
    }

    private static long[] TwoClassLabels(int nOut, int nIn)
    {
        var y = new long[nOut + nIn];
        Array.Fill(y, 1L, nOut, nIn);
        return y;
    }

    private static void CheckSamples(int nSamples)
    {
        if (nSamples < 0)
        {
            throw new ArgumentException($"n_samples must be non-negative, but got {nSamples}");
        }
    }
}
