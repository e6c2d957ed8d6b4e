using Gradus.Kernels;

namespace Gradus.Ops;

/// <summary>Dtype dispatch (once per call) for the position-based gather and scatter kernels.</summary>
internal static class IndexingDispatch
{
    /// <summary>dst = src[outer[i] + inner[j]] over src's storage; dst is contiguous with src's dtype.</summary>
    public static void Read(Tensor src, int[] outer, int[] inner, Tensor dst)
    {
        switch (src.DType)
        {
            case DType.Float32: Gather.Read(src.Data<float>(), outer, inner, dst.Span<float>()); break;
            case DType.Float64: Gather.Read(src.Data<double>(), outer, inner, dst.Span<double>()); break;
            case DType.Int64: Gather.Read(src.Data<long>(), outer, inner, dst.Span<long>()); break;
            default: Gather.Read(src.Data<bool>(), outer, inner, dst.Span<bool>()); break;
        }
    }

    /// <summary>Writes (or adds, when <paramref name="accumulate"/>) contiguous values into dst's storage; bumps its version.</summary>
    public static void Write(Tensor values, Tensor dst, int[] outer, int[] inner, bool accumulate, string op)
    {
        bool one = values.Numel == 1 && outer.Length * inner.Length != 1;
        if (accumulate)
            switch (dst.DType)
            {
                case DType.Float32: Gather.Add(values.Span<float>(), one, dst.Data<float>(), outer, inner); break;
                case DType.Float64: Gather.Add(values.Span<double>(), one, dst.Data<double>(), outer, inner); break;
                case DType.Int64: Gather.Add(values.Span<long>(), one, dst.Data<long>(), outer, inner); break;
                default: throw new ArgumentException($"\"{op}\" with accumulation not implemented for 'Bool'");
            }
        else
            switch (dst.DType)
            {
                case DType.Float32: Gather.Write(values.Span<float>(), one, dst.Data<float>(), outer, inner); break;
                case DType.Float64: Gather.Write(values.Span<double>(), one, dst.Data<double>(), outer, inner); break;
                case DType.Int64: Gather.Write(values.Span<long>(), one, dst.Data<long>(), outer, inner); break;
                default: Gather.Write(values.Span<bool>(), one, dst.Data<bool>(), outer, inner); break;
            }
        dst.storage.Version++;
    }

    /// <summary>dst[i] = src[pos[i]] over src's storage.</summary>
    public static void ReadAt(Tensor src, int[] pos, Tensor dst)
    {
        switch (src.DType)
        {
            case DType.Float32: Gather.ReadAt(src.Data<float>(), pos, dst.Span<float>()); break;
            case DType.Float64: Gather.ReadAt(src.Data<double>(), pos, dst.Span<double>()); break;
            case DType.Int64: Gather.ReadAt(src.Data<long>(), pos, dst.Span<long>()); break;
            default: Gather.ReadAt(src.Data<bool>(), pos, dst.Span<bool>()); break;
        }
    }

    /// <summary>dst[pos[i]] = values[i] (or += when <paramref name="accumulate"/>); values contiguous; bumps dst's version.</summary>
    public static void WriteAt(Tensor values, Tensor dst, int[] pos, bool accumulate, string op)
    {
        bool one = values.Numel == 1 && pos.Length != 1;
        if (accumulate)
            switch (dst.DType)
            {
                case DType.Float32: Gather.AddAt(values.Span<float>(), dst.Data<float>(), pos); break;
                case DType.Float64: Gather.AddAt(values.Span<double>(), dst.Data<double>(), pos); break;
                case DType.Int64: Gather.AddAt(values.Span<long>(), dst.Data<long>(), pos); break;
                default: throw new ArgumentException($"\"{op}\" not implemented for 'Bool'");
            }
        else
            switch (dst.DType)
            {
                case DType.Float32: Gather.WriteAt(values.Span<float>(), one, dst.Data<float>(), pos); break;
                case DType.Float64: Gather.WriteAt(values.Span<double>(), one, dst.Data<double>(), pos); break;
                case DType.Int64: Gather.WriteAt(values.Span<long>(), one, dst.Data<long>(), pos); break;
                default: Gather.WriteAt(values.Span<bool>(), one, dst.Data<bool>(), pos); break;
            }
        dst.storage.Version++;
    }

    /// <summary>The elements of an int64 tensor as a contiguous span (copies only when the layout needs it).</summary>
    public static ReadOnlySpan<long> Longs(Tensor index) => index.Detach().Contiguous().Span<long>();

    /// <summary>PyTorch's short scalar-type name used in index_put messages: Float, Double, Long, Bool.</summary>
    public static string ScalarName(DType d) => d switch
    {
        DType.Float32 => "Float",
        DType.Float64 => "Double",
        DType.Int64 => "Long",
        _ => "Bool",
    };
}
