"""Loaders: a path or bytes in, a ``Loaded`` out; one module per format.

The format is sniffed from the bytes first and the file name second. Heavy
readers (PDF, DOCX, HTML, OCR) are imported only when a file of their kind arrives.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Any

from ..document import Loaded
from ..errors import NotFound, TooLarge, Unreadable, UnsupportedFormat
from ..models import Source

TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown", ".csv", ""}
MARKDOWN_SUFFIXES = {".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
IMAGE_SUFFIXES = {".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp", ".gif", ".webp"}
MAX_BYTES = 200 * 1024 * 1024


def sniff(data: bytes, name: str = "") -> str:
    """``pdf``, ``docx``, ``html``, ``image``, ``markdown``, ``text`` or ``unsupported``."""
    from .image import is_image

    suffix = Path(name).suffix.lower()
    head = data[:1024]
    if is_image(head):
        return "image"
    if head.lstrip(b"\r\n\t \x00")[:5] == b"%PDF-" or b"%PDF-" in head[:1024] and suffix == ".pdf":
        return "pdf"
    if head[:4] == b"PK\x03\x04":
        return "docx" if suffix in (".docx", ".docm", "") or b"word/" in data[:65536] else "unsupported"
    if suffix == ".pdf":
        return "pdf"  # the PDF reader will say what is wrong with it
    if suffix in (".docx", ".docm"):
        return "docx"
    if suffix in HTML_SUFFIXES:
        return "html"
    from .html import looks_like_html

    if looks_like_html(data):  # also a CMS post saved as Markdown with an HTML body, a Word page saved as .doc
        return "html"
    if suffix in MARKDOWN_SUFFIXES:
        return "markdown"
    if suffix in TEXT_SUFFIXES or suffix == ".log":
        return "text"
    if suffix in (".doc", ".xls", ".xlsx", ".odt", ".rtf", ".zip"):
        return "unsupported"
    if suffix in IMAGE_SUFFIXES:
        return "image"  # the image reader will say what is wrong with it
    return "text"


def read_path(path: str | os.PathLike[str]) -> bytes:
    p = Path(path)
    if not p.exists():
        raise NotFound(f"file not found: {p}")
    if p.is_dir():
        raise Unreadable(f"is a directory, not a file: {p}")
    try:
        size = p.stat().st_size
        if size > MAX_BYTES:
            raise TooLarge(f"file is {size} bytes, above the {MAX_BYTES}-byte limit: {p}")
        return p.read_bytes()
    except PermissionError as e:
        raise Unreadable(f"cannot read {p}: permission denied") from e
    except OSError as e:
        raise Unreadable(f"cannot read {p}: {e.strerror or e}") from e


def load_bytes(data: bytes, name: str = "", **options: Any) -> Loaded:
    kind = sniff(data, name)
    source = Source(path=name or None, sha256=hashlib.sha256(data).hexdigest(), format="text")
    if kind == "pdf":
        from .pdf import load_pdf

        return load_pdf(data, source, **options)
    if kind == "docx":
        from .docx import load_docx

        return load_docx(data, source, **options)
    if kind == "image":
        from .image import load_image

        return load_image(data, source, **options)
    if kind == "html":
        from .html import load_html

        return load_html(data, source, **options)
    if kind in ("text", "markdown"):
        from .legacy import repair_text
        from .text import load_text

        return repair_text(load_text(data, source.model_copy(update={"format": kind})), data)
    raise UnsupportedFormat(f"unsupported format: {Path(name).suffix or 'unknown'} ({name or 'bytes'})")


def load_path(path: str | os.PathLike[str], **options: Any) -> Loaded:
    return load_bytes(read_path(path), str(path), **options)
