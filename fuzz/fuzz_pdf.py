"""Fuzz target (atheris) for the PDF entry point: bytes -> PDF loader -> pipeline.

Broken PDFs must end in a clean status (``bad_pdf``, ``encrypted``,
``empty_text`` ...). A finding is an exception out of ``parse``, the status
``error`` (an exception the loader did not expect), a message that is not one
line, or a span that does not point at its text. Seeds: the PDFs of
``tests/badinputs`` and a small generated report. Run on demand:

    .venv/bin/python fuzz/fuzz_pdf.py -max_total_time=60 -timeout=20 fuzz/corpus_pdf
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import atheris

with atheris.instrument_imports(include=["nq_extract"]):
    import nq_extract
    from nq_extract.models import all_spans
    from nq_extract.pipeline import STAGES

    for _module in (
        *STAGES,
        "nq_extract.normalize",
        "nq_extract.segment",
        "nq_extract.paged_text",
        "nq_extract.load.text",
        "nq_extract.load.pdf",
    ):
        importlib.import_module(_module)  # instrumented for coverage, not imported later on first use

ROOT = Path(__file__).resolve().parents[1]


def test_one_input(data: bytes) -> None:
    report = nq_extract.parse(data, name="fuzz.pdf", ocr=False)
    status, message = report.source.status, report.source.message or ""
    if status == "error":
        raise AssertionError(f"unexpected exception in the PDF path: {message}")
    if "\n" in message:
        raise AssertionError(f"message is not one line: {message!r}")
    text = report.text or ""
    for span in all_spans(report):
        if text[span.start : span.end] != span.text:
            raise AssertionError(f"span does not point at its text: {span!r}")
    report.to_json(with_text=True).encode("utf-8")


def _seed(corpus: Path) -> None:
    corpus.mkdir(exist_ok=True)
    for p in sorted((ROOT / "tests" / "badinputs").glob("*.pdf")):
        (corpus / p.name).write_bytes(p.read_bytes())
    sys.path.insert(0, str(ROOT))
    from tests.badinputs.make_badinputs import PDF_LINES, _pdf

    (corpus / "report.pdf").write_bytes(_pdf(PDF_LINES))


def main() -> None:
    corpus = next((Path(a) for a in sys.argv[1:] if not a.startswith("-")), Path(__file__).resolve().parent / "corpus_pdf")
    _seed(corpus)
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
