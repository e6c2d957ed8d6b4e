#!/usr/bin/python3
"""Golden values for Gradus.Kernels im2col/col2im and pooling, from PyTorch (run with Debian's /usr/bin/python3).

Writes tests/Gradus.Tests/fixtures/kernels/{unfold,max_pool2d,avg_pool2d,adaptive_avg_pool2d}.json. Each case holds
the NCHW input (float32 values stored as float64), the forward result, a random upstream gradient and the input
gradient PyTorch's autograd computes from it. NaN is stored as the string "NaN".
"""
import json
import math
import os

import torch
import torch.nn.functional as F

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "Gradus.Tests", "fixtures", "kernels")
torch.manual_seed(0)


def values(t):
    return ["NaN" if math.isnan(v) else v for v in t.detach().reshape(-1).tolist()]


def rand(*shape):
    # float32-representable values, so the float and double kernels see the same inputs
    return torch.randn(*shape).float().double()


def window(k, s, p, d=(1, 1)):
    return {"kernel": list(k), "stride": list(s), "padding": list(p), "dilation": list(d)}


def unfold_cases():
    cases = []
    for n, c, h, w, k, s, p, d in [
        (1, 1, 4, 4, (2, 2), (1, 1), (0, 0), (1, 1)),
        (2, 3, 5, 6, (3, 3), (1, 1), (1, 1), (1, 1)),
        (1, 2, 7, 5, (3, 2), (2, 1), (1, 0), (1, 1)),
        (2, 2, 9, 8, (3, 3), (2, 3), (2, 1), (2, 2)),
        (1, 1, 3, 3, (1, 1), (2, 2), (0, 0), (1, 1)),
        (1, 2, 6, 7, (2, 3), (3, 2), (2, 3), (1, 2)),
    ]:
        x = rand(n, c, h, w).requires_grad_()
        cols = F.unfold(x, k, dilation=d, padding=p, stride=s)
        g = rand(*cols.shape)
        cols.backward(g)
        folded = F.fold(g, (h, w), k, dilation=d, padding=p, stride=s)
        cases.append({"n": n, "c": c, "h": h, "w": w, **window(k, s, p, d), "input": values(x), "columns": values(cols),
                      "columns_shape": list(cols.shape), "grad_columns": values(g), "folded": values(folded),
                      "grad_input": values(x.grad)})
    return cases


def max_cases():
    cases = []
    for n, c, h, w, k, s, p, d, nan in [
        (1, 1, 4, 4, (2, 2), (2, 2), (0, 0), (1, 1), False),
        (2, 3, 7, 6, (3, 3), (2, 2), (1, 1), (1, 1), False),
        (1, 2, 8, 7, (3, 2), (2, 1), (1, 0), (2, 1), False),
        (1, 2, 5, 5, (2, 2), (1, 1), (1, 1), (1, 1), False),   # overlapping windows: gradients add up
        (1, 1, 6, 6, (3, 3), (3, 3), (0, 0), (1, 1), True),    # NaN propagates with its index
    ]:
        x = rand(n, c, h, w)
        if nan:
            x[0, 0, 1, 1] = float("nan")
            x[0, 0, 4, 5] = float("nan")
        x.requires_grad_()
        y, idx = F.max_pool2d(x, k, s, p, d, return_indices=True)
        g = rand(*y.shape)
        y.backward(g)
        cases.append({"n": n, "c": c, "h": h, "w": w, **window(k, s, p, d), "input": values(x), "output": values(y),
                      "output_shape": list(y.shape), "indices": idx.reshape(-1).tolist(), "grad_output": values(g),
                      "grad_input": values(x.grad)})
    return cases


def avg_cases():
    cases = []
    for n, c, h, w, k, s, p, include in [
        (1, 1, 4, 4, (2, 2), (2, 2), (0, 0), True),
        (2, 3, 7, 6, (3, 3), (2, 2), (1, 1), True),
        (2, 3, 7, 6, (3, 3), (2, 2), (1, 1), False),
        (1, 2, 8, 5, (3, 2), (3, 1), (1, 1), True),
        (1, 2, 5, 9, (4, 3), (1, 2), (2, 1), False),
    ]:
        x = rand(n, c, h, w).requires_grad_()
        y = F.avg_pool2d(x, k, s, p, ceil_mode=False, count_include_pad=include)
        g = rand(*y.shape)
        y.backward(g)
        cases.append({"n": n, "c": c, "h": h, "w": w, **window(k, s, p), "count_include_pad": include, "input": values(x),
                      "output": values(y), "output_shape": list(y.shape), "grad_output": values(g), "grad_input": values(x.grad)})
    return cases


def adaptive_cases():
    cases = []
    for n, c, h, w, oh, ow in [
        (1, 1, 4, 4, 2, 2),
        (2, 3, 7, 5, 3, 2),
        (1, 2, 5, 7, 1, 1),
        (1, 2, 3, 7, 5, 3),   # output taller than input: windows overlap
        (2, 1, 10, 9, 4, 6),
    ]:
        x = rand(n, c, h, w).requires_grad_()
        y = F.adaptive_avg_pool2d(x, (oh, ow))
        g = rand(*y.shape)
        y.backward(g)
        cases.append({"n": n, "c": c, "h": h, "w": w, "output_size": [oh, ow], "input": values(x), "output": values(y),
                      "grad_output": values(g), "grad_input": values(x.grad)})
    return cases


def main():
    os.makedirs(OUT, exist_ok=True)
    for name, cases in [("unfold", unfold_cases()), ("max_pool2d", max_cases()), ("avg_pool2d", avg_cases()),
                        ("adaptive_avg_pool2d", adaptive_cases())]:
        path = os.path.join(OUT, name + ".json")
        with open(path, "w") as f:
            json.dump({"torch": torch.__version__, "cases": cases}, f)
        print(path, len(cases), "cases")


if __name__ == "__main__":
    main()
