#!/usr/bin/python3
"""Golden values for Softmin, LogSigmoid, Softsign, Mish, Hardsigmoid, Hardswish, SELU, CELU, Softshrink, Hardshrink,
Tanhshrink and Threshold (PyTorch 1.13).

Writes tests/Gradus.Tests/fixtures/acts/more_activations.json: for each op and settings, in float32 and float64, outputs
and gradients of sum(y * grad_output) on inputs that include the kinks/boundaries (0, ±lambd, ±3, the threshold), values
near them, ±inf and random values; grad_fn names out of place and (where the module has inplace) in place; reprs.
Run with Debian's interpreter: /usr/bin/python3 tools/gen_more_acts_fixtures.py
"""
import json
import os

import torch
import torch.nn as nn
import torch.nn.functional as F

from gen_acts_fixtures import enc  # the same {"shape", "dtype", "data"} encoding

OUT = os.path.join(os.path.dirname(__file__), "..", "tests", "Gradus.Tests", "fixtures", "acts")


# name, settings, function(x, inplace), kink points, has inplace
SPECS = [
    ("softmin", {"dim": 1}, lambda x, ip: F.softmin(x, 1), [0.0], False),
    ("softmin", {"dim": 0}, lambda x, ip: F.softmin(x, 0), [0.0], False),
    ("logsigmoid", {}, lambda x, ip: F.logsigmoid(x), [0.0, 30.0, -30.0, 100.0, -100.0], False),
    ("softsign", {}, lambda x, ip: F.softsign(x), [0.0, -0.0], False),
    ("mish", {}, lambda x, ip: F.mish(x, ip), [0.0, 20.0, 25.0, -20.0], True),
    ("hardsigmoid", {}, lambda x, ip: F.hardsigmoid(x, ip), [3.0, -3.0, 2.999, -2.999, 3.001, 0.0], True),
    ("hardswish", {}, lambda x, ip: F.hardswish(x, ip), [3.0, -3.0, 2.999, -2.999, 3.001, 0.0], True),
    ("selu", {}, lambda x, ip: F.selu(x, ip), [0.0, -0.0, 1e-3, -1e-3], True),
    ("celu", {"alpha": 1.0}, lambda x, ip: F.celu(x, 1.0, ip), [0.0, -0.0], True),
    ("celu", {"alpha": 0.5}, lambda x, ip: F.celu(x, 0.5, ip), [0.0, -0.0], True),
    ("celu", {"alpha": 2.5}, lambda x, ip: F.celu(x, 2.5, ip), [0.0, -0.0], True),
    ("softshrink", {"lambd": 0.5}, lambda x, ip: F.softshrink(x, 0.5), [0.5, -0.5, 0.0, 0.501, -0.501], False),
    ("softshrink", {"lambd": 1.25}, lambda x, ip: F.softshrink(x, 1.25), [1.25, -1.25, 0.0], False),
    ("hardshrink", {"lambd": 0.5}, lambda x, ip: F.hardshrink(x, 0.5), [0.5, -0.5, 0.0, 0.501, -0.501], False),
    ("hardshrink", {"lambd": 2.0}, lambda x, ip: F.hardshrink(x, 2.0), [2.0, -2.0, 0.0], False),
    ("tanhshrink", {}, lambda x, ip: F.tanhshrink(x), [0.0], False),
    ("threshold", {"threshold": 0.5, "value": -2.0}, lambda x, ip: F.threshold(x, 0.5, -2.0, ip), [0.5, 0.499, 0.501, 0.0], True),
    ("threshold", {"threshold": -1.0, "value": 3.0}, lambda x, ip: F.threshold(x, -1.0, 3.0, ip), [-1.0, 0.0], True),
]


def cases(gen):
    out = []
    for name, settings, fn, kinks, has_inplace in SPECS:
        for dtype in (torch.float32, torch.float64):
            base = kinks + [float("inf"), -float("inf")] if name != "softmin" else kinks + [5.0, -7.0]
            base = base + (torch.randn(24 - len(base), generator=gen, dtype=torch.float64) * 4).tolist()
            x0 = torch.tensor(base, dtype=dtype).reshape(4, 6)
            g = torch.randn(x0.shape, generator=gen, dtype=dtype)
            x = x0.clone().requires_grad_()
            y = fn(x, False)
            (y * g).sum().backward()
            case = {"op": name, "settings": settings, "input": enc(x0), "grad_output": enc(g), "output": enc(y),
                    "grad_input": enc(x.grad), "grad_fn": y.grad_fn.name()}
            if has_inplace:
                xi = x0.clone().requires_grad_()
                yi = fn(xi * 1, True)
                (yi * g).sum().backward()
                case["inplace_grad_fn"] = yi.grad_fn.name()
                case["inplace_grad_input"] = enc(xi.grad)
            out.append(case)
    return out


def main():
    assert torch.__version__.startswith("1.13"), torch.__version__
    os.makedirs(OUT, exist_ok=True)
    gen = torch.Generator().manual_seed(1314)
    modules = {
        "Softmin(dim=1)": nn.Softmin(dim=1), "Softmin()": nn.Softmin(), "LogSigmoid()": nn.LogSigmoid(),
        "Softsign()": nn.Softsign(), "Mish()": nn.Mish(), "Mish(True)": nn.Mish(True), "Hardsigmoid()": nn.Hardsigmoid(),
        "Hardsigmoid(True)": nn.Hardsigmoid(True), "Hardswish()": nn.Hardswish(), "Hardswish(True)": nn.Hardswish(True),
        "SELU()": nn.SELU(), "SELU(True)": nn.SELU(True), "CELU()": nn.CELU(), "CELU(0.5, True)": nn.CELU(0.5, True),
        "CELU(2)": nn.CELU(2), "Softshrink()": nn.Softshrink(), "Softshrink(1.25)": nn.Softshrink(1.25),
        "Softshrink(1)": nn.Softshrink(1), "Hardshrink()": nn.Hardshrink(), "Hardshrink(2)": nn.Hardshrink(2),
        "Tanhshrink()": nn.Tanhshrink(), "Threshold(0.5, -2.0)": nn.Threshold(0.5, -2.0),
        "Threshold(0.1, 20)": nn.Threshold(0.1, 20), "Threshold(1, 0, True)": nn.Threshold(1, 0, True),
    }
    data = {"cases": cases(gen), "reprs": {k: repr(m) for k, m in modules.items()}}
    with open(os.path.join(OUT, "more_activations.json"), "w") as f:
        json.dump(data, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
