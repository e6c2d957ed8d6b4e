using Gradus.Kernels;

namespace Gradus.Tests.Kernels;

/// <summary>The vectorised Adam update is bit-identical to the element-by-element formula (vector body and scalar tail).</summary>
public class AdamKernelTests
{
    [Theory]
    [InlineData(0.0, false)]
    [InlineData(0.01, false)]
    [InlineData(0.01, true)]
    public void VectorBodyMatchesScalarFormula(double wd, bool maximize)
    {
        const int n = 37;
        var rng = new System.Random(5);
        float[] p = new float[n], g = new float[n], m = new float[n], v = new float[n];
        for (int i = 0; i < n; i++)
        {
            p[i] = (float)(rng.NextDouble() * 2 - 1);
            g[i] = (float)(rng.NextDouble() * 2 - 1);
            m[i] = (float)(rng.NextDouble() * 0.1);
            v[i] = (float)(rng.NextDouble() * 0.01);
        }
        float b1 = 0.9f, k1 = 0.1f, b2 = 0.999f, k2 = 0.001f, step = -1e-3f, bc = 0.3f, eps = 1e-8f, decay = (float)wd;
        float[] ep = (float[])p.Clone(), em = (float[])m.Clone(), ev = (float[])v.Clone();
        for (int i = 0; i < n; i++)
        {
            float d = maximize ? -g[i] : g[i];
            if (decay != 0) d += decay * ep[i];
            em[i] = em[i] * b1 + k1 * d;
            ev[i] = ev[i] * b2 + k2 * d * d;
            float denom = MathF.Sqrt(ev[i]) / bc + eps;
            ep[i] = ep[i] + step * em[i] / denom;
        }
        OptimizerKernels.Adam<float>(p, g, m, v, [], b1, k1, b2, k2, step, bc, eps, decay, false, maximize);
        for (int i = 0; i < n; i++)
        {
            Assert.Equal(BitConverter.SingleToInt32Bits(em[i]), BitConverter.SingleToInt32Bits(m[i]));
            Assert.Equal(BitConverter.SingleToInt32Bits(ev[i]), BitConverter.SingleToInt32Bits(v[i]));
            Assert.Equal(BitConverter.SingleToInt32Bits(ep[i]), BitConverter.SingleToInt32Bits(p[i]));
        }
    }
}
