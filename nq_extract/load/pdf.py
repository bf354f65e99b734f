"""PDF reader (pypdfium2 for text and character boxes; pdfplumber for layout work)."""

from __future__ import annotations

from typing import Any

from ..document import Loaded
from ..errors import BadPdf
from ..models import Source


def load_pdf(data: bytes, source: Source, **options: Any) -> Loaded:
    raise BadPdf("PDF reading is not available yet")
