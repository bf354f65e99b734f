"""DOCX reader (python-docx): paragraphs, tables, header, footer and footnotes."""

from __future__ import annotations

from typing import Any

from ..document import Loaded
from ..errors import BadDocx
from ..models import Source


def load_docx(data: bytes, source: Source, **options: Any) -> Loaded:
    raise BadDocx("DOCX reading is not available yet")
