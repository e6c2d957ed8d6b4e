
namespace Gradus;

/// <summary>
/// An n-dimensional array with a dtype, a view onto shared storage (shape, strides, offset) and an
/// autograd history, like <c>torch.Tensor</c>.
/// </summary>
public partial class Tensor
{
    // Not readonly only so that NN.Parameter.Materialize can give a lazy module's parameter its memory in place.
    internal Storage storage;
    internal int[] shape;
    internal int[] strides;
    internal int offset;
    private bool requiresGrad;

    internal Tensor(Storage storage, int[] shape, int[] strides, int offset, DType dtype)
    {
        this.storage = storage;
        this.shape = shape;
        this.strides = strides;
        this.offset = offset;
        DType = dtype;
    }

    /// <summary>A new contiguous tensor over an existing typed array (no copy).</summary>
    internal Tensor(Array data, int[] shape, DType dtype)
        : this(new Storage(data), shape, Shapes.ContiguousStrides(shape), 0, dtype) { }

    /// <summary>A new contiguous tensor over a fresh storage.</summary>
    internal Tensor(Storage storage, int[] shape, DType dtype)
        : this(storage, shape, Shapes.ContiguousStrides(shape), 0, dtype) { }

    /// <summary>The element type.</summary>
    public DType DType { get; }

    /// <summary>The sizes of each dimension (an immutable value), as <c>tensor.shape</c>.</summary>
    public Gradus.Size Shape => this is NN.Parameter { IsUninitialized: true } ? throw NN.Parameter.ShapeError() : Gradus.Size.Of(shape);

    /// <summary>The strides of each dimension in elements (a copy), as <c>tensor.stride()</c>.</summary>
    public int[] Strides => (int[])strides.Clone();

    /// <summary>The offset of the first element in the storage, as <c>tensor.storage_offset()</c>.</summary>
    public int StorageOffset => offset;

    /// <summary>The size of one dimension (negative dims count from the end), as <c>tensor.size(dim)</c>.</summary>
    public int Size(int dim) => shape[Shapes.WrapDim(dim, shape.Length)];

    /// <summary>The sizes of each dimension, as <c>tensor.size()</c>; the same value as <see cref="Shape"/>.</summary>
    public Gradus.Size Size() => Shape;

    /// <summary>The number of dimensions, as <c>tensor.dim()</c>.</summary>
    public int Dim => this is NN.Parameter { IsUninitialized: true } ? throw NN.Parameter.UseError("dim") : shape.Length;

    /// <summary>The number of elements, as <c>tensor.numel()</c>.</summary>
    public int Numel => this is NN.Parameter { IsUninitialized: true } ? throw NN.Parameter.UseError("numel") : Shapes.Numel(shape);

    /// <summary>True when the elements are laid out row-major with no gaps.</summary>
    public bool IsContiguous => Shapes.IsContiguous(shape, strides);

    /// <summary>True for a floating-point dtype (Float32 or Float64).</summary>
    public bool IsFloatingPoint => DType is DType.Float32 or DType.Float64;

    /// <summary>The device the tensor lives on; only the CPU for now.</summary>
    public Device Device => Device.CPU;

    /// <summary>Whether autograd records operations on this tensor.</summary>
    public bool RequiresGrad
    {
        get
        {
            RefreshView();
            return requiresGrad;
        }
        set
        {
            if (!IsLeaf) throw new InvalidOperationException("you can only change requires_grad flags of leaf variables.");
            if (value && !IsFloatingPoint)
                throw new InvalidOperationException($"only Tensors of floating point dtype can require gradients (got {DType})");
            requiresGrad = value;
        }
    }

    /// <summary>The gradient accumulated by <see cref="Backward"/>; null until the first backward.</summary>
    public Tensor? Grad { get; set; }

    private Node? gradFn;

    /// <summary>The node that created this tensor (null for leaves), as <c>tensor.grad_fn</c>.</summary>
    public Node? GradFn
    {
        get
        {
            RefreshView();
            return gradFn;
        }
        internal set
        {
            // An in-place op gives the tensor a new node: a retained gradient follows it, as PyTorch moves retain_grad.
            if (value is not null && gradFn is { } old && ReferenceEquals(old.RetainedOutput, this))
            {
                old.RetainedOutput = null;
                value.RetainedOutput = this;
            }
            gradFn = value;
        }
    }

    /// <summary>True for tensors created by the user rather than by a recorded op.</summary>
    public bool IsLeaf => GradFn is null;

    /// <summary>Sets <see cref="RequiresGrad"/> in place and returns this tensor, as <c>requires_grad_()</c>.</summary>
    public Tensor RequiresGrad_(bool requiresGrad = true)
    {
        RequiresGrad = requiresGrad;
        return this;
    }

    internal void MarkRequiresGrad() => requiresGrad = true;

    /// <summary>The value of a one-element tensor, as <c>tensor.item()</c>.</summary>
    public double Item()
    {
        if (Numel != 1)
            throw new InvalidOperationException($"a Tensor with {Numel} elements cannot be converted to Scalar");
        return GetFlat(0);
    }

    /// <summary>The value of a one-element tensor as <typeparamref name="T"/>.</summary>
    public T Item<T>() where T : unmanaged, System.Numerics.INumberBase<T> => T.CreateChecked(Item());

    /// <summary>The elements in row-major order as a new array of the tensor's element type.</summary>
    public Array ToArray() => Contiguous().CopyData();

    /// <summary>The elements in row-major order as a new array of <typeparamref name="T"/>, converting the dtype if needed.</summary>
    public T[] ToArray<T>() where T : unmanaged
    {
        var want = DTypes.Of<T>();
        var t = DType == want ? Contiguous() : To(want);
        return (T[])t.CopyData();
    }

    /// <summary>Copies the live range of a contiguous tensor's storage into a fresh array.</summary>
    private Array CopyData()
    {
        int n = Numel;
        var dst = Array.CreateInstance(storage.Data.GetType().GetElementType()!, n);
        if (n > 0) Array.Copy(storage.Data, offset, dst, 0, n);
        return dst;
    }

    /// <summary>The element at a row-major position, widened to double (for printing and tests).</summary>
    internal double GetFlat(int flat)
    {
        int pos = offset;
        for (int d = shape.Length - 1; d >= 0; d--)
        {
            int s = shape[d];
            if (s == 0) break;
            pos += flat % s * strides[d];
            flat /= s;
        }
        return DType switch
        {
            DType.Float32 => ((float[])storage.Data)[pos],
            DType.Float64 => ((double[])storage.Data)[pos],
            DType.Int64 => ((long[])storage.Data)[pos],
            DType.Bool => ((bool[])storage.Data)[pos] ? 1 : 0,
            _ => throw new InvalidOperationException(),
        };
    }

    /// <summary>The typed array behind this tensor (views included: use offset and strides).</summary>
    internal T[] Data<T>() => (T[])Live().Data;

    /// <summary>The elements of a contiguous tensor as a span (callers ensure contiguity).</summary>
    internal Span<T> Span<T>() => new((T[])Live().Data, offset, Numel);

    /// <summary>The storage, checked not to have gone back to the buffer pool (that would be a bug in Gradus).</summary>
    private Storage Live()
    {
        if (storage.Released)
            throw new InvalidOperationException($"internal error: a {TypeName(DType)} {Shapes.Format(shape)} tensor was used after its memory went back to the buffer pool");
        storage.CheckThread();
        return storage;
    }

    /// <summary>The untyped array behind this tensor (views included: use offset and strides).</summary>
    internal Array RawData => Live().Data;
}

/// <summary>Where a tensor's memory lives; Gradus runs on the CPU.</summary>
public sealed record Device(string Type)
{
    /// <summary>The CPU device.</summary>
    public static readonly Device CPU = new("cpu");

    /// <summary>Prints as PyTorch does: <c>cpu</c>.</summary>
    public override string ToString() => Type;
}
