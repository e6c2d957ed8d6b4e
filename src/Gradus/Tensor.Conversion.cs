using Gradus.Kernels;

namespace Gradus;

public partial class Tensor
{
    /// <summary>A copy with another dtype (or this tensor when the dtype already matches), as <c>tensor.to(dtype)</c>.</summary>
    public Tensor To(DType dtype)
    {
        if (dtype == DType) return this;
        var src = Detach().Contiguous();
        var r = Torch.Uninitialized(shape, dtype);
        switch (DType, dtype)
        {
            case (DType.Bool, DType.Float32): Strided.FromBool(src.Span<bool>(), r.Span<float>()); break;
            case (DType.Bool, DType.Float64): Strided.FromBool(src.Span<bool>(), r.Span<double>()); break;
            case (DType.Bool, DType.Int64): Strided.FromBool(src.Span<bool>(), r.Span<long>()); break;
            case (DType.Float32, DType.Bool): Strided.ToBool(src.Span<float>(), r.Span<bool>()); break;
            case (DType.Float64, DType.Bool): Strided.ToBool(src.Span<double>(), r.Span<bool>()); break;
            case (DType.Int64, DType.Bool): Strided.ToBool(src.Span<long>(), r.Span<bool>()); break;
            case (DType.Float32, DType.Float64): Strided.Convert(src.Span<float>(), r.Span<double>()); break;
            case (DType.Float32, DType.Int64): Strided.Convert(src.Span<float>(), r.Span<long>()); break;
            case (DType.Float64, DType.Float32): Strided.Convert(src.Span<double>(), r.Span<float>()); break;
            case (DType.Float64, DType.Int64): Strided.Convert(src.Span<double>(), r.Span<long>()); break;
            case (DType.Int64, DType.Float32): Strided.Convert(src.Span<long>(), r.Span<float>()); break;
            case (DType.Int64, DType.Float64): Strided.Convert(src.Span<long>(), r.Span<double>()); break;
        }
        if (!DTypes.IsFloat(dtype)) return r;
        var from = DType;
        return Record(r, "ToCopyBackward0", [this], g => [g.To(from)]);
    }

    /// <summary>Returns the tensor on <paramref name="device"/>; only the CPU exists, so this is the tensor itself.</summary>
    public Tensor To(Device device) => device == Device.CPU ? this
        : throw new ArgumentException($"Gradus runs on the CPU only; cannot move a tensor to '{device}'");

    /// <summary>As float32, as <c>tensor.float()</c>.</summary>
    public Tensor Float() => To(DType.Float32);

    /// <summary>As float64, as <c>tensor.double()</c>.</summary>
    public Tensor Double() => To(DType.Float64);

    /// <summary>As int64 (truncating toward zero), as <c>tensor.long()</c>.</summary>
    public Tensor Long() => To(DType.Int64);

    /// <summary>As bool (non-zero is true), as <c>tensor.bool()</c>.</summary>
    public Tensor Bool() => To(DType.Bool);

    /// <summary>This tensor if already contiguous, else a contiguous copy, as <c>tensor.contiguous()</c>.</summary>
    public Tensor Contiguous() => IsContiguous ? this : Clone();

    /// <summary>A copy with its own storage, recorded for autograd, as <c>tensor.clone()</c>.</summary>
    public Tensor Clone()
    {
        var r = Torch.Uninitialized(shape, DType);
        CopyInto(r);
        return Record(r, "CloneBackward0", [this], g => [g]);
    }

    /// <summary>Copies this tensor's elements into contiguous <paramref name="dst"/> of the same shape and dtype.</summary>
    internal void CopyInto(Tensor dst)
    {
        switch (DType)
        {
            case DType.Float32: Strided.Gather(Data<float>(), offset, shape, strides, dst.Span<float>()); break;
            case DType.Float64: Strided.Gather(Data<double>(), offset, shape, strides, dst.Span<double>()); break;
            case DType.Int64: Strided.Gather(Data<long>(), offset, shape, strides, dst.Span<long>()); break;
            default: Strided.Gather(Data<bool>(), offset, shape, strides, dst.Span<bool>()); break;
        }
    }

    /// <summary>Writes <paramref name="src"/> (same dtype, broadcastable) into this tensor's view, without autograd.</summary>
    internal void WriteFrom(Tensor src)
    {
        if (src.DType != DType) src = src.Detach().To(DType);
        if (IsContiguous && !ReferenceEquals(src.storage, storage))
        {
            // A contiguous destination that shares no memory with the source: gather (broadcasting) straight into it.
            src.Detach().Expand(shape).CopyInto(this);
            storage.Version++;
            return;
        }
        var b = src.Detach().Expand(shape).Contiguous();
        switch (DType)
        {
            case DType.Float32: Strided.Scatter<float>(b.Span<float>(), Data<float>(), offset, shape, strides); break;
            case DType.Float64: Strided.Scatter<double>(b.Span<double>(), Data<double>(), offset, shape, strides); break;
            case DType.Int64: Strided.Scatter<long>(b.Span<long>(), Data<long>(), offset, shape, strides); break;
            default: Strided.Scatter<bool>(b.Span<bool>(), Data<bool>(), offset, shape, strides); break;
        }
        storage.Version++;
    }

    /// <summary>Sets every element of this view to <paramref name="value"/>, without autograd.</summary>
    internal void FillRaw(double value)
    {
        switch (DType)
        {
            case DType.Float32: Strided.Scatter<float>([(float)value], Data<float>(), offset, shape, strides); break;
            case DType.Float64: Strided.Scatter<double>([value], Data<double>(), offset, shape, strides); break;
            case DType.Int64: Strided.Scatter<long>([(long)value], Data<long>(), offset, shape, strides); break;
            default: Strided.Scatter<bool>([value != 0], Data<bool>(), offset, shape, strides); break;
        }
    }

    /// <summary>Sets the element at a row-major position of a contiguous tensor.</summary>
    internal void SetFlat(int flat, double value)
    {
        int pos = offset + flat;
        switch (DType)
        {
            case DType.Float32: Data<float>()[pos] = (float)value; break;
            case DType.Float64: Data<double>()[pos] = value; break;
            case DType.Int64: Data<long>()[pos] = (long)value; break;
            default: Data<bool>()[pos] = value != 0; break;
        }
    }
}
