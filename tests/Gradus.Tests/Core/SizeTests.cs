namespace Gradus.Tests.Core;

/// <summary>Gradus.Size against torch.Size: printing, equality, indexing, slicing, numel and conversions.</summary>
public class SizeTests
{
    // str(torch.Size([])), str(torch.Size([5])), str(torch.zeros(2, 3).shape), str(torch.zeros(2, 3, 4).size()) in torch 1.13.
    [Fact]
    public void ToStringMatchesPyTorch()
    {
        Assert.Equal("torch.Size([])", Torch.Tensor(3.0).Shape.ToString());
        Assert.Equal("torch.Size([5])", Torch.Zeros(5).Shape.ToString());
        Assert.Equal("torch.Size([2, 3])", Torch.Zeros(2, 3).Shape.ToString());
        Assert.Equal("torch.Size([2, 3, 4])", Torch.Zeros(2, 3, 4).Size().ToString());
        Assert.Equal("torch.Size([2, 0])", new Size(2, 0).ToString());
        Assert.Equal("(torch.Size([2, 3]), 7)", $"({Torch.Zeros(2, 3).Shape}, 7)");
    }

    [Fact]
    public void ValueEquality()
    {
        var a = Torch.Zeros(2, 3).Shape;
        var b = Torch.Ones(2, 3).Size();
        Assert.True(a == b);
        Assert.False(a != b);
        Assert.True(a.Equals(b));
        Assert.True(a.Equals((object)b));
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.True(a != Torch.Zeros(3, 2).Shape);
        Assert.True(a != Torch.Zeros(2, 3, 1).Shape);
        Assert.True(a.Equals(new[] { 2, 3 }));
        Assert.False(a.Equals(new[] { 2 }));
        Assert.False(a.Equals((int[]?)null));
        Assert.False(a == null);
        Assert.True((Size?)null == null);
        Assert.True(a == new[] { 2, 3 });
        Assert.Equal(new Size(), Torch.Tensor(1.0).Shape);
        Assert.Single(new HashSet<Size> { a, b, new(2, 3) });
    }

    [Fact]
    public void IndexersCountFromEitherEnd()
    {
        var s = Torch.Zeros(2, 3, 4).Shape;
        Assert.Equal(3, s.Length);
        Assert.Equal(3, s.Count);
        Assert.Equal(2, s[0]);
        Assert.Equal(4, s[2]);
        Assert.Equal(4, s[^1]);
        Assert.Equal(2, s[^3]);
        var high = Assert.Throws<IndexOutOfRangeException>(() => s[3]);
        Assert.Contains("tuple index out of range", high.Message);
        Assert.Throws<IndexOutOfRangeException>(() => s[-1]);
        Assert.Throws<IndexOutOfRangeException>(() => s[^4]);
    }

    [Fact]
    public void RangesReturnSizes()
    {
        var s = Torch.Zeros(2, 3, 4).Shape;
        Size head = s[..^1];
        Assert.Equal("torch.Size([2, 3])", head.ToString());
        Assert.Equal(new Size(3, 4), s[1..]);
        Assert.Equal(new Size(), s[1..1]);
        Assert.Equal(s, s[..]);
        Assert.Throws<ArgumentOutOfRangeException>(() => s[1..5]);
    }

    [Fact]
    public void NumelMultipliesTheSizes()
    {
        Assert.Equal(24, Torch.Zeros(2, 3, 4).Shape.Numel());
        Assert.Equal(1, Torch.Tensor(2.0).Shape.Numel());
        Assert.Equal(0, new Size(2, 0).Numel());
    }

    [Fact]
    public void ConvertsToAndFromArraysByCopy()
    {
        var t = Torch.Zeros(2, 3);
        int[] array = t.Shape;
        Assert.Equal(new[] { 2, 3 }, array);
        array[0] = 9;
        Assert.Equal(2, t.Shape[0]);

        var source = new[] { 4, 5 };
        Size fromArray = source;
        source[0] = 7;
        Assert.Equal(new[] { 4, 5 }, fromArray.ToArray());

        var copy = fromArray.ToArray();
        copy[1] = 0;
        Assert.Equal(5, fromArray[1]);

        ReadOnlySpan<int> span = fromArray;
        Assert.True(span.SequenceEqual([4, 5]));
        Assert.Equal(new Size(4, 5), Torch.Zeros(fromArray).Shape);
        Assert.Equal("torch.Size([3, 2])", t.Reshape(t.Shape[^1], t.Shape[0]).Shape.ToString());
        Assert.Equal(new[] { 2, 3 }, t.Shape.ToList());
    }

    [Fact]
    public void ListPatternsMatch()
    {
        var s = Torch.Zeros(8, 1, 28, 28).Shape;
        Assert.True(s is [8, 1, 28, 28]);
        Assert.True(s is [var n, .., var w] && n == 8 && w == 28);
        Assert.True(s is [_, .. [1, 28], _]);
        Assert.False(s is [_, _]);
        Assert.True(Torch.Tensor(1.0).Shape is []);
        var (rows, cols) = Torch.Zeros(2, 3).Shape is [var r, var c] ? (r, c) : (0, 0);
        Assert.Equal((2, 3), (rows, cols));
    }

    [Fact]
    public void ShapeIsCopySafe()
    {
        var dims = new[] { 2, 3 };
        var t = Torch.Zeros(dims);
        dims[0] = 5;
        var shape = t.Shape;
        Assert.Equal("torch.Size([2, 3])", shape.ToString());
        Assert.NotSame(shape, t.Shape);
        int[] asArray = shape;
        asArray[1] = 9;
        Assert.Equal("torch.Size([2, 3])", shape.ToString());
        Assert.Equal("torch.Size([2, 3])", t.Shape.ToString());
        Assert.Equal("torch.Size([1, 2, 3])", t.Unsqueeze(0).Shape.ToString());
        Assert.Equal(t.Shape, t.Size());
        Assert.Equal(3, t.Size(-1));
        Assert.Null(typeof(Size).GetProperty("Item", [typeof(int)])!.SetMethod);
    }
}
