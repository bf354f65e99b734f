"""Whole-pipeline throughput on text, and the cold start of the command line.

Figures are ratios against baselines measured in the same run:
- throughput: MB/s of text through ``nq_extract.parse_text`` (one core) against
  reading the same text and NFC-normalizing it; best of ``--repeat`` passes
  over the corpus (the seed and the dev texts), in wall time and in CPU time
  of this process (less sensitive to other work on the machine);
- where the time goes: CPU seconds of each part (``parse_text(..., timings={})``),
  best of the passes, as a share of their sum; and the share of one pass spent in
  garbage collection (``gc.callbacks``), with the objects it found unreachable;
- cold start: ``nq-extract parse SEED`` in a new process against starting Python
  and importing ``json``.

    .venv/bin/python benchmarks/bench_pipeline.py [--repeat 5] [--no-cold]
"""

from __future__ import annotations

import argparse
import gc
import subprocess
import sys
import time
import unicodedata

from _common import SEED, best_of, machine, texts


def _best_cpu(fn: object, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.process_time()
        fn()  # type: ignore[operator]
        best = min(best, time.process_time() - t0)
    return best


def _gc_share(fn: object) -> tuple[float, int, int]:
    """Share of one run of ``fn`` (wall time) spent in garbage collection, the collections and what they freed."""
    spent, runs, freed, started = 0.0, 0, 0, 0.0

    def on_gc(phase: str, info: dict[str, int]) -> None:
        nonlocal spent, runs, freed, started
        if phase == "start":
            started = time.perf_counter()
        else:
            spent += time.perf_counter() - started
            runs += 1
            freed += info["collected"]

    gc.callbacks.append(on_gc)
    try:
        t0 = time.perf_counter()
        fn()  # type: ignore[operator]
        total = time.perf_counter() - t0
    finally:
        gc.callbacks.remove(on_gc)
    return spent / total, runs, freed


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--repeat", type=int, default=5, help="passes over the corpus; the best one counts")
    ap.add_argument("--no-cold", action="store_true", help="skip the cold-start figure")
    args = ap.parse_args()

    import nq_extract

    docs = texts()
    total_bytes = sum(len(t.encode("utf-8")) for _, t in docs)
    for _, t in docs:  # warm the imports and caches
        nq_extract.parse_text(t)

    def pipeline() -> None:
        for _, t in docs:
            nq_extract.parse_text(t)

    def baseline() -> None:
        for _, t in docs:
            unicodedata.normalize("NFC", t.encode("utf-8").decode("utf-8"))

    parts: dict[str, float] = {}

    def split() -> None:
        seen: dict[str, float] = {}
        for _, t in docs:
            timings: dict[str, float | None] = {}
            nq_extract.parse_text(t, timings=timings)
            for part, seconds in timings.items():
                seen[part] = seen.get(part, 0.0) + (seconds or 0.0)
        for part, seconds in seen.items():
            parts[part] = min(seconds, parts.get(part, float("inf")))

    t_pipe = best_of(pipeline, args.repeat)
    t_base = best_of(baseline, args.repeat + 2)
    c_pipe = _best_cpu(pipeline, args.repeat)
    c_base = _best_cpu(baseline, args.repeat + 2)
    for _ in range(args.repeat):
        split()
    gc_seconds, gc_runs, gc_freed = _gc_share(pipeline)
    mb = total_bytes / 1e6
    print(f"machine: {machine()}")
    print(f"corpus: {len(docs)} documents, {mb:.2f} MB of text; best of {args.repeat} passes")
    print(
        f"pipeline: {mb / t_pipe:.2f} MB/s per core; baseline read+NFC {mb / t_base:.1f} MB/s; ratio pipeline/baseline time {t_pipe / t_base:.0f}x"
    )
    print(
        f"pipeline, CPU time: {mb / c_pipe:.2f} MB/s per core; baseline read+NFC {mb / c_base:.1f} MB/s; "
        f"ratio pipeline/baseline time {c_pipe / c_base:.0f}x"
    )
    total = sum(parts.values())
    shares = ", ".join(f"{p.rsplit('.', 1)[-1]} {100 * s / total:.0f}%" for p, s in sorted(parts.items(), key=lambda kv: -kv[1]))
    print(f"split (CPU, {1000 * total:.0f} ms a pass): {shares}")
    print(f"garbage collection: {100 * gc_seconds:.0f}% of a pass ({gc_runs} collections, {gc_freed} objects unreachable)")

    if args.no_cold:
        return
    cmd = [sys.executable, "-m", "nq_extract", "parse", str(SEED), "--format", "json"]
    t_cold = best_of(lambda: subprocess.run(cmd, check=True, capture_output=True), 3)
    t_py = best_of(lambda: subprocess.run([sys.executable, "-c", "import json"], check=True, capture_output=True), 3)
    print(f"cold parse of the seed: {t_cold:.2f} s; bare Python start {t_py:.2f} s; ratio {t_cold / t_py:.1f}x")


if __name__ == "__main__":
    main()
