namespace Gradus;

/// <summary>
/// One component of a tensor index, as one item of a Python subscript <c>x[1, 1:3, None, ..., mask]</c>:
/// an integer (negative counts from the end), a C# <see cref="Index"/> (<c>^1</c>), a slice (C# <see cref="Range"/>
/// or <see cref="Slice"/> with a step), <see cref="None"/> (a new axis), <see cref="Ellipsis"/>, a bool, or an
/// int64/bool tensor (advanced indexing).
/// </summary>
public readonly struct TensorIndex
{
    internal enum Kinds { Int, Slice, None, Ellipsis, Bool, Tensor }

    internal Kinds Kind { get; }

    /// <summary>For <see cref="Kinds.Int"/>: the position (the start of the slice for slices).</summary>
    internal Index Start { get; }

    /// <summary>For <see cref="Kinds.Slice"/>: the exclusive end.</summary>
    internal Index Stop { get; }

    /// <summary>For <see cref="Kinds.Slice"/>: the positive step.</summary>
    internal int Step { get; }

    /// <summary>For <see cref="Kinds.Bool"/>: the value.</summary>
    internal bool BoolValue { get; }

    /// <summary>For <see cref="Kinds.Tensor"/>: the index tensor.</summary>
    internal Tensor? TensorValue { get; }

    private TensorIndex(Kinds kind, Index start = default, Index stop = default, int step = 1, bool b = false, Tensor? t = null)
    {
        Kind = kind;
        Start = start;
        Stop = stop;
        Step = step;
        BoolValue = b;
        TensorValue = t;
    }

    /// <summary>A new axis of size 1, as Python's <c>None</c> in <c>x[None]</c>.</summary>
    public static TensorIndex None { get; } = new(Kinds.None);

    /// <summary>As many full slices as needed, as Python's <c>...</c>.</summary>
    public static TensorIndex Ellipsis { get; } = new(Kinds.Ellipsis);

    /// <summary>
    /// A Python slice <c>start:stop:step</c>: null bounds mean the ends, negative bounds count from the end,
    /// out-of-range bounds are clamped; the step must be positive, as in PyTorch.
    /// </summary>
    public static TensorIndex Slice(int? start = null, int? stop = null, int step = 1)
    {
        if (step == 0) throw new ArgumentException("slice step cannot be zero", nameof(step));
        if (step < 0) throw new ArgumentException("step must be greater than zero", nameof(step));
        return new(Kinds.Slice, FromPython(start, Index.Start), FromPython(stop, Index.End), step);
    }

    private static Index FromPython(int? v, Index whenNull) => v switch
    {
        null => whenNull,
        < 0 => Index.FromEnd(v == int.MinValue ? int.MaxValue : -v.Value),
        _ => Index.FromStart(v.Value),
    };

    /// <summary>Selects one position of a dim (negative counts from the end) and removes the dim.</summary>
    public static implicit operator TensorIndex(int index) =>
        new(Kinds.Int, index < 0 ? Index.FromEnd(index == int.MinValue ? int.MaxValue : -index) : Index.FromStart(index));

    /// <summary>Selects one position of a dim, <c>^1</c> being the last, and removes the dim.</summary>
    public static implicit operator TensorIndex(Index index) => new(Kinds.Int, index);

    /// <summary>A slice with step 1: <c>1..3</c>, <c>..2</c>, <c>^2..</c>, <c>..</c>.</summary>
    public static implicit operator TensorIndex(Range range) => new(Kinds.Slice, range.Start, range.End, 1);

    /// <summary>Python's <c>x[True]</c> / <c>x[False]</c>: a new axis of size 1 or 0.</summary>
    public static implicit operator TensorIndex(bool value) => new(Kinds.Bool, b: value);

    /// <summary>Advanced indexing with an int64 index tensor or a bool mask.</summary>
    public static implicit operator TensorIndex(Tensor index) =>
        new(Kinds.Tensor, t: index ?? throw new ArgumentNullException(nameof(index)));

    /// <summary>The number of tensor dims this component consumes (None and Ellipsis consume none here).</summary>
    internal int Consumes => Kind switch
    {
        Kinds.Int or Kinds.Slice => 1,
        Kinds.Tensor => TensorValue!.DType == DType.Bool ? TensorValue.Dim : 1,
        _ => 0,
    };

    /// <summary>Python's spelling of this component: <c>1</c>, <c>-1</c>, <c>1:3</c>, <c>::2</c>, <c>None</c>, <c>...</c>, <c>tensor</c>.</summary>
    public override string ToString() => Kind switch
    {
        Kinds.Int => Py(Start, "^0"),
        Kinds.Slice => $"{Py(Start, "0")}:{Py(Stop, "")}{(Step == 1 ? "" : ":" + Step)}",
        Kinds.None => "None",
        Kinds.Ellipsis => "...",
        Kinds.Bool => BoolValue ? "True" : "False",
        _ => $"tensor{Shapes.Format(TensorValue!.shape)}",
    };

    private static string Py(Index i, string zeroFromEnd) =>
        i.IsFromEnd ? (i.Value == 0 ? zeroFromEnd : "-" + i.Value) : i.Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
