#!/usr/bin/python3
"""Writes small IDX fixtures with numpy's big-endian dtypes (the layout of LeCun's MNIST files) to
tests/Gradus.Tests/fixtures/io/idx/, plus expected.json with each file's type code, dims and values.

Run: /usr/bin/python3 tools/gen_idx_fixtures.py
"""
import gzip
import json
import os
import struct

import numpy as np

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "tests", "Gradus.Tests", "fixtures", "io", "idx")

# name -> (type code, numpy big-endian dtype, values)
rng = np.random.RandomState(7)
ARRAYS = {
    "ubyte_2x3x4.idx": (0x08, ">u1", rng.randint(0, 256, size=(2, 3, 4))),
    "ubyte_5.idx.gz": (0x08, ">u1", np.array([0, 1, 128, 254, 255])),
    "sbyte_4.idx": (0x09, ">i1", np.array([-128, -1, 0, 127])),
    "int16_2x2.idx": (0x0B, ">i2", np.array([[-32768, -2], [258, 32767]])),
    "int32_3.idx.gz": (0x0C, ">i4", np.array([-2147483648, 16909060, 2147483647])),
    "float32_2x2.idx": (0x0D, ">f4", rng.randn(2, 2)),
    "float64_3.idx": (0x0E, ">f8", np.array([np.pi, -1e-300, 6.02214076e23])),
}


def idx_bytes(type_code, array):
    return struct.pack(">HBB", 0, type_code, array.ndim) + struct.pack(">" + "i" * array.ndim, *array.shape) + array.tobytes()


def main():
    os.makedirs(OUT, exist_ok=True)
    expected = {}
    for name, (code, dtype, values) in ARRAYS.items():
        array = np.asarray(values).astype(dtype)
        raw = idx_bytes(code, array)
        if name.endswith(".gz"):
            raw = gzip.compress(raw, compresslevel=9, mtime=0)
        with open(os.path.join(OUT, name), "wb") as f:
            f.write(raw)
        expected[name] = {"type_code": code, "dims": list(array.shape),
                          "values": [float(v) if array.dtype.kind == "f" else int(v) for v in array.reshape(-1)]}
    with open(os.path.join(OUT, "expected.json"), "w") as f:
        json.dump(expected, f, indent=1)
        f.write("\n")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
