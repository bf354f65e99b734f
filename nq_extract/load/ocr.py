"""OCR of pages without a text layer: Debian's tesseract (``vie``) through pytesseract.

A page is rendered at 300 dpi (less for very large pages), read by tesseract
with one thread (``OMP_THREAD_LIMIT=1``: parallelism belongs to the batch
runner, one page per process), and turned into the same
:class:`~.pdf_chars.PageChars` a text page gives: each word's box shared among
its letters, each line's height standing for the font size, so the layout
rules (footnote areas in a smaller size, raised markers that tesseract reads as
words of their own) work on scans too. Words read with low confidence are
reported as warnings with the page and the word; nothing is silently changed.
"""

from __future__ import annotations

import os
import re
import shutil
import time
from functools import cache
from typing import Any

from ..errors import OcrUnavailable, Timeout
from .pdf_chars import PageChars

DPI = 300
MAX_PIXELS = 40_000_000  # about an A2 page at 300 dpi; larger pages are rendered smaller
LOW_CONFIDENCE = 60.0
LANG = "vie"


def install_hint() -> str:
    return (
        "the document has pages without text and OCR is not available: install tesseract with Vietnamese "
        "(Debian/Ubuntu: apt-get install tesseract-ocr tesseract-ocr-vie) and pytesseract"
    )


@cache
def available() -> bool:
    """tesseract on the PATH, pytesseract importable, and the Vietnamese model installed."""
    if shutil.which("tesseract") is None:
        return False
    try:
        import pytesseract

        return LANG in pytesseract.get_languages(config="")
    except Exception:  # noqa: BLE001 - any failure means: not available
        return False


def ocr_page(doc: Any, index: int, deadline: float | None = None, dpi: int = DPI) -> tuple[PageChars, list[dict[str, Any]]]:
    """OCR page ``index`` (0-based) of a pypdfium2 document."""
    page = doc[index]
    try:
        width, height = page.get_size()
        scale = dpi / 72
        if width * height * scale * scale > MAX_PIXELS:
            scale = (MAX_PIXELS / (width * height)) ** 0.5
        image = page.render(scale=scale, grayscale=True).to_pil()
    finally:
        page.close()
    words = read_words(image, deadline)
    return words_to_page(words, index + 1, width, height, scale)


def read_words(image: Any, deadline: float | None = None) -> list[dict[str, Any]]:
    """Words of an image: text, confidence, box in pixels, and block/paragraph/line numbers."""
    try:
        import pytesseract
    except ImportError as e:
        raise OcrUnavailable(install_hint()) from e
    os.environ["OMP_THREAD_LIMIT"] = "1"  # tesseract inherits it; one core per page
    timeout = 0
    if deadline is not None:
        timeout = max(1, int(deadline - time.monotonic()))
        if deadline - time.monotonic() <= 0:
            raise Timeout("time limit reached before OCR of a page")
    try:
        data = pytesseract.image_to_data(image, lang=LANG, config="--psm 3", output_type=pytesseract.Output.DICT, timeout=timeout)
    except RuntimeError as e:  # pytesseract's timeout
        raise Timeout(f"OCR of a page took longer than the time limit ({timeout} s)") from e
    except pytesseract.TesseractNotFoundError as e:
        raise OcrUnavailable(install_hint()) from e
    out = []
    for i, text in enumerate(data["text"]):
        if data["level"][i] != 5 or not text or not text.strip():
            continue
        out.append(
            {
                "text": text.strip(),
                "conf": float(data["conf"][i]),
                "left": data["left"][i],
                "top": data["top"][i],
                "width": data["width"][i],
                "height": data["height"][i],
                "line": (data["block_num"][i], data["par_num"][i], data["line_num"][i]),
            }
        )
    return out


# Misreadings that the words around them make certain, as (pattern, replacement of the
# same length): "tháng 01 nắm 2024" can only be "năm". Anything less certain is a warning.
_CERTAIN = [
    (re.compile(r"(?<=tháng \d{2} )n[ắằẳẵặăâấầẩẫậaáàảãạ]m(?= \d{4})"), "năm"),
    (re.compile(r"(?<=tháng \d )n[ắằẳẵặăâấầẩẫậaáàảãạ]m(?= \d{4})"), "năm"),
    (re.compile(r"(?<=\d )th[aáàảãạắằẳẵặ]ng(?= \d{1,2} năm)"), "tháng"),
    (re.compile(r"\bng[aàáảãạ]y(?= \d{1,2} tháng)"), "ngày"),
]


_ROMAN = re.compile(r"^\(?([IVXLC]{2,7})[.,;:)]*$")


def correct(text: str) -> tuple[str, list[tuple[int, str, str]]]:
    """Fix what context makes certain; returns the text (same length) and the fixes made."""
    fixes: list[tuple[int, str, str]] = []
    for rx, good in _CERTAIN:
        for m in list(rx.finditer(text)):
            if m.group() != good:
                fixes.append((m.start(), m.group(), good))
                text = text[: m.start()] + good + text[m.end() :]
    return text, fixes


def _segments(line: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """A line cut where a gap wider than three word heights separates two columns."""
    heights = sorted(w["height"] for w in line)
    gap = 3 * heights[len(heights) // 2]
    out = [[line[0]]]
    for w in line[1:]:
        prev = out[-1][-1]
        if w["left"] - (prev["left"] + prev["width"]) > gap:
            out.append([w])
        else:
            out[-1].append(w)
    return out


def columns(lines: list[list[dict[str, Any]]]) -> list[list[dict[str, Any]]]:
    """Lines in reading order when tesseract read two columns side by side (the official
    header, recipients beside the signature): from a line cut in two, while the lines
    below keep clear of the gutter, the left column's lines come first, then the right's."""
    out: list[list[dict[str, Any]]] = []
    i = 0
    while i < len(lines):
        segs = _segments(lines[i])
        if len(segs) != 2:
            out.append(lines[i])
            i += 1
            continue
        g0 = max(w["left"] + w["width"] for w in segs[0])
        g1 = min(w["left"] for w in segs[1])
        left, right = [segs[0]], [segs[1]]
        j = i + 1
        while j < len(lines):
            parts = _segments(lines[j])
            if len(parts) > 2:
                break
            sides: list[list[dict[str, Any]]] = [[], []]
            for part in parts:
                x0, x1 = part[0]["left"], part[-1]["left"] + part[-1]["width"]
                if x1 <= g1:
                    sides[0] += part
                elif x0 >= g0:
                    sides[1] += part
                else:
                    sides = []
                    break
            if not sides:
                break
            if sides[0]:
                left.append(sides[0])
            if sides[1]:
                right.append(sides[1])
            j += 1
        out += left + right
        i = j
    return out


def words_to_page(
    words: list[dict[str, Any]], number: int, width: float, height: float, scale: float
) -> tuple[PageChars, list[dict[str, Any]]]:
    """OCR words as page characters (boxes in PDF points), and warnings for doubtful words."""
    pc = PageChars(number, width, height, from_ocr=True)
    warnings: list[dict[str, Any]] = []
    flagged: set[tuple[int, str]] = set()
    by_line: dict[tuple[int, int, int], list[dict[str, Any]]] = {}
    for w in words:
        by_line.setdefault(w["line"], []).append(w)
    for line in columns(list(by_line.values())):
        heights = sorted(w["height"] for w in line)
        med = heights[len(heights) // 2]
        base = sorted(w["top"] + w["height"] for w in line)[len(line) // 2]
        size = med / scale / 1.3  # a line of lower case and accents is about 1.3 em high
        for k, w in enumerate(line):
            text = w["text"]
            raised = text.isdigit() and len(text) <= 3 and w["height"] < 0.75 * med and w["top"] + w["height"] < base - 0.25 * med
            if k and not raised:  # a raised number is glued to the word before it, as printed
                pc.add(" ", pc.x1[-1], pc.top[-1], pc.x1[-1], pc.bottom[-1], 0.0)
            x0 = w["left"] / scale
            top = w["top"] / scale
            x1 = (w["left"] + w["width"]) / scale
            bottom = (w["top"] + w["height"]) / scale
            wsize = 0.6 * size if raised else size  # a small raised number: a footnote marker
            step = (x1 - x0) / max(1, len(text))
            for j, ch in enumerate(text):
                pc.add(ch, x0 + j * step, top, x0 + (j + 1) * step, bottom, wsize)
            numeral = _ROMAN.match(text)
            after_term = k > 0 and line[k - 1]["text"].lower() in ("khóa", "khoá")
            if numeral and after_term and (number, numeral.group(1)) not in flagged:
                flagged.add((number, numeral.group(1)))  # "khóa XII" for XIII is tesseract's typical slip: say so, change nothing
                warnings.append(
                    {
                        "code": "ocr_numeral",
                        "message": f"page {number}: term 'khóa {numeral.group(1)}' read by OCR; numerals are often misread (XIII as XII)",
                        "page": number,
                        "bbox": [round(x0, 2), round(top, 2), round(x1, 2), round(bottom, 2)],
                    }
                )
            if 0 <= w["conf"] < LOW_CONFIDENCE:
                warnings.append(
                    {
                        "code": "ocr_low_confidence",
                        "message": f"page {number}: '{text}' read with confidence {w['conf']:.0f}",
                        "page": number,
                        "bbox": [round(x0, 2), round(top, 2), round(x1, 2), round(bottom, 2)],
                    }
                )
    fixed, fixes = correct("".join(pc.text))
    for pos, was, now in fixes:
        pc.text[pos : pos + len(now)] = list(now)
        warnings.append(
            {"code": "ocr_corrected", "message": f"page {number}: OCR read '{was}', corrected to '{now}' from its context", "page": number}
        )
    return pc, warnings
