#!/usr/bin/env python3
"""Golden values for Gradus autograd composites: forward values and gradients of small programs written
with raw ops (a 2-layer MLP with MSE and from-scratch cross-entropy, D2L's softmax regression, indexing
chains, in-place ops on non-leaves, the course's autograd examples, a Hessian-vector product, ...),
each in float32 and float64 on the same inputs.

Run with Debian's interpreter (torch 1.13):  /usr/bin/python3 tools/gen_autograd_fixtures.py
Writes tests/Gradus.Tests/fixtures/autograd/composite.json.

Every case is a function of named inputs returning named outputs (values, gradients, retained
gradients); the C# test implements the same program line by line and compares every output.
"""
import json
import os

import torch

OUT = os.path.join(os.path.dirname(__file__), "..", "tests", "Gradus.Tests", "fixtures", "autograd", "composite.json")
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
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w") as fh:
        json.dump({"torch": torch.__version__, "cases": cases}, fh, separators=(",", ":"))
        fh.write("\n")
    print(f"wrote {len(cases)} cases to {os.path.normpath(OUT)}")


if __name__ == "__main__":
    main()
