namespace Gradus.Data.Synthetic;

/// <summary>
/// A labelled point set: float64 features X of shape (NumSamples, NumFeatures), row-major, and int64
/// class labels y of shape (NumSamples,), as scikit-learn's <c>make_*</c> functions return them.
/// </summary>
/// <param name="X">Features, row-major (NumSamples, NumFeatures).</param>
/// <param name="Y">Class labels 0..k-1.</param>
/// <param name="NumFeatures">Columns of X.</param>
/// <param name="Centers">The cluster centers (NumCenters, NumFeatures) row-major, for blobs; null otherwise.</param>
public sealed record ClassificationData(double[] X, long[] Y, int NumFeatures, double[]? Centers = null)
{
    /// <summary>Number of points.</summary>
    public int NumSamples => Y.Length;

    /// <summary>Shape of X: (NumSamples, NumFeatures).</summary>
    public int[] XShape => [NumSamples, NumFeatures];

    /// <summary>Shape of Y: (NumSamples,).</summary>
    public int[] YShape => [NumSamples];
}
