#!/usr/bin/env python3
"""Golden values for Gradus's closeness and equality functions: torch.isclose, torch.allclose and
torch.equal on float32/float64/int64/bool inputs, broadcasting, tolerance variants, NaN and
infinities, empty and 0-dim tensors, non-contiguous inputs, mixed dtypes and error messages.

Run with Debian's interpreter (torch 1.13):  /usr/bin/python3 tools/gen_closeness_fixtures.py
Writes tests/Gradus.Tests/fixtures/closeness/closeness.json.
"""
import json
import os
from fractions import Fraction

import numpy as np
import torch

from tensor_json import DTYPES, enc, num

OUT = os.path.join(os.path.dirname(__file__), "..", "tests", "Gradus.Tests", "fixtures", "closeness", "closeness.json")
NAN, INF = float("nan"), float("inf")
CASES = []


def case(name, op, a, b, rtol=1e-5, atol=1e-8, equal_nan=False, transpose_a=False, requires_grad=False):
    """Runs the op in torch and records its result or its error message."""
    x = a.t() if transpose_a else a
    if requires_grad:
        x = x.detach().requires_grad_()
    c = {"name": name, "op": op, "a": enc(a), "b": enc(b), "transpose_a": transpose_a, "requires_grad": requires_grad}
    if op != "equal":
        c.update({"rtol": num(rtol), "atol": num(atol), "equal_nan": equal_nan})
    try:
        if op == "isclose":
            r = torch.isclose(x, b, rtol=rtol, atol=atol, equal_nan=equal_nan)
            assert r.dtype == torch.bool and not r.requires_grad
            c["expected"] = enc(r)
        elif op == "allclose":
            c["expected"] = torch.allclose(x, b, rtol=rtol, atol=atol, equal_nan=equal_nan)
        else:
            c["expected"] = torch.equal(x, b)
    except RuntimeError as e:
        c["error"] = str(e)
    CASES.append(c)


def f32(*v):
    return torch.tensor(v, dtype=torch.float32)


def f64(*v):
    return torch.tensor(v, dtype=torch.float64)


def i64(*v):
    return torch.tensor(v, dtype=torch.int64)


def b8(*v):
    return torch.tensor(v, dtype=torch.bool)


def near_boundary(dtype, seed, rtol, atol, n=48):
    """Pairs placed within a few ulps of |a-b| = atol + rtol*|b|, where rounding decides the answer."""
    rng = np.random.default_rng(seed)
    b = rng.standard_normal(n) * 10.0 ** rng.uniform(-3, 3, n)
    bound = atol + np.abs(rtol * b)
    a = b + bound * rng.choice([-1.0, 1.0], n) * (1 + rng.uniform(-3e-7, 3e-7, n))
    return torch.tensor(a, dtype=dtype), torch.tensor(b, dtype=dtype)


def rounding_sensitive(dtype, seed, rtol, atol, n=24):
    """Pairs where rounding the tolerance and the error to the dtype flips the answer against exact arithmetic."""
    rng = np.random.default_rng(seed)
    np_t = np.float32 if dtype == torch.float32 else np.float64
    eps = float(np.finfo(np_t).eps)
    picked_a, picked_b = [], []
    while len(picked_a) < n:
        b = rng.standard_normal(4096) * 10.0 ** rng.uniform(-3, 3, 4096)
        a = b + (atol + np.abs(rtol * b)) * rng.choice([-1.0, 1.0], 4096) * (1 + rng.uniform(-4, 4, 4096) * eps)
        a, b = a.astype(np_t), b.astype(np_t)
        for x, y in zip(a.tolist(), b.tolist()):
            exact = abs(Fraction(x) - Fraction(y)) <= Fraction(atol) + abs(Fraction(rtol) * Fraction(y))
            rounded = bool(np.abs(np_t(x) - np_t(y)) <= np_t(atol) + np.abs(np_t(rtol) * np_t(y)))
            if exact != rounded and len(picked_a) < n:
                picked_a.append(x)
                picked_b.append(y)
    return torch.tensor(picked_a, dtype=dtype), torch.tensor(picked_b, dtype=dtype)


# --- isclose: floats -------------------------------------------------------------------------
base_a = [1.0, 1.0 + 1e-6, 1.0 + 1e-4, 0.0, 1e-9, -1.0, 100.0, 100.001, -5e-9, 1e-7]
base_b = [1.0, 1.0, 1.0, 1e-9, 0.0, 1.0, 100.0005, 100.0, 5e-9, 0.0]
for dt in ("float32", "float64"):
    T = DTYPES[dt]
    case(f"isclose_{dt}_defaults", "isclose", torch.tensor(base_a, dtype=T), torch.tensor(base_b, dtype=T))
    case(f"isclose_{dt}_rtol0_atol", "isclose", torch.tensor(base_a, dtype=T), torch.tensor(base_b, dtype=T), rtol=0, atol=1e-3)
    case(f"isclose_{dt}_rtol_atol0", "isclose", torch.tensor(base_a, dtype=T), torch.tensor(base_b, dtype=T), rtol=1e-4, atol=0)
    case(f"isclose_{dt}_exact", "isclose", torch.tensor(base_a, dtype=T), torch.tensor(base_b, dtype=T), rtol=0, atol=0)
    case(f"isclose_{dt}_loose", "isclose", torch.tensor(base_a, dtype=T), torch.tensor(base_b, dtype=T), rtol=0.5, atol=0.5)
    a, b = near_boundary(T, 1, 1e-3, 1e-4)
    case(f"isclose_{dt}_boundary", "isclose", a, b, rtol=1e-3, atol=1e-4)
    a, b = rounding_sensitive(T, 4, 1e-3, 1e-4)
    case(f"isclose_{dt}_rounding_sensitive", "isclose", a, b, rtol=1e-3, atol=1e-4)
    a, b = near_boundary(T, 2, 1e-5, 0.0)
    case(f"isclose_{dt}_boundary_rtol_only", "isclose", a, b, rtol=1e-5, atol=0)
    a, b = near_boundary(T, 3, 0.0, 1e-2)
    case(f"isclose_{dt}_boundary_atol_only", "isclose", a, b, rtol=0, atol=1e-2)
    special_a = [INF, -INF, INF, NAN, NAN, 1.0, NAN, INF, -INF, 0.0, 3e38, 1e30]
    special_b = [INF, -INF, -INF, NAN, 1.0, NAN, INF, 1e38, 0.0, -0.0, -3e38, INF]
    for en in (False, True):
        case(f"isclose_{dt}_special_equal_nan_{en}", "isclose", torch.tensor(special_a, dtype=T), torch.tensor(special_b, dtype=T), equal_nan=en)
        case(f"isclose_{dt}_special_exact_equal_nan_{en}", "isclose", torch.tensor(special_a, dtype=T), torch.tensor(special_b, dtype=T),
             rtol=0, atol=0, equal_nan=en)
        case(f"isclose_{dt}_special_rtol1_equal_nan_{en}", "isclose", torch.tensor(special_a, dtype=T), torch.tensor(special_b, dtype=T),
             rtol=1, atol=0, equal_nan=en)
    case(f"isclose_{dt}_rtol_inf", "isclose", torch.tensor([1.0, 1.0, 0.0, 3.0, 1e30], dtype=T),
         torch.tensor([2.0, 0.0, 0.0, -3.0, INF], dtype=T), rtol=INF, atol=0)
    case(f"isclose_{dt}_atol_inf", "isclose", torch.tensor([1.0, INF, NAN, -1e30], dtype=T),
         torch.tensor([2.0, 1.0, 1.0, 1e30], dtype=T), rtol=0, atol=INF)
    case(f"isclose_{dt}_atol_1e300", "isclose", torch.tensor([1.0, -1e30, 1e300 if dt == "float64" else 3e38], dtype=T),
         torch.tensor([2.0, 1e30, -1e300 if dt == "float64" else -3e38], dtype=T), rtol=0, atol=1e300)
    case(f"isclose_{dt}_denormal", "isclose", torch.tensor([1e-45, 5e-324 if dt == "float64" else 1e-45], dtype=T),
         torch.tensor([0.0, 0.0], dtype=T), rtol=0, atol=1e-46)
    case(f"isclose_{dt}_broadcast", "isclose", torch.linspace(0, 1, 6, dtype=T).reshape(2, 3, 1),
         torch.tensor([0.0, 0.2, 0.4, 0.6000001], dtype=T), rtol=1e-6, atol=1e-7)
    case(f"isclose_{dt}_broadcast_scalar_b", "isclose", torch.tensor([[1.0, 1.00001], [0.99, NAN]], dtype=T),
         torch.tensor(1.0, dtype=T), rtol=1e-5, atol=0)
    case(f"isclose_{dt}_broadcast_scalar_a", "isclose", torch.tensor(1.0, dtype=T),
         torch.tensor([[1.0, 1.00001], [0.99, 1.0000001]], dtype=T), rtol=1e-5, atol=0)
    case(f"isclose_{dt}_zero_dim", "isclose", torch.tensor(2.0, dtype=T), torch.tensor(2.00001, dtype=T))
    case(f"isclose_{dt}_empty", "isclose", torch.zeros(0, 3, dtype=T), torch.zeros(3, dtype=T))
    case(f"isclose_{dt}_empty_both", "isclose", torch.zeros(0, dtype=T), torch.zeros(0, dtype=T))
    case(f"isclose_{dt}_transposed", "isclose", torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], dtype=T),
         torch.tensor([[1.0, 4.0], [2.0, 5.1], [3.0001, 6.0]], dtype=T), rtol=1e-4, atol=0, transpose_a=True)
    case(f"isclose_{dt}_requires_grad", "isclose", torch.tensor([1.0, 2.0, NAN], dtype=T),
         torch.tensor([1.0, 2.0001, NAN], dtype=T), requires_grad=True)

# --- isclose: integers and bools (computed in float32 unless both tolerances are zero) -------
case("isclose_int64_defaults", "isclose", i64(1, 2, 3, 100000, -7), i64(1, 3, 3, 100001, 7))
case("isclose_int64_atol1", "isclose", i64(1, 2, 3, 10), i64(2, 3, 5, 9), rtol=0, atol=1)
case("isclose_int64_atol_0_99", "isclose", i64(1, 2, 3, 10), i64(2, 3, 5, 9), rtol=0, atol=0.99)
case("isclose_int64_rtol_half", "isclose", i64(1, 2, 3, 7, 5), i64(2, 3, 5, 5, 7), rtol=0.5, atol=0)
case("isclose_int64_rtol2_zero_other", "isclose", i64(1, 2, 0), i64(0, 0, 0), rtol=2, atol=0)
case("isclose_int64_rtol0_3", "isclose", i64(5, 7), i64(7, 5), rtol=0.3, atol=0)
case("isclose_int64_large_float32", "isclose", i64(2**30, 2**62, 0, 0), i64(2**30 + 1, 2**62 + 1, 2**24 + 1, 2**24 + 1),
     rtol=0, atol=float(2**24))
case("isclose_int64_large_exact", "isclose", i64(2**30, 2**62, 5), i64(2**30 + 1, 2**62 + 1, 5), rtol=0, atol=0)
case("isclose_int64_large_tiny_atol", "isclose", i64(2**30, 2**62), i64(2**30 + 1, 2**62 + 1), rtol=0, atol=1e-30)
case("isclose_int64_extremes_atol1", "isclose", i64(-2**63, 2**63 - 1), i64(2**63 - 1, -2**63), rtol=0, atol=1)
case("isclose_int64_extremes_atol1e30", "isclose", i64(-2**63, 2**63 - 1), i64(2**63 - 1, -2**63), rtol=0, atol=1e30)
case("isclose_int64_rounding_to_float32", "isclose", i64(2**60 + 2**36 + 1, 2**60 + 2**36 - 1), i64(2**60 + 2**37, 2**60),
     rtol=0, atol=1e-8)
case("isclose_int64_atol_rounds_below_2", "isclose", i64(3), i64(1), rtol=0, atol=1.9999999)
case("isclose_int64_atol_rounds_to_2", "isclose", i64(3), i64(1), rtol=0, atol=1.99999999)
case("isclose_int64_rtol_inf", "isclose", i64(1, 1, 0), i64(2, 0, 0), rtol=INF, atol=0)
case("isclose_int64_atol_inf", "isclose", i64(1, -2**63), i64(2, 2**63 - 1), rtol=0, atol=INF)
case("isclose_int64_broadcast", "isclose", i64(0, 10, 20).reshape(3, 1), i64(0, 9, 21, 30), rtol=0, atol=1)
case("isclose_int64_equal_nan", "isclose", i64(1, 2), i64(1, 3), equal_nan=True)
case("isclose_int64_empty", "isclose", torch.zeros(2, 0, dtype=torch.int64), torch.zeros(1, 0, dtype=torch.int64))
case("isclose_int64_zero_dim", "isclose", torch.tensor(4), torch.tensor(5), rtol=0.25, atol=0)
case("isclose_bool_defaults", "isclose", b8(True, False, True, False), b8(True, True, False, False))
case("isclose_bool_atol1", "isclose", b8(True, False, True, False), b8(True, True, False, False), rtol=0, atol=1)
case("isclose_bool_rtol1", "isclose", b8(True, False, True, False), b8(True, True, False, False), rtol=1, atol=0)
case("isclose_bool_atol_rounds_to_1", "isclose", b8(True, False), b8(False, True), rtol=0, atol=0.999999999)
case("isclose_bool_atol_below_1", "isclose", b8(True, False), b8(False, True), rtol=0, atol=0.99999)
case("isclose_bool_equal_nan", "isclose", b8(True, False), b8(True, True), equal_nan=True)
case("isclose_bool_broadcast", "isclose", b8(True, False).reshape(2, 1), b8(True), rtol=0, atol=0)

# --- isclose: errors --------------------------------------------------------------------------
for (da, db) in [("int64", "float32"), ("float32", "int64"), ("float32", "float64"), ("float64", "float32"),
                 ("bool", "int64"), ("int64", "bool"), ("bool", "float32"), ("float64", "bool")]:
    case(f"isclose_mixed_{da}_{db}", "isclose", torch.ones(3, dtype=DTYPES[da]), torch.ones(3, dtype=DTYPES[db]))
case("isclose_mixed_before_rtol", "isclose", f32(1.0), i64(1), rtol=-1)
case("isclose_rtol_negative", "isclose", f32(1.0), f32(1.0), rtol=-1)
case("isclose_rtol_negative_small", "isclose", f32(1.0), f32(1.0), rtol=-1e-5)
case("isclose_rtol_negative_big", "isclose", f64(1.0), f64(1.0), rtol=-1234567.0)
case("isclose_rtol_nan", "isclose", f32(1.0), f32(1.0), rtol=NAN)
case("isclose_atol_negative", "isclose", f32(1.0), f32(1.0), atol=-0.5)
case("isclose_atol_nan", "isclose", i64(1), i64(1), atol=NAN)
case("isclose_atol_neg_inf", "isclose", f32(1.0), f32(1.0), atol=-INF)
case("isclose_both_negative", "isclose", f32(1.0), f32(1.0), rtol=-1, atol=-1)
case("isclose_shape_mismatch", "isclose", f32(1.0, 2.0, 3.0), f32(1.0, 2.0))
case("isclose_shape_mismatch_inner", "isclose", torch.zeros(2, 3), torch.zeros(2, 1, 4))
case("isclose_rtol_before_shape", "isclose", f32(1.0, 2.0, 3.0), f32(1.0, 2.0), rtol=-2)

# --- allclose ---------------------------------------------------------------------------------
case("allclose_float32_true", "allclose", f32(1.0, 2.0, 3.0), f32(1.000005, 2.00001, 3.00001))
case("allclose_float32_false", "allclose", f32(1.0, 2.0, 3.0), f32(1.00001, 2.0001, 3.0))
case("allclose_float64_true", "allclose", f64(1.0, 1e-9), f64(1.0 + 1e-6, 0.0), rtol=1e-5)
case("allclose_float64_false", "allclose", f64(1.0, 1e-7), f64(1.0, 0.0))
case("allclose_nan", "allclose", f32(1.0, NAN), f32(1.0, NAN))
case("allclose_nan_equal_nan", "allclose", f32(1.0, NAN), f32(1.0, NAN), equal_nan=True)
case("allclose_inf", "allclose", f64(INF, -INF), f64(INF, -INF))
case("allclose_inf_sign", "allclose", f64(INF, -INF), f64(INF, INF))
case("allclose_broadcast", "allclose", torch.full((2, 3), 0.5), f32(0.5, 0.500001, 0.4999995))
case("allclose_broadcast_false", "allclose", torch.full((2, 3), 0.5), f32(0.5, 0.51, 0.5))
case("allclose_empty", "allclose", torch.zeros(0, 3), torch.zeros(3))
case("allclose_zero_dim", "allclose", torch.tensor(3.0), torch.tensor(3.00003))
case("allclose_int64", "allclose", i64(1, 2, 3), i64(1, 2, 3))
case("allclose_int64_atol", "allclose", i64(1, 2, 3), i64(2, 3, 4), rtol=0, atol=1)
case("allclose_int64_false", "allclose", i64(1, 2, 3), i64(1, 2, 4))
case("allclose_bool", "allclose", b8(True, False), b8(True, False))
case("allclose_bool_false", "allclose", b8(True, False), b8(True, True))
case("allclose_requires_grad", "allclose", f32(0.0, 0.0, 0.0), f32(0.0, 0.0, 1e-9), requires_grad=True)
case("allclose_transposed", "allclose", f64(1.0, 2.0, 3.0, 4.0).reshape(2, 2), f64(1.0, 3.0, 2.0, 4.0).reshape(2, 2), transpose_a=True)
case("allclose_mixed", "allclose", i64(1, 2), f32(1.0, 2.0))
case("allclose_rtol_negative", "allclose", f32(1.0), f32(1.0), rtol=-1)
case("allclose_atol_negative", "allclose", f32(1.0), f32(1.0), atol=-1e-8)
case("allclose_shape_mismatch", "allclose", f32(1.0, 2.0, NAN), torch.zeros(2))

# --- equal ------------------------------------------------------------------------------------
case("equal_float32_same", "equal", f32(1.0, 2.0, 3.0), f32(1.0, 2.0, 3.0))
case("equal_float32_differ", "equal", f32(1.0, 2.0, 3.0), f32(1.0, 2.0, 3.0000002))
case("equal_nan", "equal", f32(1.0, NAN), f32(1.0, NAN))
case("equal_signed_zero", "equal", f64(-0.0), f64(0.0))
case("equal_inf", "equal", f64(INF, -INF), f64(INF, -INF))
case("equal_shape_row_vs_vector", "equal", torch.zeros(1, 3), torch.zeros(3))
case("equal_zero_dim_vs_one", "equal", torch.tensor(1.0), f32(1.0))
case("equal_zero_dim", "equal", torch.tensor(7), torch.tensor(7))
case("equal_size_mismatch", "equal", f32(1.0, 2.0, NAN), torch.zeros(2))
case("equal_empty", "equal", torch.zeros(0), torch.zeros(0))
case("equal_empty_shapes", "equal", torch.zeros(0), torch.zeros(0, 1))
case("equal_transposed", "equal", torch.arange(6.0).reshape(2, 3), torch.arange(6.0).reshape(2, 3).t().contiguous(), transpose_a=True)
case("equal_transposed_differ", "equal", torch.arange(6.0).reshape(2, 3), torch.arange(6.0).reshape(3, 2), transpose_a=True)
case("equal_float32_float64_widened", "equal", f32(1.1, 2.5), torch.tensor([1.1, 2.5], dtype=torch.float32).double())
case("equal_float32_float64_differ", "equal", f32(0.1), f64(0.1))
case("equal_int64_float32", "equal", i64(1, 2, 3), f32(1.0, 2.0, 3.0))
case("equal_int64_float32_rounded", "equal", i64(2**24 + 1), f32(float(2**24)))
case("equal_int64_float64_rounded", "equal", i64(2**60 + 1), f64(float(2**60)))
case("equal_int64_float32_differ", "equal", i64(1, 2, 3), f32(1.0, 2.0, 3.5))
case("equal_bool_float32", "equal", b8(True, False), f32(1.0, 0.0))
case("equal_bool_int64", "equal", b8(True, False), i64(1, 0))
case("equal_bool_int64_differ", "equal", b8(True, False), i64(2, 0))
case("equal_int64_bool", "equal", i64(2), b8(True))
case("equal_bool", "equal", b8(True, False, True), b8(True, False, True))
case("equal_requires_grad", "equal", f32(1.0, 2.0), f32(1.0, 2.0), requires_grad=True)

os.makedirs(os.path.dirname(OUT), exist_ok=True)
with open(OUT, "w") as f:
    json.dump({"torch": torch.__version__, "cases": CASES}, f, indent=1)
    f.write("\n")
print(f"wrote {len(CASES)} cases to {os.path.relpath(OUT)}")
