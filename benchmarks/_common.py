"""Shared helpers of the benchmark scripts: timing, corpus discovery, machine line."""

from __future__ import annotations

import os
import platform
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "corpora" / "seed" / "000_52b61e05002b0fc6.txt"
SHARED = Path(os.environ.get("NQ_EXTRACT_SHARED", ROOT.parent / "shared"))
DEV = SHARED / "corpus" / "dev"


def machine() -> str:
    return f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"


def best_of(fn: Callable[[], object], repeat: int = 3, clock: Callable[[], float] = time.perf_counter) -> float:
    """The shortest of ``repeat`` runs of ``fn`` (wall clock; ``clock=time.process_time`` for CPU time)."""
    best = float("inf")
    for _ in range(repeat):
        t0 = clock()
        fn()
        best = min(best, clock() - t0)
    return best


def texts() -> list[tuple[str, str]]:
    """(name, text) of the seed and, when present, the dev corpus texts."""
    out = [(SEED.name, SEED.read_text(encoding="utf-8"))]
    if DEV.exists():
        out += [(p.parent.name, p.read_text(encoding="utf-8")) for p in sorted(DEV.glob("*/text.txt"))]
    return out
