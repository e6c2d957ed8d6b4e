"""Golden values for the course-facing aliases: torch.square, torch.hstack/vstack, torch.as_tensor,
torch.pow(scalar, tensor) and torch.distributions.Multinomial(...).sample().
Run with Debian's /usr/bin/python3 (torch 1.13); writes tests/Gradus.Tests/fixtures/aliases/aliases.json."""
import json
import os

import torch
from torch.distributions import Multinomial

from tensor_json import enc

OUT = os.path.join(os.path.dirname(__file__), "..", "tests", "Gradus.Tests", "fixtures", "aliases")


def square_cases():
    cases = []
    x = torch.tensor([[-1.5, 0.0, 2.0], [3.25, -0.5, 4.0]], requires_grad=True)
    y = torch.square(x)
    y.sum().backward()
    cases.append({"name": "float32", "input": enc(x), "output": enc(y), "grad": enc(x.grad), "grad_fn": type(y.grad_fn).__name__})
    xd = torch.tensor([1e-3, -7.0, 2.5], dtype=torch.float64)
    cases.append({"name": "float64", "input": enc(xd), "output": enc(torch.square(xd))})
    xi = torch.tensor([-3, 0, 5, 7])
    cases.append({"name": "int64", "input": enc(xi), "output": enc(torch.square(xi))})
    xb = torch.tensor([True, False, True])
    cases.append({"name": "bool", "input": enc(xb), "output": enc(torch.square(xb))})
    return cases


def stack_cases():
    cases = []
    a, b = torch.tensor([1.0, 2.0, 3.0]), torch.tensor([4.0, 5.0])
    cases.append({"name": "hstack_1d", "op": "hstack", "inputs": [enc(a), enc(b)], "output": enc(torch.hstack([a, b]))})
    x = torch.tensor([[1.0], [2.0], [3.0]])
    xx = torch.hstack([x * x, x, torch.ones_like(x)])
    cases.append({"name": "hstack_2d_course", "op": "hstack", "inputs": [enc(x * x), enc(x), enc(torch.ones_like(x))], "output": enc(xx)})
    s, v = torch.tensor(7), torch.tensor([2.5, 3.5])
    cases.append({"name": "hstack_0d_promote", "op": "hstack", "inputs": [enc(s), enc(v)], "output": enc(torch.hstack([s, v]))})
    m = torch.arange(6).reshape(2, 3)
    cases.append({"name": "vstack_1d", "op": "vstack", "inputs": [enc(a), enc(a * 2)], "output": enc(torch.vstack([a, a * 2]))})
    cases.append({"name": "vstack_2d_1d", "op": "vstack", "inputs": [enc(m), enc(torch.tensor([9, 8, 7]))],
                  "output": enc(torch.vstack([m, torch.tensor([9, 8, 7])]))})
    return cases


def pow_scalar_base_cases():
    cases = []
    e = torch.arange(-1, -6, -1)
    cases.append({"name": "ten_pow_int", "base": 10.0, "exponent": enc(e), "output": enc(torch.pow(10.0, e))})
    f = torch.tensor([0.5, -1.0, 2.0], requires_grad=True)
    y = torch.pow(2.0, f)
    y.sum().backward()
    cases.append({"name": "two_pow_float_grad", "base": 2.0, "exponent": enc(f), "output": enc(y), "grad": enc(f.grad),
                  "grad_fn": type(y.grad_fn).__name__})
    return cases


def multinomial_cases():
    cases = []
    for name, seed, total, probs, shape in [
        ("fair_100", 0, 100, [0.5, 0.5], []),
        ("fair_10000", 42, 10000, [0.5, 0.5], []),
        ("dice_unnormalised_x3", 7, 20, [1.0, 2.0, 3.0, 4.0, 5.0, 6.0], [3]),
        ("batch_probs", 1, 15, [[0.2, 0.8], [0.6, 0.4]], []),
    ]:
        torch.manual_seed(seed)
        d = Multinomial(total, torch.tensor(probs))
        s = d.sample(torch.Size(shape))
        cases.append({"name": name, "seed": seed, "total_count": total, "probs_in": enc(torch.tensor(probs)),
                      "sample_shape": shape, "probs": enc(d.probs), "mean": enc(d.mean), "variance": enc(d.variance),
                      "sample": enc(s)})
    return cases


def main():
    os.makedirs(OUT, exist_ok=True)
    doc = {"square": square_cases(), "stack": stack_cases(), "pow_scalar_base": pow_scalar_base_cases(),
           "multinomial": multinomial_cases()}
    with open(os.path.join(OUT, "aliases.json"), "w") as f:
        json.dump(doc, f, indent=1)


if __name__ == "__main__":
    main()
