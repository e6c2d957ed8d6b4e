#!/usr/bin/env python3
"""Golden repr() strings of torch 1.13 tensors for Gradus's Tensor.ToString().

Run with Debian's interpreter:  /usr/bin/python3 tools/gen_format_fixtures.py
Writes tests/Gradus.Tests/fixtures/formatting/repr.json: for each case the leaf data (shape, dtype, values),
whether it requires grad, an optional op applied to it (giving a grad_fn), an optional permutation (a strided
view), optional print options, and the expected string.
"""
import json
import math
import os

import torch

OUT = os.path.join(os.path.dirname(__file__), "..", "tests", "Gradus.Tests", "fixtures", "formatting", "repr.json")
NAMES = {torch.float32: "float32", torch.float64: "float64", torch.int64: "int64", torch.bool: "bool"}
OPS = {"mul2": lambda t: t * 2, "add1": lambda t: t + 1, "sum": lambda t: t.sum(), "mean": lambda t: t.mean(), "neg": lambda t: -t}


def num(v):
    if isinstance(v, float) and not math.isfinite(v):
        return "NaN" if math.isnan(v) else ("Infinity" if v > 0 else "-Infinity")
    return v


cases = []
gen = torch.Generator().manual_seed(2024)


def shown_indices(t, options):
    """Flat indices of the elements a summarised repr prints (the only ones that affect it)."""
    if options:
        torch.set_printoptions(**options)
    try:
        if t.numel() <= torch._tensor_str.PRINT_OPTS.threshold:
            return None
        idx = torch.arange(t.numel()).reshape(t.shape)
        return torch._tensor_str.get_summarized_data(idx).reshape(-1).tolist()
    finally:
        torch.set_printoptions(profile="default")


def case(name, t, requires_grad=False, op=None, permute=None, options=None):
    leaf = t.detach().clone()
    # Summarised tensors: keep only the printed elements (zeros elsewhere) so the fixture stays small.
    kept = shown_indices(leaf, options) if permute is None else None
    if kept is not None:
        flat = torch.zeros(leaf.numel(), dtype=leaf.dtype)
        flat[kept] = leaf.reshape(-1)[kept]
        leaf = flat.reshape(leaf.shape)
    if requires_grad:
        leaf.requires_grad_(True)
    shown = leaf
    if op:
        shown = OPS[op](shown)
    if permute:
        shown = shown.permute(*permute)
    if options:
        torch.set_printoptions(**options)
    try:
        text = repr(shown)
    finally:
        torch.set_printoptions(profile="default")
    values = leaf.detach().reshape(-1).tolist()
    x = {"shape": list(leaf.shape), "dtype": NAMES[leaf.dtype]}
    if kept is None:
        x["data"] = [num(v) for v in values]
    else:
        x["sparse"] = [[i, num(values[i])] for i in kept]
    cases.append({
        "name": name,
        "x": x,
        "requires_grad": requires_grad, "op": op, "permute": permute, "options": options, "repr": text,
    })


def randn(*shape, scale=1.0, dtype=torch.float32):
    return (torch.randn(shape, generator=gen, dtype=torch.float64) * scale).to(dtype)


nan, inf = float("nan"), float("inf")

# integers and bools
case("int 1-d", torch.tensor([1, 2, 3]))
case("int negative", torch.tensor([-5, 12, 0, 7]))
case("int large", torch.tensor([10 ** 12, -3, 2 ** 62]))
case("int 2-d", torch.arange(12).reshape(3, 4))
case("int 3-d", torch.arange(-12, 12).reshape(2, 3, 4))
case("int 0-dim", torch.tensor(7))
case("int wraps", torch.arange(100))
case("int wide wraps", torch.arange(0, 10 ** 9, 10 ** 7))
case("int summarised", torch.arange(2000))
case("int summarised 2-d", torch.arange(1200).reshape(40, 30))
case("bool 1-d", torch.tensor([True, False, True]))
case("bool 2-d", torch.tensor([[True, False], [False, False]]))
case("bool 0-dim", torch.tensor(False))
case("bool wraps", torch.arange(30) % 3 == 0)

# floats: modes
case("float integral", torch.tensor([0., 1., 2.]))
case("float integral negative", torch.tensor([-1., 10., 300.]))
case("float fractions", torch.tensor([1.5, 2.25, -0.125]))
case("float course matrix", torch.tensor([[1., 1., 1.], [1., 1., 1.]]))
case("float course randn", randn(2, 3, 4))
case("float course values", torch.tensor([0.5, 1.0, 2.0, 4.0]))
case("float small sci", torch.tensor([1e-5, 1.0]))
case("float small no sci", torch.tensor([1e-4, 0.05]))
case("float tiny single", torch.tensor([3e-7]))
case("float big sci", torch.tensor([1e8 + 0.5, 1.0]))
case("float big integral sci", torch.tensor([1e9, 1.]))
case("float integral ratio 1000", torch.tensor([1000., 1.]))
case("float integral ratio 1001", torch.tensor([1001., 1.]))
case("float ratio 1000 fractional", torch.tensor([1000.5, 1.5]))
case("float ratio over 1000 fractional", torch.tensor([2000.5, 1.5]))
case("float 1e8 integral", torch.tensor([1e8, 3e7]))
case("float over 1e8 integral", torch.tensor([2e8, 3e8]))
case("float negative zero", torch.tensor([-0., 0., 1.]))
case("float negative zero fractional", torch.tensor([-0., 0.5]))
case("float rounds to negative zero", torch.tensor([-0.00001, 0.5]))
case("float all zero", torch.zeros(4))
case("float nan", torch.tensor([nan, 1.]))
case("float nan fractional", torch.tensor([nan, 1.5, -2.25]))
case("float inf", torch.tensor([inf, -inf, 1.5]))
case("float inf integral", torch.tensor([inf, -inf, 2.]))
case("float only nan", torch.tensor([nan, nan]))
case("float nan and zero", torch.tensor([0., nan, -inf]))
case("float nan sci", torch.tensor([nan, 1e-6, 1.]))
case("float ties", torch.tensor([0.03125, 1.03125, 2.5, 0.125]))
case("float ties sci", torch.tensor([1.03125e-7, 2.5, 1.5]))
case("float round up width", torch.tensor([9.99995, 0.5]))
case("float round up sci", torch.tensor([9.99996e9, 1.]))
case("float mixed signs", torch.tensor([[-1.5, 2.0], [3.25, -4.0]]))
for k in range(-7, 11):
    case(f"float scale 1e{k}", randn(5, scale=10.0 ** k))
case("float64 scale mix", randn(6, scale=1e3, dtype=torch.float64))

# 0-dim
case("0-dim float", torch.tensor(3.5))
case("0-dim negative", torch.tensor(-0.5))
case("0-dim integral", torch.tensor(2.))
case("0-dim big", torch.tensor(1e10))
case("0-dim tiny", torch.tensor(1e-10))
case("0-dim nan", torch.tensor(nan))
case("0-dim float64", torch.tensor(0.1, dtype=torch.float64))
case("0-dim requires grad", torch.tensor(1.25), requires_grad=True)
case("0-dim grad_fn sum", torch.tensor([1., 2.5]), requires_grad=True, op="sum")
case("0-dim grad_fn mean", torch.tensor([1., 2.5]), requires_grad=True, op="mean")

# shapes
case("size-1 dims", torch.tensor([[2.5]]))
case("size-1 mixed", randn(1, 3, 1))
case("column", randn(4, 1))
case("4-d", randn(2, 2, 2, 3))
case("row wraps", randn(30))
case("matrix wraps", randn(3, 14))
case("3-d wraps", randn(2, 2, 12))
case("transposed", randn(3, 4), permute=[1, 0])
case("permuted 3-d", torch.arange(24).reshape(2, 3, 4), permute=[2, 0, 1])

# summarised
case("float summarised", randn(1001))
case("float summarised 2-d", randn(40, 40))
case("float summarised 3-d", randn(10, 20, 30))
case("float summarised short first dim", randn(2, 600))
case("float summarised inner small", randn(500, 3))
case("float summarised integral", torch.arange(1500.))
case("float summarised sci", torch.cat([randn(600, scale=1e-6), randn(600)]))

# dtype and autograd suffixes
case("float64", torch.tensor([1., 2.5], dtype=torch.float64))
case("float64 2-d", randn(2, 3, dtype=torch.float64))
case("requires grad", torch.tensor([0.1940]), requires_grad=True)
case("requires grad 2-d", randn(2, 3), requires_grad=True)
case("requires grad float64", randn(3, dtype=torch.float64), requires_grad=True)
case("grad_fn mul", torch.tensor([1., 2., 3.]), requires_grad=True, op="mul2")
case("grad_fn add", randn(2, 2), requires_grad=True, op="add1")
case("grad_fn neg float64", randn(2, 2, dtype=torch.float64), requires_grad=True, op="neg")
case("suffix wraps", randn(9), requires_grad=True)
case("suffix wraps 2-d", randn(2, 9), requires_grad=True, op="mul2")
case("suffix wraps float64", randn(7, scale=1e-6, dtype=torch.float64), requires_grad=True, op="mul2")
case("requires grad summarised", randn(1200), requires_grad=True)

# empty
case("empty", torch.zeros(0))
case("empty 2-d", torch.zeros(0, 3))
case("empty 3-d", torch.zeros(2, 0, 3))
case("empty int64", torch.zeros(0, dtype=torch.int64))
case("empty int64 2-d", torch.zeros(3, 0, dtype=torch.int64))
case("empty bool", torch.zeros(0, dtype=torch.bool))
case("empty float64", torch.zeros(0, dtype=torch.float64))
case("empty requires grad", torch.zeros(0, 2), requires_grad=True)

# print options
case("precision 2", randn(5), options={"precision": 2})
case("precision 6 float64", randn(4, dtype=torch.float64), options={"precision": 6})
case("sci mode forced", torch.tensor([1.5, 2.25, 100.]), options={"sci_mode": True})
case("sci mode forced integral", torch.tensor([1., 2.]), options={"sci_mode": True})
case("sci mode forced zeros", torch.zeros(3), options={"sci_mode": True})
case("sci mode off", torch.tensor([1e-6, 1e9 + 0.5]), options={"sci_mode": False})
case("linewidth 40", randn(20), options={"linewidth": 40})
case("linewidth 40 suffix", randn(2, 5), requires_grad=True, options={"linewidth": 40})
case("threshold 10", torch.arange(20.), options={"threshold": 10})
case("threshold 10 edge 2", randn(4, 6), options={"threshold": 10, "edgeitems": 2})
case("profile short", randn(3, 300), options={"profile": "short"})
case("profile full", torch.arange(1100), options={"profile": "full"})

# torch.return_types printouts of max(dim) / min(dim)
structs = []
for data, op, dim, keep in [([[1, 5, 5], [7, 7, 2]], "max", 1, False), ([[1.5, -2.0], [0.25, 4.0]], "min", 0, True),
                            ([[1.5, -2.0], [0.25, 4.0]], "max", -1, False)]:
    t = torch.tensor(data)
    structs.append({"x": {"shape": list(t.shape), "dtype": NAMES[t.dtype], "data": t.reshape(-1).tolist()},
                    "op": op, "dim": dim, "keepdim": keep, "repr": repr(getattr(t, op)(dim, keepdim=keep))})

# Python's number formatting itself, on values that stress rounding: random magnitudes, exact binary ties.
numbers = [float(v) for v in (torch.randn(200, generator=gen, dtype=torch.float64) * 10.0 ** torch.randint(-9, 13, (200,), generator=gen))]
numbers += [float(v) for v in torch.randn(60, generator=gen).tolist()]  # float32 values widened to double
numbers += [k / 2.0 ** n for n in (1, 3, 5, 7, 9, 11, 14) for k in (1, 3, 5, 7, 33, 101, -5, 12345)]
numbers += [0.0, -0.0, 0.5, 1.5, 2.5, -2.5, 9.99995, 9.99994999, 0.00005, 1e-320, 1.7976931348623157e308, 123456789.5, 99999.99995]
formats = [{"value": v, "f4": f"{v:.4f}", "f2": f"{v:.2f}", "f0": f"{v:.0f}", "e4": f"{v:.4e}", "e2": f"{v:.2e}"} for v in numbers]

os.makedirs(os.path.dirname(OUT), exist_ok=True)
with open(OUT, "w") as f:
    json.dump({"torch": torch.__version__, "cases": cases, "structs": structs, "numbers": formats}, f, separators=(",", ":"))
print(f"{len(cases)} cases -> {os.path.relpath(OUT)}")
