using System.Numerics;

namespace Gradus.Kernels;

/// <summary>Max pooling over NCHW planes, forward and backward, as PyTorch's CPU <c>max_pool2d_with_indices</c>.</summary>
internal static unsafe class PoolingMax<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <summary>Max over each window; <paramref name="indices"/> gets the flat h·W + w position of the maximum in its plane.</summary>
    public static void Forward(T* input, int planes, int h, int w, Window2d win, T* output, long* indices)
    {
        int outH = win.OutputH(h), outW = win.OutputW(w);
        ParallelFor.Range(planes, (long)outH * outW * win.KernelH * win.KernelW, new Body(false, input, output, indices, h, w, win));
    }

    /// <summary>gradInput = 0, then gradInput[index] += gradOutput for every output position (a scatter by index).</summary>
    public static void Backward(T* gradOutput, long* indices, int planes, int h, int w, Window2d win, T* gradInput)
    {
        int outH = win.OutputH(h), outW = win.OutputW(w);
        ParallelFor.Range(planes, (long)outH * outW + (long)h * w, new Body(true, gradInput, gradOutput, indices, h, w, win));
    }

    private readonly struct Body(bool backward, T* image, T* pooled, long* indices, int h, int w, Window2d win) : IRangeBody
    {
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
        public void Invoke(int start, int end)
        {
            int outH = win.OutputH(h), outW = win.OutputW(w);
            nint plane = (nint)h * w, outPlane = (nint)outH * outW;
            // The common 2x2 window with stride 2 and no padding or dilation, every window inside the plane.
            bool pairs = win is { KernelH: 2, KernelW: 2, StrideH: 2, StrideW: 2, PadH: 0, PadW: 0, DilationH: 1, DilationW: 1 }
                && 2 * outH <= h && 2 * outW <= w;
            for (int q = start; q < end; q++)
            {
                if (backward) Scatter(image + q * plane, pooled + q * outPlane, indices + q * outPlane, outPlane, plane);
                else if (pairs && typeof(T) == typeof(float) && PoolingMax2x2.Suits(outW))
                    PoolingMax2x2.Plane((float*)(image + q * plane), w, (float*)(pooled + q * outPlane), indices + q * outPlane, outH, outW);
                else if (pairs) Plane2x2(image + q * plane, pooled + q * outPlane, indices + q * outPlane, outH, outW);
                else Plane(image + q * plane, pooled + q * outPlane, indices + q * outPlane, outH, outW);
            }
        }

        private void Plane(T* x, T* y, long* idx, int outH, int outW)
        {
            for (int oh = 0; oh < outH; oh++)
            {
                int ih0 = oh * win.StrideH - win.PadH;
                int ih1 = Math.Min(ih0 + (win.KernelH - 1) * win.DilationH + 1, h);
                while (ih0 < 0) ih0 += win.DilationH;
                for (int ow = 0; ow < outW; ow++, y++, idx++)
                {
                    int iw0 = ow * win.StrideW - win.PadW;
                    int iw1 = Math.Min(iw0 + (win.KernelW - 1) * win.DilationW + 1, w);
                    while (iw0 < 0) iw0 += win.DilationW;
                    // As PyTorch: start at the first in-bounds element with -inf; a NaN wins (the last NaN, like PyTorch).
                    long best = (long)ih0 * w + iw0;
                    T max = T.NegativeInfinity;
                    for (int ih = ih0; ih < ih1; ih += win.DilationH)
                        for (int iw = iw0; iw < iw1; iw += win.DilationW)
                        {
                            T v = x[(nint)ih * w + iw];
                            if (v > max || T.IsNaN(v))
                            {
                                max = v;
                                best = (long)ih * w + iw;
                            }
                        }
                    *y = max;
                    *idx = best;
                }
            }
        }

        /// <summary>2x2 windows at stride 2: the same scan order, comparisons and indices as <see cref="Plane"/>.</summary>
        private void Plane2x2(T* x, T* y, long* idx, int outH, int outW)
        {
            for (int oh = 0; oh < outH; oh++)
            {
                long top = 2L * oh * w;
                T* r0 = x + (nint)top;
                T* r1 = r0 + w;
                for (int ow = 0; ow < outW; ow++, y++, idx++)
                {
                    int c = 2 * ow;
                    T max = T.NegativeInfinity;
                    long best = top + c;
                    Take(r0[c], top + c, ref max, ref best);
                    Take(r0[c + 1], top + c + 1, ref max, ref best);
                    Take(r1[c], top + w + c, ref max, ref best);
                    Take(r1[c + 1], top + w + c + 1, ref max, ref best);
                    *y = max;
                    *idx = best;
                }
            }
        }

        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        private static void Take(T v, long at, ref T max, ref long best)
        {
            // Branch-free (random data mispredicts every other compare): the same test as Plane's.
            bool take = (v > max) | T.IsNaN(v);
            best = take ? at : best;
            max = take ? v : max;
        }

        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
        private static void Scatter(T* gradIn, T* gradOut, long* idx, nint count, nint plane)
        {
            new Span<T>(gradIn, (int)plane).Clear();
            for (nint o = 0; o < count; o++)
            {
                long i = idx[o];
                if ((ulong)i >= (ulong)plane)
                    throw new IndexOutOfRangeException($"max_pool2d_backward: index {i} is out of bounds for a plane of {plane} elements");
                gradIn[(nint)i] += gradOut[o];
            }
        }
    }
}
