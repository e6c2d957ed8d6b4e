#!/usr/bin/python3
"""Golden values for pooling ceil_mode and Conv2d padding="same"/"valid" (PyTorch 1.13, float32).

Writes tests/Gradus.Tests/fixtures/poolopts/{pool,conv,reprs}.json: forward outputs, max pool indices and the
gradients of sum(y * grad_output) for a fixed random grad_output; module printouts and error messages.
Run with Debian's interpreter: /usr/bin/python3 tools/gen_poolopts_fixtures.py
"""
import json
import os
import sys
import warnings

# nn.Conv2d prints a Python set in one error message: fix its order with a fixed string hash seed.
if os.environ.get("PYTHONHASHSEED") != "0":
    os.execve(sys.executable, [sys.executable] + sys.argv, {**os.environ, "PYTHONHASHSEED": "0"})

import torch
import torch.nn as nn
import torch.nn.functional as F

warnings.filterwarnings("ignore", message="Using padding='same'")
OUT = os.path.join(os.path.dirname(__file__), "..", "tests", "Gradus.Tests", "fixtures", "poolopts")


def enc(t):
    t = t.detach()
    dtype = {torch.float32: "float32", torch.int64: "int64"}[t.dtype]
    return {"shape": list(t.shape), "dtype": dtype, "data": t.reshape(-1).tolist()}


def pair(v):
    return list(v) if isinstance(v, tuple) else [v, v]


def pool_case(gen, op, shape, k, stride=None, padding=0, dilation=1, ceil_mode=True, count_include_pad=True):
    x = torch.randn(shape, generator=gen).requires_grad_()
    kw = dict(kernel_size=k, stride=stride, padding=padding, ceil_mode=ceil_mode)
    def run(ceil):
        if op == "max":
            return F.max_pool2d(x, dilation=dilation, return_indices=True, **{**kw, "ceil_mode": ceil})
        return F.avg_pool2d(x, count_include_pad=count_include_pad, **{**kw, "ceil_mode": ceil}), None

    y, idx = run(ceil_mode)
    try:  # the floor-mode size, to show which cases ceil_mode changes (None: floor mode has no output)
        floor_shape = list(run(False)[0].shape)
    except RuntimeError:
        floor_shape = None
    g = torch.randn(y.shape, generator=gen)
    (y * g).sum().backward()
    case = {
        "op": op, "kernel": pair(k), "stride": pair(stride if stride is not None else k), "padding": pair(padding),
        "dilation": pair(dilation), "ceil_mode": ceil_mode, "count_include_pad": count_include_pad,
        "floor_shape": floor_shape, "input": enc(x), "output": enc(y), "grad_output": enc(g), "grad_input": enc(x.grad),
    }
    if op == "max":
        case["indices"] = enc(idx)
    return case


def conv_case(gen, shape, weight, padding, stride=1, dilation=1, groups=1, bias=True):
    x = torch.randn(shape, generator=gen).requires_grad_()
    w = torch.randn(weight, generator=gen).requires_grad_()
    b = torch.randn(weight[0], generator=gen).requires_grad_() if bias else None
    y = F.conv2d(x, w, b, stride=stride, padding=padding, dilation=dilation, groups=groups)
    g = torch.randn(y.shape, generator=gen)
    (y * g).sum().backward()
    return {
        "padding": padding, "stride": pair(stride), "dilation": pair(dilation), "groups": groups,
        "input": enc(x), "weight": enc(w), "bias": enc(b) if bias else None, "output": enc(y), "grad_output": enc(g),
        "grad_input": enc(x.grad), "grad_weight": enc(w.grad), "grad_bias": enc(b.grad) if bias else None,
    }


def message(f):
    try:
        f()
    except Exception as e:  # noqa: BLE001 - the message is the fixture
        return str(e)
    raise AssertionError("expected an error")


def main():
    gen = torch.Generator().manual_seed(2024)
    pool = [
        pool_case(gen, "max", (2, 3, 5, 5), 2),                               # ceil adds a row and a column
        pool_case(gen, "max", (1, 2, 6, 8), 2),                               # ceil changes nothing (the 2x2 fast path)
        pool_case(gen, "max", (2, 2, 7, 6), 3, 2, 1),                         # padding, last window past the end
        pool_case(gen, "max", (1, 2, 5, 5), 2, 2, 1),                         # the last-window rule drops a window
        pool_case(gen, "max", (1, 2, 8, 7), (3, 2), (2, 3), 1, dilation=2),   # dilation 2, rectangular window
        pool_case(gen, "max", (1, 1, 7, 7), 2, 3),                            # stride larger than the window
        pool_case(gen, "max", (2, 2, 2, 2), 3, 3),                            # window larger than the input
        pool_case(gen, "max", (3, 6, 5), (2, 3), (2, 2), (1, 1)),             # unbatched
        pool_case(gen, "max", (1, 2, 5, 7), 3, 1, 1),                         # stride 1: ceil changes nothing
        pool_case(gen, "avg", (2, 3, 5, 5), 2),
        pool_case(gen, "avg", (2, 3, 5, 5), 2, count_include_pad=False),
        pool_case(gen, "avg", (1, 2, 5, 5), 3, 2, 1),                         # windows over padding and past the end
        pool_case(gen, "avg", (1, 2, 5, 5), 3, 2, 1, count_include_pad=False),
        pool_case(gen, "avg", (1, 2, 5, 5), 2, 2, 1),                         # the last-window rule drops a window
        pool_case(gen, "avg", (1, 2, 5, 5), 2, 2, 1, count_include_pad=False),
        pool_case(gen, "avg", (2, 2, 6, 7), (3, 2), 2, 1),                # rows: ceil adds a window over the padding; columns: the rule drops one
        pool_case(gen, "avg", (2, 2, 6, 7), (3, 2), 2, 1, count_include_pad=False),
        pool_case(gen, "avg", (1, 2, 2, 2), 3, 3, 1),                         # window larger than the input
        pool_case(gen, "avg", (1, 2, 2, 2), 3, 3, 1, count_include_pad=False),
        pool_case(gen, "avg", (3, 7, 4), (3, 3), (2, 3), (1, 0)),             # unbatched
    ]
    conv = [
        conv_case(gen, (2, 3, 6, 5), (4, 3, 3, 3), "same"),                     # odd kernel: symmetric padding
        conv_case(gen, (2, 3, 6, 5), (4, 3, 2, 2), "same"),                     # even kernel: extra row and column at the end
        conv_case(gen, (1, 2, 5, 6), (3, 2, 4, 3), "same"),                     # asymmetric rows only
        conv_case(gen, (1, 2, 7, 6), (3, 2, 2, 4), "same", dilation=2),         # dilation 2: even totals, symmetric
        conv_case(gen, (1, 2, 6, 7), (2, 2, 3, 2), "same", dilation=(1, 3)),    # odd total 3 in columns
        conv_case(gen, (2, 4, 5, 5), (6, 2, 3, 4), "same", groups=2, bias=False),
        conv_case(gen, (1, 3, 2, 3), (2, 3, 4, 4), "same"),                     # kernel larger than the input
        conv_case(gen, (3, 5, 4), (2, 3, 2, 3), "same"),                        # unbatched
        conv_case(gen, (2, 3, 7, 6), (4, 3, 3, 3), "valid", stride=2),
        conv_case(gen, (1, 3, 7, 8), (6, 1, 2, 3), "valid", dilation=2, groups=3, bias=False),
        conv_case(gen, (1, 2, 5, 5), (3, 2, 3, 3), "valid"),
    ]
    reprs = [
        {"module": "MaxPool2d(2, ceil_mode=True)", "repr": repr(nn.MaxPool2d(2, ceil_mode=True))},
        {"module": "MaxPool2d((2, 3), stride=(1, 2), padding=(1, 1), dilation=(2, 1), ceil_mode=True)",
         "repr": repr(nn.MaxPool2d((2, 3), stride=(1, 2), padding=(1, 1), dilation=(2, 1), ceil_mode=True))},
        {"module": "MaxPool2d(3, 2, 1)", "repr": repr(nn.MaxPool2d(3, 2, 1))},
        {"module": "AvgPool2d(3, ceil_mode=True, count_include_pad=False)",
         "repr": repr(nn.AvgPool2d(3, ceil_mode=True, count_include_pad=False))},
        {"module": "Conv2d(1, 2, 3, padding='same')", "repr": repr(nn.Conv2d(1, 2, 3, padding="same"))},
        {"module": "Conv2d(2, 4, (3, 2), padding='valid', bias=False)", "repr": repr(nn.Conv2d(2, 4, (3, 2), padding="valid", bias=False))},
        {"module": "Conv2d(4, 4, (2, 3), padding='same', dilation=2, groups=2)",
         "repr": repr(nn.Conv2d(4, 4, (2, 3), padding="same", dilation=2, groups=2))},
        {"module": "Conv2d(1, 2, 3, padding=1)", "repr": repr(nn.Conv2d(1, 2, 3, padding=1))},
        {"module": "Conv2d(1, 2, 3, padding=(0, 0))", "repr": repr(nn.Conv2d(1, 2, 3, padding=(0, 0)))},
    ]
    x, w = torch.zeros(1, 1, 5, 5), torch.zeros(1, 1, 3, 3)
    errors = {
        "f_same_strided": message(lambda: F.conv2d(x, w, stride=2, padding="same")),
        "f_same_strided_w": message(lambda: F.conv2d(x, w, stride=(1, 2), padding="same")),
        "f_invalid": message(lambda: F.conv2d(x, w, padding="foo")),
        "f_valid_too_small": message(lambda: F.conv2d(torch.zeros(1, 1, 2, 2), w, padding="valid")),
        "module_same_strided": message(lambda: nn.Conv2d(1, 1, 3, stride=2, padding="same")),
        "module_invalid": message(lambda: nn.Conv2d(1, 1, 3, padding="foo")),
        "max_ceil_too_small": message(lambda: F.max_pool2d(torch.zeros(1, 1, 1, 1), 3, 1, ceil_mode=True)),
        "avg_ceil_too_small": message(lambda: F.avg_pool2d(torch.zeros(1, 1, 1, 5), 4, 1, ceil_mode=True)),
    }
    os.makedirs(OUT, exist_ok=True)
    for name, value in [("pool.json", {"cases": pool}), ("conv.json", {"cases": conv}), ("reprs.json", {"reprs": reprs, "errors": errors})]:
        with open(os.path.join(OUT, name), "w") as f:
            json.dump(value, f, separators=(",", ":"))
    print({name: os.path.getsize(os.path.join(OUT, name)) for name in os.listdir(OUT)})


if __name__ == "__main__":
    main()
