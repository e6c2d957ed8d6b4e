"""Shared helpers for the data tools: read and write IDX files (plain or gzip) with numpy.

IDX layout (LeCun's MNIST format): two zero bytes, a type code (0x08 = ubyte), the number of
dimensions, each dimension as a big-endian int32, then the data, row-major.
Gzip output is reproducible: no file name and mtime 0 in the gzip header.
"""
import gzip
import hashlib
import io
import json
import os
import struct

import numpy as np


def read_idx(path):
    """Reads an IDX ubyte file (gzip detected by its magic bytes) into a numpy uint8 array."""
    with open(path, "rb") as f:
        raw = f.read()
    if raw[:2] == b"\x1f\x8b":
        raw = gzip.decompress(raw)
    zero, type_code, ndim = struct.unpack(">HBB", raw[:4])
    if zero != 0 or type_code != 0x08:
        raise ValueError(f"{path}: not an IDX ubyte file (magic {raw[:4].hex()})")
    dims = struct.unpack(">" + "i" * ndim, raw[4:4 + 4 * ndim])
    data = np.frombuffer(raw, dtype=np.uint8, offset=4 + 4 * ndim)
    if data.size != int(np.prod(dims)):
        raise ValueError(f"{path}: expected {int(np.prod(dims))} bytes of data, found {data.size}")
    return data.reshape(dims)


def idx_bytes(array):
    """The IDX ubyte encoding of a numpy uint8 array."""
    array = np.ascontiguousarray(array, dtype=np.uint8)
    header = struct.pack(">HBB", 0, 0x08, array.ndim) + struct.pack(">" + "i" * array.ndim, *array.shape)
    return header + array.tobytes()


def write_idx_gz(path, array):
    """Writes a numpy uint8 array as a reproducible .gz IDX file (temporary name, then rename)."""
    buf = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, compresslevel=9, mtime=0) as gz:
        gz.write(idx_bytes(array))
    tmp = path + ".tmp"
    with open(tmp, "wb") as f:
        f.write(buf.getvalue())
    os.replace(tmp, path)


def split_record(images, labels):
    """What the tests check about a split: counts, SHA-256 digests of the raw bytes, first labels, label counts."""
    return {
        "count": int(images.shape[0]),
        "rows": int(images.shape[1]),
        "cols": int(images.shape[2]),
        "images_sha256": hashlib.sha256(np.ascontiguousarray(images).tobytes()).hexdigest(),
        "labels_sha256": hashlib.sha256(np.ascontiguousarray(labels).tobytes()).hexdigest(),
        "first_labels": [int(v) for v in labels[:20]],
        "first_image_sum": int(images[0].astype("int64").sum()),
        "label_counts": [int((labels == k).sum()) for k in range(10)],
    }


def write_split(folder, split, images, labels):
    """Writes <split>-images-idx3-ubyte.gz and <split>-labels-idx1-ubyte.gz into folder; returns split_record."""
    write_idx_gz(os.path.join(folder, f"{split}-images-idx3-ubyte.gz"), images)
    write_idx_gz(os.path.join(folder, f"{split}-labels-idx1-ubyte.gz"), labels)
    return split_record(images, labels)


def write_json(path, value):
    """Writes value as indented JSON (creating the folder)."""
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        json.dump(value, f, indent=1)
        f.write("\n")
