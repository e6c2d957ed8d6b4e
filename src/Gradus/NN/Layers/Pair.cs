namespace Gradus.NN;

/// <summary>A 2-D size given as one int or as a pair, remembered as given so printouts match PyTorch's.</summary>
internal readonly record struct Pair(int H, int W, bool Scalar)
{
    public static Pair Of(int v) => new(v, v, true);

    public static Pair Of((int H, int W) v) => new(v.H, v.W, false);

    public (int H, int W) Tuple => (H, W);

    /// <summary><c>2</c> or <c>(2, 3)</c>, as Python prints the int or the tuple.</summary>
    public override string ToString() => Scalar ? H.ToString(System.Globalization.CultureInfo.InvariantCulture) : PyRepr.Tuple([H, W]);

    /// <summary>Always the tuple form, as convolution layers print their sizes.</summary>
    public string AsTuple() => PyRepr.Tuple([H, W]);
}
