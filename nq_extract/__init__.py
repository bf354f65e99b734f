"""nq_extract: structured, checkable data from Vietnamese party and state reports.

>>> import nq_extract
>>> report = nq_extract.parse_text("Thực hiện Kế hoạch số 216-KH/TU, ngày 28/11/2023 ...")
>>> [r.id for r in report.references]
['216-KH/TU']
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .models import Report
from .version import PIPELINE_VERSION, SCHEMA_VERSION, __version__

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

__all__ = [
    "Corpus",
    "PIPELINE_VERSION",
    "SCHEMA_VERSION",
    "Report",
    "__version__",
    "parse",
    "parse_many",
    "parse_text",
    "spacy_pipeline",
]

_PATH_SUFFIXES = (".txt", ".text", ".md", ".markdown", ".pdf", ".docx", ".html", ".htm")


def _looks_like_path(value: str) -> bool:
    if "\n" in value or len(value) > 4096:
        return False
    return os.path.exists(value) or value.lower().endswith(_PATH_SUFFIXES)


def parse(path_or_text: str | os.PathLike[str] | bytes, **options: Any) -> Report:
    """Parse a report from a path, raw bytes, or its text.

    Never raises for a bad document: ``report.source.status`` says what went
    wrong (``not_found``, ``bad_pdf``, ``encrypted``, ``empty_text`` ...) and
    ``report.source.message`` says it in one line. Pass ``errors="raise"`` to
    get the exception instead.
    """
    from . import pipeline

    if isinstance(path_or_text, bytes):
        from .limits import time_limit
        from .load import load_bytes
        from .models import Source

        try:
            with time_limit(options.get("timeout")):
                return pipeline.from_loaded(load_bytes(path_or_text, options.pop("name", ""), **options), **options)
        except Exception as err:  # noqa: BLE001
            if options.get("errors") == "raise":
                raise
            return pipeline.failed(Source(), err)
    if isinstance(path_or_text, Path) or (isinstance(path_or_text, str) and _looks_like_path(path_or_text)):
        return pipeline.process_path(path_or_text, **options)
    if isinstance(path_or_text, os.PathLike):
        return pipeline.process_path(path_or_text, **options)
    return pipeline.process_text(str(path_or_text), **options)


def parse_text(text: str, **options: Any) -> Report:
    """Parse a report given as a string."""
    from . import pipeline

    return pipeline.process_text(text, **options)


def parse_many(paths: Iterable[str | os.PathLike[str]], workers: int | None = None, **options: Any) -> Iterator[Report]:
    """Parse many files in a process pool; yields reports in input order."""
    from .batch.api import parse_many as _parse_many

    return _parse_many(paths, workers=workers, **options)


def spacy_pipeline(**options: Any) -> Any:
    """A spaCy ``Language`` (blank Vietnamese) whose docs carry the extracted items."""
    from .spacy_pipeline import spacy_pipeline as _make

    return _make(**options)


def __getattr__(name: str) -> Any:
    """``nq_extract.Corpus`` (batch output as DataFrames), imported on first use."""
    if name == "Corpus":
        from .corpus import Corpus

        return Corpus
    raise AttributeError(f"module 'nq_extract' has no attribute {name!r}")
