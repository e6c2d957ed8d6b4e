using Gradus.Ops;

namespace Gradus;

public partial class Tensor
{
    /// <summary>The tensor this one is a view of (the root of a chain of views), as PyTorch's <c>._base</c>; null for non-views.</summary>
    internal Tensor? ViewBase { get; init; }

    /// <summary>Checks PyTorch's rule for in-place writes and returns whether autograd must record this one.</summary>
    private bool CheckInPlace(Tensor? other = null)
    {
        if (!GradMode.IsEnabled) return false;
        if (IsLeaf && RequiresGrad)
            throw new InvalidOperationException("a leaf Variable that requires grad is being used in an in-place operation.");
        if (ViewBase is { IsLeaf: true, RequiresGrad: true })
            throw new InvalidOperationException("a view of a leaf Variable that requires grad is being used in an in-place operation.");
        return RequiresGrad || (other?.RequiresGrad ?? false);
    }

    /// <summary>Writes <paramref name="result"/> into this tensor; when recording, this tensor takes the result's history.</summary>
    private Tensor Assign(Tensor result, bool record)
    {
        if (result.DType != DType && !DTypes.IsFloat(DType) && DTypes.IsFloat(result.DType))
            throw new InvalidOperationException($"result type {result.DType} can't be cast to the desired output type {DType}");
        if (!Shapes.SameShape(Shapes.Broadcast(result.shape, shape), shape))
            throw new ArgumentException($"output with shape {Shapes.Format(shape)} doesn't match the broadcast shape {Shapes.Format(Shapes.Broadcast(result.shape, shape))}");
        WriteFrom(result);
        if (record)
        {
            GradFn = result.GradFn;
            requiresGrad = true;
            RebaseView();
        }
        return this;
    }

    private Tensor InPlace(Tensor other, Func<Tensor, Tensor, Tensor> op)
    {
        bool record = CheckInPlace(other);
        if (record) return Assign(op(Detach().Clone().WithHistoryOf(this), other), record);
        long before = Storage.LastSerial;
        Tensor r;
        using (Torch.NoGrad()) r = op(this, other);
        Assign(r, false);
        // The result was only a staging buffer: its memory goes back to the pool.
        if (r.storage.Serial > before && !ReferenceEquals(r.storage, storage)) r.storage.Release();
        return this;
    }

    /// <summary>A tensor that takes over <paramref name="src"/>'s autograd history (used when rebasing in-place ops).</summary>
    private Tensor WithHistoryOf(Tensor src)
    {
        GradFn = src.GradFn;
        requiresGrad = src.requiresGrad;
        return this;
    }

    /// <summary>In-place add, as <c>add_(other, alpha)</c>.</summary>
    public Tensor Add_(Tensor other, double alpha = 1) => InPlace(other, (a, b) => a.Add(b, alpha));
    /// <summary>In-place add of a scalar.</summary>
    public Tensor Add_(double other) => Add_(ScalarLike(other));
    /// <summary>In-place subtract, as <c>sub_(other, alpha)</c>.</summary>
    public Tensor Sub_(Tensor other, double alpha = 1) => InPlace(other, (a, b) => a.Sub(b, alpha));
    /// <summary>In-place subtract of a scalar.</summary>
    public Tensor Sub_(double other) => Sub_(ScalarLike(other));
    /// <summary>In-place multiply.</summary>
    public Tensor Mul_(Tensor other) => InPlace(other, (a, b) => a * b);
    /// <summary>In-place multiply by a scalar.</summary>
    public Tensor Mul_(double other) => Mul_(ScalarLike(other));
    /// <summary>In-place divide.</summary>
    public Tensor Div_(Tensor other) => InPlace(other, (a, b) => a / b);
    /// <summary>In-place divide by a scalar.</summary>
    public Tensor Div_(double other) => Div_(ScalarLike(other));
    /// <summary>In-place clamp.</summary>
    public Tensor Clamp_(double? min = null, double? max = null) => InPlace(this, (a, _) => a.Clamp(min, max));

    /// <summary>Sets every element to zero, as <c>zero_()</c>.</summary>
    public Tensor Zero_() => Fill(0, "ZeroBackward0");

    /// <summary>Sets every element to <paramref name="value"/>, as <c>fill_(value)</c>.</summary>
    public Tensor Fill_(double value) => Fill(value, "FillBackward2");

    private Tensor Fill(double value, string name)
    {
        bool record = CheckInPlace();
        FillRaw(value);
        storage.Version++;
        if (record) RecordOverwrite(name);
        return this;
    }

    /// <summary>
    /// After an in-place write of values that do not depend on this tensor (fill_, zero_, uniform_, ...): a new node
    /// that passes a zero gradient back to the old history, as PyTorch's FillBackward2 / UniformBackward0.
    /// </summary>
    private void RecordOverwrite(string name)
    {
        var old = Detach().WithHistoryOf(this);
        GradFn = Record(Detach(), name, [old], g => [Torch.ZerosLike(g)]).GradFn;
        RebaseView();
    }

    /// <summary>Copies (and broadcasts) <paramref name="src"/> into this tensor, as <c>copy_(src)</c>.</summary>
    public Tensor Copy_(Tensor src)
    {
        bool record = CheckInPlace(src);
        if (!record) { WriteFrom(src); return this; }
        var r = Record(src.Detach().To(DType).Expand(shape).Clone(), "CopyBackwards", [src], g => [Binary.Unbroadcast(g, src)]);
        return Assign(r, true);
    }
}
