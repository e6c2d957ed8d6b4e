"""Tensor <-> JSON encoding shared by fixture generators whose tests read them with
tests/Gradus.Tests/Reductions/Fixtures.cs: {shape, dtype, data}, NaN and ±inf as the strings
"NaN", "Infinity", "-Infinity" (what .NET's double.Parse reads)."""
import math

import torch

DTYPES = {"float32": torch.float32, "float64": torch.float64, "int64": torch.int64, "bool": torch.bool}
NAMES = {v: k for k, v in DTYPES.items()}


def num(v):
    """A JSON-safe scalar: bools and finite numbers as they are, non-finite floats as strings."""
    if isinstance(v, bool):
        return v
    if isinstance(v, float) and not math.isfinite(v):
        return "NaN" if math.isnan(v) else ("Infinity" if v > 0 else "-Infinity")
    return v


def enc(t):
    """A tensor as {shape, dtype, data} with its elements in row-major order."""
    return {"shape": list(t.shape), "dtype": NAMES[t.dtype], "data": [num(v) for v in t.detach().reshape(-1).tolist()]}
