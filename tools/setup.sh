#!/usr/bin/env bash
# Installs what Gradus needs on a fresh Debian machine: the Debian packages the tests and the
# course use (Graphviz for graph pictures, Chromium for the report test, the full Fashion-MNIST).
# Safe to run again: it installs only what is missing.
set -euo pipefail
need=()
command -v dot >/dev/null 2>&1 || need+=(graphviz)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
[ -f /usr/share/datasets/fashion-mnist/train-images-idx3-ubyte.gz ] || need+=(dataset-fashion-mnist)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  else
    echo "setup: missing Debian packages: ${need[*]} (run as root to install them)" >&2
  fi
fi
