#!/usr/bin/python3
"""Golden values for Gradus' linear algebra (matmul family, norms, solve/inv/det/lstsq) from PyTorch 1.13.

Run with Debian's interpreter: /usr/bin/python3 tools/gen_linalg_fixtures.py
Writes tests/Gradus.Tests/fixtures/linalg/{cases,errors,regression}.json.

Each case: op name, inputs (base data + shape + dtype, then an optional permute and expand applied inside
the graph so non-contiguous and broadcast layouts are exercised), params, the output, its grad_fn name and
the gradients of the base leaves for a fixed upstream gradient.
"""
import json
import math
import os

import numpy as np
import torch

torch.manual_seed(1234)
OUT = os.path.join(os.path.dirname(__file__), "..", "tests", "Gradus.Tests", "fixtures", "linalg")
DT = {"float32": torch.float32, "float64": torch.float64, "int64": torch.int64, "bool": torch.bool}


def enc(v):
    """JSON-safe scalars: inf/-inf/nan as strings."""
    if isinstance(v, float):
        if math.isinf(v):
            return "inf" if v > 0 else "-inf"
        if math.isnan(v):
            return "nan"
    return v


def flat(t):
    return [enc(float(x)) if t.is_floating_point() else int(x) for x in t.detach().reshape(-1).tolist()]


class Inp:
    def __init__(self, shape, dtype="float32", permute=None, expand=None, data=None, grad=True, kind="randn"):
        self.shape, self.dtype, self.permute, self.expand = list(shape), dtype, permute, expand
        if data is not None:
            base = torch.tensor(data, dtype=DT[dtype]).reshape(shape)
        elif dtype == "int64":
            base = torch.randint(-4, 5, shape)
        elif dtype == "bool":
            base = torch.randint(0, 2, shape).bool()
        elif kind == "spd":  # well-conditioned square matrices: randn + n * I
            n = shape[-1]
            base = (torch.randn(shape, dtype=torch.float64) + n * torch.eye(n, dtype=torch.float64)).to(DT[dtype])
        else:
            base = torch.randn(shape, dtype=torch.float64).to(DT[dtype])
        self.base = base
        self.grad = grad and base.is_floating_point()

    def build(self):
        leaf = self.base.clone().requires_grad_(self.grad)
        t = leaf
        if self.permute is not None:
            t = t.permute(*self.permute)
        if self.expand is not None:
            t = t.expand(*self.expand)
        return leaf, t

    def spec(self):
        d = {"shape": self.shape, "dtype": self.dtype, "data": flat(self.base), "grad": self.grad}
        if self.permute is not None:
            d["permute"] = self.permute
        if self.expand is not None:
            d["expand"] = self.expand
        return d


def call(op, ts, p):
    if op == "matmul": return torch.matmul(*ts)
    if op == "mm": return torch.mm(*ts)
    if op == "mv": return torch.mv(*ts)
    if op == "dot": return torch.dot(*ts)
    if op == "bmm": return torch.bmm(*ts)
    if op == "outer": return torch.outer(*ts)
    if op == "addmm": return torch.addmm(*ts, beta=p.get("beta", 1), alpha=p.get("alpha", 1))
    if op == "vector_norm": return torch.linalg.vector_norm(ts[0], p.get("ord", 2), p.get("dim"), p.get("keepdim", False))
    if op == "matrix_norm": return torch.linalg.matrix_norm(ts[0], p.get("ord", "fro"), p.get("dim", (-2, -1)), p.get("keepdim", False))
    if op == "linalg_norm": return torch.linalg.norm(ts[0], p.get("ord"), p.get("dim"), p.get("keepdim", False))
    if op == "norm":
        if "dim" in p: return torch.norm(ts[0], p.get("p", "fro"), p["dim"], p.get("keepdim", False))
        return torch.norm(ts[0], p.get("p", "fro"))
    if op == "tensor_norm": return ts[0].norm(p.get("p", 2))
    if op == "frobenius_norm":
        if "dim" in p: return torch.frobenius_norm(ts[0], p["dim"], p.get("keepdim", False))
        return torch.frobenius_norm(ts[0])
    if op == "solve": return torch.linalg.solve(*ts)
    if op == "inv": return torch.linalg.inv(ts[0])
    if op == "det": return torch.linalg.det(ts[0])
    if op == "lstsq": return torch.linalg.lstsq(*ts).solution
    if op == "svdvals": return torch.linalg.svdvals(ts[0])
    raise ValueError(op)


cases, errors = [], []


def case(name, op, inputs, skip_grads=False, **p):
    built = [i.build() for i in inputs]
    leaves = [b[0] for b in built]
    out = call(op, [b[1] for b in built], p)
    c = {"name": name, "op": op, "inputs": [i.spec() for i in inputs], "params": {k: enc(v) if not isinstance(v, (list, tuple)) else list(v) for k, v in p.items()},
         "shape": list(out.shape), "dtype": str(out.dtype).replace("torch.", ""), "output": flat(out),
         "grad_fn": out.grad_fn.name() if out.grad_fn is not None else None}
    needs = [l for l in leaves if l.requires_grad]
    if out.requires_grad and out.is_floating_point() and not skip_grads:
        gout = torch.randn(out.shape, dtype=torch.float64).to(out.dtype)
        gs = torch.autograd.grad(out, needs, gout, allow_unused=True)
        c["gout"] = flat(gout)
        c["grads"] = [None if g is None else flat(g) for g in gs]
    cases.append(c)


def error(name, op, inputs, **p):
    try:
        call(op, [i.build()[1] for i in inputs], p)
    except Exception as e:  # noqa: BLE001 - the message is the golden value
        errors.append({"name": name, "op": op, "inputs": [i.spec() for i in inputs], "params": {k: enc(v) if not isinstance(v, (list, tuple)) else list(v) for k, v in p.items()},
                       "kind": type(e).__name__, "message": str(e).split("\n")[0]})
        return
    raise AssertionError(f"{name} did not fail")


I = Inp
# ---- products: every rank combination, size-1 and empty dims, transposed / permuted / broadcast layouts
case("dot", "dot", [I([5]), I([5])])
case("dot_f64", "dot", [I([4], "float64"), I([4], "float64")])
case("dot_empty", "dot", [I([0]), I([0])])
case("dot_int", "dot", [I([4], "int64"), I([4], "int64")])
case("dot_expanded", "dot", [I([1], expand=[6]), I([6])])
case("mv", "mv", [I([3, 4]), I([4])])
case("mv_transposed", "mv", [I([4, 3], permute=[1, 0]), I([4])])
case("mv_empty_rows", "mv", [I([0, 4]), I([4])])
case("mv_empty_k", "mv", [I([3, 0]), I([0])])
case("mm", "mm", [I([2, 3]), I([3, 4])])
case("mm_f64", "mm", [I([3, 5], "float64"), I([5, 2], "float64")])
case("mm_at", "mm", [I([3, 2], permute=[1, 0]), I([3, 4])])
case("mm_bt", "mm", [I([2, 3]), I([4, 3], permute=[1, 0])])
case("mm_both_t", "mm", [I([3, 2], permute=[1, 0]), I([4, 3], permute=[1, 0])])
case("mm_ones", "mm", [I([1, 1]), I([1, 1])])
case("mm_row_col", "mm", [I([1, 5]), I([5, 1])])
case("mm_col_row", "mm", [I([4, 1]), I([1, 3])])
case("mm_empty_m", "mm", [I([0, 3]), I([3, 4])])
case("mm_empty_k", "mm", [I([2, 0]), I([0, 4])])
case("mm_empty_n", "mm", [I([2, 3]), I([3, 0])])
case("mm_expanded_rows", "mm", [I([1, 3], expand=[4, 3]), I([3, 2])])
case("mm_int", "mm", [I([2, 3], "int64"), I([3, 2], "int64")])
case("mm_larger", "mm", [I([17, 33]), I([33, 9])])
case("bmm", "bmm", [I([3, 2, 4]), I([3, 4, 5])])
case("bmm_transposed", "bmm", [I([3, 4, 2], permute=[0, 2, 1]), I([3, 5, 4], permute=[0, 2, 1])])
case("bmm_batch_major", "bmm", [I([2, 3, 4], permute=[1, 0, 2]), I([3, 4, 2])])
case("bmm_empty_batch", "bmm", [I([0, 2, 3]), I([0, 3, 4])])
case("bmm_expanded", "bmm", [I([1, 2, 3], expand=[4, 2, 3]), I([4, 3, 2])])
case("outer", "outer", [I([3]), I([4])])
case("outer_mixed", "outer", [I([2]), I([3], "float64")])
case("addmm", "addmm", [I([4]), I([2, 3]), I([3, 4])])
case("addmm_linear", "addmm", [I([5]), I([3, 4]), I([5, 4], permute=[1, 0])])
case("addmm_full_bias", "addmm", [I([2, 4]), I([2, 3]), I([3, 4])], beta=0.5, alpha=2.0)
case("addmm_beta0", "addmm", [I([1, 4]), I([2, 3]), I([3, 4])], beta=0.0, alpha=1.5)
case("addmm_scalar_bias", "addmm", [I([]), I([2, 3]), I([3, 4])])
case("addmm_empty_k", "addmm", [I([3]), I([2, 0]), I([0, 3])], beta=2.0)
for a, b in [([3], [3]), ([2, 3], [3]), ([3], [3, 4]), ([2, 3], [3, 4]), ([5, 2, 3], [3]), ([5, 2, 3], [3, 4]),
             ([2, 3], [5, 3, 4]), ([3], [5, 3, 4]), ([5, 2, 3], [5, 3, 4]), ([1, 2, 3], [5, 3, 4]),
             ([2, 5, 2, 3], [5, 3, 4]), ([3], [2, 5, 3, 4]), ([2, 5, 2, 3], [3]), ([2, 3], [2, 5, 3, 4]),
             ([2, 5, 2, 3], [3, 4]), ([2, 1, 2, 3], [1, 5, 3, 4]), ([1, 1, 3], [1, 3, 1]), ([0, 2, 3], [3, 4]),
             ([4, 2, 3], [4, 3, 0]), ([2, 0, 3], [3, 2])]:
    case("matmul_" + "x".join(map(str, a)) + "_" + "x".join(map(str, b)), "matmul", [I(a), I(b)])
case("matmul_3d_transposed_2d", "matmul", [I([5, 3, 2], permute=[0, 2, 1]), I([3, 4])])
case("matmul_2d_3d_transposed", "matmul", [I([2, 3]), I([5, 4, 3], permute=[0, 2, 1])])
case("matmul_permuted_batch", "matmul", [I([2, 4, 3], permute=[1, 0, 2]), I([3, 2])])
case("matmul_expanded_batch", "matmul", [I([2, 3], expand=[4, 2, 3]), I([4, 3, 2])])
case("matmul_f64", "matmul", [I([2, 2, 3], "float64"), I([3, 2], "float64")])
case("matmul_int", "matmul", [I([2, 2, 3], "int64"), I([2, 3, 2], "int64")])
case("matmul_left_no_grad", "matmul", [I([5, 2, 3], grad=False), I([3, 4])])
# ---- norms
for o in [2, 1, 3, 0.5, 0, float("inf"), float("-inf"), -1, -2.5]:
    case(f"vector_norm_ord{enc(float(o))}", "vector_norm", [I([2, 3])], ord=o)
    case(f"vector_norm_ord{enc(float(o))}_dim1", "vector_norm", [I([2, 3])], ord=o, dim=[1])
case("vector_norm_dims_keep", "vector_norm", [I([2, 3, 4])], ord=2, dim=[0, 2], keepdim=True)
case("vector_norm_neg_dim", "vector_norm", [I([2, 3, 4])], ord=1, dim=[-1])
case("vector_norm_transposed", "vector_norm", [I([3, 2], permute=[1, 0])], ord=3, dim=[1])
case("vector_norm_scalar", "vector_norm", [I([])], ord=3)
case("vector_norm_empty", "vector_norm", [I([0, 3])], ord=2)
case("vector_norm_empty_dim0", "vector_norm", [I([0, 3])], ord=1, dim=[0])
case("vector_norm_inf_empty_dim0_nonempty", "vector_norm", [I([0, 3])], ord=float("inf"), dim=[1])
case("vector_norm_zero_l2", "vector_norm", [I([3], data=[0.0, 0.0, 0.0])], ord=2)
case("vector_norm_zero_l1", "vector_norm", [I([3], data=[0.0, 0.0, 0.0])], ord=1)
case("vector_norm_zero_l3", "vector_norm", [I([3], data=[0.0, 0.0, 0.0])], ord=3)
case("vector_norm_zero_l05", "vector_norm", [I([3], data=[0.0, 0.0, 0.0])], ord=0.5)
case("vector_norm_partial_zero_l05", "vector_norm", [I([3], data=[0.0, 1.0, 2.0])], ord=0.5)
case("vector_norm_partial_zero_lm1", "vector_norm", [I([3], data=[0.0, 1.0, 2.0])], ord=-1)
case("vector_norm_inf_ties", "vector_norm", [I([3], data=[0.0, 2.0, -2.0])], ord=float("inf"))
case("vector_norm_rows_zero", "vector_norm", [I([2, 2], data=[0.0, 0.0, 3.0, 4.0])], ord=2, dim=[1])
case("vector_norm_f64", "vector_norm", [I([4, 3], "float64")], ord=2, dim=[0])
case("norm_default", "norm", [I([2, 3])])
case("tensor_norm_p2", "tensor_norm", [I([2, 3])], p=2)
case("tensor_norm_p1", "tensor_norm", [I([2, 3])], p=1)
case("norm_course", "norm", [I([2], data=[3.0, -4.0])])
case("norm_p3_dim", "norm", [I([2, 3])], p=3, dim=[1], keepdim=True)
case("norm_inf_dim", "norm", [I([2, 3])], p=float("inf"), dim=[0])
case("norm_fro_dim1", "norm", [I([2, 3])], p="fro", dim=[1])
case("norm_fro_dims2", "norm", [I([2, 3, 2])], p="fro", dim=[0, 2])
case("norm_nuc", "norm", [I([3, 3])], p="nuc")
case("frobenius_norm", "frobenius_norm", [I([2, 3])])
case("frobenius_norm_dim", "frobenius_norm", [I([2, 3])], dim=[1])
case("frobenius_norm_dims", "frobenius_norm", [I([2, 3])], dim=[0, 1], keepdim=True)
for o in ["fro", 1, -1, float("inf"), float("-inf"), 2, -2, "nuc"]:
    case(f"matrix_norm_{enc(o if isinstance(o, str) else float(o))}", "matrix_norm", [I([3, 4])], ord=o)
case("matrix_norm_1_keep", "matrix_norm", [I([2, 3, 4])], ord=1, keepdim=True)
case("matrix_norm_inf_dims", "matrix_norm", [I([2, 3, 4])], ord=float("inf"), dim=[0, 2])
case("matrix_norm_m1_dims_rev", "matrix_norm", [I([2, 3, 4])], ord=-1, dim=[2, 0], keepdim=True)
case("matrix_norm_2_batch_keep", "matrix_norm", [I([2, 3, 2])], ord=2, keepdim=True)
case("matrix_norm_nuc_dims", "matrix_norm", [I([2, 3, 4])], ord="nuc", dim=[0, 2])
case("matrix_norm_fro_keep", "matrix_norm", [I([2, 3])], ord="fro", keepdim=True)
case("matrix_norm_1_ties", "matrix_norm", [I([2, 2], data=[1.0, -1.0, 1.0, 1.0])], ord=1)
case("matrix_norm_wide_2", "matrix_norm", [I([2, 5])], ord=2)
case("matrix_norm_empty_m1", "matrix_norm", [I([0, 3])], ord=-1)
case("linalg_norm_default", "linalg_norm", [I([2, 3, 4])])
case("linalg_norm_vec_ord1", "linalg_norm", [I([4])], ord=1)
case("linalg_norm_mat_ord1", "linalg_norm", [I([3, 3])], ord=1)
case("linalg_norm_mat_fro", "linalg_norm", [I([3, 3])], ord="fro")
case("linalg_norm_dim1", "linalg_norm", [I([3, 3])], dim=[1])
case("linalg_norm_dim2_ordinf", "linalg_norm", [I([2, 3, 3])], ord=float("inf"), dim=[1, 2])
case("linalg_norm_dims2_default", "linalg_norm", [I([2, 3, 3])], dim=[0, 2])
case("svdvals", "svdvals", [I([3, 3], "float64")])
case("svdvals_wide_batch", "svdvals", [I([2, 2, 4])])
# ---- solvers
case("solve", "solve", [I([3, 3], kind="spd"), I([3, 2])])
case("solve_vector", "solve", [I([3, 3], kind="spd"), I([3])])
case("solve_f64", "solve", [I([4, 4], "float64", kind="spd"), I([4, 3], "float64")])
case("solve_batched", "solve", [I([2, 3, 3], kind="spd"), I([2, 3, 2])])
case("solve_batch_vectors", "solve", [I([2, 3, 3], kind="spd"), I([2, 3])])
case("solve_broadcast_b", "solve", [I([2, 3, 3], kind="spd"), I([3, 2])])
case("solve_broadcast_a", "solve", [I([3, 3], kind="spd"), I([4, 3, 1])])
case("solve_broadcast_both", "solve", [I([2, 1, 3, 3], kind="spd"), I([4, 3, 2])])
case("solve_vector_broadcast", "solve", [I([2, 3, 3], kind="spd"), I([3])])
case("solve_transposed_a", "solve", [I([3, 3], kind="spd", permute=[1, 0]), I([3, 2])])
case("solve_needs_pivot", "solve", [I([3, 3], data=[0.0, 2.0, 1.0, 1.0, 1.0, 0.0, 3.0, 0.0, 1.0]), I([3])])
case("solve_1x1", "solve", [I([1, 1], data=[2.0]), I([1, 1], data=[3.0])])
case("solve_empty", "solve", [I([0, 0]), I([0, 2])])
case("solve_empty_batch", "solve", [I([0, 3, 3], kind="spd"), I([3])])
case("inv", "inv", [I([3, 3], kind="spd")])
case("inv_f64", "inv", [I([4, 4], "float64", kind="spd")])
case("inv_batched", "inv", [I([2, 3, 3], kind="spd")])
case("inv_transposed", "inv", [I([3, 3], kind="spd", permute=[1, 0])])
case("inv_pivot", "inv", [I([2, 2], data=[0.0, 1.0, 2.0, 3.0])])
case("inv_empty", "inv", [I([0, 0])])
case("det", "det", [I([3, 3])])
case("det_f64_batched", "det", [I([2, 4, 4], "float64")])
case("det_pivot", "det", [I([2, 2], data=[0.0, 1.0, 2.0, 3.0])])
# PyTorch 1.13 returns a zero gradient for a singular A; Gradus returns the cofactor matrix (the true
# derivative, checked by GradCheck), so only the value is compared here.
case("det_singular", "det", [I([3, 3], data=[1.0, 2.0, 3.0, 2.0, 4.0, 6.0, 1.0, 0.0, 1.0])], skip_grads=True)
case("det_empty", "det", [I([0, 0])])
case("lstsq_tall", "lstsq", [I([6, 3]), I([6, 2])])
case("lstsq_square", "lstsq", [I([3, 3], kind="spd"), I([3, 1])])
# PyTorch 1.13's lstsq backward fails for a vector B (IndexError): values only, GradCheck covers the gradient.
case("lstsq_vector", "lstsq", [I([5, 2]), I([5])], skip_grads=True)
case("lstsq_f64_batched", "lstsq", [I([2, 5, 3], "float64"), I([2, 5, 2], "float64")])
case("lstsq_broadcast", "lstsq", [I([1, 5, 3]), I([2, 5, 2])])
case("lstsq_wide", "lstsq", [I([2, 4], "float64"), I([2, 3], "float64")])
case("lstsq_empty_rows", "lstsq", [I([0, 3]), I([0, 2])])
case("lstsq_empty_cols", "lstsq", [I([3, 0]), I([3, 2])])

# ---- errors (messages are PyTorch's)
f = lambda *s: I(list(s))
d = lambda *s: I(list(s), "float64")
l = lambda *s: I(list(s), "int64")
b = lambda *s: I(list(s), "bool")
error("mm_shapes", "mm", [f(2, 3), f(4, 5)])
error("matmul_shapes", "matmul", [f(2, 3), f(4, 5)])
error("mm_self_not_matrix", "mm", [f(3), f(3, 5)])
error("mm_mat2_not_matrix", "mm", [f(2, 3), f(3)])
error("mm_dtype", "mm", [f(2, 3), d(3, 4)])
error("mm_bool", "mm", [b(2, 3), b(3, 4)])
error("dot_2d", "dot", [f(2, 3), f(3, 2)])
error("dot_sizes", "dot", [f(3), f(4)])
error("dot_dtype", "dot", [f(3), d(3)])
error("dot_bool", "dot", [b(2), b(2)])
error("matmul_1d_sizes", "matmul", [f(3), f(4)])
error("matmul_mv_sizes", "matmul", [f(2, 3), f(4)])
error("matmul_1d_2d_sizes", "matmul", [f(3), f(4, 5)])
error("matmul_fold_mv_sizes", "matmul", [f(5, 2, 3), f(4)])
error("matmul_fold_mm_sizes", "matmul", [f(5, 2, 3), f(4, 5)])
error("matmul_bmm_sizes", "matmul", [f(5, 2, 3), f(5, 4, 5)])
error("matmul_batch_broadcast", "matmul", [f(5, 2, 3), f(6, 3, 5)])
error("matmul_2d_3d_sizes", "matmul", [f(2, 3), f(6, 4, 5)])
error("matmul_1d_3d_sizes", "matmul", [f(3), f(6, 4, 5)])
error("matmul_0d", "matmul", [f(), f(3)])
error("matmul_0d_right", "matmul", [f(3), f()])
error("matmul_dtype", "matmul", [f(2, 3), d(3, 4)])
error("matmul_dtype_rev", "matmul", [d(2, 3), f(3, 4)])
error("matmul_dtype_mv", "matmul", [f(2, 3), d(3)])
error("matmul_dtype_bmm", "matmul", [f(5, 2, 3), d(5, 3, 4)])
error("matmul_int_float", "matmul", [l(2, 3), f(3, 4)])
error("mv_dims", "mv", [f(2, 3), f(3, 1)])
error("mv_sizes", "mv", [f(2, 3), f(4)])
error("mv_dtype", "mv", [f(2, 3), d(3)])
error("mv_bool", "mv", [b(2, 3), b(3)])
error("bmm_dims1", "bmm", [f(2, 3), f(3, 4)])
error("bmm_dims2", "bmm", [f(2, 2, 3), f(3, 4)])
error("bmm_batch", "bmm", [f(2, 2, 3), f(3, 3, 4)])
error("bmm_inner", "bmm", [f(2, 2, 3), f(2, 4, 4)])
error("bmm_dtype", "bmm", [f(2, 2, 3), d(2, 3, 4)])
error("bmm_bool", "bmm", [b(2, 2, 3), b(2, 3, 4)])
error("outer_self", "outer", [f(2, 2), f(3)])
error("outer_vec2", "outer", [f(2), f(3, 1)])
error("addmm_mat1", "addmm", [f(4), f(3), f(3, 4)])
error("addmm_mat2", "addmm", [f(4), f(2, 3), f(3)])
error("addmm_self_dtype", "addmm", [f(4), f(2, 3), d(3, 4)])
error("addmm_mat_dtype", "addmm", [f(4), d(2, 3), f(3, 4)])
error("addmm_shapes", "addmm", [f(4), f(2, 3), f(5, 4)])
error("addmm_bias", "addmm", [f(5), f(2, 3), f(3, 4)])
error("vector_norm_long", "vector_norm", [l(3)])
error("vector_norm_dim_range", "vector_norm", [f(3)], dim=[5])
error("vector_norm_dim_repeat", "vector_norm", [f(2, 3)], dim=[0, 0])
error("vector_norm_inf_empty", "vector_norm", [f(0)], ord=float("inf"))
error("vector_norm_neg_empty", "vector_norm", [f(0)], ord=-1)
error("vector_norm_neg_frac_empty", "vector_norm", [f(0, 3)], ord=-0.5)
error("vector_norm_inf_empty_dim", "vector_norm", [f(0, 3)], ord=float("inf"), dim=[0])
error("vector_norm_inf_empty_negdim", "vector_norm", [f(0, 3)], ord=float("inf"), dim=[-2])
error("vector_norm_minf_empty_dims", "vector_norm", [f(0, 3)], ord=float("-inf"), dim=[1, 0])
error("norm_long", "norm", [l(3)])
error("norm_long_p1", "norm", [l(3)], p=1, dim=[0])
error("norm_string", "norm", [f(3, 3)], p="abc")
error("norm_fro_3dims", "norm", [f(3, 3, 3)], p="fro", dim=[0, 1, 2])
error("norm_nuc_3d", "norm", [f(3, 3, 3)], p="nuc")
error("norm_nuc_dim", "norm", [f(3, 3)], p="nuc", dim=[0])
error("frobenius_long", "frobenius_norm", [l(3, 3)])
error("matrix_norm_1d", "matrix_norm", [f(3)])
error("matrix_norm_order", "matrix_norm", [f(3, 3)], ord=3)
error("matrix_norm_order_str", "matrix_norm", [f(3, 3)], ord="abc")
error("matrix_norm_long", "matrix_norm", [l(2, 3)])
error("matrix_norm_same_dims", "matrix_norm", [f(2, 3)], dim=[1, -1])
error("matrix_norm_one_dim", "matrix_norm", [f(2, 3)], dim=[0])
error("matrix_norm_three_dims", "matrix_norm", [f(2, 3, 4)], ord=1, dim=[0, 1, 2])
error("matrix_norm_amax_empty", "matrix_norm", [f(3, 0)], ord=1)
error("linalg_norm_3d_ord", "linalg_norm", [f(3, 3, 3)], ord=1)
error("linalg_norm_dims3", "linalg_norm", [f(2, 3, 4)], dim=[0, 1, 2])
error("linalg_norm_dims3_str", "linalg_norm", [f(2, 3, 4)], ord="fro", dim=[0, 1, 2])
error("linalg_norm_fro_1d", "linalg_norm", [f(3)], ord="fro")
error("linalg_norm_long", "linalg_norm", [l(2, 3)])
error("solve_singular", "solve", [I([3, 3], data=[0.0] * 9), f(3)])
error("solve_singular_batch", "solve", [I([2, 2, 2], data=[1.0, 0.0, 0.0, 1.0, 1.0, 2.0, 2.0, 4.0]), f(2)])
error("solve_shapes_vec", "solve", [f(3, 3), f(4)])
error("solve_shapes", "solve", [f(3, 3), f(4, 2)])
error("solve_square", "solve", [f(3, 4), f(3)])
error("solve_a_1d", "solve", [f(3), f(3)])
error("solve_b_0d", "solve", [f(3, 3), f()])
error("solve_dtype", "solve", [f(3, 3), d(3)])
error("solve_long", "solve", [l(3, 3), l(3)])
error("solve_batch_broadcast", "solve", [f(2, 3, 3), f(4, 3, 2)])
error("inv_singular", "inv", [I([3, 3], data=[0.0] * 9)])
error("inv_singular_second_pivot", "inv", [I([2, 2], data=[1.0, 2.0, 2.0, 4.0])])
error("inv_singular_batch", "inv", [I([2, 2, 2], data=[1.0, 0.0, 0.0, 1.0, 1.0, 2.0, 2.0, 4.0])])
error("inv_square", "inv", [f(3, 4)])
error("inv_1d", "inv", [f(3)])
error("inv_long", "inv", [l(3, 3)])
error("det_square", "det", [f(3, 4)])
error("det_1d", "det", [f(3)])
error("det_long", "det", [l(3, 3)])
error("lstsq_rows", "lstsq", [f(5, 3), f(4, 2)])
error("lstsq_rows_vec", "lstsq", [f(5, 3), f(2)])
error("lstsq_dtype", "lstsq", [f(5, 3), d(5, 2)])
error("lstsq_1d", "lstsq", [f(3), f(3)])
error("lstsq_b_0d", "lstsq", [f(5, 3), f()])
error("lstsq_long", "lstsq", [l(5, 3), l(5, 2)])
error("lstsq_dims", "lstsq", [f(5, 3), f(2, 5, 2)])
error("lstsq_batch_broadcast", "lstsq", [f(2, 5, 3), f(3, 5, 2)])

# ---- the course's analytic linear regression: w* = (XᵀX)⁻¹ Xᵀ y on d2l's synthetic data
rs = np.random.RandomState(0)
n = 50
X = rs.normal(0, 1, (n, 2)).astype(np.float32)
true_w, true_b = np.array([2, -3.4], dtype=np.float32), np.float32(4.2)
y = (X @ true_w + true_b + rs.normal(0, 0.01, n)).astype(np.float32)
Xt, yt = torch.tensor(X), torch.tensor(y)
Xb = torch.cat([Xt, torch.ones(n, 1)], 1)
w_inv = torch.linalg.inv(Xb.T @ Xb) @ Xb.T @ yt
w_solve = torch.linalg.solve(Xb.T @ Xb, Xb.T @ yt)
w_lstsq = torch.linalg.lstsq(Xb, yt.unsqueeze(1)).solution.squeeze(1)
Xd = np.hstack([X.astype(np.float64), np.ones((n, 1))])
w_np = np.linalg.inv(Xd.T @ Xd) @ Xd.T @ y.astype(np.float64)
regression = {"X": flat(Xt), "y": flat(yt), "n": n, "w_inv": flat(w_inv), "w_solve": flat(w_solve), "w_lstsq": flat(w_lstsq),
              "w_numpy_f64": [float(v) for v in w_np], "true_w": [2.0, -3.4], "true_b": 4.2}

os.makedirs(OUT, exist_ok=True)
for fname, obj in [("cases.json", cases), ("errors.json", errors), ("regression.json", regression)]:
    with open(os.path.join(OUT, fname), "w") as fh:
        json.dump(obj, fh, separators=(",", ":"))
print(len(cases), "cases,", len(errors), "errors")
