#!/usr/bin/python3
"""Golden values for softmax's legacy implicit dim and unbatched max_pool2d (PyTorch 1.13).

Writes tests/Gradus.Tests/fixtures/acts/{softmax_implicit,maxpool_unbatched}.json: F.softmax / F.log_softmax /
nn.Softmax() / nn.LogSoftmax() without a dim on 0-D to 4-D inputs (the dim chosen, outputs, the UserWarning text),
the modules' printouts; unbatched [C, H, W] max_pool2d outputs, indices, grad_fn name and gradients.
Run with Debian's interpreter: /usr/bin/python3 tools/gen_implicit_fixtures.py
"""
import json
import os
import warnings

import torch
import torch.nn as nn
import torch.nn.functional as F

from gen_acts_fixtures import OUT, enc


def warned(fn):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        y = fn()
    assert len(caught) == 1 and caught[0].category is UserWarning, caught
    return y, str(caught[0].message)


def softmax_cases(gen):
    cases = []
    for shape in ([], [5], [3, 4], [2, 3, 4], [2, 3, 2, 2]):
        x = torch.randn(shape, generator=gen, dtype=torch.float64)
        for op, fn, module in (("softmax", F.softmax, nn.Softmax()), ("log_softmax", F.log_softmax, nn.LogSoftmax())):
            y, message = warned(lambda: fn(x))
            ym, module_message = warned(lambda: module(x))
            dim = next(d for d in range(max(x.dim(), 1)) if torch.equal(y, fn(x, dim=d)))
            assert torch.equal(y, ym) and message == module_message
            cases.append({"op": op, "input": enc(x), "output": enc(y), "dim": dim, "warning": message})
    return {"cases": cases, "reprs": {"Softmax()": repr(nn.Softmax()), "LogSoftmax()": repr(nn.LogSoftmax()),
                                      "Softmax(dim=None)": repr(nn.Softmax(dim=None))}}


def maxpool_cases(gen):
    cases = []
    for shape, kernel, stride, padding, ceil in (([2, 5, 5], 2, 2, 0, False), ([3, 4, 6], (2, 3), (1, 2), (1, 1), True)):
        x0 = torch.randn(shape, generator=gen, dtype=torch.float64)
        x = x0.clone().requires_grad_()
        y, idx = F.max_pool2d(x, kernel, stride, padding, ceil_mode=ceil, return_indices=True)
        g = torch.randn(y.shape, generator=gen, dtype=torch.float64)
        (y * g).sum().backward()
        pair = lambda v: list(v) if isinstance(v, tuple) else [v, v]  # noqa: E731
        cases.append({"input": enc(x0), "kernel": pair(kernel), "stride": pair(stride), "padding": pair(padding),
                      "ceil_mode": ceil, "output": enc(y), "indices": enc(idx), "grad_output": enc(g),
                      "grad_input": enc(x.grad), "grad_fn": y.grad_fn.name(),
                      "next": [type(f).__name__ for f, _ in y.grad_fn.next_functions]})
    return {"cases": cases}


def main():
    assert torch.__version__.startswith("1.13"), torch.__version__
    os.makedirs(OUT, exist_ok=True)
    gen = torch.Generator().manual_seed(1314)
    for name, data in (("softmax_implicit.json", softmax_cases(gen)), ("maxpool_unbatched.json", maxpool_cases(gen))):
        with open(os.path.join(OUT, name), "w") as f:
            json.dump(data, f, indent=1)
            f.write("\n")


if __name__ == "__main__":
    main()
