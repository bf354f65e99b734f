"""Reference extraction throughput, as a ratio to a bare compiled-regex scan of the same text.

MB/s of UTF-8 text on one core through the reference extractor (full citations in
both grammars with their context, then groups, aliases and short forms:
``nq_extract.refs.find_cites`` + ``resolve``), against one pass of a bare
thirty-character symbol regex (``finditer``) over the same texts in the same run.
Also the adversarial inputs of the linear-time test, at two sizes.

    .venv/bin/python benchmarks/bench_references.py
"""

from __future__ import annotations

import re

from _common import best_of, machine, texts

BARE = re.compile(r"\d{1,5}\s*[-/]\s*[A-ZĐ][\w/&.-]{1,30}")


def main() -> None:
    from nq_extract.refs import find_cites, resolve

    docs = [t for _, t in texts()]
    mb = sum(len(t.encode("utf-8")) for t in docs) / 1e6
    for t in docs:  # warm the pattern caches
        resolve(t, find_cites(t))

    def refs() -> None:
        for t in docs:
            resolve(t, find_cites(t))

    def bare() -> None:
        for t in docs:
            for _ in BARE.finditer(t):
                pass

    t_refs, t_bare = best_of(refs, 5), best_of(bare, 5)
    print(f"machine: {machine()}")
    print(f"corpus: {len(docs)} documents, {mb:.2f} MB of text")
    print(
        f"references: {mb / t_refs:.2f} MB/s per core; bare regex scan {mb / t_bare:.1f} MB/s; "
        f"ratio references/bare time {t_refs / t_bare:.1f}x"
    )
    for unit in ("số ", "1."):
        n = 60_000 if unit == "số " else 100_000
        small, large = (best_of(lambda s=unit * k: resolve(s, find_cites(s)), 3) for k in (n, 2 * n))
        print(f"adversarial {unit!r} x{n}: {small * 1000:.0f} ms; x{2 * n}: {large * 1000:.0f} ms; ratio {large / small:.2f}")


if __name__ == "__main__":
    main()
