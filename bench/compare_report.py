#!/usr/bin/python3
"""Turns the RESULT lines of bench/compare.sh into a table of ratios (stdout) and bench/RESULTS.md.

Usage: compare_report.py RESULTS_TXT OUTPUT_MD
A ratio is PyTorch's time over Gradus's time: above 1 Gradus is faster.
"""
import datetime
import json
import os
import platform
import subprocess
import sys
import textwrap

IMPLS = ["gradus", "torch-debian", "torch-openblas"]


def lscpu():
    fields = {}
    for line in subprocess.run(["lscpu"], capture_output=True, text=True).stdout.splitlines():
        key, _, value = line.partition(":")
        fields[key.strip()] = value.strip()
    return fields


def tool_version(cmd):
    try:
        return subprocess.run(cmd, capture_output=True, text=True).stdout.strip().splitlines()[0]
    except (OSError, IndexError):
        return "unknown"


def load(path):
    """The best (fastest) round of each implementation on each workload, with every round's load average kept."""
    results, loads = {}, []
    with open(path) as f:
        for line in f:
            if line.startswith("RESULT "):
                r = json.loads(line[len("RESULT "):])
                loads.append(r.get("load1", -1))
                best = results.setdefault(r["workload"], {}).get(r["impl"])
                if best is None or r["seconds"] < best["seconds"]:
                    results[r["workload"]][r["impl"]] = r
    return results, loads


def table(results):
    head = ("| workload | Gradus ms | GFLOP/s | GFLOP/CPU-s | torch (Debian BLAS) ms | GFLOP/s | ratio "
            "| torch (OpenBLAS) ms | GFLOP/s | GFLOP/CPU-s | ratio | peak MB Gradus / Debian / OpenBLAS |")
    rows = [head, "|" + "---|" * (head.count("|") - 1)]
    for name, by_impl in results.items():
        g = by_impl.get("gradus")
        cells = [name]
        for impl in IMPLS:
            r = by_impl.get(impl)
            cells += [f"{r['seconds'] * 1e3:.3f}" if r else "-", f"{r['gflops']:.1f}" if r and r["gflops"] else "-"]
            if impl != "torch-debian":
                cpu = r.get("cpu_seconds") if r else None
                cells.append(f"{r['gflops'] * r['seconds'] / cpu:.1f}" if cpu and r["gflops"] else "-")
            if impl != "gradus":
                cells.append(f"{r['seconds'] / g['seconds']:.2f}x" if r and g else "-")
        cells.append(" / ".join(f"{by_impl[i]['peak_rss_mb']:.0f}" if i in by_impl else "-" for i in IMPLS))
        rows.append("| " + " | ".join(cells) + " |")
    return "\n".join(rows)


def priority():
    nice = os.environ.get("COMPARE_NICE")
    return f"; the comparison ran in its own scheduling group at nice {nice} (COMPARE_NICE)" if nice else ""


def load_range(loads):
    loads = [x for x in loads if x >= 0]
    return f"{min(loads):.1f} to {max(loads):.1f}" if loads else "unknown"


def main(src, dst):
    results, loads = load(src)
    cpu = lscpu()
    blas = {impl: r.get("blas", "") for by_impl in results.values() for impl, r in by_impl.items() if impl != "gradus"}
    text = table(results)
    print(text)
    intro = (f"Written by `bench/compare.sh` on {datetime.date.today().isoformat()}. Each workload runs in a fresh process, "
             "the three implementations one after the other, for several rounds; the time is the best of 7 batches after "
             "warm-up, in the best round. A ratio is PyTorch's time divided by Gradus's time (above 1: Gradus is faster). "
             "Both sides use 2 threads. GFLOP/CPU-s divides the work by the CPU time of all the process's threads "
             "(spin-waiting included): it shows efficiency even when other processes take a share of the cores. "
             f"The 1-minute load average during the runs was {load_range(loads)} (other processes share this machine: "
             f"wall-clock timings are only as steady as that){priority()}.")
    machine = (f"{cpu.get('Model name', platform.processor())} (family {cpu.get('CPU family', '?')}, model "
               f"{cpu.get('Model', '?')}), {cpu.get('CPU(s)', '?')} CPUs, L1d {cpu.get('L1d cache', '?')}, "
               f"L2 {cpu.get('L2 cache', '?')}, L3 {cpu.get('L3 cache', '?')}; "
               f"AVX-512: {'yes' if 'avx512f' in cpu.get('Flags', '') else 'no'}")
    md = f"""# Gradus vs PyTorch, side by side

{textwrap.fill(intro, 118)}

- Machine: {machine}
- Gradus: .NET {tool_version(['dotnet', '--version'])}
- PyTorch: Debian python3-torch {tool_version(['/usr/bin/python3', '-c', 'import torch; print(torch.__version__)'])}
- torch-debian loads: {blas.get('torch-debian', '-')}
- torch-openblas loads: {blas.get('torch-openblas', '-')}

{text}
"""
    with open(dst, "w") as f:
        f.write(md)
    print(f"wrote {dst}", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
