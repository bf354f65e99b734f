"""Whole-pipeline throughput on text, and the cold start of the command line.

Figures are ratios against baselines measured in the same run:
- throughput: MB/s of text through ``nq_extract.parse_text`` (one core) against
  reading the same text and NFC-normalizing it;
- cold start: ``nq-extract parse SEED`` in a new process against starting Python
  and importing ``json``.

    .venv/bin/python benchmarks/bench_pipeline.py
"""

from __future__ import annotations

import subprocess
import sys
import unicodedata

from _common import SEED, best_of, machine, texts


def main() -> None:
    import nq_extract

    docs = texts()
    total_bytes = sum(len(t.encode("utf-8")) for _, t in docs)
    nq_extract.parse_text(docs[0][1])  # warm the imports and caches

    def pipeline() -> None:
        for _, t in docs:
            nq_extract.parse_text(t)

    def baseline() -> None:
        for _, t in docs:
            unicodedata.normalize("NFC", t.encode("utf-8").decode("utf-8"))

    t_pipe = best_of(pipeline, 3)
    t_base = best_of(baseline, 5)
    mb = total_bytes / 1e6
    print(f"machine: {machine()}")
    print(f"corpus: {len(docs)} documents, {mb:.2f} MB of text")
    print(
        f"pipeline: {mb / t_pipe:.2f} MB/s per core; baseline read+NFC {mb / t_base:.1f} MB/s; ratio pipeline/baseline time {t_pipe / t_base:.0f}x"
    )

    cmd = [sys.executable, "-m", "nq_extract", "parse", str(SEED), "--format", "json"]
    t_cold = best_of(lambda: subprocess.run(cmd, check=True, capture_output=True), 3)
    t_py = best_of(lambda: subprocess.run([sys.executable, "-c", "import json"], check=True, capture_output=True), 3)
    print(f"cold parse of the seed: {t_cold:.2f} s; bare Python start {t_py:.2f} s; ratio {t_cold / t_py:.1f}x")


if __name__ == "__main__":
    main()
