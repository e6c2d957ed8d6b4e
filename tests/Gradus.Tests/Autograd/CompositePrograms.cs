namespace Gradus.Tests.Autograd;

/// <summary>
/// The programs of tools/gen_autograd_fixtures.py written line by line with Gradus: each takes the named
/// inputs of a fixture case and returns the same named outputs (values, gradients, retained gradients).
/// </summary>
internal static class CompositePrograms
{
    private static Tensor L(params long[] v) => Torch.Tensor(v);

    public static readonly Dictionary<string, Func<Dictionary<string, Tensor>, Dictionary<string, Tensor>>> All = new()
    {
        ["mlp_mse"] = MlpMse,
        ["mlp_ce"] = MlpCe,
        ["d2l_softmax_regression"] = D2lSoftmaxRegression,
        ["index_chain"] = IndexChain,
        ["setitem_chain"] = SetitemChain,
        ["inplace_nonleaf"] = InPlaceNonLeaf,
        ["view_inplace"] = ViewInPlace,
        ["two_x_t_x"] = TwoXTransposeX,
        ["sum_after_zero"] = SumAfterZero,
        ["detach_example"] = DetachExample,
        ["backprop_simple"] = BackpropSimple,
        ["control_flow_positive"] = ControlFlow,
        ["control_flow_negative"] = ControlFlow,
        ["control_flow_vector"] = ControlFlow,
        ["hvp"] = HessianVectorProduct,
        ["backward_gradient_broadcast"] = BackwardGradientBroadcast,
        ["two_graphs"] = TwoGraphs,
    };

    private static Dictionary<string, Tensor> Grads(Dictionary<string, Tensor> i, params string[] names) =>
        names.ToDictionary(n => "grad_" + n, n => i[n].Grad!);

    private static Dictionary<string, Tensor> With(this Dictionary<string, Tensor> a, Dictionary<string, Tensor> b)
    {
        foreach (var (k, v) in b) a[k] = v;
        return a;
    }

    private static Tensor MlpForward(Dictionary<string, Tensor> i)
    {
        var h = i["X"].Matmul(i["W1"].T) + i["b1"];
        return h.Relu().Matmul(i["W2"].T) + i["b2"];
    }

    private static Dictionary<string, Tensor> MlpMse(Dictionary<string, Tensor> i)
    {
        var output = MlpForward(i);
        var loss = (output - i["Y"]).Pow(2).Mean();
        loss.Backward();
        return new Dictionary<string, Tensor> { ["out"] = output, ["loss"] = loss }.With(Grads(i, "X", "W1", "b1", "W2", "b2"));
    }

    private static Dictionary<string, Tensor> MlpCe(Dictionary<string, Tensor> i)
    {
        var output = MlpForward(i);
        var logProbs = output - output.Exp().Sum(1, keepDim: true).Log();
        var loss = -logProbs[Torch.Arange((long)output.Size(0)), i["y"]].Mean();
        loss.Backward();
        return new Dictionary<string, Tensor> { ["out"] = output, ["loss"] = loss }.With(Grads(i, "X", "W1", "b1", "W2", "b2"));
    }

    /// <summary>D2L's softmax: exp, then divide by the row sums (no max subtraction).</summary>
    private static Tensor D2lSoftmax(Tensor x)
    {
        var xExp = Torch.Exp(x);
        var partition = xExp.Sum(1, keepDim: true);
        return xExp / partition;
    }

    private static Dictionary<string, Tensor> D2lSoftmaxRegression(Dictionary<string, Tensor> i)
    {
        Tensor w = i["W"], b = i["b"];
        var yHat = D2lSoftmax(Torch.Matmul(i["X"].Reshape(-1, w.Size(0)), w) + b);
        var loss = -Torch.Log(yHat[Torch.Arange((long)yHat.Size(0)), i["y"]]).Mean();
        loss.Backward();
        return new Dictionary<string, Tensor> { ["y_hat"] = yHat, ["loss"] = loss }.With(Grads(i, "W", "b"));
    }

    private static Dictionary<string, Tensor> IndexChain(Dictionary<string, Tensor> i)
    {
        var x = i["x"];
        var a = x[1.., TensorIndex.Slice(null, null, 2)];
        var b = a[TensorIndex.Ellipsis, L(0, 2, 2)];
        var c = b[.., 0] * b[.., ^1];
        var d = c[c.Detach() > 0];
        var e = x[L(0, 2), .., L(1, 3)];
        var f = x.Gather(2, i["idx"]);
        var g = x.IndexSelect(1, i["sel"]).Narrow(2, 1, 3)[.., ^1];
        var y = Torch.Cat([d, e.Flatten(), f.Flatten(), g.Flatten()]);
        var loss = (y * y).Sum() + y.Sum();
        loss.Backward();
        return new Dictionary<string, Tensor> { ["d"] = d, ["y"] = y, ["loss"] = loss }.With(Grads(i, "x"));
    }

    private static Dictionary<string, Tensor> SetitemChain(Dictionary<string, Tensor> i)
    {
        Tensor x = i["x"], w = i["w"];
        var z = x * 1.0;
        z[0, 1..3] = w[..2] * 2.0;
        z[.., 0] *= 3.0;
        z[1] += w;
        z[z.Detach() < -1] = 0.0;
        z[L(2, 0), L(3, 3)] = w[1..3] * w[0];
        var loss = (z * z).Sum() + z[.., 1].Sum();
        loss.Backward();
        return new Dictionary<string, Tensor> { ["z"] = z, ["loss"] = loss }.With(Grads(i, "x", "w"));
    }

    private static Dictionary<string, Tensor> InPlaceNonLeaf(Dictionary<string, Tensor> i)
    {
        Tensor x = i["x"], w = i["w"];
        var y = x * 2.0;
        y.Add_(w);
        y.Mul_(x);
        y.Sub_(w, alpha: 0.5);
        y.Div_(w.Abs() + 1.0);
        y.Clamp_(min: -1.5, max: 2.5);
        y += 1.0;
        y *= w;
        y.MaskedFill_(i["mask"], 0.25);
        var c = x * 0.0;
        c.Copy_(w);
        var loss = (y * y).Sum() + (c * x).Sum();
        loss.Backward();
        return new Dictionary<string, Tensor> { ["y"] = y, ["loss"] = loss }.With(Grads(i, "x", "w"));
    }

    private static Dictionary<string, Tensor> ViewInPlace(Dictionary<string, Tensor> i)
    {
        Tensor x = i["x"], w = i["w"];
        var y = x * 2.0;
        var a = y[0];
        y[0].Mul_(3.0);
        y[.., 1..3].Add_(w[1..3]);
        y.T[2].Clamp_(min: -0.5);
        var v = y.View(2, 6);
        v[1].Div_(w.Abs().Sum());
        y[2, TensorIndex.Slice(null, null, 2)].Fill_(0.5);
        var loss = (y * y).Sum() + (a * w).Sum();
        loss.Backward();
        return new Dictionary<string, Tensor> { ["y"] = y, ["a"] = a, ["loss"] = loss }.With(Grads(i, "x", "w"));
    }

    private static Dictionary<string, Tensor> TwoXTransposeX(Dictionary<string, Tensor> i)
    {
        var x = i["x"];
        var y = 2.0 * Torch.Dot(x, x);
        y.Backward();
        return new() { ["y"] = y, ["grad_x"] = x.Grad!.Clone() };
    }

    private static Dictionary<string, Tensor> SumAfterZero(Dictionary<string, Tensor> i)
    {
        var x = i["x"];
        var y = 2.0 * Torch.Dot(x, x);
        y.Backward();
        x.Grad!.Zero_();
        y = x.Sum();
        y.Backward();
        return new() { ["y"] = y, ["grad_x"] = x.Grad.Clone() };
    }

    private static Dictionary<string, Tensor> DetachExample(Dictionary<string, Tensor> i)
    {
        var x = i["x"];
        var y = x * x;
        var u = y.Detach();
        var z = u * x;
        z.Sum().Backward();
        var first = x.Grad!.Clone();
        x.Grad.Zero_();
        y.Sum().Backward();
        return new() { ["u"] = u, ["grad_x_detached"] = first, ["grad_x"] = x.Grad.Clone() };
    }

    private static Dictionary<string, Tensor> BackpropSimple(Dictionary<string, Tensor> i)
    {
        Tensor x = i["x"], y = i["y"], z = i["z"];
        var q = x + y;
        q.RetainGrad();
        var f = q * z;
        f.Backward();
        return new Dictionary<string, Tensor> { ["q"] = q, ["f"] = f, ["grad_q"] = q.Grad! }.With(Grads(i, "x", "y", "z"));
    }

    /// <summary>D2L's f(a): doubling in a while loop until the norm reaches 1000, then a data-dependent branch.</summary>
    private static Tensor ControlFlowF(Tensor a)
    {
        var b = a * 2.0;
        while (b.Norm().Item() < 1000) b = b * 2.0;
        return b.Sum().Item() > 0 ? b : 100.0 * b;
    }

    private static Dictionary<string, Tensor> ControlFlow(Dictionary<string, Tensor> i)
    {
        var a = i["a"];
        var d = ControlFlowF(a);
        d.Sum().Backward();
        return new Dictionary<string, Tensor> { ["d"] = d, ["d_over_a"] = d / a }.With(Grads(i, "a"));
    }

    private static Dictionary<string, Tensor> HessianVectorProduct(Dictionary<string, Tensor> i)
    {
        Tensor x = i["x"], v = i["v"];
        var f = x.Pow(3).Sum() + x[0] * x[1] + x.Sin().Prod();
        var g = Gradus.Autograd.Grad(f, [x], createGraph: true)[0]!;
        var hv = Gradus.Autograd.Grad((g * v).Sum(), [x])[0]!;
        return new() { ["f"] = f, ["g"] = g, ["hv"] = hv };
    }

    private static Dictionary<string, Tensor> BackwardGradientBroadcast(Dictionary<string, Tensor> i)
    {
        Tensor a = i["a"], b = i["b"];
        var y = a * b + a.Exp() - b;
        y.Backward(i["G"]);
        return new Dictionary<string, Tensor> { ["y"] = y }.With(Grads(i, "a", "b"));
    }

    private static Dictionary<string, Tensor> TwoGraphs(Dictionary<string, Tensor> i)
    {
        Tensor x = i["x"], w = i["w"];
        (x * w).Sum().Backward();
        (x.Exp() * x).Sum().Backward();
        return Grads(i, "x", "w");
    }
}
