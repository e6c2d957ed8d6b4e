#!/usr/bin/env python3
"""Golden values for Gradus reductions (prod, max/min, amax/amin, argmax/argmin, var/std, logsumexp,
all/any, cumsum): outputs, input gradients for a given output gradient, and error messages.

Run with Debian's interpreter (torch 1.13):  /usr/bin/python3 tools/gen_reduction_fixtures.py
Writes tests/Gradus.Tests/fixtures/reductions/reductions.json.
"""
import json
import os

import torch

from tensor_json import DTYPES, enc

OUT = os.path.join(os.path.dirname(__file__), "..", "tests", "Gradus.Tests", "fixtures", "reductions", "reductions.json")


def call(x, op, a):
    dim, keep = a.get("dim"), a.get("keepdim", False)
    if op == "prod":
        kw = {"dtype": DTYPES[a["dtype"]]} if "dtype" in a else {}
        return x.prod(**kw) if dim is None else x.prod(dim, keepdim=keep, **kw)
    if op in ("max", "min"):
        f = getattr(x, op)
        return f() if dim is None else tuple(f(dim, keepdim=keep))
    if op in ("amax", "amin"):
        return getattr(x, op)(() if dim is None else dim, keepdim=keep)
    if op in ("argmax", "argmin"):
        return getattr(x, op)(dim, keepdim=keep)
    if op in ("var", "std"):
        f = getattr(x, op)
        if dim is None:
            return f(unbiased=a.get("unbiased", True))
        if "correction" in a:
            return f(dim, correction=a["correction"], keepdim=keep)
        return f(dim, unbiased=a.get("unbiased", True), keepdim=keep)
    if op == "logsumexp":
        return x.logsumexp(dim, keepdim=keep)
    if op in ("all", "any"):
        f = getattr(x, op)
        return f() if dim is None else f(dim, keepdim=keep)
    if op == "cumsum":
        kw = {"dtype": DTYPES[a["dtype"]]} if "dtype" in a else {}
        return x.cumsum(dim, **kw)
    raise ValueError(op)


cases = []
gen = torch.Generator().manual_seed(1234)


def case(name, op, x, permute=None, **a):
    """x is stored as given; the op runs on x.permute(permute) when permute is set (a strided view)."""
    c = {"name": name, "op": op, "args": a, "x": enc(x), "permute": permute}
    xin = x.clone()
    if xin.is_floating_point():
        xin.requires_grad_(True)
    v = xin.permute(*permute) if permute else xin
    try:
        out = call(v, op, a)
    except Exception as e:  # golden error message
        c["error"] = {"type": type(e).__name__, "message": str(e).split("\n")[0]}
        cases.append(c)
        return
    outs = list(out) if isinstance(out, tuple) else [out]
    c["out"] = [enc(o) for o in outs]
    first = outs[0]
    if first.requires_grad:
        gout = torch.randn(first.shape, generator=gen, dtype=torch.float64).to(first.dtype)
        try:
            first.backward(gout)
        except RuntimeError:  # torch 1.13 itself fails (var of one element): no golden gradient
            cases.append(c)
            return
        c["gout"] = enc(gout)
        c["grad"] = enc(xin.grad)
        c["grad_fn"] = type(first.grad_fn).__name__
    cases.append(c)


def randn(*shape, dtype=torch.float32):
    return torch.randn(shape, generator=gen, dtype=torch.float64).to(dtype)


def ints(*shape, lo=0, hi=4, dtype=torch.float32):
    return torch.randint(lo, hi, shape, generator=gen).to(dtype)


nan, inf = float("nan"), float("inf")
shapes = [(5,), (3, 4), (2, 3, 4), (1, 4), (3, 1)]

# prod
for s in shapes:
    case(f"prod all {s}", "prod", randn(*s))
    for d in range(len(s)):
        case(f"prod dim {d} {s}", "prod", randn(*s), dim=d)
        case(f"prod dim {d} keep {s}", "prod", randn(*s), dim=d - len(s), keepdim=True)
case("prod one zero per row", "prod", torch.tensor([[1., 0., 3.], [0., 0., 2.], [4., 5., 6.]]), dim=1)
case("prod zeros all-reduce one zero", "prod", torch.tensor([[2., 0.5, 3.], [0., 1.5, 2.]]))
case("prod zeros all-reduce two zeros", "prod", torch.tensor([[2., 0., 3.], [0., 1.5, 2.]]))
case("prod zeros dim 0", "prod", torch.tensor([[2., 0., 3.], [0., 0., 2.], [1., 4., 5.]]), dim=0, keepdim=True)
case("prod int64", "prod", ints(3, 4, lo=-3, hi=4, dtype=torch.int64), dim=1)
case("prod bool", "prod", ints(2, 3, hi=2, dtype=torch.bool))
case("prod float64 dtype", "prod", randn(3, 4), dim=0, dtype="float64")
case("prod 0-dim", "prod", torch.tensor(2.5))
case("prod 0-dim dim", "prod", torch.tensor(2.5), dim=0)
case("prod empty", "prod", torch.zeros(0))
case("prod empty dim", "prod", torch.zeros(2, 0), dim=1)
case("prod transposed", "prod", randn(3, 4), permute=[1, 0], dim=1)

# max / min
for op in ("max", "min"):
    for s in shapes:
        case(f"{op} all {s}", op, randn(*s))
        for d in range(len(s)):
            case(f"{op} dim {d} {s}", op, randn(*s), dim=d)
            case(f"{op} dim {d} keep {s}", op, randn(*s), dim=d, keepdim=True)
    case(f"{op} all ties", op, torch.tensor([[1., 3., 3.], [-1., 3., 0.]]))
    case(f"{op} all ties min", op, torch.tensor([[1., -3., 3.], [-3., 3., 0.]]))
    case(f"{op} dim ties", op, ints(4, 5), dim=1)
    case(f"{op} dim ties 0", op, ints(4, 5), dim=0)
    case(f"{op} all nan", op, torch.tensor([1., nan, 3., nan]))
    case(f"{op} dim nan", op, torch.tensor([[1., nan, 3., nan], [2., 5., -1., 0.]]), dim=1)
    case(f"{op} all inf", op, torch.tensor([1., inf, -inf, 2.]))
    case(f"{op} signed zeros", op, torch.tensor([-0., 0., -0.]), dim=0)
    case(f"{op} int64 all", op, ints(3, 4, lo=-5, hi=5, dtype=torch.int64))
    case(f"{op} int64 dim", op, ints(3, 4, lo=-5, hi=5, dtype=torch.int64), dim=1)
    case(f"{op} bool dim", op, ints(3, 4, hi=2, dtype=torch.bool), dim=0)
    case(f"{op} bool all", op, ints(3, 4, hi=2, dtype=torch.bool))
    case(f"{op} float64", op, randn(3, 4, dtype=torch.float64), dim=-1)
    case(f"{op} 0-dim", op, torch.tensor(3.5), dim=0)
    case(f"{op} transposed", op, randn(2, 3, 4), permute=[2, 0, 1], dim=1)
    case(f"{op} empty all", op, torch.zeros(0))
    case(f"{op} empty dim", op, torch.zeros(2, 0), dim=1)
    case(f"{op} empty other dim", op, torch.zeros(2, 0), dim=0)
    case(f"{op} dim out of range", op, torch.zeros(2, 3), dim=2)

# amax / amin
for op in ("amax", "amin"):
    for s in shapes:
        case(f"{op} all {s}", op, randn(*s))
        for d in range(len(s)):
            case(f"{op} dim {d} {s}", op, randn(*s), dim=[d], keepdim=d % 2 == 0)
    case(f"{op} dims 0,2", op, randn(2, 3, 4), dim=[0, 2])
    case(f"{op} dims -1,0 keep", op, ints(2, 3, 4), dim=[-1, 0], keepdim=True)
    case(f"{op} ties all", op, torch.tensor([[1., 3., 3.], [-1., 3., -1.]]))
    case(f"{op} ties dim", op, ints(4, 5), dim=[1])
    case(f"{op} nan", op, torch.tensor([[1., nan, 3.], [2., 5., -1.]]), dim=[1])
    case(f"{op} int64", op, ints(3, 4, lo=-5, hi=5, dtype=torch.int64), dim=[0])
    case(f"{op} bool", op, ints(3, 4, hi=2, dtype=torch.bool), dim=[1])
    case(f"{op} 0-dim", op, torch.tensor(-2.0), dim=[0])
    case(f"{op} empty keeps other dim", op, torch.zeros(2, 0), dim=[0])
    case(f"{op} empty dim", op, torch.zeros(2, 0), dim=[1])
    case(f"{op} empty all", op, torch.zeros(2, 0))
    case(f"{op} repeated dim", op, torch.zeros(2, 3), dim=[0, 0])
    case(f"{op} transposed", op, randn(3, 4), permute=[1, 0], dim=[0])

# argmax / argmin
for op in ("argmax", "argmin"):
    for s in shapes:
        case(f"{op} flat {s}", op, ints(*s, hi=3))
        case(f"{op} flat keep {s}", op, randn(*s), keepdim=True)
        for d in range(len(s)):
            case(f"{op} dim {d} {s}", op, ints(*s, hi=3), dim=d)
            case(f"{op} dim {d} keep {s}", op, randn(*s), dim=d, keepdim=True)
    case(f"{op} nan", op, torch.tensor([[1., nan, 3., nan], [nan, 5., -1., 0.]]), dim=1)
    case(f"{op} nan flat", op, torch.tensor([1., 2., nan, 0., nan]))
    case(f"{op} signed zeros", op, torch.tensor([0., -0., 0.]))
    case(f"{op} int64", op, ints(3, 4, lo=-5, hi=5, dtype=torch.int64), dim=0)
    case(f"{op} int64 long row", op, ints(2, 37, lo=-5, hi=5, dtype=torch.int64), dim=1)
    case(f"{op} float long row", op, ints(2, 41, lo=-5, hi=5), dim=1)
    case(f"{op} 0-dim", op, torch.tensor(1.5))
    case(f"{op} empty flat", op, torch.zeros(2, 0))
    case(f"{op} empty dim", op, torch.zeros(2, 0), dim=1)
    case(f"{op} empty other dim", op, torch.zeros(2, 0), dim=0)
    case(f"{op} bool", op, torch.ones(3, dtype=torch.bool))
    case(f"{op} transposed", op, ints(3, 4, hi=3), permute=[1, 0], dim=1)

# var / std
for op in ("var", "std"):
    for s in shapes:
        case(f"{op} all {s}", op, randn(*s))
        case(f"{op} all biased {s}", op, randn(*s), unbiased=False)
        for d in range(len(s)):
            case(f"{op} dim {d} {s}", op, randn(*s), dim=d, keepdim=d == 0)
            case(f"{op} dim {d} biased {s}", op, randn(*s), dim=[d], unbiased=False)
    case(f"{op} dims 0,2", op, randn(2, 3, 4), dim=[0, 2])
    case(f"{op} correction 0", op, randn(3, 4), dim=1, correction=0)
    case(f"{op} correction 2", op, randn(3, 4), dim=[0, 1], correction=2, keepdim=True)
    case(f"{op} correction past n", op, torch.tensor([1., 2.]), dim=0, correction=3)
    case(f"{op} float64", op, randn(4, 3, dtype=torch.float64), dim=0)
    case(f"{op} single element", op, torch.tensor([2.5]))
    case(f"{op} size-1 dim", op, randn(3, 1), dim=1)
    case(f"{op} constant", op, torch.full((2, 3), 1.5), dim=1)
    case(f"{op} large offset", op, torch.tensor([1e4 + 1, 1e4 + 2, 1e4 + 3, 1e4 + 4]))
    case(f"{op} 0-dim", op, torch.tensor(2.0))
    case(f"{op} empty", op, torch.zeros(0))
    case(f"{op} empty dim", op, torch.zeros(2, 0), dim=1)
    case(f"{op} int64", op, torch.arange(6).reshape(2, 3), dim=0)
    case(f"{op} transposed", op, randn(3, 4), permute=[1, 0], dim=1)
    case(f"{op} nan", op, torch.tensor([[1., nan], [2., 3.]]), dim=1)
    case(f"{op} dim out of range", op, torch.zeros(2, 3), dim=2)

# logsumexp
for s in shapes:
    for d in range(len(s)):
        case(f"logsumexp dim {d} {s}", "logsumexp", randn(*s), dim=d, keepdim=d == 1)
case("logsumexp dims 0,2", "logsumexp", randn(2, 3, 4), dim=[0, 2])
case("logsumexp dims all keep", "logsumexp", randn(2, 3), dim=[0, 1], keepdim=True)
case("logsumexp large", "logsumexp", torch.tensor([[1000., 1001., 999.], [-1000., -1002., -1001.]]), dim=1)
case("logsumexp inf", "logsumexp", torch.tensor([[inf, inf], [-inf, -inf], [inf, 1.], [-inf, 2.]]), dim=1)
case("logsumexp nan", "logsumexp", torch.tensor([nan, 1.]), dim=0)
case("logsumexp float64", "logsumexp", randn(3, 4, dtype=torch.float64), dim=1)
case("logsumexp int64", "logsumexp", torch.arange(6).reshape(2, 3), dim=1)
case("logsumexp bool", "logsumexp", torch.tensor([[True, False], [False, False]]), dim=0)
case("logsumexp 0-dim", "logsumexp", torch.tensor(3.0), dim=0)
case("logsumexp empty dim", "logsumexp", torch.zeros(2, 0), dim=1)
case("logsumexp empty other dim", "logsumexp", torch.zeros(2, 0), dim=0)
case("logsumexp transposed", "logsumexp", randn(3, 4), permute=[1, 0], dim=0)
case("logsumexp dim out of range", "logsumexp", torch.zeros(2, 3), dim=-3)

# all / any
for op in ("all", "any"):
    b = torch.tensor([[True, True, False], [True, True, True], [False, False, False]])
    case(f"{op} bool all", op, b)
    case(f"{op} bool dim 0", op, b, dim=0)
    case(f"{op} bool dim 1 keep", op, b, dim=1, keepdim=True)
    case(f"{op} float nan and zero", op, torch.tensor([[nan, 0.], [1., 2.], [0., -0.]]), dim=1)
    case(f"{op} int64", op, torch.tensor([[0, 3], [2, 1]]), dim=0)
    case(f"{op} true everywhere", op, torch.ones(2, 3))
    case(f"{op} false everywhere", op, torch.zeros(2, 3, dtype=torch.int64))
    case(f"{op} long rows", op, ints(3, 70, hi=2, dtype=torch.bool), dim=1)
    case(f"{op} empty", op, torch.zeros(0))
    case(f"{op} empty dim", op, torch.zeros(2, 0), dim=1)
    case(f"{op} 0-dim", op, torch.tensor(0.5), dim=0)
    case(f"{op} 3-d transposed", op, ints(2, 3, 4, hi=2, dtype=torch.bool), permute=[2, 1, 0], dim=1)
    case(f"{op} dim out of range", op, torch.zeros(2, 3), dim=3)

# cumsum
for s in shapes:
    for d in range(len(s)):
        case(f"cumsum dim {d} {s}", "cumsum", randn(*s), dim=d)
        case(f"cumsum dim {-1 - d} {s}", "cumsum", randn(*s), dim=-1 - d)
case("cumsum int64", "cumsum", ints(3, 4, lo=-5, hi=5, dtype=torch.int64), dim=1)
case("cumsum bool", "cumsum", ints(3, 4, hi=2, dtype=torch.bool), dim=0)
case("cumsum dtype float64", "cumsum", randn(3, 4), dim=1, dtype="float64")
case("cumsum int dtype float32", "cumsum", ints(3, 4, dtype=torch.int64), dim=0, dtype="float32")
case("cumsum nan inf", "cumsum", torch.tensor([1., nan, 2., inf, -inf]), dim=0)
case("cumsum 0-dim", "cumsum", torch.tensor(2.0), dim=0)
case("cumsum empty", "cumsum", torch.zeros(2, 0), dim=1)
case("cumsum empty other", "cumsum", torch.zeros(2, 0), dim=0)
case("cumsum transposed", "cumsum", randn(3, 4), permute=[1, 0], dim=1)
case("cumsum float64 long", "cumsum", randn(2, 50, dtype=torch.float64), dim=1)
case("cumsum dim out of range", "cumsum", torch.zeros(2, 3), dim=2)

os.makedirs(os.path.dirname(OUT), exist_ok=True)
with open(OUT, "w") as f:
    json.dump({"torch": torch.__version__, "cases": cases}, f, separators=(",", ":"))
print(f"{len(cases)} cases -> {os.path.relpath(OUT)}")
