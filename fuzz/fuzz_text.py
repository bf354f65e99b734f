"""Fuzz target (atheris) for the text entry points: bytes -> decoder -> pipeline.

A finding is any exception, a span that does not point at its text, or JSON
that is not valid UTF-8. Run on demand (see fuzz/README.md):

    .venv/bin/python fuzz/fuzz_text.py -max_total_time=60 -timeout=20 fuzz/corpus_text
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import atheris

with atheris.instrument_imports(include=["nq_extract"]):
    import nq_extract
    from nq_extract.document import Loaded
    from nq_extract.errors import NqError
    from nq_extract.load.text import load_text
    from nq_extract.models import Source, all_spans
    from nq_extract.pipeline import STAGES, from_loaded

    for _module in (*STAGES, "nq_extract.normalize", "nq_extract.segment", "nq_extract.paged_text"):
        importlib.import_module(_module)  # instrumented for coverage, not imported later on first use


def check(report: nq_extract.Report) -> None:
    text = report.text or ""
    for span in all_spans(report):
        if not (0 <= span.start <= span.end <= len(text)) or text[span.start : span.end] != span.text:
            raise AssertionError(f"span does not point at its text: {span!r}")
    report.to_json(with_text=True).encode("utf-8")


def test_one_input(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    if fdp.ConsumeBool():
        # any string, lone surrogates included
        check(nq_extract.parse_text(fdp.ConsumeUnicode(len(data)), errors="raise"))
        return
    # raw bytes through the decoder (UTF-8, UTF-16, Windows-1258 ...)
    raw = fdp.ConsumeBytes(len(data))
    try:
        loaded = load_text(raw, Source(format="text"))
    except NqError:
        return  # a clean refusal (undecodable) is the expected outcome for junk
    assert isinstance(loaded, Loaded)
    check(from_loaded(loaded, errors="raise"))


def main() -> None:
    corpus = next((Path(a) for a in sys.argv[1:] if not a.startswith("-")), Path(__file__).resolve().parent / "corpus_text")
    corpus.mkdir(exist_ok=True)
    seed = Path(__file__).resolve().parents[1] / "corpora" / "seed"
    for p in sorted(seed.glob("*.txt")):
        (corpus / f"seed_{p.stem[:12]}").write_bytes(b"\x00" + p.read_bytes()[:4000])
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
