using System.Collections;

namespace Gradus;

/// <summary>
/// An immutable tensor shape, as <c>torch.Size</c>: compares by value, prints as <c>torch.Size([2, 3])</c>
/// and converts to and from <c>int[]</c>.
/// </summary>
public sealed class Size : IReadOnlyList<int>, IEquatable<Size>
{
    private readonly int[] dims;

    /// <summary>A shape with the given sizes (copied), as <c>torch.Size([2, 3])</c>.</summary>
    public Size(params int[] dims)
    {
        ArgumentNullException.ThrowIfNull(dims);
        this.dims = (int[])dims.Clone();
    }

    /// <summary>A shape with the given sizes (copied).</summary>
    public Size(ReadOnlySpan<int> dims) => this.dims = dims.ToArray();

    /// <summary>Wraps an array the caller gives up (no copy).</summary>
    private Size(int[] dims, bool owned) => this.dims = dims;

    /// <summary>A shape over a copy of an internal array.</summary>
    internal static Size Of(int[] dims) => new((int[])dims.Clone(), owned: true);

    /// <summary>The number of dimensions, as <c>len(size)</c>.</summary>
    public int Length => dims.Length;

    /// <summary>The number of dimensions, as <c>len(size)</c>.</summary>
    public int Count => dims.Length;

    /// <summary>The size of dimension <paramref name="index"/> (0-based, non-negative; use <c>^1</c> for the last).</summary>
    public int this[int index] => (uint)index < (uint)dims.Length
        ? dims[index]
        : throw new IndexOutOfRangeException($"tuple index out of range (got index {index} for torch.Size of length {dims.Length})");

    /// <summary>The size of a dimension counted from either end, as <c>size[-1]</c> is <c>size[^1]</c>.</summary>
    public int this[Index index] => this[index.GetOffset(dims.Length)];

    /// <summary>The sizes of a range of dimensions, as <c>size[:-1]</c> is <c>size[..^1]</c>.</summary>
    public Size this[Range range]
    {
        get
        {
            var (start, length) = range.GetOffsetAndLength(dims.Length);
            return new Size(dims.AsSpan(start, length));
        }
    }

    /// <summary>The number of elements a tensor of this shape holds, as <c>torch.Size.numel()</c>.</summary>
    public int Numel() => Shapes.Numel(dims);

    /// <summary>A new array with the sizes.</summary>
    public int[] ToArray() => (int[])dims.Clone();

    /// <summary>A read-only view of the sizes.</summary>
    public ReadOnlySpan<int> AsSpan() => dims;

    /// <summary>PyTorch's printout: <c>torch.Size([2, 3])</c>, <c>torch.Size([])</c> for a scalar.</summary>
    public override string ToString() => $"torch.Size({Shapes.Format(dims)})";

    /// <summary>True when both shapes have the same sizes in the same order.</summary>
    public bool Equals(Size? other) => other is not null && dims.AsSpan().SequenceEqual(other.dims);

    /// <summary>True when the array holds the same sizes in the same order, as <c>size == (2, 3)</c>.</summary>
    public bool Equals(int[]? other) => other is not null && dims.AsSpan().SequenceEqual(other);

    /// <summary>True for a <see cref="Size"/> with the same sizes.</summary>
    public override bool Equals(object? obj) => obj is Size other && Equals(other);

    /// <summary>A hash of the sizes, consistent with <see cref="Equals(Size)"/>.</summary>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var d in dims) hash.Add(d);
        return hash.ToHashCode();
    }

    /// <summary>Value equality of two shapes.</summary>
    public static bool operator ==(Size? left, Size? right) => left is null ? right is null : left.Equals(right);

    /// <summary>Value inequality of two shapes.</summary>
    public static bool operator !=(Size? left, Size? right) => !(left == right);

    /// <summary>A new array with the sizes (a copy).</summary>
    public static implicit operator int[](Size size) => size.ToArray();

    /// <summary>A read-only view of the sizes.</summary>
    public static implicit operator ReadOnlySpan<int>(Size size) => size.dims;

    /// <summary>A shape with the array's sizes (copied).</summary>
    public static implicit operator Size(int[] dims) => new(dims);

    /// <summary>Enumerates the sizes in order.</summary>
    public IEnumerator<int> GetEnumerator() => ((IEnumerable<int>)dims).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
