using Gradus.Formatting;
using Gradus.Tests.Reductions;

namespace Gradus.Tests.Formatting;

/// <summary>Printing pieces beyond single tensors: return-type pairs, grad_fn nodes, default options.</summary>
public class ReprTests
{
    [Fact]
    public void ValuesAndIndicesPrintLikeTorchReturnTypes()
    {
        foreach (var s in Fixtures.Load("formatting", "repr.json").GetProperty("structs").EnumerateArray())
        {
            var x = Fixtures.Tensor(s.GetProperty("x"));
            int dim = s.GetProperty("dim").GetInt32();
            bool keep = s.GetProperty("keepdim").GetBoolean();
            var pair = s.GetProperty("op").GetString() == "max" ? x.Max(dim, keep) : x.Min(dim, keep);
            Assert.Equal(s.GetProperty("repr").GetString(), pair.ToString());
        }
    }

    [Fact]
    public void ToStringUsesDefaultOptionsAndNodeNames()
    {
        var x = Torch.Tensor(new double[] { 1, 2.5 }, requiresGrad: true);
        var y = x * 2.0;
        Assert.Equal(y.ToString(PrintOptions.Default), y.ToString());
        Assert.Equal("<MulBackward0>", y.GradFn!.ToString());
        Assert.EndsWith("grad_fn=<MulBackward0>)", y.ToString());
        var (values, indices) = Torch.Tensor(new long[,] { { 3, 9 }, { 4, 1 } }).Max(1);
        Assert.Equal("tensor([9, 4])", values.ToString());
        Assert.Equal("tensor([1, 0])", indices.ToString());
    }
}
