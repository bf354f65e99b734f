"""PDF speed: the whole pipeline against bare pdfplumber on the same file, and OCR per page.

    .venv/bin/python benchmarks/bench_pdf.py [--pages 50] [--ocr-pages 1]

Makes a text PDF of about ``--pages`` pages (the seed report's body typeset
again and again, with footnotes and page numbers, by tests/fixtures/make_fixtures.py),
then in the same run times

- bare ``pdfplumber`` ``page.extract_text()`` over every page (the baseline);
- the PDF loader alone (pypdfium2 characters and boxes, layout, footnotes);
- ``nq_extract.parse`` on the file: load, normalize, segment, every extractor and the checks;

and prints pages per CPU second of this process (the machine may be shared;
CPU time is what the work costs) and the ratio to the baseline. With tesseract
installed it also OCRs the first ``--ocr-pages`` pages of the scanned fixture
and prints seconds per page, wall clock and tesseract's own CPU time (one
thread, OMP_THREAD_LIMIT=1).
"""

from __future__ import annotations

import argparse
import io
import resource
import sys
import tempfile
import time
from pathlib import Path

from _common import ROOT, machine

sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "fixtures"))


def make_pdf(pages: int, out: Path) -> int:
    import make_fixtures

    one = make_fixtures.render_pdf(io.BytesIO(), repeat=1)
    five = make_fixtures.render_pdf(io.BytesIO(), repeat=5)
    per = max(0.5, (five - one) / 4)
    return make_fixtures.render_pdf(out, repeat=max(1, round((pages - one) / per) + 1))


def bench_plumber(path: Path) -> float:
    import pdfplumber

    t0 = time.process_time()
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            page.extract_text()
    return time.process_time() - t0


def bench_loader(path: Path) -> float:
    from nq_extract.load import load_path

    t0 = time.process_time()
    load_path(path)
    return time.process_time() - t0


def bench_pipeline(path: Path) -> tuple[float, object]:
    import nq_extract

    t0 = time.process_time()
    report = nq_extract.parse(path)
    return time.process_time() - t0, report


def bench_ocr(pages: int) -> tuple[float, float, int] | None:
    from nq_extract.load import ocr

    if pages <= 0 or not ocr.available():
        return None
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(ROOT / "tests" / "fixtures" / "seed_report_scan.pdf"))
    n = min(pages, len(doc))
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    for k in range(n):
        ocr.ocr_page(doc, k)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    doc.close()
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall / n, cpu / n, n


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pages", type=int, default=50)
    ap.add_argument("--ocr-pages", type=int, default=1)
    args = ap.parse_args()
    print(f"machine: {machine()}")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "long.pdf"
        n = make_pdf(args.pages, path)
        print(f"text PDF: {n} pages, {path.stat().st_size // 1024} KiB")
        bench_pipeline(path)  # warm: imports and data tables
        plumber = bench_plumber(path)
        loader = min(bench_loader(path) for _ in range(3))
        runs = [bench_pipeline(path) for _ in range(3)]
        ok = [r for r in runs if r[1].source.status == "ok"]
        if not ok:
            print(f"the pipeline failed on the PDF: {runs[0][1].source.status}: {runs[0][1].source.message}")
            return
        whole, report = min(ok, key=lambda r: r[0])
        print(f"pdfplumber extract_text : {n / plumber:8.1f} pages per CPU second  (baseline)")
        print(f"nq_extract PDF loader   : {n / loader:8.1f} pages per CPU second  {plumber / loader:5.1f}x the baseline")
        print(f"nq_extract.parse (all)  : {n / whole:8.1f} pages per CPU second  {plumber / whole:5.1f}x the baseline")
        print(
            f"  found {len(report.references)} references, {len(report.dates)} dates, "
            f"{len(report.quantities)} quantities, {len(report.footnotes)} footnotes, {len(report.checks)} checks"
        )
    res = bench_ocr(args.ocr_pages)
    if res is None:
        print("OCR: skipped (--ocr-pages 0, or tesseract with Vietnamese not installed)")
    else:
        wall, cpu, k = res
        print(f"OCR (tesseract vie, 300 dpi, 1 thread): {wall:.2f} s/page wall, {cpu:.2f} s/page tesseract CPU ({k} page(s))")


if __name__ == "__main__":
    main()
