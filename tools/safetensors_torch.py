#!/usr/bin/python3
"""safetensors for PyTorch in pure Python (no `safetensors` package needed): save_file, load_file,
save, load, with the same call shapes as `safetensors.torch`.

Layout (https://github.com/huggingface/safetensors, README "Format"): 8-byte little-endian header
length N, then N bytes of UTF-8 JSON {"__metadata__": {str: str}, name: {"dtype", "shape",
"data_offsets": [begin, end]}}, padded with spaces to a multiple of 8, then the data buffer.
Offsets are relative to the buffer; tensors are packed with no holes, little-endian, row-major.
Like the reference writer, tensors are ordered by descending dtype alignment, then by name, and the
JSON is compact (no spaces, non-ASCII kept as UTF-8). The reference keeps `__metadata__` keys in
hash order; this writer sorts them, so output is deterministic. Unlike the reference, a non-contiguous
tensor is saved in its logical row-major order (the reference raises) and tensors sharing memory are each
saved in full (the reference raises and points to save_model).

Usage: sys.path.insert(0, "tools"); from safetensors_torch import save_file, load_file
"""
import json
import os
import struct

import torch

MAX_HEADER_SIZE = 100_000_000

# Reference dtype order (safetensors' Dtype enum, increasing alignment), names and bit widths.
DTYPE_ORDER = ["BOOL", "F4", "F6_E2M3", "F6_E3M2", "U8", "I8", "F8_E5M2", "F8_E4M3", "F8_E8M0",
               "F8_E4M3FNUZ", "F8_E5M2FNUZ", "I16", "U16", "F16", "BF16", "I32", "U32", "F32",
               "C64", "F64", "I64", "U64"]

_TORCH_TYPES = {
    "BOOL": torch.bool, "U8": torch.uint8, "I8": torch.int8, "I16": torch.int16,
    "F16": torch.float16, "BF16": torch.bfloat16, "I32": torch.int32, "F32": torch.float32,
    "C64": torch.complex64, "F64": torch.float64, "I64": torch.int64,
}
for _name, _attr in (("U16", "uint16"), ("U32", "uint32"), ("U64", "uint64")):
    if hasattr(torch, _attr):
        _TORCH_TYPES[_name] = getattr(torch, _attr)
_NAMES = {v: k for k, v in _TORCH_TYPES.items()}


def _tensor_bytes(tensor):
    """The little-endian row-major bytes of a CPU tensor."""
    flat = tensor.detach().to("cpu").contiguous().reshape(-1)
    if flat.numel() == 0:
        return b""
    # A one-byte view works for every dtype (bfloat16 has no numpy type).
    return flat.view(torch.uint8).numpy().tobytes()


def _header_json(header):
    return json.dumps(header, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def save(tensors, metadata=None):
    """Serializes a dict of tensors (and optional str->str metadata) into safetensors bytes."""
    if not isinstance(tensors, dict):
        raise ValueError(f"Expected a dict of [str, torch.Tensor] but received {type(tensors)}")
    items = []
    for name, tensor in tensors.items():
        if not isinstance(tensor, torch.Tensor):
            raise ValueError(f"Key `{name}` is invalid, expected torch.Tensor but received {type(tensor)}")
        if tensor.dtype not in _NAMES:
            raise ValueError(f"Key `{name}`: dtype {tensor.dtype} has no safetensors name")
        items.append((name, _NAMES[tensor.dtype], tensor))
    # Descending dtype alignment, then name (by UTF-8 bytes, like Rust's String ordering).
    items.sort(key=lambda it: (-DTYPE_ORDER.index(it[1]), it[0].encode("utf-8")))
    header = {}
    if metadata is not None:
        for key, value in metadata.items():
            if not isinstance(key, str) or not isinstance(value, str):
                raise ValueError(f"metadata must map str to str, got {key!r}: {value!r}")
        header["__metadata__"] = {k: metadata[k] for k in sorted(metadata, key=lambda s: s.encode("utf-8"))}
    chunks, offset = [], 0
    for name, dtype, tensor in items:
        data = _tensor_bytes(tensor)
        header[name] = {"dtype": dtype, "shape": list(tensor.shape), "data_offsets": [offset, offset + len(data)]}
        chunks.append(data)
        offset += len(data)
    header_bytes = _header_json(header)
    header_bytes += b" " * (-len(header_bytes) % 8)
    return struct.pack("<Q", len(header_bytes)) + header_bytes + b"".join(chunks)


def save_file(tensors, filename, metadata=None):
    """Writes a dict of tensors to `filename` (temporary file, then rename)."""
    blob = save(tensors, metadata)
    tmp = f"{filename}.{os.getpid()}.tmp"
    with open(tmp, "wb") as f:
        f.write(blob)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, filename)


def _parse(blob, source):
    if len(blob) < 8:
        raise ValueError(f"{source}: file is {len(blob)} bytes, shorter than the 8-byte header length")
    (n,) = struct.unpack("<Q", blob[:8])
    if n > MAX_HEADER_SIZE or n > len(blob) - 8:
        raise ValueError(f"{source}: header length {n} does not fit in a file of {len(blob)} bytes")
    header = json.loads(blob[8:8 + n].decode("utf-8"), object_pairs_hook=_no_duplicates)
    metadata = header.pop("__metadata__", None)
    buffer = memoryview(blob)[8 + n:]
    entries = sorted(header.items(), key=lambda kv: tuple(kv[1]["data_offsets"]))
    position = 0
    result = {}
    for name, info in entries:
        begin, end = info["data_offsets"]
        if begin != position or end < begin or end > len(buffer):
            raise ValueError(f"{source}: invalid offset for tensor `{name}`")
        dtype = _TORCH_TYPES[info["dtype"]]
        shape = info["shape"]
        count = 1
        for d in shape:
            count *= d
        if count * torch.empty(0, dtype=dtype).element_size() != end - begin:
            raise ValueError(f"{source}: tensor `{name}` of shape {shape} and dtype {info['dtype']} "
                             f"does not fill its {end - begin} bytes")
        if end == begin:
            result[name] = torch.empty(shape, dtype=dtype)
        else:
            raw = torch.frombuffer(bytearray(buffer[begin:end]), dtype=torch.uint8)
            result[name] = raw.view(dtype).reshape(shape)
        position = end
    if position != len(buffer):
        raise ValueError(f"{source}: incomplete metadata, {len(buffer) - position} bytes not covered by tensors")
    return result, metadata


def _no_duplicates(pairs):
    keys = [k for k, _ in pairs]
    if len(keys) != len(set(keys)):
        raise ValueError(f"duplicate key in safetensors header: {keys}")
    return dict(pairs)


def load(data):
    """Deserializes safetensors bytes into a dict of tensors."""
    return _parse(bytes(data), "<bytes>")[0]


def load_file(filename, device="cpu"):
    """Loads a .safetensors file into a dict of tensors on `device`."""
    with open(filename, "rb") as f:
        tensors, _ = _parse(f.read(), filename)
    return {k: v.to(device) for k, v in tensors.items()}


def load_metadata(filename):
    """The `__metadata__` dict of a .safetensors file (None when absent)."""
    with open(filename, "rb") as f:
        return _parse(f.read(), filename)[1]
