using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Gradus.Kernels;

/// <summary>
/// The float 2x2, stride-2 max pool on 128/256-bit vectors: four window outputs at a time, the same scan as
/// <see cref="PoolingMax{T}"/> (top-left, top-right, bottom-left, bottom-right; a later element wins when greater
/// or NaN), branch-free, so ties, NaNs and indices match the scalar loop exactly.
/// </summary>
internal static unsafe class PoolingMax2x2
{
    /// <summary>Whether the vector path runs: 256-bit vectors and output rows of at least 4 windows.</summary>
    public static bool Suits(int outW) => Vector256.IsHardwareAccelerated && outW >= 4;

    /// <summary>One plane: x is h x w, y and indices outH x outW (2·outH ≤ h, 2·outW ≤ w, outW ≥ 4).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Plane(float* x, int w, float* y, long* indices, int outH, int outW)
    {
        var lanes = Vector128.Create(0, 2, 4, 6);
        for (int oh = 0; oh < outH; oh++, y += outW, indices += outW)
        {
            int top = 2 * oh * w;
            float* r0 = x + top;
            // The last group overlaps the one before when outW is not a multiple of 4: it writes the same values again.
            for (int ow = 0; ; ow += 4)
            {
                if (ow > outW - 4) ow = outW - 4;
                Four(r0 + 2 * ow, r0 + w + 2 * ow, y + ow, indices + ow, Vector128.Create(top + 2 * ow) + lanes, w);
                if (ow == outW - 4) break;
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Four(float* r0, float* r1, float* y, long* indices, Vector128<int> at, int w)
    {
        var split = Vector256.Create(0, 2, 4, 6, 1, 3, 5, 7);
        var top = Vector256.Shuffle(Vector256.Load(r0), split);
        var bottom = Vector256.Shuffle(Vector256.Load(r1), split);
        var max = top.GetLower();
        var best = at;
        Take(top.GetUpper(), at + Vector128<int>.One, ref max, ref best);
        var below = at + Vector128.Create(w);
        Take(bottom.GetLower(), below, ref max, ref best);
        Take(bottom.GetUpper(), below + Vector128<int>.One, ref max, ref best);
        max.Store(y);
        Vector128.WidenLower(best).Store(indices);
        Vector128.WidenUpper(best).Store(indices + 2);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Take(Vector128<float> v, Vector128<int> at, ref Vector128<float> max, ref Vector128<int> best)
    {
        var take = Vector128.GreaterThan(v, max) | ~Vector128.Equals(v, v);
        max = Vector128.ConditionalSelect(take, v, max);
        best = Vector128.ConditionalSelect(take.AsInt32(), at, best);
    }
}
