#!/usr/bin/python3
"""Golden values for nn.Hardtanh / nn.ReLU6 (F.hardtanh / F.relu6) and avg_pool2d's divisor_override (PyTorch 1.13).

Writes tests/Gradus.Tests/fixtures/acts/{hardtanh,avgpool}.json: outputs and gradients of sum(y * grad_output)
(inputs include the bounds themselves, values past them and NaN), grad_fn names (out of place and in place),
module printouts and error messages.
Run with Debian's interpreter: /usr/bin/python3 tools/gen_acts_fixtures.py
"""
import json
import math
import os

import torch
import torch.nn as nn
import torch.nn.functional as F

OUT = os.path.join(os.path.dirname(__file__), "..", "tests", "Gradus.Tests", "fixtures", "acts")


def num(v):
    if isinstance(v, float) and not math.isfinite(v):
        return "nan" if math.isnan(v) else ("inf" if v > 0 else "-inf")
    return v


def enc(t):
    t = t.detach()
    dtype = {torch.float32: "float32", torch.float64: "float64", torch.int64: "int64"}[t.dtype]
    return {"shape": list(t.shape), "dtype": dtype, "data": [num(v) for v in t.reshape(-1).tolist()]}


def error(fn):
    try:
        fn()
    except Exception as e:  # noqa: BLE001 - the message is the fixture
        return {"type": type(e).__name__, "message": str(e)}
    raise AssertionError("no error")


def hardtanh_cases(gen):
    cases = []
    bounds = [(-1.0, 1.0), (-2.0, 3.0), (0.0, 6.0), (-0.5, 0.25), (1.0, 0.0), (2.0, 2.0)]
    for dtype in (torch.float32, torch.float64):
        for lo, hi in bounds:
            base = [lo, hi, lo - 1e-3, hi + 1e-3, lo - 5, hi + 5, (lo + hi) / 2, 0.0, -0.0, float("nan"), float("inf"), -float("inf")]
            base = base + (torch.randn(12, generator=gen, dtype=torch.float64) * 4).tolist()
            x0 = torch.tensor(base, dtype=dtype).reshape(4, 6)
            g = torch.randn(x0.shape, generator=gen, dtype=dtype)
            x = x0.clone().requires_grad_()
            y = F.hardtanh(x, lo, hi)
            (y * g).sum().backward()
            xi = x0.clone().requires_grad_()
            yi = F.hardtanh(xi * 1, lo, hi, inplace=True)
            (yi * g).sum().backward()
            cases.append({"op": "hardtanh", "min_val": lo, "max_val": hi, "input": enc(x0), "grad_output": enc(g),
                          "output": enc(y), "grad_input": enc(x.grad), "grad_fn": y.grad_fn.name(),
                          "inplace_grad_fn": yi.grad_fn.name(), "inplace_grad_input": enc(xi.grad)})
        x0 = torch.tensor([-1.0, 0.0, 3.0, 6.0, 6.5, 7.0, -0.0, 5.999], dtype=dtype).reshape(2, 4)
        g = torch.randn(x0.shape, generator=gen, dtype=dtype)
        x = x0.clone().requires_grad_()
        y = F.relu6(x)
        (y * g).sum().backward()
        xi = x0.clone().requires_grad_()
        yi = nn.ReLU6(inplace=True)(xi * 1)
        (yi * g).sum().backward()
        cases.append({"op": "relu6", "min_val": 0.0, "max_val": 6.0, "input": enc(x0), "grad_output": enc(g), "output": enc(y),
                      "grad_input": enc(x.grad), "grad_fn": y.grad_fn.name(), "inplace_grad_fn": yi.grad_fn.name(),
                      "inplace_grad_input": enc(xi.grad)})
    ints = torch.tensor([-3, -1, 0, 1, 2, 7])
    return {
        "cases": cases,
        "int_input": enc(ints), "int_hardtanh": enc(F.hardtanh(ints)), "int_relu6": enc(F.relu6(ints)),
        "reprs": {
            "Hardtanh()": repr(nn.Hardtanh()),
            "Hardtanh(-2.0, 3.5)": repr(nn.Hardtanh(-2.0, 3.5)),
            "Hardtanh(-2, 3)": repr(nn.Hardtanh(-2, 3)),
            "Hardtanh(0.0, 1.0, True)": repr(nn.Hardtanh(0.0, 1.0, True)),
            "ReLU6()": repr(nn.ReLU6()),
            "ReLU6(True)": repr(nn.ReLU6(True)),
        },
        "module_bad_bounds": error(lambda: nn.Hardtanh(1.0, 0.0)),
        "module_equal_bounds": error(lambda: nn.Hardtanh(1.0, 1.0)),
        "inplace_leaf": error(lambda: F.hardtanh(torch.zeros(2, requires_grad=True), inplace=True)),
    }


def avgpool_cases(gen):
    specs = [  # shape, kernel, stride, padding, ceil_mode, count_include_pad, divisor_override
        ([2, 3, 6, 6], 2, None, 0, False, True, 3),
        ([1, 2, 5, 7], (3, 2), (2, 1), (1, 1), False, True, 5),
        ([1, 2, 5, 7], (3, 2), (2, 1), (1, 1), False, False, 5),
        ([1, 1, 5, 5], 2, 2, 0, True, True, 4),
        ([1, 2, 7, 6], 3, 2, 1, True, False, 2),
        ([2, 1, 6, 5], (2, 3), (2, 2), (1, 0), True, True, 7),
        ([1, 1, 4, 4], 2, 1, 0, False, True, -2),
        ([3, 5, 5], 3, 2, 1, True, True, 1),
    ]
    cases = []
    for shape, k, s, p, ceil, cip, div in specs:
        x = torch.randn(shape, generator=gen).requires_grad_()
        y = F.avg_pool2d(x, k, s, p, ceil, cip, div)
        g = torch.randn(y.shape, generator=gen)
        (y * g).sum().backward()
        pair = lambda v: list(v) if isinstance(v, tuple) else [v, v]  # noqa: E731
        cases.append({"kernel": pair(k), "stride": pair(s if s is not None else k), "padding": pair(p), "ceil_mode": ceil,
                      "count_include_pad": cip, "divisor_override": div, "input": enc(x), "output": enc(y),
                      "grad_output": enc(g), "grad_input": enc(x.grad), "grad_fn": y.grad_fn.name()})
    return {
        "cases": cases,
        "reprs": {
            "AvgPool2d(2, divisor_override=3)": repr(nn.AvgPool2d(2, divisor_override=3)),
            "AvgPool2d((3, 2), (2, 1), (1, 1), True, False, 5)": repr(nn.AvgPool2d((3, 2), (2, 1), (1, 1), True, False, 5)),
        },
        "zero_divisor": error(lambda: F.avg_pool2d(torch.ones(1, 1, 4, 4), 2, divisor_override=0)),
        "module_zero_divisor": error(lambda: nn.AvgPool2d(2, divisor_override=0)(torch.ones(1, 1, 4, 4))),
    }


def main():
    assert torch.__version__.startswith("1.13"), torch.__version__
    os.makedirs(OUT, exist_ok=True)
    gen = torch.Generator().manual_seed(1313)
    for name, data in (("hardtanh.json", hardtanh_cases(gen)), ("avgpool.json", avgpool_cases(gen))):
        with open(os.path.join(OUT, name), "w") as f:
            json.dump(data, f, indent=1)
            f.write("\n")


if __name__ == "__main__":
    main()
