using System.Text.Json;

namespace Gradus.Tests.Autograd;

/// <summary>
/// Engine behaviour against PyTorch 1.13 (fixtures/autograd/behaviour.json): hook order, retained gradients
/// on views and across in-place ops, gradient shapes, unused inputs, Hessian-vector products, version
/// counters shared by views, and grad mode being per thread.
/// </summary>
public class BehaviourTests
{
    private static readonly JsonElement Root = Fixture.Load("autograd", "behaviour.json");

    private static Tensor T(params double[] v) => Torch.FromArray(v).Detach().RequiresGrad_();

    private static double[] D(Tensor t) => t.ToArray<double>();

    [Fact]
    public void HooksRunInRegistrationOrderFromTheOutputBackToTheLeaves()
    {
        var x = T(1, 2);
        var y = x * 3.0;
        var log = new List<(string Name, double[] Grad)>();
        y.RegisterHook(g => { log.Add(("h1", D(g))); return g * 2.0; });
        y.RetainGrad();
        y.RegisterHook(g => { log.Add(("h2", D(g))); return g + 1.0; });
        x.RegisterHook(g => { log.Add(("x", D(g))); return null; });
        var z = (y * y).Sum();
        z.RegisterHook(g => { log.Add(("z", D(g))); return null; });
        z.Backward();

        var expected = Root.GetProperty("hooks");
        var entries = expected.GetProperty("log").EnumerateArray().ToArray();
        Assert.Equal(entries.Select(e => e[0].GetString()), log.Select(e => e.Name));
        for (int i = 0; i < entries.Length; i++) Assert.Equal(entries[i][1].Doubles(), log[i].Grad);
        Assert.Equal(expected.GetProperty("y_grad").Doubles(), D(y.Grad!));
        Assert.Equal(expected.GetProperty("x_grad").Doubles(), D(x.Grad!));
    }

    [Fact]
    public void RetainGradWorksOnViews()
    {
        var x = Torch.FromArray(new[,] { { 0.5, -1.0, 2.0 }, { 1.5, 0.25, -0.75 } }).RequiresGrad_();
        var w = Torch.FromArray(new[,] { { 1.0, -2.0 }, { 0.5, 3.0 }, { -1.5, 0.25 } });
        var y = x * 2.0;
        Tensor v = y[1], s = y[.., 1..], t = y.T, r = y.View(3, 2);
        foreach (var u in new[] { y, v, s, t, r }) u.RetainGrad();
        var loss = (v * v).Sum() + s.Pow(3).Sum() + (t * w).Sum() + (r * r * r).Sum();
        loss.Backward();

        var expected = Root.GetProperty("retain_views");
        foreach (var (name, u) in new[] { ("y", y), ("v", v), ("s", s), ("t", t), ("r", r) })
        {
            Assert.Equal(u.Shape, u.Grad!.Shape);
            Assert.Equal(expected.GetProperty(name).Doubles(), D(u.Grad));
        }
        Assert.Equal(expected.GetProperty("x").Doubles(), D(x.Grad!));
    }

    [Fact]
    public void RetainedGradientFollowsAnInPlaceOp()
    {
        var x = T(1, 2);
        var y = x * 3.0;
        y.RetainGrad();
        y.Mul_(2.0);
        (y * y).Sum().Backward();
        var expected = Root.GetProperty("retain_inplace");
        Assert.Equal(expected.GetProperty("y_grad").Doubles(), D(y.Grad!));
        Assert.Equal(expected.GetProperty("x_grad").Doubles(), D(x.Grad!));
    }

    [Fact]
    public void GradientMustHaveTheOutputShapeExactly()
    {
        var a = Torch.Ones([2, 1, 3], DType.Float64, requiresGrad: true);
        var y = a * Torch.Ones([4, 1], DType.Float64);
        var messages = Root.GetProperty("messages");
        Assert.Equal(messages.GetProperty("mismatch_4x3").GetString(),
            Assert.Throws<ArgumentException>(() => y.Backward(Torch.Ones([4, 3], DType.Float64), retainGraph: true)).Message);
        Assert.Equal(messages.GetProperty("mismatch_3").GetString(),
            Assert.Throws<ArgumentException>(() => y.Backward(Torch.Ones([3], DType.Float64), retainGraph: true)).Message);
        Assert.Equal(messages.GetProperty("grad_mismatch").GetString(),
            Assert.Throws<ArgumentException>(() => Gradus.Autograd.Grad(y, [a], Torch.Ones([4, 3], DType.Float64), retainGraph: true)).Message);
        // The full-shape gradient is fine, and broadcasting is undone into a's shape.
        y.Backward(Torch.Full([2, 4, 3], 0.5, DType.Float64));
        Assert.Equal(Enumerable.Repeat(2.0, 6), D(a.Grad!));
    }

    [Fact]
    public void GradWithAllowUnusedReturnsNullForUnusedInputs()
    {
        var x = Torch.Ones([3], DType.Float64, requiresGrad: true);
        var unused = Torch.Ones([2], DType.Float64, requiresGrad: true);
        var messages = Root.GetProperty("messages");
        var ex = Assert.Throws<InvalidOperationException>(() => Gradus.Autograd.Grad((x * 2.0).Sum(), [x, unused]));
        Assert.Equal(messages.GetProperty("unused").GetString()!.Replace("allow_unused=True", "allowUnused: true"), ex.Message);
        var grads = Gradus.Autograd.Grad((x * 2.0).Sum(), [x, unused], allowUnused: true);
        Assert.Equal(new double[] { 2, 2, 2 }, D(grads[0]!));
        Assert.Null(grads[1]);
        Assert.Null(x.Grad);
        Assert.Equal(messages.GetProperty("not_requiring").GetString(),
            Assert.Throws<InvalidOperationException>(() => Gradus.Autograd.Grad((x * 2.0).Sum(), [Torch.Ones(2)])).Message);
    }

    [Fact]
    public void InPlaceOnAViewOfALeafIsRejected()
    {
        var x = Torch.Ones([3], DType.Float64, requiresGrad: true);
        var expected = Root.GetProperty("messages").GetProperty("view_of_leaf").GetString();
        Assert.Equal(expected, Assert.Throws<InvalidOperationException>(() => x[1..].Add_(1.0)).Message);
        Assert.Equal(expected, Assert.Throws<InvalidOperationException>(() => x.Unsqueeze(0).Mul_(2.0)).Message);
        Assert.Equal(expected, Assert.Throws<InvalidOperationException>(() => x[1..][0] = 5.0).Message);
        Assert.Equal(new double[] { 1, 1, 1 }, D(x));
        using (Torch.NoGrad()) x[1..].Sub_(0.5);
        Assert.Equal(new double[] { 1, 0.5, 0.5 }, D(x));
    }

    [Fact]
    public void GradReturnsOneResultPerListedInputEvenWhenRepeated()
    {
        var x = Torch.Ones([2], DType.Float64, requiresGrad: true);
        var h = x * 2.0;
        var y = (h * h).Sum();
        var r = Gradus.Autograd.Grad(y, [h, x, h, x]);
        Assert.Equal(new double[] { 4, 4 }, D(r[0]!));
        Assert.Equal(new double[] { 8, 8 }, D(r[1]!));
        Assert.Same(r[0], r[2]);
        Assert.Same(r[1], r[3]);
    }

    [Fact]
    public void GradientsAccumulateInPlaceAcrossTwoGraphs()
    {
        var x = Torch.Ones([3], DType.Float64, requiresGrad: true);
        (x * 2.0).Sum().Backward();
        var first = x.Grad!;
        (x * 3.0).Sum().Backward();
        Assert.Same(first, x.Grad);
        Assert.Equal(new double[] { 5, 5, 5 }, D(x.Grad!));
        Gradus.Autograd.Grad((x * 7.0).Sum(), [x]);
        Assert.Equal(new double[] { 5, 5, 5 }, D(x.Grad!));
    }

    [Fact]
    public void HessianVectorProductOfAQuadraticFormIsSymmetrisedMatrixTimesVector()
    {
        var a = Torch.FromArray(new[,] { { 1.0, 2.0, 0.5 }, { -1.0, 3.0, 4.0 }, { 0.25, -2.0, 1.5 } });
        var x = T(0.5, -1.5, 2.0);
        var f = x.Dot(a.Mv(x));
        var g = Gradus.Autograd.Grad(f, [x], createGraph: true)[0]!;
        Assert.True(g.RequiresGrad);
        Assert.NotNull(g.GradFn);
        foreach (var v in new[] { new[] { 1.0, 0, 0 }, new[] { 0.5, -2.0, 3.0 } })
        {
            var hv = Gradus.Autograd.Grad((g * Torch.FromArray(v)).Sum(), [x], retainGraph: true)[0]!;
            var expected = (a + a.T).Mv(Torch.FromArray(v));
            Assert.Equal(D(expected), D(hv));
        }
        Assert.Null(x.Grad);
    }

    /// <summary>
    /// y = x * 1, a view v of it, c = a product saving v, then an in-place write: backward fails, and PyTorch's
    /// message up to the tensor description, and its version numbers, appear in ours.
    /// </summary>
    private static void AssertVersionError(string key, Func<Tensor, Tensor> view, Action<Tensor, Tensor> write, Func<Tensor, Tensor>? save = null)
    {
        var x = T(1, 2, 3, 4);
        string torch = Root.GetProperty("version_errors").GetProperty(key).GetString()!;
        var ex = Assert.Throws<InvalidOperationException>(() =>
        {
            var y = x * 1.0;
            var v = view(y);
            var c = save is null ? v * v : save(v);
            write(y, v);
            c.Sum().Backward();
        });
        Assert.StartsWith(torch[..(torch.IndexOf("]],", StringComparison.Ordinal) + 3)], ex.Message);
        int at = torch.IndexOf("is at version", StringComparison.Ordinal);
        Assert.Contains(torch[at..(torch.IndexOf("instead.", StringComparison.Ordinal) + 8)], ex.Message);
    }

    [Fact]
    public void ViewsShareTheVersionCounterOfTheirBase()
    {
        AssertVersionError("through_view", y => y[..2], (y, v) => v.Mul_(2.0));
        AssertVersionError("through_base", y => y[..2], (y, v) => y.Add_(1.0));
        AssertVersionError("base_saved_view_written", y => y, (y, v) => y[1..].Mul_(2.0));
        AssertVersionError("view_written_without_grad", y => y.View(2, 2), (y, v) =>
        {
            using (Torch.NoGrad()) v[0, 0] = 5.0;
        }, save: v => v * 3.0 * v);
    }

    [Fact]
    public void GradModeIsPerThread()
    {
        var x = T(1, 2);
        using var mainInNoGrad = new ManualResetEventSlim();
        using var otherChecked = new ManualResetEventSlim();
        using var otherInNoGrad = new ManualResetEventSlim();
        using var mainChecked = new ManualResetEventSlim();
        bool otherEnabled = false, otherRecords = false, otherInsideNoGrad = true, otherRestored = false;
        var other = new Thread(() =>
        {
            mainInNoGrad.Wait();
            otherEnabled = Torch.IsGradEnabled();
            otherRecords = (x * 2.0).RequiresGrad;
            otherChecked.Set();
            using (Torch.NoGrad())
            {
                otherInsideNoGrad = Torch.IsGradEnabled();
                otherInNoGrad.Set();
                mainChecked.Wait();
            }
            otherRestored = Torch.IsGradEnabled();
        });
        other.Start();
        using (Torch.NoGrad())
        {
            using (Torch.NoGrad())
            {
                mainInNoGrad.Set();
                otherChecked.Wait();
                Assert.False(Torch.IsGradEnabled());
            }
            Assert.False(Torch.IsGradEnabled());
            Assert.False((x * 2.0).RequiresGrad);
        }
        otherInNoGrad.Wait();
        Assert.True(Torch.IsGradEnabled());
        Assert.True((x * 2.0).RequiresGrad);
        mainChecked.Set();
        other.Join();
        Assert.True(otherEnabled);
        Assert.True(otherRecords);
        Assert.False(otherInsideNoGrad);
        Assert.True(otherRestored);
    }

    [Fact]
    public void ANewThreadStartsWithGradEnabled()
    {
        using (Torch.NoGrad())
        {
            bool enabled = false;
            var t = new Thread(() => enabled = Torch.IsGradEnabled());
            t.Start();
            t.Join();
            Assert.True(enabled);
        }
    }
}
