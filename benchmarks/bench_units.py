"""Units and people: their share of a parse, the cold cost of the gazetteer, and linearity.

Figures are ratios against a baseline measured in the same run:
- per text, parse time with the units and people stages over the time without them;
- a cold parse of the seed (new process: imports, gazetteer read on first link)
  with and without the two stages;
- the scan time of a text repeated 8 times over the same text once (linear: about 8).
"""

from __future__ import annotations

import subprocess
import sys

from _common import ROOT, SEED, best_of, machine, texts

COLD = """
import time, sys
t0 = time.perf_counter()
import nq_extract
from nq_extract import pipeline
st = None if sys.argv[1] == "with" else [s for s in pipeline.STAGES if not s.endswith(("units", "people"))]
nq_extract.parse(sys.argv[2], stages=st)
print(time.perf_counter() - t0)
"""


def cold(mode: str) -> float:
    runs = []
    for _ in range(3):
        out = subprocess.run([sys.executable, "-c", COLD, mode, str(SEED)], capture_output=True, text=True, cwd=ROOT, check=True)
        runs.append(float(out.stdout.strip()))
    return min(runs)


def main() -> None:
    import nq_extract
    from nq_extract import pipeline
    from nq_extract.extract.unit_grammar import Scanner

    print(machine())
    without = [s for s in pipeline.STAGES if not s.endswith(("units", "people"))]
    nq_extract.parse(SEED)  # warm: imports and the gazetteer
    total_with = total_without = 0.0
    for name, text in texts():
        w = best_of(lambda text=text: nq_extract.parse(text))
        wo = best_of(lambda text=text: nq_extract.parse(text, stages=without))
        total_with += w
        total_without += wo
        print(f"{name[:50]:<52} {len(text):>7} chars  with/without units+people {w / wo:5.2f}")
    print(f"{'all texts':<52} {'':>7}        with/without units+people {total_with / total_without:5.2f}")
    c_with, c_without = cold("with"), cold("without")
    print(f"cold seed parse: with {c_with:.2f} s, without {c_without:.2f} s, ratio {c_with / c_without:.2f}")
    seed = SEED.read_text(encoding="utf-8")
    one = best_of(lambda: Scanner(seed).scan())
    eight = best_of(lambda: Scanner(seed * 8).scan())
    print(f"scan of the seed x8 / x1: {eight / one:.2f} (linear: about 8)")


if __name__ == "__main__":
    main()
