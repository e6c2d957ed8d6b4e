"""Golden values for the in-place activations (relu_, sigmoid_, tanh_, F.*(inplace=True), nn.*(inplace=True)).

Run with Debian's interpreter: /usr/bin/python3 tools/gen_inplace_fixtures.py
Writes tests/Gradus.Tests/fixtures/inplace/activations.json.
"""
import json
import os
import sys

import torch
import torch.nn as nn
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(__file__))
from tensor_json import enc  # noqa: E402

OUT = os.path.join(os.path.dirname(__file__), "..", "tests", "Gradus.Tests", "fixtures", "inplace")

# name -> (in-place call, seed drawn just before it (dropout) or None)
FUNCS = {
    "relu_": lambda t: t.relu_(),
    "sigmoid_": lambda t: t.sigmoid_(),
    "tanh_": lambda t: t.tanh_(),
    "F.relu": lambda t: F.relu(t, inplace=True),
    "F.leaky_relu": lambda t: F.leaky_relu(t, 0.2, inplace=True),
    "F.elu": lambda t: F.elu(t, 1.5, inplace=True),
    "F.silu": lambda t: F.silu(t, inplace=True),
    "F.dropout": lambda t: F.dropout(t, 0.3, inplace=True),
}
DROPOUT_SEED = 7


def case(name, dtype, through_view):
    g = torch.Generator().manual_seed(11)
    x = (torch.randn(3, 4, generator=g) * 1.5).to(dtype)
    x[0, 0] = 0.0
    w = torch.randn(3, 4, generator=g).to(dtype)
    x.requires_grad_(True)
    y = x * 2
    before = y._version
    torch.manual_seed(DROPOUT_SEED)
    if through_view:
        r = FUNCS[name](y[1:])
    else:
        r = FUNCS[name](y)
        assert r is y
    grad_fn = (r if through_view else y).grad_fn.name()
    base_grad_fn = y.grad_fn.name()
    (y * w).sum().backward()
    return {"name": name, "dtype": str(dtype).replace("torch.", ""), "view": through_view, "seed": DROPOUT_SEED,
            "input": enc(x), "weight": enc(w), "output": enc(y), "grad_input": enc(x.grad),
            "grad_fn": grad_fn, "base_grad_fn": base_grad_fn, "version_bump": y._version - before}


def error(f):
    try:
        f()
    except RuntimeError as e:
        return str(e)
    raise AssertionError("expected an error")


def main():
    cases = [case(n, d, False) for n in FUNCS for d in (torch.float32, torch.float64)]
    cases += [case(n, torch.float64, True) for n in ("relu_", "sigmoid_", "F.elu")]
    leaf = lambda: torch.randn(3, requires_grad=True)  # noqa: E731
    errors = {
        "leaf": error(lambda: leaf().relu_()),
        "view_of_leaf": error(lambda: leaf()[1:].sigmoid_()),
        "module_leaf": error(lambda: nn.ReLU(inplace=True)(leaf())),
        "leaky_negative_slope": error(lambda: F.leaky_relu(leaf() * 2, -0.2, inplace=True).sum().backward()),
        "elu_negative_alpha": error(lambda: F.elu(leaf() * 2, -1.5, inplace=True).sum().backward()),
    }
    reprs = {
        "ReLU()": repr(nn.ReLU()), "ReLU(inplace=True)": repr(nn.ReLU(inplace=True)),
        "LeakyReLU()": repr(nn.LeakyReLU()), "LeakyReLU(inplace=True)": repr(nn.LeakyReLU(inplace=True)),
        "LeakyReLU(0.2, inplace=True)": repr(nn.LeakyReLU(0.2, inplace=True)),
        "ELU()": repr(nn.ELU()), "ELU(inplace=True)": repr(nn.ELU(inplace=True)),
        "SiLU()": repr(nn.SiLU()), "SiLU(inplace=True)": repr(nn.SiLU(inplace=True)),
        "Dropout()": repr(nn.Dropout()), "Dropout(inplace=True)": repr(nn.Dropout(inplace=True)),
        "Dropout(0.25, inplace=True)": repr(nn.Dropout(0.25, inplace=True)),
    }
    os.makedirs(OUT, exist_ok=True)
    with open(os.path.join(OUT, "activations.json"), "w") as fh:
        json.dump({"torch": torch.__version__, "cases": cases, "errors": errors, "reprs": reprs}, fh, indent=1)


if __name__ == "__main__":
    main()
