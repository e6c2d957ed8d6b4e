namespace Gradus.Random;

/// <summary>
/// One lane of ATen's <c>avx_mathfun.h</c> (<c>log256_ps</c>, <c>sincos256_ps</c>: Cephes polynomials
/// in float), which PyTorch's AVX2 <c>normal_fill</c> uses. GCC builds those lanes with
/// multiply-add contraction, so the multiply whose only use is an add is fused here too.
/// </summary>
internal static class CephesFloat
{
    private const float SqrtHalf = 0.707106781186547524f;
    private const float LogP0 = 7.0376836292E-2f;
    private const float LogP1 = -1.1514610310E-1f;
    private const float LogP2 = 1.1676998740E-1f;
    private const float LogP3 = -1.2420140846E-1f;
    private const float LogP4 = +1.4249322787E-1f;
    private const float LogP5 = -1.6668057665E-1f;
    private const float LogP6 = +2.0000714765E-1f;
    private const float LogP7 = -2.4999993993E-1f;
    private const float LogP8 = +3.3333331174E-1f;
    private const float LogQ1 = -2.12194440e-4f;
    private const float LogQ2 = 0.693359375f;

    private const float MinusDP1 = -0.78515625f;
    private const float MinusDP2 = -2.4187564849853515625e-4f;
    private const float MinusDP3 = -3.77489497744594108e-8f;
    private const float SinP0 = -1.9515295891E-4f;
    private const float SinP1 = 8.3321608736E-3f;
    private const float SinP2 = -1.6666654611E-1f;
    private const float CosP0 = 2.443315711809948E-005f;
    private const float CosP1 = -1.388731625493765E-003f;
    private const float CosP2 = 4.166664568298827E-002f;
    private const float FourOverPi = 1.27323954473516f;

    private const uint SignMask = 0x80000000u;

    /// <summary>Natural log as <c>log256_ps</c>; NaN for x &lt;= 0.</summary>
    public static float Log(float x)
    {
        bool invalid = x <= 0f;
        x = MathF.Max(x, BitConverter.UInt32BitsToSingle(0x00800000u));
        uint bits = BitConverter.SingleToUInt32Bits(x);
        int exponent = (int)(bits >> 23) - 0x7f;
        x = BitConverter.UInt32BitsToSingle((bits & ~0x7f800000u) | BitConverter.SingleToUInt32Bits(0.5f));
        float e = exponent + 1f;

        bool below = x < SqrtHalf;
        float tmp = below ? x : 0f;
        x -= 1f;
        e -= below ? 1f : 0f;
        x += tmp;

        float z = x * x;
        float y = MathF.FusedMultiplyAdd(LogP0, x, LogP1);
        y = MathF.FusedMultiplyAdd(y, x, LogP2);
        y = MathF.FusedMultiplyAdd(y, x, LogP3);
        y = MathF.FusedMultiplyAdd(y, x, LogP4);
        y = MathF.FusedMultiplyAdd(y, x, LogP5);
        y = MathF.FusedMultiplyAdd(y, x, LogP6);
        y = MathF.FusedMultiplyAdd(y, x, LogP7);
        y = MathF.FusedMultiplyAdd(y, x, LogP8);
        y *= x;

        y = MathF.FusedMultiplyAdd(y, z, e * LogQ1);
        y -= z * 0.5f;
        x = MathF.FusedMultiplyAdd(e, LogQ2, x + y);
        return invalid ? float.NaN : x;
    }

    /// <summary>Sine and cosine together as <c>sincos256_ps</c>.</summary>
    public static void SinCos(float x, out float sin, out float cos)
    {
        uint signSin = BitConverter.SingleToUInt32Bits(x) & SignMask;
        x = MathF.Abs(x);

        int j = (int)(x * FourOverPi);
        j = (j + 1) & ~1;
        float y = j;
        uint swapSin = (uint)(j & 4) << 29;
        bool polyMask = (j & 2) == 0;
        uint signCos = (uint)(~(j - 2) & 4) << 29;
        signSin ^= swapSin;

        x = MathF.FusedMultiplyAdd(y, MinusDP1, x);
        x = MathF.FusedMultiplyAdd(y, MinusDP2, x);
        x = MathF.FusedMultiplyAdd(y, MinusDP3, x);

        float z = x * x;
        float c = MathF.FusedMultiplyAdd(CosP0, z, CosP1);
        c = MathF.FusedMultiplyAdd(c, z, CosP2);
        c *= z;
        c = MathF.FusedMultiplyAdd(c, z, -(z * 0.5f));
        c += 1f;

        float s = MathF.FusedMultiplyAdd(SinP0, z, SinP1);
        s = MathF.FusedMultiplyAdd(s, z, SinP2);
        s *= z;
        s = MathF.FusedMultiplyAdd(s, x, x);

        // The vector code selects with masks and adds the zeroed lane back; keep its arithmetic.
        float ysin2 = polyMask ? s : 0f;
        float ysin1 = polyMask ? 0f : c;
        float restSin = s - ysin2;
        float restCos = c - ysin1;
        float sinValue = ysin1 + ysin2;
        float cosValue = restCos + restSin;

        sin = BitConverter.UInt32BitsToSingle(BitConverter.SingleToUInt32Bits(sinValue) ^ signSin);
        cos = BitConverter.UInt32BitsToSingle(BitConverter.SingleToUInt32Bits(cosValue) ^ signCos);
    }
}
