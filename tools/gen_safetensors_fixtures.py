#!/usr/bin/python3
"""Writes the safetensors fixtures for tests/Gradus.Tests/IO with tools/safetensors_torch.py
(the reference layout, written by hand from the spec since Debian has no python3-safetensors):

  fixtures/io/safetensors/basic.safetensors        many dtypes, a scalar, an empty tensor, metadata
  fixtures/io/safetensors/no_metadata.safetensors  one tensor, no __metadata__ key
  fixtures/io/safetensors/expected.json            per file: metadata, then per tensor dtype, shape,
                                                   the values, the raw bytes (hex), the header text

Run: /usr/bin/python3 tools/gen_safetensors_fixtures.py
"""
import json
import os
import struct
import sys

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from safetensors_torch import load_file, load_metadata, save, save_file  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "tests", "Gradus.Tests", "fixtures", "io", "safetensors")


def basic_tensors():
    torch.manual_seed(0)
    return {
        "layer.weight": torch.randn(3, 4),
        "layer.bias": torch.randn(4),
        "double": torch.randn(2, 2, dtype=torch.float64),
        "steps": torch.tensor(1234567890123, dtype=torch.int64),
        "labels": torch.tensor([[-1, 0], [7, 2**40]], dtype=torch.int64),
        "mask": torch.tensor([True, False, False, True, True]),
        "pixels": torch.tensor([0, 1, 127, 128, 255], dtype=torch.uint8),
        "counts": torch.tensor([-5, 0, 2147483647], dtype=torch.int32),
        "half": torch.tensor([1.5, -0.25, 65504.0], dtype=torch.float16),
        "brain": torch.tensor([1.0, -2.5, 3.140625], dtype=torch.bfloat16),
        "empty": torch.zeros(0, 3),
        "zeta": torch.arange(6, dtype=torch.float32).reshape(2, 3),
    }


def describe(path, tensors):
    with open(path, "rb") as f:
        blob = f.read()
    (n,) = struct.unpack("<Q", blob[:8])
    loaded = load_file(path)
    assert set(loaded) == set(tensors), "round trip lost tensors"
    header = json.loads(blob[8:8 + n].decode("utf-8"))
    result = {"file_size": len(blob), "header_length": n, "header": blob[8:8 + n].decode("utf-8"),
              "metadata": load_metadata(path), "order": [k for k in header if k != "__metadata__"],
              "tensors": {}}
    for name, tensor in tensors.items():
        assert torch.equal(loaded[name], tensor), f"round trip changed {name}"
        info = header[name]
        begin, end = info["data_offsets"]
        values = tensor.reshape(-1)
        if tensor.dtype in (torch.float16, torch.bfloat16):
            values = values.to(torch.float64)
        result["tensors"][name] = {
            "dtype": info["dtype"],
            "shape": info["shape"],
            "data_offsets": [begin, end],
            "values": values.tolist(),
            "hex": blob[8 + n + begin:8 + n + end].hex(),
        }
    return result


# Expected bytes published in the reference's own test suite (bindings/python/tests/test_simple.py).
REFERENCE_VECTORS = [
    ({"test": torch.zeros(2, 2, dtype=torch.int32)}, None,
     b'@\x00\x00\x00\x00\x00\x00\x00{"test":{"dtype":"I32","shape":[2,2],"data_offsets":[0,16]}}    ' + bytes(16)),
    ({"test2": torch.zeros(2, 2, dtype=torch.float16), "test1": torch.zeros(2, 2, dtype=torch.int32)}, None,
     b'\x80\x00\x00\x00\x00\x00\x00\x00{"test1":{"dtype":"I32","shape":[2,2],"data_offsets":[0,16]},'
     b'"test2":{"dtype":"F16","shape":[2,2],"data_offsets":[16,24]}}      ' + bytes(24)),
    ({"test1": torch.zeros(2, 2, dtype=torch.int32)}, {"framework": "pt"},
     b'`\x00\x00\x00\x00\x00\x00\x00{"__metadata__":{"framework":"pt"},'
     b'"test1":{"dtype":"I32","shape":[2,2],"data_offsets":[0,16]}} ' + bytes(16)),
]


def check_reference_vectors():
    for tensors, metadata, expected in REFERENCE_VECTORS:
        assert save(tensors, metadata) == expected, f"layout differs from the reference for {list(tensors)}"


def main():
    check_reference_vectors()
    os.makedirs(OUT, exist_ok=True)
    expected = {}
    basic = basic_tensors()
    metadata = {"format": "pt", "note": "caf\u00e9 \"quoted\"\nline\ttab \U0001f600", "epoch": "3"}
    save_file(basic, os.path.join(OUT, "basic.safetensors"), metadata=metadata)
    expected["basic.safetensors"] = describe(os.path.join(OUT, "basic.safetensors"), basic)

    single = {"w": torch.tensor([[1.0, 2.0], [3.0, 4.0]])}
    save_file(single, os.path.join(OUT, "no_metadata.safetensors"))
    expected["no_metadata.safetensors"] = describe(os.path.join(OUT, "no_metadata.safetensors"), single)

    with open(os.path.join(OUT, "expected.json"), "w", encoding="utf-8") as f:
        json.dump(expected, f, indent=1, ensure_ascii=False)
        f.write("\n")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
