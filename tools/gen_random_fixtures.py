#!/usr/bin/python3
"""Golden values for Gradus.Random: PyTorch's CPU generator and NumPy's legacy RandomState.

Run with Debian's interpreter (torch 1.13, numpy 1.24):
    /usr/bin/python3 tools/gen_random_fixtures.py
Writes tests/Gradus.Tests/fixtures/random/{torch_*.json,numpy_random_state.json}.

Every fixture is a list of cases. A case starts from a fresh seed and runs its steps in order on
one generator; each step records the op, its arguments and the values the reference produced.
Floats are written with repr (float32 values as their exact float value), so they round-trip.
"""
import json
import os

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "Gradus.Tests", "fixtures", "random")
SEEDS = [0, 42, 2024]
SIZES = [1, 15, 16, 17, 1000]
DTYPES = {"float32": torch.float32, "float64": torch.float64}


def values(t):
    return t.reshape(-1).tolist()


def step(op, dtype, n, args, out):
    return {"op": op, "dtype": dtype, "n": n, "args": args, "values": out}


# ----------------------------------------------------------------------------- torch ops
def torch_step(op, dtype, n, args):
    """Runs one op on the default generator the way the tensor API does it."""
    dt = DTYPES.get(dtype)
    if op == "uniform":
        lo, hi = args
        t = torch.rand(n, dtype=dt) if (lo, hi) == (0, 1) else torch.empty(n, dtype=dt).uniform_(lo, hi)
    elif op == "normal":
        mean, std = args
        t = torch.randn(n, dtype=dt) if (mean, std) == (0, 1) else torch.normal(mean, std, (n,), dtype=dt)
    elif op == "normal_noncontiguous":
        # A transposed (n/4, 4) view: not contiguous, so normal_ takes the scalar path; values in memory order.
        mean, std = args
        base = torch.empty(n // 4, 4, dtype=dt)
        base.t().normal_(mean, std)
        t = base
    elif op == "randint":
        t = torch.randint(args[0], args[1], (n,))
    elif op == "randperm":
        t = torch.randperm(n)
    elif op == "bernoulli":
        t = torch.empty(n, dtype=dt).bernoulli_(args[0])
    elif op == "bernoulli_tensor":
        t = torch.bernoulli(torch.tensor(args, dtype=dt))
    elif op == "dropout":
        t = F.dropout(torch.ones(n, dtype=dt), args[0], training=True)
    elif op == "exponential":
        t = torch.empty(n, dtype=dt).exponential_(args[0])
    elif op == "multinomial":
        weights, rows, num_samples, replacement = args
        w = torch.tensor(weights, dtype=dt)
        if rows > 1:
            w = w.reshape(rows, -1)
        t = torch.multinomial(w, num_samples, replacement)
    else:
        raise ValueError(op)
    return step(op, dtype, n, args, values(t))


def torch_case(seed, steps):
    torch.manual_seed(seed)
    return {"seed": seed, "steps": [torch_step(*s) for s in steps]}


def continuous_cases(op, params):
    cases = []
    for seed in SEEDS:
        for dtype in DTYPES:
            for args, sizes in params:
                for n in sizes:
                    cases.append(torch_case(seed, [(op, dtype, n, args)]))
    return cases


def as_float32_list(xs):
    return torch.tensor(xs, dtype=torch.float32).tolist()


def discrete_cases():
    cases = []
    rng = np.random.RandomState(7)
    w10 = [float(v) for v in rng.rand(10)]
    w_rows = [float(v) for v in rng.rand(15)]
    w_zero = [0.0, 0.3, 0.0, 0.5, 0.2]
    probs = [float(v) for v in rng.rand(100)]
    for seed in SEEDS:
        for low, high in [(0, 10), (-5, 5), (0, 2 ** 40), (3, 4), (-2 ** 63, 2 ** 63 - 1)]:
            cases.append(torch_case(seed, [("randint", "int64", 1000, [low, high])]))
        for n in [1, 2, 10, 100, 1000]:
            cases.append(torch_case(seed, [("randperm", "int64", n, [])]))
        for dtype in DTYPES:
            cases.append(torch_case(seed, [("bernoulli", dtype, 1000, [0.3])]))
            cases.append(torch_case(seed, [("bernoulli", dtype, 17, [0.5])]))
            p = probs if dtype == "float64" else as_float32_list(probs)
            cases.append(torch_case(seed, [("bernoulli_tensor", dtype, len(p), p)]))
            cases.append(torch_case(seed, [("dropout", dtype, 1000, [0.5])]))
            cases.append(torch_case(seed, [("dropout", dtype, 100, [0.2])]))
            cases.append(torch_case(seed, [("exponential", dtype, 100, [1.0])]))
            cases.append(torch_case(seed, [("exponential", dtype, 20, [2.5])]))
            cast = (lambda xs: xs) if dtype == "float64" else as_float32_list
            for weights, rows, k, repl in [
                ([0.1, 0.2, 0.3, 0.4], 1, 1000, True),
                ([0.1, 0.2, 0.3, 0.4], 1, 1, True),
                ([0.1, 0.2, 0.3, 0.4], 1, 4, False),
                (w10, 1, 1000, True),
                (w10, 1, 10, False),
                (w10, 1, 3, False),
                (w10, 1, 1, False),
                ([3.0, 1.0, 6.0, 2.0], 1, 50, True),
                (w_zero, 1, 3, False),
                (w_zero, 1, 200, True),
                (w_rows, 3, 100, True),
                (w_rows, 3, 4, False),
                (w_rows, 3, 1, True),
            ]:
                cases.append(torch_case(seed, [("multinomial", dtype, len(weights), [cast(weights), rows, k, repl])]))
    return cases


def sequence_cases():
    """Mixed calls on one generator: the cached normal sample and the >=16 fill path interleave."""
    steps = [
        ("normal", "float64", 1, [0, 1]),
        ("normal", "float32", 3, [0, 1]),
        ("uniform", "float32", 2, [0, 1]),
        ("normal", "float32", 16, [0, 1]),
        ("normal", "float64", 1, [0, 1]),
        ("normal", "float64", 1, [0, 1]),
        ("normal", "float32", 5, [2.0, 0.5]),
        ("randint", "int64", 5, [0, 10]),
        ("normal", "float64", 33, [-1.0, 3.0]),
        ("bernoulli", "float32", 10, [0.5]),
        ("normal", "float32", 1, [0, 1]),
        ("uniform", "float64", 700, [0, 1]),
        ("normal", "float32", 40, [0, 1]),
        ("randperm", "int64", 10, []),
        ("normal", "float64", 1, [0, 1]),
        ("normal_noncontiguous", "float32", 20, [0, 1]),
        ("normal_noncontiguous", "float64", 40, [1.0, 2.0]),
        ("normal", "float64", 1, [0, 1]),
    ]
    return [torch_case(seed, steps) for seed in SEEDS]


def state_cases():
    """torch.get_rng_state() bytes (hex) after a few draws, and draws after set_rng_state."""
    out = []
    for seed, steps in [
        (42, []),
        (42, [("normal", "float64", 1, [0, 1])]),
        (0, [("uniform", "float32", 700, [0, 1]), ("normal", "float32", 3, [0, 1])]),
        (2024, [("uniform", "float64", 311, [0, 1])]),
        (67280421310721, []),
    ]:
        case = torch_case(seed, steps)
        case["state_hex"] = torch.get_rng_state().numpy().tobytes().hex()
        after = [torch_step("normal", "float64", 3, [0, 1]), torch_step("uniform", "float32", 5, [0, 1])]
        case["after"] = after
        out.append(case)
    return out


def linear_init():
    out = []
    for seed in SEEDS:
        torch.manual_seed(seed)
        lin = nn.Linear(1, 1)
        seq_seed = seed
        torch.manual_seed(seq_seed)
        model = nn.Sequential(nn.Linear(1, 1))
        out.append({
            "seed": seed,
            "weight": lin.weight.reshape(-1).tolist(),
            "bias": lin.bias.reshape(-1).tolist(),
            "sequential_weight": model[0].weight.reshape(-1).tolist(),
            "sequential_bias": model[0].bias.reshape(-1).tolist(),
        })
    torch.manual_seed(42)
    lin = nn.Linear(3, 4)
    out.append({"seed": 42, "in": 3, "out": 4, "weight": values(lin.weight.detach()), "bias": values(lin.bias.detach())})
    return out


def errors():
    msgs = {}

    def grab(name, f):
        try:
            f()
            msgs[name] = None
        except Exception as ex:  # noqa: BLE001 - the message is the fixture
            msgs[name] = str(ex).splitlines()[0]

    grab("randint_equal", lambda: torch.randint(5, 5, (3,)))
    grab("randint_reversed", lambda: torch.randint(6, 5, (3,)))
    grab("randperm_negative", lambda: torch.randperm(-1))
    grab("mn_negative_repl", lambda: torch.multinomial(torch.tensor([0.5, -0.1]), 2, True))
    grab("mn_inf_repl", lambda: torch.multinomial(torch.tensor([0.5, float("inf")]), 2, True))
    grab("mn_nan_repl", lambda: torch.multinomial(torch.tensor([0.5, float("nan")]), 2, True))
    grab("mn_zero_repl", lambda: torch.multinomial(torch.tensor([0.0, 0.0]), 2, True))
    grab("mn_negative_norepl", lambda: torch.multinomial(torch.tensor([0.5, -0.1]), 1, False))
    grab("mn_nan_norepl", lambda: torch.multinomial(torch.tensor([0.5, float("nan")]), 1, False))
    grab("mn_inf_norepl", lambda: torch.multinomial(torch.tensor([0.5, float("inf")]), 1, False))
    grab("mn_zero_norepl", lambda: torch.multinomial(torch.tensor([0.0, 0.0]), 1, False))
    grab("mn_too_many", lambda: torch.multinomial(torch.tensor([0.5, 0.5]), 3, False))
    grab("mn_zero_samples", lambda: torch.multinomial(torch.tensor([0.5, 0.5]), 0, False))
    grab("bernoulli_p", lambda: torch.empty(3).bernoulli_(1.5))
    grab("bernoulli_tensor_p", lambda: torch.bernoulli(torch.tensor([1.5])))
    grab("normal_std", lambda: torch.empty(3).normal_(0, -1))
    grab("uniform_reversed", lambda: torch.empty(3).uniform_(1, 0))
    grab("uniform_reversed_format", lambda: torch.empty(3, dtype=torch.float64).uniform_(1.234567e6, 1.5e-7))
    grab("uniform_to_inf_f32", lambda: torch.empty(3).uniform_(0, float("inf")))
    grab("uniform_from_nan_f32", lambda: torch.empty(3).uniform_(float("nan"), 1))
    grab("uniform_from_big_f32", lambda: torch.empty(3).uniform_(-1e308, 1e308))
    grab("uniform_limit_f32", lambda: torch.empty(3).uniform_(-3e38, 3e38))
    grab("uniform_limit_f64", lambda: torch.empty(3, dtype=torch.float64).uniform_(-1e308, 1e308))
    grab("normal_std_nan", lambda: torch.empty(3).normal_(0, float("nan")))
    grab("exponential_negative", lambda: torch.empty(3).exponential_(-1))
    grab("state_size", lambda: torch.set_rng_state(torch.zeros(10, dtype=torch.uint8)))
    grab("state_invalid", lambda: torch.set_rng_state(torch.zeros(5056, dtype=torch.uint8)))
    grab("seed_overflow", lambda: torch.manual_seed(2 ** 64))
    torch.manual_seed(-1)
    msgs["negative_seed_initial_seed"] = str(torch.initial_seed())
    return msgs


def write(name, obj):
    path = os.path.join(OUT, name)
    with open(path, "w") as f:
        json.dump(obj, f, separators=(",", ":"))
        f.write("\n")
    print(f"{path}: {os.path.getsize(path)} bytes")


# ----------------------------------------------------------------------------- numpy
def numpy_step(rs, op, n, args):
    if op == "rand":
        out = rs.rand(n)
    elif op == "randn":
        out = rs.randn(n)
    elif op == "uniform":
        out = rs.uniform(args[0], args[1], n)
    elif op == "normal":
        out = rs.normal(args[0], args[1], n)
    elif op == "randint":
        out = rs.randint(args[0], args[1], n)
    elif op == "shuffle":
        out = np.arange(n)
        rs.shuffle(out)
    elif op == "permutation":
        out = rs.permutation(n)
    elif op == "choice":
        a, replace, p = args
        out = rs.choice(a, n, replace=replace, p=p)
    else:
        raise ValueError(op)
    return {"op": op, "n": n, "args": args, "values": [v.item() for v in np.asarray(out).reshape(-1)]}


def numpy_case(seed, steps):
    rs = np.random.RandomState(seed)
    return {"seed": seed, "steps": [numpy_step(rs, *s) for s in steps]}


def numpy_cases():
    cases = []
    p5 = [0.1, 0.0, 0.3, 0.4, 0.2]
    for seed in SEEDS:
        for n in [1, 3, 1000]:
            cases.append(numpy_case(seed, [("rand", n, [])]))
            cases.append(numpy_case(seed, [("randn", n, [])]))
        cases.append(numpy_case(seed, [("uniform", 1000, [-3.7, 2.9])]))
        cases.append(numpy_case(seed, [("normal", 1000, [1.5, 0.3])]))
        for low, high in [(0, 10), (-5, 5), (0, 2 ** 32), (0, 2 ** 40), (7, 8), (-2 ** 63, 2 ** 63 - 1)]:
            cases.append(numpy_case(seed, [("randint", 1000, [low, high])]))
        for n in [1, 2, 10, 100, 1000]:
            cases.append(numpy_case(seed, [("shuffle", n, [])]))
            cases.append(numpy_case(seed, [("permutation", n, [])]))
        cases.append(numpy_case(seed, [("choice", 1000, [10, True, None])]))
        cases.append(numpy_case(seed, [("choice", 10, [10, False, None])]))
        cases.append(numpy_case(seed, [("choice", 1000, [5, True, p5])]))
        cases.append(numpy_case(seed, [("choice", 4, [5, False, p5])]))
        cases.append(numpy_case(seed, [("choice", 3, [5, False, p5])]))
        cases.append(numpy_case(seed, [
            ("randn", 3, []), ("randn", 2, []), ("normal", 3, [2.0, 0.5]), ("rand", 1, []),
            ("randn", 1, []), ("randint", 5, [0, 100]), ("randn", 1, []), ("uniform", 2, [-1.0, 1.0]),
            ("shuffle", 10, []), ("randn", 5, []),
        ]))
    return cases


def numpy_states():
    out = []
    for seed, steps in [(42, []), (42, [("randn", 1, [])]), (0, [("rand", 700, [])]), (2024, [("randn", 7, [])])]:
        rs = np.random.RandomState(seed)
        for s in steps:
            numpy_step(rs, *s)
        _, key, pos, has_gauss, gauss = rs.get_state()
        after = numpy_step(rs, "randn", 3, [])
        out.append({"seed": seed, "steps": [{"op": s[0], "n": s[1], "args": s[2]} for s in steps],
                    "key": [int(k) for k in key], "pos": int(pos), "has_gauss": int(has_gauss),
                    "gauss": float(gauss), "after": after})
    return out


def numpy_array_seed():
    out = []
    for seed in [[1, 2, 3], [0], [2 ** 32 - 1, 5]]:
        rs = np.random.RandomState(seed)
        out.append({"seed": seed, "values": rs.rand(5).tolist()})
    return out


def numpy_errors():
    rs = np.random.RandomState(0)
    msgs = {}

    def grab(name, f):
        try:
            f()
            msgs[name] = None
        except Exception as ex:  # noqa: BLE001
            msgs[name] = str(ex).splitlines()[0]

    grab("seed_negative", lambda: np.random.RandomState(-1))
    grab("seed_too_big", lambda: np.random.RandomState(2 ** 32))
    grab("randint_equal", lambda: rs.randint(5, 5, 3))
    grab("choice_zero", lambda: rs.choice(0, 3))
    grab("choice_too_many", lambda: rs.choice(3, 5, replace=False))
    grab("choice_p_sum", lambda: rs.choice(3, 2, p=[0.5, 0.2, 0.2]))
    grab("choice_p_negative", lambda: rs.choice(3, 2, p=[1.2, -0.2, 0.0]))
    grab("choice_p_nan", lambda: rs.choice(3, 2, p=[float("nan"), 0.5, 0.5]))
    grab("choice_p_size", lambda: rs.choice(3, 2, p=[0.5, 0.5]))
    grab("choice_p_nonzero", lambda: rs.choice(3, 2, replace=False, p=[1.0, 0.0, 0.0]))
    grab("uniform_range", lambda: rs.uniform(-1e308, 1e308, 2))
    grab("normal_scale", lambda: rs.normal(0, -1, 2))
    grab("rand_negative", lambda: rs.rand(-1))
    return msgs


def main():
    os.makedirs(OUT, exist_ok=True)
    write("torch_uniform.json", {"cases": continuous_cases("uniform", [([0, 1], SIZES), ([-3.7, 2.9], [1, 17, 1000])])})
    write("torch_normal.json", {"cases": continuous_cases("normal", [([0, 1], SIZES), ([1.5, 0.3], [1, 15, 16, 17, 1000]), ([-2.0, 4.0], [33])])})
    write("torch_discrete.json", {"cases": discrete_cases()})
    write("torch_state.json", {
        "sequences": sequence_cases(),
        "states": state_cases(),
        "linear_init": linear_init(),
        "errors": errors(),
        "new_generator_initial_seed": torch.Generator().initial_seed(),
    })
    write("numpy_random_state.json", {
        "cases": numpy_cases(),
        "states": numpy_states(),
        "array_seeds": numpy_array_seed(),
        "errors": numpy_errors(),
    })


if __name__ == "__main__":
    main()
