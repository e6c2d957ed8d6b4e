#!/usr/bin/python3
"""Makes data/fashion-mnist/: the first 2,000 train and 1,000 test images and labels of Debian's
dataset-fashion-mnist, as reproducible .gz IDX files, and records their SHA-256 digests (taken from
the Debian files) in tests/Gradus.Tests/fixtures/io/fashion_mnist_sample.json.

Run from anywhere: /usr/bin/python3 tools/make_fashion_sample.py [debian_dir]
"""
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from idx_gz import read_idx, write_json, write_split  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SOURCE = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/datasets/fashion-mnist"
OUT = os.path.join(ROOT, "data", "fashion-mnist")
FIXTURE = os.path.join(ROOT, "tests", "Gradus.Tests", "fixtures", "io", "fashion_mnist_sample.json")
COUNTS = {"train": 2000, "t10k": 1000}


def debian_version():
    try:
        return subprocess.run(["dpkg-query", "-W", "-f=${Version}", "dataset-fashion-mnist"],
                              capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def main():
    os.makedirs(OUT, exist_ok=True)
    record = {"source": SOURCE, "package": "dataset-fashion-mnist", "version": debian_version()}
    for split, count in COUNTS.items():
        images = read_idx(os.path.join(SOURCE, f"{split}-images-idx3-ubyte.gz"))
        labels = read_idx(os.path.join(SOURCE, f"{split}-labels-idx1-ubyte.gz"))
        images, labels = images[:count], labels[:count]
        record[split] = write_split(OUT, split, images, labels)
    write_json(FIXTURE, record)
    print(f"wrote {OUT} and {FIXTURE}")


if __name__ == "__main__":
    main()
