#!/usr/bin/python3
"""The PyTorch side of bench/compare.sh (run with Debian's /usr/bin/python3 and its python3-torch).

Each workload has the same name and does the same work as one in bench/Gradus.Bench/Compare/Workloads.cs.
`compare_torch.py --impl LABEL [names...]` times the named workloads (all when none is named) on two threads and
prints one line per workload: RESULT {"impl": LABEL, "workload": ..., "seconds": ..., "gflops": ..., ...}.
`--list` prints the names. Add a workload with the @workload decorator below.
"""
import json
import os
import resource
import sys
import time

import torch

THREADS = 2
WORKLOADS = {}


def workload(name, description, flops=0.0):
    """Registers a setup function: it builds the inputs once and returns the callable to time."""
    def register(setup):
        WORKLOADS[name] = (description, flops, setup)
        return setup
    return register


def uniform(*shape, seed):
    g = torch.Generator().manual_seed(seed)
    return torch.rand(*shape, generator=g) * 2 - 1


for _n in (256, 512, 1024, 2048):
    def _sgemm(n=_n):
        a, b = uniform(n, n, seed=1), uniform(n, n, seed=2)
        c = torch.empty(n, n)
        return lambda: torch.mm(a, b, out=c)
    workload(f"sgemm_{_n}", f"C = A·B, float32, {_n}x{_n}", 2.0 * _n ** 3)(_sgemm)


sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import course_workloads  # noqa: E402  (the course-sized workloads: relu, regression, Fashion-MNIST, LeNet)

course_workloads.register(workload)


def measure(run):
    """Wall and CPU seconds of one run: the best of 7 batches filling about a second, after a warm-up of 50 runs or one
    second (whichever ends first), as CompareRunner.Measure does. CPU seconds count every thread of the process."""
    start = time.perf_counter()
    warm = 0
    while warm < 2 or (warm < 50 and time.perf_counter() - start < 1.0):
        run()
        warm += 1
    once = max((time.perf_counter() - start) / warm, 1e-7)
    per_batch = int(min(max(0.15 / once, 1), 2000))
    wall = cpu = float("inf")
    for _ in range(7):
        start, cpu0 = time.perf_counter(), time.process_time()
        for _ in range(per_batch):
            run()
        wall = min(wall, (time.perf_counter() - start) / per_batch)
        cpu = min(cpu, (time.process_time() - cpu0) / per_batch)
    return wall, cpu


def blas_library():
    """The BLAS shared library this process actually loaded (from /proc/self/maps)."""
    with open("/proc/self/maps") as f:
        paths = {line.split()[-1] for line in f if "blas" in line.lower() and "/" in line}
    return ", ".join(sorted(paths)) or "none"


def main(argv):
    impl = "torch"
    if "--impl" in argv:
        i = argv.index("--impl")
        impl = argv[i + 1]
        del argv[i:i + 2]
    if "--list" in argv:
        for name, (description, _, _) in WORKLOADS.items():
            print(f"{name}\t{description}")
        return 0
    names = [a for a in argv if not a.startswith("--")] or list(WORKLOADS)
    unknown = [n for n in names if n not in WORKLOADS]
    if unknown:
        print(f"compare_torch: unknown workload(s) {unknown} (try --list)", file=sys.stderr)
        return 2
    torch.set_num_threads(THREADS)
    for name in names:
        description, flops, setup = WORKLOADS[name]
        seconds, cpu_seconds = measure(setup())
        result = {
            "impl": impl,
            "workload": name,
            "seconds": seconds,
            "gflops": flops / seconds / 1e9 if flops else 0.0,
            "cpu_seconds": cpu_seconds,
            "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0,
            "threads": torch.get_num_threads(),
            "blas": blas_library(),
            "load1": os.getloadavg()[0],
        }
        print("RESULT " + json.dumps(result), flush=True)
        print(f"{name:<16} {seconds * 1e3:10.3f} ms {result['gflops']:9.1f} GFLOP/s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
