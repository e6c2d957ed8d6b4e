#!/usr/bin/python3
"""Golden values for Gradus indexing, slicing, gather/scatter and cat/stack/split from PyTorch.

Run with Debian's interpreter (torch 1.13): /usr/bin/python3 tools/gen_indexing_fixtures.py
Writes tests/Gradus.Tests/fixtures/indexing/*.json.

Index components are written as JSON lists: ["int", i], ["slice", [start, stop, step]], ["none"],
["ellipsis"], ["bool", b], ["long", shape, data], ["mask", shape, data].
Inputs are x = (arange(n) - n // 3) * 0.5 in float64 reshaped; backward uses (out * w).sum() with
w = arange(1, m + 1) shaped like the output, so every gradient element is distinguishable.
"""
import json
import os

import torch

OUT = os.path.join(os.path.dirname(__file__), "..", "tests", "Gradus.Tests", "fixtures", "indexing")


def t2j(t):
    t = t.detach()
    dt = {torch.float64: "float64", torch.float32: "float32", torch.int64: "int64", torch.bool: "bool"}[t.dtype]
    data = t.reshape(-1).tolist()
    return {"shape": list(t.shape), "dtype": dt, "data": data}


def x_of(shape):
    n = 1
    for s in shape:
        n *= s
    return ((torch.arange(n, dtype=torch.float64) - n // 3) * 0.5).reshape(shape)


def w_of(shape):
    n = 1
    for s in shape:
        n *= s
    return torch.arange(1, n + 1, dtype=torch.float64).reshape(shape)


# index component builders (JSON form)
def I(i): return ["int", i]
def S(a=None, b=None, c=None): return ["slice", [a, b, c]]
N = ["none"]
E = ["ellipsis"]
def B(b): return ["bool", b]
def L(data): t = torch.tensor(data, dtype=torch.long); return ["long", list(t.shape), t.reshape(-1).tolist()]
def M(data): t = torch.tensor(data, dtype=torch.bool); return ["mask", list(t.shape), t.reshape(-1).tolist()]


def build(c):
    k = c[0]
    if k == "int": return c[1]
    if k == "slice": return slice(*c[1])
    if k == "none": return None
    if k == "ellipsis": return Ellipsis
    if k == "bool": return c[1]
    if k == "long": return torch.tensor(c[2], dtype=torch.long).reshape(c[1])
    if k == "mask": return torch.tensor(c[2], dtype=torch.bool).reshape(c[1])
    raise ValueError(k)


def index_tuple(spec):
    """The subscript as Python writes it: x[i] for one component (Gradus's X[i]), x[i, j] otherwise."""
    parts = tuple(build(c) for c in spec)
    return parts[0] if len(parts) == 1 else parts


def error_of(f):
    try:
        f()
    except (IndexError, RuntimeError, ValueError) as e:
        return {"type": type(e).__name__, "message": str(e)}
    return None


GET_CASES = [
    ([5], [I(0)]), ([5], [I(-1)]), ([5], [S(1, 3)]), ([5], [S(None, None, 2)]), ([5], [S(-3, None)]),
    ([5], [S(3, 1)]), ([5], [S(-100, 100, 3)]), ([5], [N]), ([5], [E]), ([5], [B(True)]), ([5], [B(False)]),
    ([5], [L([0, 4, 4, -1])]), ([5], [L([[1, 2], [3, 3]])]), ([5], [M([True, False, True, True, False])]),
    ([5], [L(2)]), ([5], [M(True)]), ([5], [L([])]),
    ([3, 4], [I(1), I(2)]), ([3, 4], [I(-1)]), ([3, 4], [S(1, 3)]), ([3, 4], [S(), I(0)]), ([3, 4], [S(None, 2), S()]),
    ([3, 4], [S(None, None, 2), S(1, None, 2)]), ([3, 4], [E, I(-1)]), ([3, 4], [N, S(), N, I(1)]),
    ([3, 4], [L([2, 0]), L([1, 3])]), ([3, 4], [L([0, 1, 2]), L([[0], [3]])]), ([3, 4], [S(), L([3, 3, 0])]),
    ([3, 4], [L([[0, 2], [1, 1]])]), ([3, 4], [M([[True, False, True, False], [False, False, False, True], [True, True, False, False]])]),
    ([3, 4], [M([True, False, True])]), ([3, 4], [S(), M([False, True, True, False])]), ([3, 4], [M([False, False, False])]),
    ([3, 4], [I(1), L([0, 0, 2])]), ([3, 4], [L([1, 2]), S(None, None, 3)]), ([3, 4], [E, L([-1, 0])]),
    ([3, 4], [L([2, 1, 0]), I(-2)]), ([3, 4], [M([True, True, False]), L([1, 0])]),
    ([2, 3, 4], [I(1), S(None, None, 2), I(-1)]), ([2, 3, 4], [E, I(0)]), ([2, 3, 4], [I(0), E, N]),
    ([2, 3, 4], [L([1, 0]), S(), L([0, 3])]), ([2, 3, 4], [S(), L([0, 2]), L([1, 3])]), ([2, 3, 4], [L([0, 1]), I(2), L([3, 0])]),
    ([2, 3, 4], [L([[1], [0]]), S(1, 3), L([[0, 1, 3]])]), ([2, 3, 4], [N, L([1, 0, 1]), N]),
    ([2, 3, 4], [M([[True, False, True], [False, True, False]])]), ([2, 3, 4], [S(), S(), L([3, 1])]),
    ([2, 3, 4], [L(1), L([0, 2])]), ([2, 3, 4], [S(), I(1), M([True, False, False, True])]),
    ([1, 3, 1], [I(0)]), ([1, 3, 1], [E, I(0)]), ([1, 3, 1], [S(), L([2, 0, 2]), S()]), ([1, 3, 1], [L([0, 0]), S(), L([0])]),
    ([1, 3, 1], [M([[[True], [False], [True]]])]), ([1, 3, 1], [N, S(None, None, 2)]),
    ([0, 3], [S(), I(1)]), ([0, 3], [L([]), S()]), ([0, 3], [M(torch.zeros(0, 3, dtype=torch.bool).tolist())]), ([0, 3], [S(), L([2, 0])]),
    ([2, 0, 4], [I(1)]), ([2, 0, 4], [S(), S(), L([1, 2])]), ([2, 0, 4], [L([1, 1, 0])]),
    ([], [E]), ([], [N]), ([], [B(True)]), ([], [B(False)]), ([], [M(True)]), ([], [N, N, E]),
]

ERROR_CASES = [
    ([2, 3, 4], [I(5)]), ([2, 3, 4], [S(), I(5)]), ([2, 3, 4], [N, I(-3)]), ([2, 3, 4], [L([0, 5])]), ([2, 3, 4], [S(), L([0, -5])]),
    ([2, 3, 4], [I(0), I(0), I(0), I(0)]), ([2, 3, 4], [M([True, False, True])]), ([2, 3, 4], [S(), M([True, False])]),
    ([2, 3, 4], [L([0, 1]), L([0, 1, 2])]), ([2, 3, 4], [L([1]), S(), L([9])]), ([], [I(0)]), ([3], [M([[True, False, True]])]),
]

# (shape, index, value): value is a number or {"shape": s} for w_of(s) * -1
SET_CASES = [
    ([3, 4], [I(1), I(2)], 17), ([3, 4], [S(None, 2), S()], 12), ([3, 4], [I(-1)], {"shape": [4]}), ([3, 4], [S(), I(0)], {"shape": [3]}),
    ([3, 4], [S(), S(1, None, 2)], {"shape": [3, 1]}), ([3, 4], [I(0)], {"shape": [1, 4]}), ([3, 4], [E], {"shape": [4]}),
    ([3, 4], [L([0, 2]), L([1, 3])], {"shape": [2]}), ([3, 4], [L([2, 0])], {"shape": [4]}), ([3, 4], [L([1, 1])], -5),
    ([3, 4], [M([[True, False, True, False], [False, False, False, True], [True, True, False, False]])], 0),
    ([3, 4], [M([False, True, True])], {"shape": [2, 4]}), ([3, 4], [S(), M([True, False, False, True])], {"shape": [3, 1]}),
    ([3, 4], [N, I(1)], 3.5), ([2, 3, 4], [I(1), L([0, 2]), S(None, None, 3)], {"shape": [2, 2]}),
    ([2, 3, 4], [L([1, 0]), S(), L([0, 3])], {"shape": [3]}), ([2, 3, 4], [E, L([-1])], {"shape": [2, 3, 1]}),
    ([1, 3, 1], [S(), L([2, 0])], {"shape": [1]}), ([0, 3], [S(), I(1)], 4), ([5], [S(None, None, 2)], {"shape": [3]}),
]

SET_ERROR_CASES = [
    ([3, 4], [I(0)], {"shape": [2, 4]}), ([3, 4], [L([0, 1, 2])], {"shape": [2]}), ([3, 4], [L([0, 1])], {"shape": [3, 4]}),
    ([3, 4], [I(3), I(0)], 1),
]

# Chains: successive subscripts applied to one leaf.
CHAINS = [
    ([3, 4], [[S(1, None)], [S(), S(None, None, 2)], [L([0, 1, 1])]]),
    ([2, 3, 4], [[E, I(1)], [L([1, 1, 0])], [S(), S(None, 2)]]),
    ([4, 3], [[L([3, 3, 0, 1])], [M([True, False, True, True])], [I(0)]]),
    ([2, 3, 4], [[I(-1)], [S(None, None, 2), N], [L([1, 0, 1]), S(), L([2, 2, 3])]]),
]


def get_cases():
    out = []
    for shape, spec in GET_CASES:
        x = x_of(shape).requires_grad_()
        y = x[index_tuple(spec)]
        w = w_of(list(y.shape))
        (y * w).sum().backward()
        out.append({"shape": shape, "index": spec, "out": t2j(y), "grad_fn": type(y.grad_fn).__name__ if y.grad_fn else None,
                    "is_view": y._base is not None, "grad": t2j(x.grad)})
    return out


def error_cases():
    out = []
    for shape, spec in ERROR_CASES:
        x = x_of(shape)
        out.append({"shape": shape, "index": spec, "error": error_of(lambda: x[index_tuple(spec)])})
    return out


def value_of(v):
    if isinstance(v, dict):
        return -w_of(v["shape"])
    return v


def set_cases():
    out = []
    for shape, spec, v in SET_CASES:
        x = x_of(shape).clone()
        x[index_tuple(spec)] = value_of(v)
        entry = {"shape": shape, "index": spec, "value": v, "out": t2j(x)}
        # gradients: y is a non-leaf copy of a leaf, the value (when a tensor) requires grad
        leaf = x_of(shape).requires_grad_()
        y = leaf * 1
        val = value_of(v)
        if isinstance(val, torch.Tensor):
            val = val.clone().requires_grad_()
        y[index_tuple(spec)] = val
        entry["grad_fn"] = type(y.grad_fn).__name__
        (y * w_of(shape)).sum().backward()
        entry["grad"] = t2j(leaf.grad)
        if isinstance(val, torch.Tensor):
            entry["value_grad"] = t2j(val.grad)
        out.append(entry)
    return out


def set_error_cases():
    out = []
    for shape, spec, v in SET_ERROR_CASES:
        x = x_of(shape)

        def f():
            x[index_tuple(spec)] = value_of(v)
        out.append({"shape": shape, "index": spec, "value": v, "error": error_of(f)})
    return out


def chains():
    out = []
    for shape, steps in CHAINS:
        x = x_of(shape).requires_grad_()
        y = x
        for spec in steps:
            y = y[index_tuple(spec)]
        (y * w_of(list(y.shape))).sum().backward()
        out.append({"shape": shape, "steps": steps, "out": t2j(y), "grad": t2j(x.grad)})
    return out


def lt(data):
    return torch.tensor(data, dtype=torch.long)


def bt(data):
    return torch.tensor(data, dtype=torch.bool)


# (op, input shapes, extra args): tensors in args are int64/bool and go to JSON as tensors.
OP_CASES = [
    ("index_select", [[3, 4]], {"dim": 1, "index": lt([3, 0, 3])}),
    ("index_select", [[3, 4]], {"dim": 0, "index": lt([2, 2])}),
    ("index_select", [[2, 1, 3]], {"dim": -1, "index": lt([1])}),
    ("index_select", [[3, 0]], {"dim": 0, "index": lt([1, 0])}),
    ("gather", [[3, 3]], {"dim": 1, "index": lt([[0, 0], [1, 0], [2, 2]])}),
    ("gather", [[3, 4]], {"dim": 0, "index": lt([[2, 1, 0, 0], [2, 2, 1, 0]])}),
    ("gather", [[2, 1, 3]], {"dim": 2, "index": lt([[[2, 0, 0, 1]], [[1, 1, 1, 1]]])}),
    ("scatter", [[3, 4], [2, 4]], {"dim": 0, "index": lt([[2, 0, 1, 2], [0, 1, 2, 1]])}),
    ("scatter", [[3, 5], [3, 2]], {"dim": 1, "index": lt([[4, 0], [1, 2], [3, 0]])}),
    ("scatter_value", [[3, 4]], {"dim": 1, "index": lt([[0], [3], [1]]), "value": -2.5}),
    ("scatter_add", [[3, 4], [2, 4]], {"dim": 0, "index": lt([[2, 0, 2, 2], [2, 1, 2, 1]])}),
    ("scatter_add", [[2, 3], [2, 5]], {"dim": 1, "index": lt([[0, 0, 2, 0, 1], [2, 2, 2, 1, 1]])}),
    ("index_add", [[4, 3], [3, 3]], {"dim": 0, "index": lt([3, 0, 3]), "alpha": 1.0}),
    ("index_add", [[2, 4], [2, 2]], {"dim": 1, "index": lt([1, 1]), "alpha": -2.0}),
    ("masked_fill", [[3, 4]], {"mask": bt([True, False, False, True]), "value": 7.0}),
    ("masked_fill", [[2, 1, 3]], {"mask": bt([[[True], [False]]]), "value": -1.0}),
    ("masked_fill_tensor", [[3, 4], []], {"mask": bt([[True], [False], [True]])}),
    ("take", [[3, 4]], {"index": lt([[0, 11], [-1, 5]])}),
    ("take", [[2, 3]], {"index": lt([2, 2, 2])}),
    ("nonzero", [[3, 4]], {}),
    ("narrow", [[4, 3]], {"dim": 0, "start": 1, "length": 2}),
    ("narrow", [[4, 3]], {"dim": -1, "start": -2, "length": 2}),
    ("select", [[4, 3]], {"dim": 1, "index": -1}),
    ("select", [[2, 3, 4]], {"dim": 2, "index": 1}),
    ("cat", [[3, 4], [3, 4]], {"dim": 0}),
    ("cat", [[3, 4], [3, 2], [3, 1]], {"dim": 1}),
    ("cat", [[2, 1, 3], [2, 2, 3], [0], [2, 0, 3]], {"dim": 1}),
    ("cat", [[1, 2], [3, 2]], {"dim": -2}),
    ("stack", [[3, 4], [3, 4]], {"dim": 0}),
    ("stack", [[2, 3], [2, 3], [2, 3]], {"dim": 2}),
    ("stack", [[2], [2]], {"dim": -1}),
    ("split", [[5, 2]], {"dim": 0, "size": 2}),
    ("split", [[2, 7]], {"dim": 1, "size": 3}),
    ("split_sizes", [[5, 2]], {"dim": 0, "sizes": [1, 0, 4]}),
    ("chunk", [[5, 2]], {"dim": 0, "chunks": 3}),
    ("chunk", [[6, 2]], {"dim": 0, "chunks": 4}),
    ("chunk", [[2, 5]], {"dim": 1, "chunks": 2}),
    ("unbind", [[3, 2]], {"dim": 0}),
    ("unbind", [[2, 3]], {"dim": 1}),
    ("index_put", [[3, 4], [3]], {"indices": [lt([0, 2, 0]), lt([1, 1, 1])], "accumulate": True}),
    ("index_put", [[3, 4], [4]], {"indices": [lt([2, 2])], "accumulate": False}),
    ("index_put", [[3, 4], []], {"indices": [bt([[True, False, False, True]] * 3)], "accumulate": True}),
]


def as_json(v):
    return t2j(v) if isinstance(v, torch.Tensor) else [as_json(u) for u in v] if isinstance(v, list) and v and isinstance(v[0], torch.Tensor) else v


def run_op(op, xs, a):
    x = xs[0]
    if op == "index_select": return x.index_select(a["dim"], a["index"])
    if op == "gather": return x.gather(a["dim"], a["index"])
    if op == "scatter": return x.scatter(a["dim"], a["index"], xs[1])
    if op == "scatter_value": return x.scatter(a["dim"], a["index"], a["value"])
    if op == "scatter_add": return x.scatter_add(a["dim"], a["index"], xs[1])
    if op == "index_add": return x.index_add(a["dim"], a["index"], xs[1], alpha=a["alpha"])
    if op == "masked_fill": return x.masked_fill(a["mask"], a["value"])
    if op == "masked_fill_tensor": return x.masked_fill(a["mask"], xs[1])
    if op == "take": return x.take(a["index"])
    if op == "nonzero": return (x > 0).nonzero()
    if op == "narrow": return x.narrow(a["dim"], a["start"], a["length"])
    if op == "select": return x.select(a["dim"], a["index"])
    if op == "cat": return torch.cat(xs, a["dim"])
    if op == "stack": return torch.stack(xs, a["dim"])
    if op == "split": return list(x.split(a["size"], a["dim"]))
    if op == "split_sizes": return list(x.split(a["sizes"], a["dim"]))
    if op == "chunk": return list(x.chunk(a["chunks"], a["dim"]))
    if op == "unbind": return list(x.unbind(a["dim"]))
    if op == "index_put": return x.index_put(tuple(a["indices"]), xs[1], accumulate=a["accumulate"])
    raise ValueError(op)


def op_cases():
    out = []
    for op, shapes, a in OP_CASES:
        xs = [(x_of(s) + 100 * i).requires_grad_() for i, s in enumerate(shapes)]
        r = run_op(op, xs, a)
        outs = r if isinstance(r, list) else [r]
        if outs[0].requires_grad:
            loss = sum(((o * w_of(list(o.shape)) * (i + 1)).sum() for i, o in enumerate(outs)))
            loss.backward()
        out.append({"op": op, "shapes": shapes, "args": {k: as_json(v) for k, v in a.items()},
                    "out": [t2j(o) for o in outs], "grad_fn": type(outs[0].grad_fn).__name__ if outs[0].grad_fn else None,
                    "grads": [t2j(x.grad) if x.grad is not None else None for x in xs]})
    return out


OP_ERRORS = [
    ("cat", [[2, 2], [3, 3]], {"dim": 1}), ("cat", [[2, 2], [3, 3]], {"dim": 0}), ("cat", [[2, 2], [3]], {"dim": 0}),
    ("cat", [[], []], {"dim": 0}), ("cat", [[2, 2], [2, 2]], {"dim": 2}),
    ("stack", [[2, 3], [2, 4]], {"dim": 0}), ("stack", [[2, 3]], {"dim": 3}),
    ("split", [[5]], {"dim": 0, "size": -1}), ("split", [[5]], {"dim": 0, "size": 0}),
    ("split_sizes", [[5]], {"dim": 0, "sizes": [2, 2]}), ("split_sizes", [[5]], {"dim": 0, "sizes": [2, 4, -1]}),
    ("chunk", [[5]], {"dim": 0, "chunks": 0}),
    ("narrow", [[5, 2]], {"dim": 0, "start": 4, "length": 2}),
    ("select", [[5, 2]], {"dim": 1, "index": 2}), ("select", [[5, 2]], {"dim": 2, "index": 0}),
    ("gather", [[3, 3]], {"dim": 1, "index": lt([0, 1])}), ("gather", [[3, 3]], {"dim": 1, "index": lt([[0, 5]])}),
    ("gather", [[3, 3]], {"dim": 1, "index": lt([[0, -1]])}), ("gather", [[3, 2]], {"dim": 1, "index": lt([[0, 1, 1]] * 4)}),
    ("scatter", [[3, 3], [1, 2]], {"dim": 1, "index": lt([[0, 5]])}),
    ("scatter", [[3, 3], [1, 2]], {"dim": 1, "index": lt([[0, 1, 2]])}),
    ("index_select", [[3, 3]], {"dim": 1, "index": lt([[0, 1]])}),
    ("index_add", [[3, 3], [3, 3]], {"dim": 0, "index": lt([0, 0]), "alpha": 1.0}),
    ("masked_fill_tensor", [[3, 3], [2]], {"mask": bt([True, False, True])}),
    ("take", [[3, 3]], {"index": lt([0, 9])}),
    ("index_put", [[3, 4], [2]], {"indices": [lt([0, 1, 2])], "accumulate": False}),
]


def op_errors():
    out = []
    for op, shapes, a in OP_ERRORS:
        xs = [x_of(s) for s in shapes]
        out.append({"op": op, "shapes": shapes, "args": {k: as_json(v) for k, v in a.items()}, "error": error_of(lambda: run_op(op, xs, a))})
    return out


def main():
    os.makedirs(OUT, exist_ok=True)
    data = {"get": get_cases(), "errors": error_cases(), "set": set_cases(), "set_errors": set_error_cases(), "chains": chains()}
    with open(os.path.join(OUT, "subscript.json"), "w") as f:
        json.dump(data, f, separators=(",", ":"))
    with open(os.path.join(OUT, "ops.json"), "w") as f:
        json.dump({"ops": op_cases(), "errors": op_errors()}, f, separators=(",", ":"))


if __name__ == "__main__":
    main()
