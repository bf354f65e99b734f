"""From positioned characters to loaded text: lines, page furniture, footnotes, reflow.

Input: the :class:`~.pdf_chars.PageChars` of every page. Output: the text of
the document with, for every character, its page and box; the ranges of the
footnote bodies, of the markers glued to words in the body, and of e-signature
stamp text. The rules are geometric and hold for reports made from Word as
well as for typeset ones:

- a **line** is a run of characters whose boxes overlap vertically and move
  left to right; a raised, smaller digit stays in the line it is raised from;
- the **body size** is the most common character size of the document;
- **page numbers** (a lone number, ``- 2 -``, ``Trang 2``) at the top or foot of
  a page and **running heads** (the same line at the same height on many pages)
  are left out;
- the **footnote area** is the run of lines at the foot of a page set smaller
  than the body; a note starts at a line opening with a marker (a raised or
  smaller number, or a number that a body marker on the page points to); lines
  of the area above the first marker continue the previous page's last note;
- **anchors** are raised or smaller digits glued to the word before them, whose
  number is one of the notes found;
- **reflow**: a line joins the one before it with a space unless a paragraph
  starts (the line is indented, starts a list item, or follows a short line,
  a larger gap, a change of size, or a jump up the page); a symbol broken
  after ``-`` or ``/`` (``2769/UBND-`` / ``NCKSTTHC``) is joined without a space.
  Paragraphs follow each other on new lines; a wide gap (more than 1.45 line
  pitches) or a section heading (``a) Cấp huyện``) is followed by a blank line.
"""

from __future__ import annotations

import re
from array import array
from collections import Counter
from dataclasses import dataclass, field

from ..document import AnchorHint, Layout, NoteHint
from .pdf_chars import PageChars

_PAGE_NO = re.compile(r"^(?:[-–—]\s*)?(?:Trang\s+)?\d{1,4}(?:\s*/\s*\d{1,4})?(?:\s*[-–—])?$", re.I)
_LIST_START = re.compile(
    r"^(?:[-–•+*]\s|[a-zđ]\)\s|\(?\d{1,2}\)\s|\d{1,2}(?:\.\d{1,2}){0,3}\.\s|[IVXLC]{1,6}\.\s|Điều\s+\d|Chương\s|Phần\s|Mục\s)"
)
_HEADING = re.compile(r"^(?:[IVXLC]{1,6}\.|\d{1,2}(?:\.\d{1,2}){0,3}\.|[a-zđ]\))\s+\S")
_SYMBOL_TAIL = re.compile(r"(?:\d[\w/.-]*|[A-ZĐ]{2,}[\w/.-]*)[-/]$")
_STAMP = re.compile(
    r"^(?:Ký bởi|Người ký|Ký số bởi|Thời gian ký|Ngày ký|Cơ quan|Email|E-mail|Chức vụ|Signed by|Signature valid|Digitally signed)\s*:",
    re.I,
)
_DIGITS = set("0123456789")
# what OCR makes of a small raised number: a mark of its own
_OCR_MARKS = set("!?“”'’‘°*¹²³⁴⁵⁶⁷⁸⁹")
_OCR_NOTE_START = re.compile(r"([!“”'’‘°*¹²³⁴⁵⁶⁷⁸⁹]{1,2}|\d{1,3})\s")
_SUPERSCRIPT_DIGITS = {"⁰": "0", "¹": "1", "²": "2", "³": "3", "⁴": "4", "⁵": "5", "⁶": "6", "⁷": "7", "⁸": "8", "⁹": "9"}


@dataclass
class Line:
    page: int  # index into the list of pages
    idx: list[int]
    top: float
    bottom: float
    size: float = 0.0
    x0: float = 0.0
    x1: float = 0.0
    text: str = ""
    kind: str = "body"  # body, furniture, note, stamp
    marker: str | None = None  # a footnote line: its marker
    marker_len: int = 0  # characters of ``idx`` taken by the marker
    ocr: bool = False  # read by OCR: sizes are line heights, noisier than a font's


@dataclass
class Result:
    text: str
    layout: Layout
    notes: list[NoteHint]
    anchors: list[AnchorHint]
    stamps: list[tuple[int, int]]
    lines: list[Line] = field(default_factory=list)


# --- lines ---------------------------------------------------------------------------------


def page_lines(pc: PageChars, page_index: int) -> list[Line]:
    """The lines of a page, in content order."""
    lines: list[Line] = []
    cur: Line | None = None
    cur_x1 = 0.0
    c_top = c_bottom = c_size = 0.0
    text, x0s, tops, x1s, bottoms, sizes = pc.text, pc.x0, pc.top, pc.x1, pc.bottom, pc.size
    for i in range(len(text)):
        ch = text[i]
        s = sizes[i]
        if ch == " ":
            if cur is not None:
                cur.idx.append(i)
            continue
        t, b = tops[i], bottoms[i]
        if cur is not None:
            overlap = (b if b < c_bottom else c_bottom) - (t if t > c_top else c_top)
            h = b - t if b - t < c_bottom - c_top else c_bottom - c_top
            x0 = x0s[i]
            if (overlap >= 0.5 * h and x0 >= cur_x1 - max(2.0, 0.6 * (s or c_size))) or (
                # a small character raised high right after the last one: a marker
                overlap > 0 and s <= 0.8 * c_size and cur_x1 - 1.0 <= x0 <= cur_x1 + 0.5 * c_size
            ):
                cur.idx.append(i)
                if s > c_size * 1.15:  # the main size of the line: take the band of larger text
                    c_top, c_bottom, c_size = t, b, s
                elif s >= c_size * 0.85:
                    if t < c_top:
                        c_top = t
                    if b > c_bottom:
                        c_bottom = b
                if x1s[i] > cur_x1:
                    cur_x1 = x1s[i]
                continue
            cur.top, cur.bottom, cur.size = c_top, c_bottom, c_size
        if ch.isspace():
            if cur is not None:
                cur.idx.append(i)
            continue
        cur = Line(page_index, [i], t, b, s)
        c_top, c_bottom, c_size = t, b, s
        cur_x1 = x1s[i]
        lines.append(cur)
    if cur is not None:
        cur.top, cur.bottom, cur.size = c_top, c_bottom, c_size
    for ln in lines:
        _finish(pc, ln)
        if pc.stamp_from >= 0 and ln.idx and ln.idx[0] >= pc.stamp_from:
            ln.kind = "stamp"
        ln.ocr = pc.from_ocr
    return [ln for ln in lines if ln.text]


def _finish(pc: PageChars, ln: Line) -> None:
    idx = ln.idx
    text = pc.text
    while idx and text[idx[-1]].isspace():
        idx.pop()
    if not idx:
        ln.text = ""
        return
    counts: dict[float, int] = {}
    size = pc.size
    for i in idx:
        if text[i] != " ":
            v = size[i]
            counts[v] = counts.get(v, 0) + 1
    if counts:
        ln.size = round(max(counts.items(), key=lambda kv: kv[1])[0], 1)
    ln.x0 = pc.x0[idx[0]]
    ln.x1 = max(pc.x1[idx[-1]], pc.x1[idx[len(idx) // 2]])
    ln.text = "".join([text[i] for i in idx])


def _is_small_raised(pc: PageChars, i: int, ln: Line) -> bool:
    s = pc.size[i]
    small = s and ln.size and s <= 0.8 * ln.size
    raised = pc.bottom[i] < ln.bottom - 0.2 * (ln.size or s or 10)
    return bool(small or raised)


def _marker_at(pc: PageChars, ln: Line, k: int) -> tuple[str, int]:
    """Digits starting at position ``k`` of the line that are set small or raised: (value, length)."""
    idx = ln.idx
    value = ""
    j = k
    while j < len(idx) and len(value) < 3:
        ch = pc.text[idx[j]]
        if ch in _SUPERSCRIPT_DIGITS:
            value += _SUPERSCRIPT_DIGITS[ch]
        elif ch in _DIGITS and _is_small_raised(pc, idx[j], ln):
            value += ch
        else:
            break
        j += 1
    return value, j - k


# --- classification ------------------------------------------------------------------------


def body_size(pages: list[PageChars]) -> float:
    """The most common character size, counted in half-point steps with their neighbours
    (so the noisy sizes of OCR lines still find the body)."""
    raw: Counter[float] = Counter()
    for pc in pages:
        raw.update(pc.size)
    raw.pop(0.0, None)
    sizes: Counter[int] = Counter()
    for s, n in raw.items():
        sizes[round(s * 2)] += n
    if not sizes:
        return 12.0
    best = max(sizes, key=lambda b: (sizes[b - 1] + sizes[b] + sizes[b + 1], sizes[b]))
    return best / 2


def _furniture(pages: list[PageChars], lines_by_page: list[list[Line]]) -> None:
    """Mark page numbers and running heads."""
    repeats: Counter[tuple[int, str]] = Counter()
    for lines in lines_by_page:
        seen = set()
        for ln in lines:
            key = (round(ln.top / 4), re.sub(r"\d+", "#", ln.text.strip()))
            if key not in seen:
                seen.add(key)
                repeats[key] += 1
    n = len(lines_by_page)
    for p, lines in enumerate(lines_by_page):
        if not lines:
            continue
        h = pages[p].height or 842.0
        body = [ln for ln in lines if ln.kind == "body"]
        if not body:
            continue
        top_line = min(body, key=lambda ln: ln.top)
        low_line = max(body, key=lambda ln: ln.bottom)
        for ln in body:
            edge = ln is top_line or ln is low_line or ln.top < 0.09 * h or ln.bottom > 0.93 * h
            if edge and _PAGE_NO.match(ln.text.strip()):
                ln.kind = "furniture"
                continue
            if n >= 3 and (ln.top < 0.1 * h or ln.bottom > 0.92 * h):
                key = (round(ln.top / 4), re.sub(r"\d+", "#", ln.text.strip()))
                if repeats[key] >= max(3, n // 2) and len(ln.text.strip()) > 3:
                    ln.kind = "furniture"
            if _STAMP.match(ln.text.strip()):
                ln.kind = "stamp"


def _body_anchor_markers(pc: PageChars, lines: list[Line]) -> set[str]:
    found = set()
    for ln in lines:
        if ln.kind != "body":
            continue
        for k in range(1, len(ln.idx)):
            if pc.text[ln.idx[k]] not in _MARK_CHARS:
                continue
            prev = pc.text[ln.idx[k - 1]]
            if prev.isspace():
                continue
            value, n = _marker_at(pc, ln, k)
            if value:
                found.add(value)
    return found


def _footnotes(pages: list[PageChars], lines_by_page: list[list[Line]], size: float) -> None:
    """Mark footnote lines (kind ``note``) and the lines that open a note (``marker``)."""
    open_note = False  # the previous page ended inside a note
    expected = 1
    for p, lines in enumerate(lines_by_page):
        pc = pages[p]
        live = [ln for ln in lines if ln.kind == "body"]
        if not live:
            continue
        by_pos = sorted(live, key=lambda ln: ln.top)
        area: list[Line] = []
        for ln in reversed(by_pos):
            if ln.size and ln.size <= 0.9 * size:
                area.append(ln)
            else:
                break
        area.reverse()
        if not area or len(area) == len(by_pos):
            open_note = False
            continue
        pointed = _body_anchor_markers(pc, [ln for ln in live if ln not in area])
        started = False
        for ln in area:
            value, n = _marker_at(pc, ln, 0)
            if not value:
                m = re.match(r"(\d{1,3})(?=\s|\D)", ln.text)
                if m and m.group(1) in pointed:
                    value, n = m.group(1), len(m.group(1))
            if not value and pc.from_ocr:
                m = _OCR_NOTE_START.match(ln.text)
                if m and (not m.group(1).isdigit() or m.group(1) == str(expected)):
                    value, n = str(expected), len(m.group(1))
            if value and (started or value in pointed or pc.from_ocr or _marker_at(pc, ln, 0)[0]):
                ln.kind, ln.marker, ln.marker_len = "note", value, n
                started = True
                if value.isdigit():
                    expected = int(value) + 1
            elif started or open_note:
                ln.kind = "note"
        open_note = any(ln.kind == "note" for ln in area) and area[-1].kind == "note"


# --- text ----------------------------------------------------------------------------------


class _Writer:
    """The loaded text being written, with the page and box of every character."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.pages: list[int] = []
        self.x0: list[float] = []
        self.top: list[float] = []
        self.x1: list[float] = []
        self.bottom: list[float] = []
        self.length = 0
        self.next_anchor = 1  # the footnote number the next marker in the body should have

    def char(self, ch: str, page: int, box: tuple[float, float, float, float]) -> None:
        self.parts.append(ch)
        self.pages.append(page)
        self.x0.append(box[0])
        self.top.append(box[1])
        self.x1.append(box[2])
        self.bottom.append(box[3])
        self.length += 1

    def chars(self, pc: PageChars, sel: list[int], page: int) -> None:
        """Characters ``sel`` of a page (-1: an inserted space, boxed like the one before) in one go."""
        text, x0s, tops, x1s, bottoms = pc.text, pc.x0, pc.top, pc.x1, pc.bottom
        if -1 in sel:
            sel = list(sel)
            for k, i in enumerate(sel):
                if i < 0:
                    self.parts.append(" ")
                    j = sel[k - 1] if k else -1
                    if j >= 0:
                        self.x0.append(x1s[j])
                        self.top.append(tops[j])
                        self.x1.append(x1s[j])
                        self.bottom.append(bottoms[j])
                    else:
                        self.x0.append(0.0)
                        self.top.append(0.0)
                        self.x1.append(0.0)
                        self.bottom.append(0.0)
                else:
                    self.parts.append(text[i])
                    self.x0.append(x0s[i])
                    self.top.append(tops[i])
                    self.x1.append(x1s[i])
                    self.bottom.append(bottoms[i])
        else:
            self.parts.extend([text[i] for i in sel])
            self.x0.extend([x0s[i] for i in sel])
            self.top.extend([tops[i] for i in sel])
            self.x1.extend([x1s[i] for i in sel])
            self.bottom.extend([bottoms[i] for i in sel])
        self.pages.extend([page] * len(sel))
        self.length += len(sel)

    def sep(self, text: str) -> None:
        """Separators the layout adds: empty boxes at the end of the character before."""
        page = self.pages[-1] if self.length else 0
        box = (self.x1[-1], self.top[-1], self.x1[-1], self.bottom[-1]) if self.length else (0.0, 0.0, 0.0, 0.0)
        for ch in text:
            self.char(ch, page, box)

    def layout(self) -> Layout:
        n = self.length
        boxes = array("f", bytes(16 * n))
        boxes[0::4] = array("f", self.x0)
        boxes[1::4] = array("f", self.top)
        boxes[2::4] = array("f", self.x1)
        boxes[3::4] = array("f", self.bottom)
        return PageLayout(pages=array("h", self.pages), boxes=boxes)


class PageLayout(Layout):
    """A Layout whose blank characters carry an empty box at the end of the character
    before them, so a span's box is the min and max over plain array slices."""

    def bbox(self, start: int, end: int, page: int) -> list[float] | None:
        pages = self.pages
        s, e = max(start, 0), min(end, len(pages))
        if s >= e:
            return None
        if pages[s] != page or pages[e - 1] != page:
            return Layout.bbox(self, start, end, page)
        b = self.boxes
        x0, top = min(b[4 * s : 4 * e : 4]), min(b[4 * s + 1 : 4 * e : 4])
        x1, bottom = max(b[4 * s + 2 : 4 * e : 4]), max(b[4 * s + 3 : 4 * e : 4])
        if x1 <= x0 and bottom <= top:
            return None
        return [round(x0, 2), round(top, 2), round(x1, 2), round(bottom, 2)]


def _margins(lines: list[Line]) -> tuple[float, float, float]:
    """Left margin, right edge and usual line pitch of a page's body lines."""
    body = [ln for ln in lines if ln.kind == "body"]
    if not body:
        return 0.0, 0.0, 0.0
    lefts = Counter(round(ln.x0 / 3) for ln in body)
    left = min(ln.x0 for ln in body if round(ln.x0 / 3) == lefts.most_common(1)[0][0])
    rights = sorted(ln.x1 for ln in body)
    right = rights[int(0.9 * (len(rights) - 1))]
    pitches = sorted(b.top - a.top for a, b in zip(body, body[1:]) if 0 < b.top - a.top < 3 * max(a.size, 1))
    pitch = pitches[(len(pitches) - 1) // 2] if pitches else 0.0
    return left, right, pitch


def _separator(a: Line, b: Line, ma: tuple[float, float, float], mb: tuple[float, float, float]) -> str:
    """What goes between body line ``a`` and the next body line ``b``: '', ' ', '\\n' or '\\n\\n'."""
    size = max(a.size, b.size, 1.0)
    blank = False
    if a.page == b.page:
        if b.top < a.top - 0.5 * size:  # a jump up the page: the next column or cell
            return "\n"
        pitch = ma[2] or 1.2 * size
        blank = b.top - a.top > 1.45 * pitch
    brk = (
        blank
        or b.x0 > mb[0] + 0.9 * size
        or a.x1 < ma[1] - 2.5 * size
        or abs(a.size - b.size) > (0.3 if a.ocr or b.ocr else 0.15) * size
        or bool(_LIST_START.match(b.text))
    )
    if brk:
        # a blank line after a wide gap or a section heading, else a line break (the
        # spacing Word puts between paragraphs is not a blank line)
        heading = bool(_HEADING.match(a.text)) and a.text.rstrip()[-1:] not in ".,;:" and a.x1 < ma[1] - 2.5 * size
        return "\n\n" if blank or heading else "\n"
    tail = a.text.rstrip()
    if tail[-1:] in "-/" and _SYMBOL_TAIL.search(tail.rsplit(" ", 1)[-1]) and b.text[:1].isalnum():
        return ""
    return " "


_MARK_CHARS = frozenset("0123456789") | frozenset(_SUPERSCRIPT_DIGITS)


def _emit_line(w: _Writer, pc: PageChars, ln: Line, page_no: int, start: int, anchors: list[AnchorHint], markers: set[str]) -> None:
    idx = ln.idx
    text, x0s, x1s = pc.text, pc.x0, pc.x1
    ocr = pc.from_ocr
    marks = _MARK_CHARS | _OCR_MARKS if ocr else _MARK_CHARS
    gap = 0.25 * (ln.size or 10)
    sel: list[int] = []
    prev_x1 = None
    prev_space = True
    k = start
    n_idx = len(idx)
    while k < n_idx:
        i = idx[k]
        ch = text[i]
        if ch == " " or ch.isspace():
            if not prev_space:
                sel.append(i)
                prev_space = True
            k += 1
            continue
        if ch in marks and not prev_space and k > start and markers:
            value, n = _marker_at(pc, ln, k)
            if not value and ocr:
                value, n = _ocr_marker(pc, ln, k, str(w.next_anchor))
            if value and value in markers and text[idx[k - 1]] not in _DIGITS:
                if value.isdigit():
                    w.next_anchor = int(value) + 1
                s = w.length + len(sel)
                sel.extend(idx[k : k + n])
                anchors.append(AnchorHint(value, s, s + n))
                prev_x1 = x1s[idx[k + n - 1]]
                k += n
                continue
        if prev_x1 is not None and not prev_space and x0s[i] - prev_x1 > gap:
            sel.append(-1)
        sel.append(i)
        prev_x1 = x1s[i]
        prev_space = False
        k += 1
    w.chars(pc, sel, page_no)


def _ocr_marker(pc: PageChars, ln: Line, k: int, expected: str) -> tuple[str, int]:
    """On an OCR page, a mark glued to a word where the next footnote's marker should be:
    a stray ``!`` or quote, or the expected number itself, followed by a space or stop."""
    idx = ln.idx
    prev = pc.text[idx[k - 1]]
    if not prev.isalpha():
        return "", 0
    ch = pc.text[idx[k]]
    j = k + 1
    if ch in _OCR_MARKS:
        value = expected
    elif ch in _DIGITS:
        while j < len(idx) and pc.text[idx[j]] in _DIGITS:
            j += 1
        value = "".join(pc.text[i] for i in idx[k:j])
        if value != expected:
            return "", 0
    else:
        return "", 0
    if j < len(idx) and not (pc.text[idx[j]].isspace() or pc.text[idx[j]] in ".,;:)"):
        return "", 0
    return value, j - k


def build(pages: list[PageChars]) -> Result:
    lines_by_page = [page_lines(pc, p) for p, pc in enumerate(pages)]
    size = body_size(pages)
    _furniture(pages, lines_by_page)
    _footnotes(pages, lines_by_page, size)
    markers = {ln.marker for lines in lines_by_page for ln in lines if ln.marker}
    margins = [_margins(lines) for lines in lines_by_page]

    w = _Writer()
    anchors: list[AnchorHint] = []
    prev: Line | None = None
    for p, lines in enumerate(lines_by_page):
        pc = pages[p]
        for ln in lines:
            if ln.kind != "body":
                continue
            if prev is not None:
                sep = _separator(prev, ln, margins[prev.page], margins[p])
                if sep:
                    w.sep(sep)
            _emit_line(w, pc, ln, pc.number, 0, anchors, markers)
            prev = ln

    notes: list[NoteHint] = []
    cur: tuple[str, int] | None = None
    prev = None
    for p, lines in enumerate(lines_by_page):
        pc = pages[p]
        for ln in lines:
            if ln.kind != "note":
                continue
            if ln.marker or cur is None or prev is None or prev.page != ln.page:
                if cur is not None:
                    notes.append(NoteHint(cur[0], cur[1], _rstrip(w, cur[1])))
                w.sep("\n\n")
                cur = (ln.marker or (cur[0] if cur else "?"), w.length)
                start = ln.marker_len
                while start < len(ln.idx) and pc.text[ln.idx[start]].isspace():
                    start += 1
                _emit_line(w, pc, ln, pc.number, start, anchors, markers)
            else:
                w.sep(_separator(prev, ln, margins[p], margins[p]) or "")
                _emit_line(w, pc, ln, pc.number, 0, anchors, markers)
            prev = ln
    if cur is not None:
        notes.append(NoteHint(cur[0], cur[1], _rstrip(w, cur[1])))

    stamps: list[tuple[int, int]] = []
    for p, lines in enumerate(lines_by_page):
        for ln in lines:
            if ln.kind == "stamp":
                w.sep("\n\n")
                s = w.length
                _emit_line(w, pages[p], ln, pages[p].number, 0, [], set())
                stamps.append((s, w.length))

    text = "".join(w.parts)
    return Result(text, w.layout(), notes, anchors, stamps, [ln for lines in lines_by_page for ln in lines])


def _rstrip(w: _Writer, start: int) -> int:
    end = w.length
    while end > start and w.parts[end - 1].isspace():
        end -= 1
    return end
