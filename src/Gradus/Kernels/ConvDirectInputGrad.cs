using System.Numerics;
using System.Runtime.CompilerServices;

namespace Gradus.Kernels;

/// <summary>
/// The input gradient of the direct convolution, scattered in the input's frame layout: for every tap (i, j),
/// gframe[ci, offset(i, j) + t] += Σ_co w[co, ci, i, j]·gflat[co, t], where gflat is the output gradient in the flat row
/// layout with zeros in the dropped columns; then the frame's interior is gx. Only the real products are computed
/// (no correlation over zero padding), <see cref="CB"/> input channels x 4 vectors per register block.
/// </summary>
internal static unsafe partial class ConvDirect<T, TV, TOps>
{
    /// <summary>gx = the gradient of conv2d with respect to its input for the output gradient g.</summary>
    public static void InputGrad(T* g, T* w, in ConvShape s, T* gx)
    {
        var win = s.Window;
        var frame = ConvFrame.For(s.Cin, s.H, s.W, win.PadH, win.PadW, s.OH, s.OW, win.KernelW, win.DilationW, W);
        int taps = win.KernelH * win.KernelW, inP = RoundUp(s.CinG, CB);
        var tapOffsets = new int[taps];
        for (int i = 0; i < win.KernelH; i++)
            for (int j = 0; j < win.KernelW; j++)
                tapOffsets[i * win.KernelW + j] = i * win.DilationH * frame.Ws + j * win.DilationW;
        var rowOffsets = new int[s.CoutG];
        for (int o = 0; o < s.CoutG; o++) rowOffsets[o] = o * frame.Lfp;
        // packed[g][block][tap][co][c] = w[g·CoutG + co, block·CB + c, tap]
        var packed = new T[s.Groups * inP * taps * s.CoutG];
        for (int gr = 0; gr < s.Groups; gr++)
            for (int ci = 0; ci < s.CinG; ci++)
                for (int k = 0; k < taps; k++)
                    for (int o = 0; o < s.CoutG; o++)
                        packed[(nint)(gr * inP + ci / CB * CB) * taps * s.CoutG + (k * s.CoutG + o) * CB + ci % CB] =
                            w[(nint)(gr * s.CoutG + o) * s.KG + ci * taps + k];
        fixed (int* tapOff = tapOffsets, rowOff = rowOffsets)
        fixed (T* wp = packed)
            ParallelFor.Range(s.N, (long)s.Cin * s.KG * frame.Lfp, new ScatterBody(frame, g, wp, tapOff, taps, rowOff, s, gx));
    }

    private readonly struct ScatterBody(ConvFrame frame, T* g, T* packed, int* tapOff, int taps, int* rowOff, ConvShape s, T* gx) : IRangeBody
    {
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Invoke(int start, int end)
        {
            int inP = RoundUp(s.CinG, CB), lfp = frame.Lfp, plane = frame.Plane;
            nint gImage = (nint)s.Cout * s.OH * s.OW, xImage = (nint)s.Cin * s.H * s.W, frameLength = (nint)s.Groups * inP * plane + frame.Slack;
            T* rows = ConvScratch<T>.Rows((long)s.Cout * lfp);
            T* fr = ConvScratch<T>.Frames(frameLength);
            for (int n = start; n < end; n++)
            {
                FlatRows(g + n * gImage, rows, s, frame, s.CoutG);
                new Span<T>(fr, (int)frameLength).Clear();
                for (int gr = 0; gr < s.Groups; gr++)
                    for (int b = 0; b < inP; b += CB)
                        for (int k = 0; k < taps; k++)
                            Rows(rows + (nint)gr * s.CoutG * lfp, rowOff, s.CoutG, packed + (nint)(gr * inP + b) * taps * s.CoutG + k * s.CoutG * CB,
                                fr + (nint)(gr * inP + b) * plane + tapOff[k], lfp, plane, true);
                T* image = gx + n * xImage;
                for (int gr = 0; gr < s.Groups; gr++)
                    for (int ci = 0; ci < s.CinG; ci++)
                    {
                        T* src = fr + (nint)(gr * inP + ci) * plane + (nint)frame.PadTop * frame.Ws + frame.PadLeft;
                        T* dst = image + (nint)(gr * s.CinG + ci) * s.H * s.W;
                        for (int h = 0; h < s.H; h++, src += frame.Ws, dst += s.W)
                            new ReadOnlySpan<T>(src, s.W).CopyTo(new Span<T>(dst, s.W));
                    }
            }
        }
    }
}
