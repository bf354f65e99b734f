"""The flow of one document: load -> normalize -> segment -> extract -> check.

Each stage is a module with ``run(ctx)``; the order below is the only place
that knows it. A document that cannot be read becomes a report whose
``source.status`` says why; it never raises out of :func:`process`.
"""

from __future__ import annotations

import contextlib
import dataclasses
import importlib
import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from . import normalize, segment
from .context import Context
from .document import Document, Loaded
from .errors import NqError
from .limits import check as check_time
from .limits import time_limit
from .models import Report, Source, Warning_

STAGES: tuple[str, ...] = (
    "nq_extract.extract.references",
    "nq_extract.extract.dates",
    "nq_extract.extract.quantities",
    "nq_extract.extract.units",
    "nq_extract.extract.people",
    "nq_extract.checks",
)

_stage_cache: dict[str, Callable[[Context], None]] = {}


def _stage(name: str) -> Callable[[Context], None]:
    fn = _stage_cache.get(name)
    if fn is None:
        fn = _stage_cache[name] = importlib.import_module(name).run
    return fn


def analyse(doc: Document, **options: Any) -> Report:
    """Segment, extract and check an already normalized document."""
    with _timed(options, "segment"):
        seg = segment.segment(doc)
    doc = dataclasses.replace(doc, segments=seg)
    from .extract.references import canonical_id

    own_id = None
    if seg.number:
        own_id = canonical_id(doc.text[seg.number[0] : seg.number[1]])
    source = utf8_safe_source(doc.source)
    if not doc.text.strip() and source.status == "ok":
        source = source.model_copy(update={"status": "empty_text", "message": "no text found in the document"})
    report = Report(source=source, document=segment.header(doc, seg, own_id))
    report.footnotes = _footnotes(doc)
    for w in doc.extra.get("loader_warnings", ()):  # what the reader noticed (OCR confidence, tables)
        report.warnings.append(Warning_(code=w["code"], message=w["message"]))
    if doc.tables:  # tables a PDF or DOCX reader found, for the checks and the exports
        from .load.tables import report_tables

        report.tables = report_tables(doc)
    ctx = Context(doc=doc, seg=seg, report=report, options=options)
    if doc.text.strip():
        stages = options.get("stages")
        for name in STAGES if stages is None else stages:
            check_time()  # where signals cannot interrupt (other threads), stop between stages
            with _timed(options, name):
                _stage(name)(ctx)
    report.text = doc.text
    return report


def _footnotes(doc: Document) -> list[Any]:
    from .models import Footnote

    return [
        Footnote(
            marker=n.marker,
            text=doc.text[n.start : n.end],
            span=doc.span(n.start, n.end),
            anchors=[doc.span(s, e) for s, e in n.anchors],
        )
        for n in doc.notes
    ]


def from_loaded(loaded: Loaded, **options: Any) -> Report:
    with _timed(options, "normalize"):
        from .load.text_tables import attach

        doc = normalize.build(attach(loaded))  # tables laid out as text join the loader's
    return analyse(doc, **options)


@contextlib.contextmanager
def _timed(options: dict[str, Any], part: str) -> Iterator[None]:
    """With ``timings={}`` among the options, record CPU seconds of each part (``None``: started, not finished).

    CPU time of this thread, not wall time: other work on the machine does not count.
    """
    timings = options.get("timings")
    if not isinstance(timings, dict):
        yield
        return
    timings[part] = None
    start = time.thread_time()
    yield
    timings[part] = time.thread_time() - start


def failed(source: Source, err: BaseException) -> Report:
    status = err.status if isinstance(err, NqError) else "error"
    message = err.message if isinstance(err, NqError) else f"internal error: {type(err).__name__}: {err}"
    return Report(source=utf8_safe_source(source.model_copy(update={"status": status, "message": message})))


def utf8_safe_source(source: Source) -> Source:
    """Paths from the file system may hold undecodable bytes (surrogates): show them as U+FFFD."""
    fixes = {}
    for key in ("path", "message"):
        value = getattr(source, key)
        if value and not value.isascii():
            try:
                clean = value.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
            except UnicodeEncodeError:  # lone surrogates that are not escaped bytes
                clean = value.encode("utf-8", "replace").decode("utf-8")
            if clean != value:
                fixes[key] = clean
    return source.model_copy(update=fixes) if fixes else source


def process_path(path: str | os.PathLike[str], **options: Any) -> Report:
    """Read and analyse one file; failures become a status, never an exception."""
    from .load import load_bytes, load_path

    source = Source(path=str(path), format=format_of_name(path))
    try:
        with time_limit(options.get("timeout")):
            special = _read_special(path)
            loaded = load_path(path, **options) if special is None else load_bytes(special, str(path), **options)
            return from_loaded(loaded, **options)
    except (NqError, Exception) as err:  # noqa: BLE001 - one document's failure is its status
        if options.get("errors") == "raise":
            raise
        return failed(source, err)


def _read_special(path: str | os.PathLike[str]) -> bytes | None:
    """The bytes of a device, pipe or socket, read up to the size limit (``None`` for files and folders).

    ``/dev/zero`` or an endless pipe must not fill the memory: at most
    ``MAX_BYTES`` are read, and more is ``too_large``.
    """
    import stat

    from .errors import TooLarge
    from .load import MAX_BYTES

    try:
        mode = os.stat(path).st_mode
    except OSError:
        return None  # the reader says what is wrong
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    with open(path, "rb") as f:
        data = f.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise TooLarge(f"more than {MAX_BYTES} bytes from {path} (not a regular file)")
    return data


def process_text(text: str, **options: Any) -> Report:
    import hashlib

    source = Source(path=None, sha256=hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest(), format="text")
    try:
        with time_limit(options.get("timeout")):
            return from_loaded(Loaded(text=text, source=source), **options)
    except Exception as err:  # noqa: BLE001
        if options.get("errors") == "raise":
            raise
        return failed(source, err)


def format_of_name(path: str | os.PathLike[str]) -> Any:
    """The contract's ``source.format`` a file's name suggests, before it is read ("text" when unknown)."""
    from .load import IMAGE_SUFFIXES

    suffix = Path(path).suffix.lower()
    if suffix in IMAGE_SUFFIXES:
        return "image"
    return {
        ".pdf": "pdf",
        ".docx": "docx",
        ".md": "markdown",
        ".markdown": "markdown",
        ".html": "html",
        ".htm": "html",
        ".xhtml": "html",
    }.get(suffix, "text")
