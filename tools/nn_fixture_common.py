"""Shared helpers of the Gradus.NN fixture generators (tools/gen_nn_fixtures.py)."""
import json
import math
import os
import sys

import torch

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "Gradus.Tests", "fixtures", "nn")


def enc(t):
    t = t.detach()
    if t.dtype == torch.bool:
        data = [bool(v) for v in t.reshape(-1).tolist()]
    elif t.dtype in (torch.int64, torch.int32):
        data = [int(v) for v in t.reshape(-1).tolist()]
    else:
        # JSON has no NaN/Infinity: non-finite values are written as the strings "nan", "inf", "-inf".
        data = [float(v) if math.isfinite(v) else str(float(v)) for v in t.reshape(-1).tolist()]
    return {"shape": list(t.shape), "dtype": str(t.dtype).replace("torch.", ""), "data": data}


def save(name, obj):
    os.makedirs(OUT, exist_ok=True)
    path = os.path.join(OUT, name)
    with open(path, "w") as f:
        json.dump(obj, f, separators=(",", ":"))
    print(f"{path}: {os.path.getsize(path)} bytes", file=sys.stderr)


def collect_errors(calls):
    """Runs each call, which must fail, and records PyTorch's exception type and message by key."""
    errors = {}
    for key, fn in calls.items():
        try:
            fn()
        except (RuntimeError, ValueError, IndexError) as e:
            errors[key] = {"type": type(e).__name__, "message": str(e)}
        else:
            raise SystemExit(f"{key} did not fail")
    return errors


def forward_backward(fn, inputs, seed, constant=()):
    """Runs fn on leaf copies of inputs, backprops a random grad_output, returns output and grads.
    Inputs whose index is in `constant` (class weights) do not require grad."""
    leaves = [x.clone().requires_grad_(x.is_floating_point() and i not in constant) for i, x in enumerate(inputs)]
    out = fn(*leaves)
    g = torch.Generator().manual_seed(seed)
    gout = torch.randn(out.shape, generator=g, dtype=out.dtype)
    (out * gout).sum().backward()
    grads = [enc(x.grad) if x.grad is not None else None for x in leaves]
    return out, gout, grads
