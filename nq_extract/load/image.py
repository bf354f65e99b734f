"""Scanned pages saved as images (PNG, JPEG, TIFF with one page or many, BMP, GIF, WebP).

The image is wrapped, page by page, into a PDF of image pages at its own
resolution (300 dpi when it does not say), and that PDF goes through the PDF
reader: its OCR, layout, footnote and table rules apply unchanged, and every
Span gets its page and box. ``source.format`` says ``image``; ``source.sha256``
is the image file's.
"""

from __future__ import annotations

import io
from typing import Any

from ..document import Loaded
from ..errors import BadImage, OcrUnavailable, TooLarge
from ..models import Source

# The first bytes of the image formats Pillow reads that scanners and phones write.
MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*", b"BM", b"GIF87a", b"GIF89a")
DEFAULT_DPI = 300
MAX_PIXELS = 200_000_000  # per page: a larger image is a decompression bomb, not a scan


def is_image(data: bytes) -> bool:
    return data.startswith(MAGIC) or (data[:4] == b"RIFF" and data[8:12] == b"WEBP")


def _dpi(info: dict[Any, Any]) -> float:
    """The resolution the image states, when it is a scanner's (72-1200 dpi)."""
    dpi = info.get("dpi")
    try:
        x = float(dpi[0]) if dpi else 0.0
    except (TypeError, ValueError, IndexError):
        x = 0.0
    return x if 72 <= x <= 1200 else DEFAULT_DPI


def to_pdf(data: bytes) -> bytes:
    """The image's pages as a PDF of grey image pages."""
    from PIL import Image, ImageSequence, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as im:
            dpi = _dpi(im.info)
            pages = []
            for frame in ImageSequence.Iterator(im):
                if frame.width * frame.height > MAX_PIXELS:
                    raise TooLarge(f"an image page of {frame.width}x{frame.height} pixels is above the {MAX_PIXELS:,}-pixel limit")
                pages.append(frame.convert("L"))
    except Image.DecompressionBombError as e:
        raise TooLarge(f"the image is too large to read: {e}") from e
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as e:
        raise BadImage(f"the image cannot be read: {e}") from e
    if not pages:
        raise BadImage("the image has no pages")
    out = io.BytesIO()
    pages[0].save(out, format="PDF", save_all=True, append_images=pages[1:], resolution=dpi)
    return out.getvalue()


def load_image(data: bytes, source: Source, **options: Any) -> Loaded:
    from .pdf import load_pdf

    if options.get("ocr", True) is False:
        raise OcrUnavailable("an image is read only through OCR, and OCR is turned off")
    loaded = load_pdf(to_pdf(data), source, **options)
    loaded.source = loaded.source.model_copy(update={"format": "image"})
    return loaded
