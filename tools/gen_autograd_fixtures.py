#!/usr/bin/env python3
"""Golden values for Gradus autograd composites: forward values and gradients of small programs written
with raw ops (a 2-layer MLP with MSE and from-scratch cross-entropy, D2L's softmax regression, indexing
chains, in-place ops on non-leaves, the course's autograd examples, a Hessian-vector product, ...),
each in float32 and float64 on the same inputs.

Run with Debian's interpreter (torch 1.13):  /usr/bin/python3 tools/gen_autograd_fixtures.py
Writes tests/Gradus.Tests/fixtures/autograd/composite.json and behaviour.json (hook order, retained
gradients on views and across in-place ops, PyTorch's error messages for modified saved tensors).

Every case is a function of named inputs returning named outputs (values, gradients, retained
gradients); the C# test implements the same program line by line and compares every output.
"""
import json
import os

import torch

DIR = os.path.join(os.path.dirname(__file__), "..", "tests", "Gradus.Tests", "fixtures", "autograd")
DTYPES = {"float32": torch.float32, "float64": torch.float64}


def randn(gen, *shape, scale=1.0):
    """Normal values rounded to float32, so both dtypes start from exactly the same numbers."""
    return (torch.randn(*shape, generator=gen, dtype=torch.float64) * scale).float().double()


def away_from(t, points, margin, what):
    for p in points:
        if (t.detach().double() - p).abs().min().item() < margin:
            raise SystemExit(f"{what}: a value lies within {margin} of the kink at {p}; pick another seed")


# ---------------------------------------------------------------- cases

def mlp_forward(i):
    h = i["X"] @ i["W1"].T + i["b1"]
    away_from(h, [0.0], 1e-3, "mlp pre-activation")
    return h.relu() @ i["W2"].T + i["b2"]


def mlp_mse(i):
    out = mlp_forward(i)
    loss = ((out - i["Y"]) ** 2).mean()
    loss.backward()
    return {"out": out, "loss": loss, **grads(i, "X", "W1", "b1", "W2", "b2")}


def mlp_ce(i):
    out = mlp_forward(i)
    log_probs = out - out.exp().sum(1, keepdim=True).log()
    loss = -log_probs[range(len(out)), i["y"]].mean()
    loss.backward()
    return {"out": out, "loss": loss, **grads(i, "X", "W1", "b1", "W2", "b2")}


def d2l_softmax(X):
    X_exp = torch.exp(X)
    partition = X_exp.sum(1, keepdim=True)
    return X_exp / partition


def d2l_softmax_regression(i):
    W, b = i["W"], i["b"]
    y_hat = d2l_softmax(torch.matmul(i["X"].reshape((-1, W.shape[0])), W) + b)
    loss = -torch.log(y_hat[range(len(y_hat)), i["y"]]).mean()
    loss.backward()
    return {"y_hat": y_hat, "loss": loss, **grads(i, "W", "b")}


def index_chain(i):
    x = i["x"]
    a = x[1:, ::2]
    b = a[..., [0, 2, 2]]
    c = b[:, 0] * b[:, -1]
    d = c[c.detach() > 0]
    e = x[[0, 2], :, [1, 3]]
    f = x.gather(2, i["idx"])
    g = x.index_select(1, i["sel"]).narrow(2, 1, 3)[:, -1]
    y = torch.cat([d, e.flatten(), f.flatten(), g.flatten()])
    loss = (y * y).sum() + y.sum()
    loss.backward()
    return {"d": d, "y": y, "loss": loss, **grads(i, "x")}


def setitem_chain(i):
    x, w = i["x"], i["w"]
    z = x * 1
    z[0, 1:3] = w[:2] * 2
    z[:, 0] *= 3
    z[1] += w
    z[z.detach() < -1] = 0
    z[[2, 0], [3, 3]] = w[1:3] * w[0]
    loss = (z * z).sum() + z[:, 1].sum()
    loss.backward()
    return {"z": z, "loss": loss, **grads(i, "x", "w")}


def inplace_nonleaf(i):
    x, w = i["x"], i["w"]
    y = x * 2
    y.add_(w)
    y.mul_(x)
    y.sub_(w, alpha=0.5)
    y.div_(w.abs() + 1)
    away_from(y, [-1.5, 2.5], 1e-3, "clamp input")
    y.clamp_(min=-1.5, max=2.5)
    y += 1
    y *= w
    y.masked_fill_(i["mask"], 0.25)
    c = x * 0
    c.copy_(w)
    loss = (y * y).sum() + (c * x).sum()
    loss.backward()
    return {"y": y, "loss": loss, **grads(i, "x", "w")}


def view_inplace(i):
    """In-place ops through views of a non-leaf (CopySlices), and a view taken before them (regenerated)."""
    x, w = i["x"], i["w"]
    y = x * 2
    a = y[0]
    y[0].mul_(3)
    y[:, 1:3].add_(w[1:3])
    away_from(y.t()[2], [-0.5], 1e-3, "clamp input")
    y.t()[2].clamp_(min=-0.5)
    v = y.view(2, 6)
    v[1].div_(w.abs().sum())
    y[2, ::2].fill_(0.5)
    loss = (y * y).sum() + (a * w).sum()
    loss.backward()
    return {"y": y, "a": a, "loss": loss, **grads(i, "x", "w")}


def two_x_t_x(i):
    x = i["x"]
    y = 2 * torch.dot(x, x)
    y.backward()
    return {"y": y, "grad_x": x.grad.clone()}


def sum_after_zero(i):
    x = i["x"]
    y = 2 * torch.dot(x, x)
    y.backward()
    x.grad.zero_()
    y = x.sum()
    y.backward()
    return {"y": y, "grad_x": x.grad.clone()}


def detach_example(i):
    x = i["x"]
    y = x * x
    u = y.detach()
    z = u * x
    z.sum().backward()
    first = x.grad.clone()
    x.grad.zero_()
    y.sum().backward()
    return {"u": u, "grad_x_detached": first, "grad_x": x.grad.clone()}


def backprop_simple(i):
    x, y, z = i["x"], i["y"], i["z"]
    q = x + y
    q.retain_grad()
    f = q * z
    f.backward()
    return {"q": q, "f": f, "grad_q": q.grad, **grads(i, "x", "y", "z")}


def control_flow_f(a):
    b = a * 2
    while b.norm() < 1000:
        b = b * 2
    if b.sum() > 0:
        c = b
    else:
        c = 100 * b
    return c


def control_flow(i):
    a = i["a"]
    d = control_flow_f(a)
    d.sum().backward()
    return {"d": d, "d_over_a": d / a, **grads(i, "a")}


def hvp(i):
    x, v = i["x"], i["v"]
    f = (x ** 3).sum() + x[0] * x[1] + x.sin().prod()
    (g,) = torch.autograd.grad(f, x, create_graph=True)
    (hv,) = torch.autograd.grad((g * v).sum(), x)
    return {"f": f, "g": g, "hv": hv}


def backward_gradient_broadcast(i):
    a, b = i["a"], i["b"]
    y = a * b + a.exp() - b
    y.backward(i["G"])
    return {"y": y, **grads(i, "a", "b")}


def two_graphs(i):
    x, w = i["x"], i["w"]
    (x * w).sum().backward()
    (x.exp() * x).sum().backward()
    return grads(i, "x", "w")


def grads(i, *names):
    return {"grad_" + n: i[n].grad for n in names}


# ---------------------------------------------------------------- inputs

def build():
    gen = torch.Generator().manual_seed(20240531)
    f = lambda *s, scale=1.0: ("float", randn(gen, *s, scale=scale))
    g = lambda *s, scale=1.0: ("grad", randn(gen, *s, scale=scale))
    long = lambda v: ("int64", torch.tensor(v, dtype=torch.int64))
    arange4 = ("grad", torch.arange(4.0, dtype=torch.float64))
    sx = randn(gen, 3, 4)
    return [
        ("mlp_mse", mlp_mse, dict(X=g(4, 3), W1=g(5, 3), b1=g(5), W2=g(2, 5), b2=g(2), Y=f(4, 2))),
        ("mlp_ce", mlp_ce, dict(X=g(4, 3), W1=g(5, 3), b1=g(5), W2=g(3, 5), b2=g(3), y=long([2, 0, 1, 2]))),
        ("d2l_softmax_regression", d2l_softmax_regression,
         dict(X=f(6, 2, 2), W=g(4, 3, scale=0.5), b=("grad", torch.zeros(3, dtype=torch.float64)), y=long([0, 2, 1, 1, 0, 2]))),
        ("index_chain", index_chain,
         dict(x=g(3, 4, 5), idx=long([[[4], [0], [2], [2]]] * 3), sel=long([3, 1, 3]))),
        ("setitem_chain", setitem_chain, dict(x=("grad", sx), w=g(4))),
        ("inplace_nonleaf", inplace_nonleaf,
         dict(x=g(2, 3), w=("grad", torch.tensor([0.75, -1.25, 1.5], dtype=torch.float64)),
              mask=("bool", torch.tensor([False, True, False])))),
        ("view_inplace", view_inplace, dict(x=g(3, 4), w=g(4))),
        ("two_x_t_x", two_x_t_x, dict(x=arange4)),
        ("sum_after_zero", sum_after_zero, dict(x=arange4)),
        ("detach_example", detach_example, dict(x=arange4)),
        ("backprop_simple", backprop_simple,
         dict(x=("grad", torch.tensor(-2.0, dtype=torch.float64)), y=("grad", torch.tensor(5.0, dtype=torch.float64)),
              z=("grad", torch.tensor(-4.0, dtype=torch.float64)))),
        ("control_flow_positive", control_flow, dict(a=("grad", torch.tensor(0.375, dtype=torch.float64)))),
        ("control_flow_negative", control_flow, dict(a=("grad", torch.tensor(-0.8125, dtype=torch.float64)))),
        ("control_flow_vector", control_flow, dict(a=g(3))),
        ("hvp", hvp, dict(x=g(4), v=f(4))),
        ("backward_gradient_broadcast", backward_gradient_broadcast, dict(a=g(2, 1, 3), b=g(4, 1), G=f(2, 4, 3))),
        ("two_graphs", two_graphs, dict(x=g(3), w=g(3))),
    ]


def enc(t):
    return {"shape": list(t.shape), "data": [float(v) for v in t.detach().double().reshape(-1).tolist()]}


# ---------------------------------------------------------------- behaviour

def hooks():
    """Hooks on a non-leaf run in registration order, each on the previous one's result; retain_grad keeps the
    result of all of them (torch 1.13); the output's hook runs first and the leaf's last."""
    x = torch.tensor([1.0, 2.0], dtype=torch.float64, requires_grad=True)
    y = x * 3
    log = []
    y.register_hook(lambda g: log.append(["h1", g.tolist()]) or g * 2)
    y.retain_grad()
    y.register_hook(lambda g: log.append(["h2", g.tolist()]) or g + 1)
    x.register_hook(lambda g: log.append(["x", g.tolist()]))
    z = (y * y).sum()
    z.register_hook(lambda g: log.append(["z", [g.item()]]))
    z.backward()
    return {"log": log, "y_grad": y.grad.tolist(), "x_grad": x.grad.tolist()}


def retain_views():
    x = torch.tensor([[0.5, -1.0, 2.0], [1.5, 0.25, -0.75]], dtype=torch.float64, requires_grad=True)
    w = torch.tensor([[1.0, -2.0], [0.5, 3.0], [-1.5, 0.25]], dtype=torch.float64)
    y = x * 2
    v, s, t, r = y[1], y[:, 1:], y.t(), y.view(3, 2)
    for u in (y, v, s, t, r):
        u.retain_grad()
    loss = (v * v).sum() + (s ** 3).sum() + (t * w).sum() + (r * r * r).sum()
    loss.backward()
    return {k: u.grad.reshape(-1).tolist() for k, u in dict(y=y, v=v, s=s, t=t, r=r, x=x).items()}


def retain_inplace():
    x = torch.tensor([1.0, 2.0], dtype=torch.float64, requires_grad=True)
    y = x * 3
    y.retain_grad()
    y.mul_(2)
    (y * y).sum().backward()
    return {"y_grad": y.grad.tolist(), "x_grad": x.grad.tolist()}


def error(fn):
    try:
        fn()
    except RuntimeError as e:
        return str(e)
    raise SystemExit("expected an error")


def version_errors():
    """y = x * 1, a view v of it, c = a product saving v, then an in-place write: backward must fail."""
    x = torch.tensor([1.0, 2.0, 3.0, 4.0], dtype=torch.float64, requires_grad=True)

    def case(view, write, save=lambda v: v * v):
        def run():
            y = x * 1
            v = view(y)
            c = save(v)
            write(y, v)
            c.sum().backward()
        return error(run)

    def write_without_grad(v):
        with torch.no_grad():
            v[0, 0] = 5

    return {
        "through_view": case(lambda y: y[:2], lambda y, v: v.mul_(2)),
        "through_base": case(lambda y: y[:2], lambda y, v: y.add_(1)),
        "base_saved_view_written": case(lambda y: y, lambda y, v: y[1:].mul_(2)),
        "view_written_without_grad": case(lambda y: y.view(2, 2), lambda y, v: write_without_grad(v), save=lambda v: v * 3 * v),
    }


def messages():
    a = torch.ones(2, 1, 3, dtype=torch.float64, requires_grad=True)
    y = a * torch.ones(4, 1, dtype=torch.float64)
    x = torch.ones(3, requires_grad=True)
    return {
        "mismatch_4x3": error(lambda: y.backward(torch.ones(4, 3, dtype=torch.float64), retain_graph=True)),
        "mismatch_3": error(lambda: y.backward(torch.ones(3, dtype=torch.float64), retain_graph=True)),
        "grad_mismatch": error(lambda: torch.autograd.grad(y, [a], torch.ones(4, 3, dtype=torch.float64))),
        "unused": error(lambda: torch.autograd.grad((x * 2).sum(), [x, torch.ones(2, requires_grad=True)])),
        "not_requiring": error(lambda: torch.autograd.grad((x * 2).sum(), [torch.ones(2)])),
        "view_of_leaf": error(lambda: x[1:].add_(1)),
    }


def inplace_nodes():
    """The grad_fn a non-leaf gets from each in-place op (fill_, zero_ and the random fills pass a zero gradient)."""
    x = torch.ones(2, 3, dtype=torch.float64, requires_grad=True)
    w = torch.ones(3, dtype=torch.float64, requires_grad=True)
    idx = torch.tensor([[2, 0], [1, 2]])
    mask = torch.tensor([True, False, True])
    ops = {
        "add_": lambda y: y.add_(w), "sub_": lambda y: y.sub_(w, alpha=2), "mul_": lambda y: y.mul_(w),
        "div_": lambda y: y.div_(w), "clamp_": lambda y: y.clamp_(0, 1), "copy_": lambda y: y.copy_(w),
        "masked_fill_": lambda y: y.masked_fill_(mask, 1.0), "index_add_": lambda y: y.index_add_(1, torch.tensor([0, 2, 0]), x * 1),
        "scatter_": lambda y: y.scatter_(1, idx, x * 1), "scatter_value_": lambda y: y.scatter_(1, idx, 0.5),
        "scatter_add_": lambda y: y.scatter_add_(1, idx, x * 1), "index_put_": lambda y: y.index_put_((torch.tensor([0, 1]),), w),
        "setitem_basic": lambda y: y.__setitem__((0, slice(1, 3)), w[:2]), "setitem_adv": lambda y: y.__setitem__(torch.tensor([1, 0]), w),
        "setitem_mask": lambda y: y.__setitem__(y.detach() > 0, 2.0), "fill_": lambda y: y.fill_(2.0), "zero_": lambda y: y.zero_(),
        "uniform_": lambda y: y.uniform_(), "normal_": lambda y: y.normal_(), "bernoulli_": lambda y: y.bernoulli_(0.5),
    }
    names = {}
    for key, op in ops.items():
        y = x * 2
        op(y)
        names[key] = y.grad_fn.name().replace("torch::autograd::", "")
    return names


def main():
    cases = []
    for name, fn, spec in build():
        for dname, dt in DTYPES.items():
            inputs, encoded = {}, []
            for key, (kind, t) in spec.items():
                if kind in ("float", "grad"):
                    inputs[key] = t.detach().to(dt).clone().requires_grad_(kind == "grad")
                else:
                    inputs[key] = t.clone()
                encoded.append({"name": key, "kind": kind, "shape": list(t.shape),
                                "data": [v if kind == "bool" else (int(v) if kind == "int64" else float(v)) for v in t.reshape(-1).tolist()]})
            outputs = fn(inputs)
            for k, v in outputs.items():
                assert v is not None and v.dtype == dt, (name, k)
            cases.append({"name": name, "dtype": dname, "inputs": encoded, "outputs": {k: enc(v) for k, v in outputs.items()}})
    behaviour = {"hooks": hooks(), "retain_views": retain_views(), "retain_inplace": retain_inplace(),
                 "version_errors": version_errors(), "messages": messages(), "inplace_nodes": inplace_nodes()}
    os.makedirs(DIR, exist_ok=True)
    for file, content in [("composite.json", {"torch": torch.__version__, "cases": cases}),
                          ("behaviour.json", {"torch": torch.__version__, **behaviour})]:
        with open(os.path.join(DIR, file), "w") as fh:
            json.dump(content, fh, separators=(",", ":"))
            fh.write("\n")
    print(f"wrote {len(cases)} composite cases and {len(behaviour)} behaviour groups to {os.path.normpath(DIR)}")


if __name__ == "__main__":
    main()
