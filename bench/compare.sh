#!/usr/bin/env bash
# Side-by-side comparison of Gradus with PyTorch on this machine, workload by workload, each in a fresh process:
#   gradus          : dotnet run -c Release --project bench/Gradus.Bench -- compare NAME
#   torch-debian    : /usr/bin/python3 bench/compare_torch.py with the BLAS python3-torch gets on a stock Debian
#                     install (netlib's reference libblas3/liblapack3, pinned so the run does not depend on alternatives)
#   torch-openblas  : the same with Debian's libopenblas0-openmp loaded first (installed here when missing and root)
# Both PyTorch runs use two threads. Every workload runs COMPARE_ROUNDS times (default 3), the three implementations
# interleaved, and the report keeps each one's best round. Prints a table of ratios and writes bench/RESULTS.md.
# Usage: bench/compare.sh [workload ...]   (default: every workload; `dotnet run ... -- compare --list` names them)
# On a machine shared with other work, COMPARE_NICE=-20 (as root) runs the whole comparison in its own Linux
# scheduling group (autogroup) at that nice value, so that both sides are timed with the cores mostly to themselves.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -n "${COMPARE_NICE:-}" ] && [ -z "${COMPARE_NICED:-}" ]; then
  exec setsid -w env COMPARE_NICED=1 bash -c 'echo "$COMPARE_NICE" > /proc/self/autogroup && exec bash bench/compare.sh "$@"' compare "$@"
fi
PY=/usr/bin/python3
LIBDIR=/usr/lib/x86_64-linux-gnu
OPENBLAS_DIR=$LIBDIR/openblas-openmp
NETLIB_DIRS=$LIBDIR/blas:$LIBDIR/lapack

if [ ! -e "$OPENBLAS_DIR/libblas.so.3" ]; then
  if [ "$(id -u)" = 0 ]; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq --no-install-recommends libopenblas0-openmp >/dev/null
  else
    echo "compare: $OPENBLAS_DIR missing; run as root or: apt-get install libopenblas0-openmp" >&2
    exit 1
  fi
fi

dotnet build -c Release bench/Gradus.Bench -v q -nologo >/dev/null
gradus() { dotnet run -c Release --no-build --project bench/Gradus.Bench -- compare "$@"; }

if [ $# -gt 0 ]; then workloads=("$@"); else mapfile -t workloads < <(gradus --list | cut -f1); fi
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for round in $(seq 1 "${COMPARE_ROUNDS:-3}"); do
  for w in "${workloads[@]}"; do
    echo "== $w (round $round)" >&2
    gradus "$w" | grep '^RESULT ' >>"$out/results.txt"
    LD_LIBRARY_PATH=$NETLIB_DIRS "$PY" bench/compare_torch.py --impl torch-debian "$w" | grep '^RESULT ' >>"$out/results.txt"
    env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE LD_LIBRARY_PATH=$OPENBLAS_DIR \
      "$PY" bench/compare_torch.py --impl torch-openblas "$w" | grep '^RESULT ' >>"$out/results.txt"
  done
done
"$PY" bench/compare_report.py "$out/results.txt" bench/RESULTS.md
