"""PDF reader: pypdfium2 for text and character boxes, pdfplumber on request or for tables.

``load_pdf(data, source, pdf_backend="pdfium"|"pdfplumber", password=None,
ocr=True, timeout=None, max_pages=MAX_PAGES)`` reads every page's characters
(:mod:`.pdf_chars`), lays them out into text with page and box per character,
footnotes, markers and page furniture (:mod:`.pdf_layout`), reads ruled tables
(:mod:`.pdf_tables`), sends pages without a text layer to OCR (:mod:`.ocr`) and
repairs legacy Vietnamese font encodings (:mod:`.legacy`).
"""

from __future__ import annotations

import time
from typing import Any

from ..document import Loaded
from ..errors import BadPdf, NqError, OcrUnavailable, Timeout, TooLarge
from ..models import Source
from .pdf_chars import PageChars
from .pdf_tables import MIN_RULES

MAX_PAGES = 3000


def load_pdf(data: bytes, source: Source, **options: Any) -> Loaded:
    backend = options.get("pdf_backend") or "pdfium"
    password = options.get("password")
    timeout = options.get("timeout")
    max_pages = int(options.get("max_pages") or MAX_PAGES)
    deadline = time.monotonic() + float(timeout) if timeout else None
    if not data.lstrip(b"\r\n\t \x00")[:5] == b"%PDF-" and b"%PDF-" not in data[:1024]:
        raise BadPdf("not a PDF: the file does not start with %PDF-")

    from .pdf_chars import pdfium_open, pdfium_page

    doc = pdfium_open(data, password)
    try:
        n = len(doc)
        if n == 0:
            raise BadPdf("the PDF has no pages")
        if n > max_pages:
            raise TooLarge(f"the PDF has {n} pages, above the {max_pages}-page limit")
        if backend == "pdfplumber":
            pages = _plumber(data, password, n, deadline)
        elif backend == "pdfium":
            pages = []
            for i in range(n):
                _check(deadline, i, n)
                try:
                    pages.append(pdfium_page(doc, i, fonts=i < 3))
                except NqError:
                    raise
                except Exception as e:  # noqa: BLE001 - one broken page: say which
                    raise BadPdf(f"page {i + 1} cannot be read: {e}") from e
        else:
            raise BadPdf(f"unknown pdf_backend {backend!r}: use 'pdfium' or 'pdfplumber'")

        warnings: list[dict[str, Any]] = []
        ocr_pages = [k for k, pc in enumerate(pages) if not pc.has_text and (pc.images or not _blank(doc, k))]
        used_ocr = False
        if ocr_pages:
            if options.get("ocr", True) is False:
                if len(ocr_pages) == n:
                    raise OcrUnavailable("the PDF has no text layer and OCR is turned off")
            else:
                from . import ocr

                if not ocr.available():
                    if len(ocr_pages) == n:
                        raise OcrUnavailable(ocr.install_hint())
                    warnings.append({"code": "ocr_unavailable", "message": ocr.install_hint()})
                else:
                    for k in ocr_pages:
                        _check(deadline, k, n)
                        pages[k], low = ocr.ocr_page(doc, k, deadline=deadline)
                        warnings += low
                    used_ocr = True
    finally:
        doc.close()

    from . import legacy

    if backend == "pdfium" and any(legacy.font_encoding(f) for pc in pages for f in pc.fonts):
        # a legacy font: read each character's font, so Unicode runs are left alone
        doc = pdfium_open(data, password)
        try:
            pages = [pdfium_page(doc, i, fonts="all") if pc.has_text and not pc.from_ocr else pc for i, pc in enumerate(pages)]
        finally:
            doc.close()
    repaired = legacy.repair_pages(pages)
    from .pdf_layout import build

    result = build(pages)
    tables = []
    if any(pc.rules >= MIN_RULES for pc in pages):
        from .pdf_tables import find_tables

        try:
            tables = find_tables(pages, result)
        except NqError:
            raise
        except Exception as e:  # noqa: BLE001 - tables are a bonus; the text stands without them
            warnings.append({"code": "tables_unread", "message": f"tables could not be read: {type(e).__name__}: {e}"})
    src = source.model_copy(update={"format": "pdf", "pages": n, "ocr": used_ocr, "encoding_repaired": repaired})
    extra: dict[str, Any] = {"loader_warnings": warnings} if warnings else {}
    if result.stamps:
        extra["stamps"] = [result.text[s:e] for s, e in result.stamps]
    return Loaded(
        text=result.text,
        source=src,
        layout=result.layout,
        notes=result.notes,
        anchors=result.anchors,
        stamps=result.stamps,
        tables=tables,
        extra=extra,
    )


def _check(deadline: float | None, i: int, n: int) -> None:
    if deadline is not None and time.monotonic() > deadline:
        raise Timeout(f"time limit reached after {i} of {n} pages")


def _blank(doc: Any, k: int) -> bool:
    """A page with nothing drawn on it (no objects at all)."""
    import pypdfium2.raw as raw

    page = doc[k]
    try:
        return raw.FPDFPage_CountObjects(page.raw) == 0
    finally:
        page.close()


def _plumber(data: bytes, password: str | None, n: int, deadline: float | None) -> list[PageChars]:
    from .pdf_chars import plumber_pages

    try:
        return plumber_pages(data, password, check=lambda k, total: _check(deadline, k, total))
    except NqError:
        raise
    except Exception as e:  # noqa: BLE001
        inner = _wrapped(e)  # pdfplumber wraps what pdfminer raised, a time limit included
        if inner is not None:
            raise inner from e
        raise BadPdf(f"pdfplumber cannot read the PDF: {type(e).__name__}: {e}") from e


def _wrapped(e: BaseException) -> BaseException | None:
    from ..errors import NqError

    seen: set[int] = set()
    todo: list[object] = [e]
    while todo:
        x = todo.pop()
        if not isinstance(x, BaseException) or id(x) in seen:
            continue
        seen.add(id(x))
        if isinstance(x, NqError) and x is not e:
            return x
        todo += [x.__cause__, x.__context__, *x.args]
    return None
