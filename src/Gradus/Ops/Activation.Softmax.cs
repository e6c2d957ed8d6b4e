using System.Numerics;
using System.Numerics.Tensors;

namespace Gradus.Ops;

/// <summary>
/// Softmax and log-softmax along one dim in a single fused, max-subtracted pass (stable for logits like 1000).
/// </summary>
internal static class SoftmaxOp
{
    public static Tensor Softmax(Tensor x, int dim) => Run(x, dim, log: false);

    public static Tensor LogSoftmax(Tensor x, int dim) => Run(x, dim, log: true);

    private static Tensor Run(Tensor x, int dim, bool log)
    {
        string op = log ? "log_softmax" : "softmax";
        if (!x.IsFloatingPoint) throw new ArgumentException($"\"{op}_lastdim_kernel_impl\" not implemented for '{x.DType}'");
        int d = Shapes.WrapDim(dim, x.Dim);
        int outer = 1, len = x.Dim == 0 ? 1 : x.shape[d], inner = 1;
        for (int i = 0; i < d; i++) outer *= x.shape[i];
        for (int i = d + 1; i < x.Dim; i++) inner *= x.shape[i];
        var c = x.Detach().Contiguous();
        var r = Torch.Empty(x.shape, x.DType);
        if (r.Numel > 0)
        {
            if (x.DType == DType.Float32) Kernel<float>(c.Span<float>(), r.Span<float>(), outer, len, inner, log);
            else Kernel<double>(c.Span<double>(), r.Span<double>(), outer, len, inner, log);
        }
        int keep = x.Dim == 0 ? 0 : d;
        if (log)
            return Tensor.Record(r, "LogSoftmaxBackward0", [x], g => [g - r.Exp() * SumKeep(g, keep, x.Dim)], r);
        return Tensor.Record(r, "SoftmaxBackward0", [x], g => [r * (g - SumKeep(g * r, keep, x.Dim))], r);
    }

    private static Tensor SumKeep(Tensor t, int dim, int ndim) => ndim == 0 ? t : t.Sum(dim, keepDim: true);

    /// <summary>Rows shorter than this (class scores, say) run scalar loops: vector calls cost more than they save there.</summary>
    private const int ShortRow = 64;

    private static void ShortRowKernel<T>(ReadOnlySpan<T> src, Span<T> dst, bool log) where T : unmanaged, IFloatingPointIeee754<T>
    {
        T max = src[0];
        for (int i = 1; i < src.Length; i++) max = T.IsNaN(src[i]) || src[i] > max ? src[i] : max;
        T sum = T.Zero;
        if (log)
        {
            for (int i = 0; i < src.Length; i++) sum += T.Exp(src[i] - max);
            T lse = T.Log(sum);
            for (int i = 0; i < src.Length; i++) dst[i] = src[i] - max - lse;
            return;
        }
        for (int i = 0; i < src.Length; i++) sum += dst[i] = T.Exp(src[i] - max);
        for (int i = 0; i < src.Length; i++) dst[i] /= sum;
    }

    /// <summary>Rows of <paramref name="len"/> values spaced <paramref name="inner"/> apart; inner columns are processed together as spans.</summary>
    private static void Kernel<T>(ReadOnlySpan<T> x, Span<T> y, int outer, int len, int inner, bool log)
        where T : unmanaged, IFloatingPointIeee754<T>, IExponentialFunctions<T>, ILogarithmicFunctions<T>
    {
        int block = len * inner;
        if (inner == 1 && len < ShortRow)
        {
            for (int o = 0; o < outer; o++) ShortRowKernel(x.Slice(o * len, len), y.Slice(o * len, len), log);
            return;
        }
        if (inner == 1)
        {
            var buf = log ? new T[len] : [];
            for (int o = 0; o < outer; o++)
            {
                var src = x.Slice(o * len, len);
                var dst = y.Slice(o * len, len);
                T max = TensorPrimitives.Max(src);
                TensorPrimitives.Subtract(src, max, dst);
                if (log)
                {
                    TensorPrimitives.Exp(dst, buf);
                    T lse = T.Log(TensorPrimitives.Sum<T>(buf));
                    TensorPrimitives.Subtract(dst, lse, dst);
                }
                else
                {
                    TensorPrimitives.Exp(dst, dst);
                    TensorPrimitives.Divide(dst, TensorPrimitives.Sum<T>(dst), dst);
                }
            }
            return;
        }
        var maxv = new T[inner];
        var sum = new T[inner];
        var tmp = new T[inner];
        for (int o = 0; o < outer; o++)
        {
            var src = x.Slice(o * block, block);
            var dst = y.Slice(o * block, block);
            src[..inner].CopyTo(maxv);
            for (int k = 1; k < len; k++) TensorPrimitives.Max(maxv, src.Slice(k * inner, inner), maxv);
            Array.Clear(sum);
            for (int k = 0; k < len; k++)
            {
                var row = dst.Slice(k * inner, inner);
                TensorPrimitives.Subtract(src.Slice(k * inner, inner), maxv, row);
                if (log)
                {
                    TensorPrimitives.Exp(row, tmp);
                    TensorPrimitives.Add(sum, tmp, sum);
                }
                else
                {
                    TensorPrimitives.Exp(row, row);
                    TensorPrimitives.Add(sum, row, sum);
                }
            }
            if (log) TensorPrimitives.Log(sum, sum);
            for (int k = 0; k < len; k++)
            {
                var row = dst.Slice(k * inner, inner);
                if (log) TensorPrimitives.Subtract(row, sum, row);
                else TensorPrimitives.Divide(row, sum, row);
            }
        }
    }
}
