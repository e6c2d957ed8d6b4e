using Gradus.Kernels;

namespace Gradus.Ops;

/// <summary>Storage positions of a block gather: every major + minor offset pair, then the inner block.</summary>
internal readonly record struct BlockPositions(int[] Major, int[] Minor, int[] Inner)
{
    /// <summary>The number of elements addressed.</summary>
    public long Count => (long)Major.Length * Minor.Length * Inner.Length;
}

/// <summary>Dtype dispatch (once per call) for the position-based gather and scatter kernels.</summary>
internal static class IndexingDispatch
{
    /// <summary>dst = src[major[i] + minor[j] + inner[k]] over src's storage; dst is contiguous with src's dtype.</summary>
    public static void Read(Tensor src, BlockPositions p, Tensor dst)
    {
        switch (src.DType)
        {
            case DType.Float32: Gather.Read(src.Data<float>(), p.Major, p.Minor, p.Inner, dst.Span<float>()); break;
            case DType.Float64: Gather.Read(src.Data<double>(), p.Major, p.Minor, p.Inner, dst.Span<double>()); break;
            case DType.Int64: Gather.Read(src.Data<long>(), p.Major, p.Minor, p.Inner, dst.Span<long>()); break;
            default: Gather.Read(src.Data<bool>(), p.Major, p.Minor, p.Inner, dst.Span<bool>()); break;
        }
    }

    /// <summary>Writes (or adds, when <paramref name="accumulate"/>) contiguous values into dst's storage; bumps its version.</summary>
    public static void Write(Tensor values, Tensor dst, BlockPositions p, bool accumulate, string op)
    {
        bool one = values.Numel == 1 && p.Count != 1;
        if (accumulate)
            switch (dst.DType)
            {
                case DType.Float32: Gather.Add(values.Span<float>(), one, dst.Data<float>(), p.Major, p.Minor, p.Inner); break;
                case DType.Float64: Gather.Add(values.Span<double>(), one, dst.Data<double>(), p.Major, p.Minor, p.Inner); break;
                case DType.Int64: Gather.Add(values.Span<long>(), one, dst.Data<long>(), p.Major, p.Minor, p.Inner); break;
                default: throw new ArgumentException($"\"{op}\" with accumulation not implemented for 'Bool'");
            }
        else
            switch (dst.DType)
            {
                case DType.Float32: Gather.Write(values.Span<float>(), one, dst.Data<float>(), p.Major, p.Minor, p.Inner); break;
                case DType.Float64: Gather.Write(values.Span<double>(), one, dst.Data<double>(), p.Major, p.Minor, p.Inner); break;
                case DType.Int64: Gather.Write(values.Span<long>(), one, dst.Data<long>(), p.Major, p.Minor, p.Inner); break;
                default: Gather.Write(values.Span<bool>(), one, dst.Data<bool>(), p.Major, p.Minor, p.Inner); break;
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
