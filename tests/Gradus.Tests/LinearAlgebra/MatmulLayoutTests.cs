using Gradus.Ops;

namespace Gradus.Tests.LinearAlgebra;

/// <summary>How operands reach the GEMM kernel (in place when one dim has unit stride), linear-layer use and autograd safety.</summary>
public class MatmulLayoutTests
{
    [Fact]
    public void ContiguousAndTransposedOperandsAreReadInPlace()
    {
        var a = Torch.Zeros(2, 5);
        Assert.True(MatmulKernel.Layout(a, out bool trans, out int ld));
        Assert.False(trans);
        Assert.Equal(5, ld);

        Assert.True(MatmulKernel.Layout(a.T, out trans, out ld));
        Assert.True(trans);
        Assert.Equal(5, ld);

        var batch = Torch.Zeros(3, 4, 6).Transpose(1, 2);
        Assert.True(MatmulKernel.Layout(batch, out trans, out ld));
        Assert.True(trans);
        Assert.Equal(6, ld);
    }

    [Fact]
    public void RowStridedViewKeepsItsLeadingDimension()
    {
        // The first 3 columns of a 4x8 matrix seen as 4x3 (row stride 8), built as a view of the storage.
        var big = Torch.Arange(32.0).Reshape(4, 8);
        var view = LinalgChecks.RawView(big, [4, 3], [8, 1]);
        Assert.True(MatmulKernel.Layout(view, out bool trans, out int ld));
        Assert.False(trans);
        Assert.Equal(8, ld);
        var w = Torch.Tensor(new float[,] { { 1, 0 }, { 0, 1 }, { 1, 1 } });
        Assert.Equal(new float[] { 2, 3, 18, 19, 34, 35, 50, 51 }, Torch.Mm(view, w).ToArray<float>());
    }

    [Fact]
    public void BroadcastRowsNeedACopy()
    {
        var expanded = Torch.Ones(1, 3).Expand(4, 3);
        Assert.False(MatmulKernel.Layout(expanded, out _, out _));
        Assert.Equal(new float[] { 3, 3, 3, 3 }, Torch.Mv(expanded, Torch.Ones(3)).ToArray<float>());
    }

    [Fact]
    public void ManySmallBatchedProductsMatchOneByOne()
    {
        // 2000 products of 8x8 matrices: enough total work for the batch loop to run on several threads.
        var a = Torch.Arange(2000.0 * 64).Reshape(2000, 8, 8).Sin();
        var b = Torch.Arange(2000.0 * 64).Reshape(2000, 8, 8).Cos().Transpose(1, 2);
        var all = Torch.Bmm(a, b).ToArray<float>();
        foreach (int i in new[] { 0, 1, 999, 1500, 1999 })
        {
            var one = Torch.Mm(At(a, i), At(b, i)).ToArray<float>();
            Assert.Equal(one, all.AsSpan(i * 64, 64).ToArray());
        }
    }

    /// <summary>Matrix i of a batch, as a view (the core has no indexing yet).</summary>
    private static Tensor At(Tensor t, int i) => LinalgChecks.RawView(t, t.Shape[1..], t.Strides[1..], t.StorageOffset + i * t.Strides[0]);

    [Fact]
    public void AddmmIsALinearLayer()
    {
        var x = Torch.Tensor(new float[,] { { 1, 2, 3 }, { 4, 5, 6 } });
        var weight = Torch.Tensor(new float[,] { { 1, 0, -1 }, { 0.5f, 0.5f, 0.5f } }, requiresGrad: true);
        var bias = Torch.Tensor(new float[] { 0.1f, -0.1f }, requiresGrad: true);
        var y = Torch.Addmm(bias, x, weight.T);
        Assert.Equal("AddmmBackward0", y.GradFn!.Name);
        Assert.Equal(new[] { -2 + 0.1f, 3 - 0.1f, -2 + 0.1f, 7.5f - 0.1f }, y.ToArray<float>());
        y.Sum().Backward();
        Assert.Equal(new float[] { 2, 2 }, bias.Grad!.ToArray<float>());
        Assert.Equal(new float[] { 5, 7, 9, 5, 7, 9 }, weight.Grad!.ToArray<float>());
    }

    [Fact]
    public void ModifyingASavedOperandInPlaceIsDetected()
    {
        var a = Torch.Ones(2, 2).RequiresGrad_();
        var b = Torch.Ones(2, 2);
        var y = Torch.Mm(a, b);
        b.Add_(1.0);
        var ex = Assert.Throws<InvalidOperationException>(() => y.Sum().Backward());
        Assert.Contains("which is an input or output of MmBackward0", ex.Message);
    }

    [Fact]
    public void TensorMethodsMirrorTorchFunctions()
    {
        var a = Torch.Tensor(new float[,] { { 1, 2 }, { 3, 4 } });
        var v = Torch.Tensor(new float[] { 1, -1 });
        Assert.Equal(new float[] { -1, -1 }, a.Mv(v).ToArray<float>());
        Assert.Equal(new float[] { 7, 10, 15, 22 }, a.Mm(a).ToArray<float>());
        Assert.Equal(new float[] { 7, 10, 15, 22 }, a.Matmul(a).ToArray<float>());
        Assert.Equal(2f, v.Dot(v).Item<float>());
        Assert.Equal(new float[] { 1, -1, -1, 1 }, v.Outer(v).ToArray<float>());
        Assert.Equal(new float[] { 7, 10, 15, 22 }, a.Unsqueeze(0).Bmm(a.Unsqueeze(0)).ToArray<float>());
        Assert.Equal(new float[] { 1, 3, 2, 4 }, a.MT.Contiguous().ToArray<float>());
        Assert.Equal(-2f, a.Det().Item<float>(), 5);
        Assert.All(a.Inverse().ToArray<float>().Zip([-2f, 1f, 1.5f, -0.5f]), p => Assert.Equal(p.Second, p.First, 5));
        Assert.All(Torch.Inverse(a).ToArray<float>().Zip([-2f, 1f, 1.5f, -0.5f]), p => Assert.Equal(p.Second, p.First, 5));
        Assert.Equal(-2f, Torch.Det(a).Item<float>(), 5);
        Assert.Equal(new float[] { 7, 10, 15, 22 }, Linalg.Matmul(a, a).ToArray<float>());
        Assert.Throws<ArgumentException>(() => v.MT);
    }
}
