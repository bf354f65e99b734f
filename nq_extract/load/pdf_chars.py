"""Characters of a PDF page with their boxes and sizes, from pypdfium2 or pdfplumber.

Both readers give the same value, a :class:`PageChars`: the page's characters
in content order with ``x0, top, x1, bottom`` in PDF points from the top-left
corner and the font size of each. Line breaks the reader invents are left out
(the layout module finds lines itself); spaces it invents are kept with an
empty box. pypdfium2 is the fast path (about 100 to 300 pages/s with boxes);
pdfplumber is slower but is the reference many users know.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class PageChars:
    number: int  # 1-based
    width: float
    height: float
    text: list[str] = field(default_factory=list)
    x0: list[float] = field(default_factory=list)
    top: list[float] = field(default_factory=list)
    x1: list[float] = field(default_factory=list)
    bottom: list[float] = field(default_factory=list)
    size: list[float] = field(default_factory=list)
    fonts: dict[str, int] = field(default_factory=dict)  # font name -> characters drawn with it
    images: int = 0  # image objects on the page (a page with images and no text may be a scan)
    from_ocr: bool = False  # characters read by OCR from the page image
    font: list[str] | None = None  # the font of each character, when asked for (legacy encodings)
    edges: list[dict[str, Any]] = field(default_factory=list)  # ruling lines, pdfplumber's edge shape
    stamp_from: int = -1  # characters from here on come from annotations (signature stamps)
    rules: int = 0  # path objects (ruling lines of tables, separators)

    def __len__(self) -> int:
        return len(self.text)

    def add(self, ch: str, x0: float, top: float, x1: float, bottom: float, size: float) -> None:
        self.text.append(ch)
        self.x0.append(x0)
        self.top.append(top)
        self.x1.append(x1)
        self.bottom.append(bottom)
        self.size.append(size)

    @property
    def has_text(self) -> bool:
        return any(not c.isspace() for c in self.text)


# --- pypdfium2 -----------------------------------------------------------------------------


def pdfium_open(data: bytes, password: str | None) -> Any:
    """Open a document with pypdfium2; raises the project's errors for bad or locked files."""
    import pypdfium2 as pdfium

    from ..errors import BadPdf, Encrypted

    try:
        return pdfium.PdfDocument(data, password=password)
    except pdfium.PdfiumError as e:
        msg = str(e).lower()
        if "password" in msg:
            if password:
                raise Encrypted("the PDF is encrypted and the password given does not open it") from e
            raise Encrypted("the PDF is encrypted: give its password (--password)") from e
        if "format" in msg or "file" in msg or "data" in msg:
            raise BadPdf(f"not a readable PDF ({str(e).split(':')[-1].strip() or 'corrupt'})") from e
        raise BadPdf(f"cannot open the PDF: {e}") from e


def pdfium_page(doc: Any, index: int, fonts: bool | str = False) -> PageChars:
    """Characters of page ``index`` (0-based) with loose boxes and font sizes; ``fonts``:
    True samples the font names of the page, ``"all"`` records each character's font."""
    import ctypes

    import pypdfium2.raw as raw

    page = doc[index]
    try:
        width, height = page.get_size()
        out = PageChars(index + 1, width, height)
        _count_objects(page, out, raw)
        n0 = -1
        if raw.FPDFPage_GetAnnotCount(page.raw) > 0:
            # filled-in fields and signature stamps live in annotations: draw them into the page
            tp = page.get_textpage()
            n0 = tp.count_chars()
            tp.close()
            if raw.FPDFPage_Flatten(page.raw, raw.FLAT_NORMALDISPLAY) == raw.FLATTEN_SUCCESS:
                page.close()
                page = doc[index]
            else:
                n0 = -1
        tp = page.get_textpage()
        try:
            n = tp.count_chars()
            if n <= 0:
                return out
            text = tp.get_text_range(0, n)
            if len(text) != n:  # rare: characters outside the BMP; read them one by one
                text = "".join(chr(raw.FPDFText_GetUnicode(tp.raw, i) or 0xFFFD) for i in range(n))
            keep: list[int] = []
            rect = raw.FS_RECTF()
            box = raw.FPDFText_GetLooseCharBox
            fsize = raw.FPDFText_GetFontSize
            handle = tp.raw
            ref = ctypes.byref(rect)
            t_, x0_, top_, x1_, bottom_, size_ = out.text, out.x0, out.top, out.x1, out.bottom, out.size
            last_h = -1.0
            last_size = 0.0
            for i, ch in enumerate(text):
                if i == n0:
                    out.stamp_from = len(t_)
                if ch in "\r\n":
                    continue
                if ch == "\x02" or ch == "\ufffe":  # pdfium's marks for a hyphen that ends a line
                    ch = "-"
                keep.append(i)
                if ch == " " or ch == "\u00a0":  # spaces: the layout finds gaps itself; no box needed,
                    t_.append(" ")  # an empty one at the end of the character before
                    if x1_:
                        x0_.append(x1_[-1])
                        top_.append(top_[-1])
                        x1_.append(x1_[-1])
                        bottom_.append(bottom_[-1])
                    else:
                        x0_.append(0.0)
                        top_.append(0.0)
                        x1_.append(0.0)
                        bottom_.append(0.0)
                    size_.append(0.0)
                    continue
                box(handle, i, ref)
                left, right, top = rect.left, rect.right, height - rect.top
                bottom = height - rect.bottom
                h = bottom - top
                if h != last_h:  # the loose box height follows the font size: ask only when it changes
                    last_h, last_size = h, fsize(handle, i)
                t_.append(ch)
                x0_.append(left)
                top_.append(top)
                x1_.append(right)
                bottom_.append(bottom)
                size_.append(last_size)
            if fonts == "all":
                out.font = [_font_name(tp, i, raw) for i in keep]
                for name in out.font:
                    out.fonts[name] = out.fonts.get(name, 0) + 1
            elif fonts:
                _fonts(tp, text, out, raw)
            if out.stamp_from >= 0:
                _merge_annotations(out)
        finally:
            tp.close()
        return out
    finally:
        page.close()


def _merge_annotations(out: PageChars) -> None:
    """Put each word drawn by an annotation into the line it fills in (a number or a day
    written into a blank of ``Số:   /BC-UBND``); words that fill no line stay at the end
    of the page, after ``stamp_from``, as stamp text."""
    start = out.stamp_from
    words: list[list[int]] = []
    for i in range(start, len(out.text)):
        if out.text[i].isspace():
            if words and words[-1]:
                words.append([])
            continue
        if not words:
            words.append([])
        words[-1].append(i)
    moves: list[tuple[int, list[int]]] = []  # (insert after original index, annotation indices)
    for w in (w for w in words if w):
        top = min(out.top[i] for i in w)
        bottom = max(out.bottom[i] for i in w)
        x0, x1 = out.x0[w[0]], out.x1[w[-1]]
        left = right = -1
        best = -1.0
        for j in range(start):
            if out.text[j].isspace():
                continue
            overlap = min(bottom, out.bottom[j]) - max(top, out.top[j])
            if overlap < 0.5 * min(bottom - top, out.bottom[j] - out.top[j]):
                continue
            if out.x1[j] <= x0 + 1 and out.x1[j] > best:
                best, left = out.x1[j], j
            elif out.x0[j] >= x1 - 1:
                right = j
        if left >= 0 and right >= 0:
            moves.append((left, w))
    if not moves:
        return
    cols = ("text", "x0", "top", "x1", "bottom", "size") + (("font",) if out.font is not None else ())
    old = {c: getattr(out, c) for c in cols}
    moved = {i for _, w in moves for i in w}
    after: dict[int, list[int]] = {}
    for left, w in moves:
        after.setdefault(left, []).extend(w)
    order: list[int] = []
    for j in range(start):
        order.append(j)
        if j in after:
            order.extend(after[j])
    rest = [i for i in range(start, len(old["text"])) if i not in moved]
    for c in cols:
        col = old[c]
        setattr(out, c, [col[i] for i in order] + [col[i] for i in rest])
    out.stamp_from = len(order) if any(not old["text"][i].isspace() for i in rest) else -1


def _count_objects(page: Any, out: PageChars, raw: Any) -> None:
    """Images, and the ruling lines the drawn paths make (as edges); ``rules`` is the
    number of distinct vertical or horizontal edges, whichever is fewer (a table needs
    three of each)."""
    import ctypes

    n = min(raw.FPDFPage_CountObjects(page.raw), 4000)
    images = 0
    xs: set[int] = set()
    ys: set[int] = set()
    left, b, r, t = (ctypes.c_float() for _ in range(4))
    refs = [ctypes.byref(v) for v in (left, b, r, t)]
    height = out.height
    edges = out.edges
    for i in range(n):
        obj = raw.FPDFPage_GetObject(page.raw, i)
        kind = raw.FPDFPageObj_GetType(obj)
        if kind == raw.FPDF_PAGEOBJ_IMAGE:
            images += 1
        elif kind == raw.FPDF_PAGEOBJ_PATH and raw.FPDFPageObj_GetBounds(obj, *refs):
            x0, x1, top, bottom = left.value, r.value, height - t.value, height - b.value
            w, h = x1 - x0, bottom - top
            if w <= 3 and h >= 6:
                xs.add(round(x0 / 3))
                edges.append(_edge("v", (x0 + x1) / 2, top, (x0 + x1) / 2, bottom))
            elif h <= 3 and w >= 10:
                ys.add(round(top / 3))
                edges.append(_edge("h", x0, (top + bottom) / 2, x1, (top + bottom) / 2))
            elif w > 3 and h > 3:
                xs.update((round(x0 / 3), round(x1 / 3)))
                ys.update((round(top / 3), round(bottom / 3)))
                edges += [_edge("h", x0, top, x1, top), _edge("h", x0, bottom, x1, bottom)]
                edges += [_edge("v", x0, top, x0, bottom), _edge("v", x1, top, x1, bottom)]
    out.images, out.rules = images, min(len(xs), len(ys))


def _edge(orientation: str, x0: float, top: float, x1: float, bottom: float) -> dict[str, Any]:
    return {
        "orientation": orientation,
        "x0": x0,
        "x1": x1,
        "top": top,
        "bottom": bottom,
        "width": x1 - x0,
        "height": bottom - top,
        "object_type": "line",
    }


def _font_name(tp: Any, i: int, raw: Any) -> str:
    import ctypes

    buf = ctypes.create_string_buffer(128)
    flags = ctypes.c_int()
    n = raw.FPDFText_GetFontInfo(tp.raw, i, buf, 128, ctypes.byref(flags))
    return buf.value.decode("latin-1", "replace") if n else ""


def _fonts(tp: Any, text: str, out: PageChars, raw: Any) -> None:
    """Font names of a sample of the page's characters (for legacy encodings)."""
    import ctypes

    buf = ctypes.create_string_buffer(128)
    flags = ctypes.c_int()
    step = max(1, len(text) // 200)
    for i in range(0, len(text), step):
        if text[i].isspace():
            continue
        n = raw.FPDFText_GetFontInfo(tp.raw, i, buf, 128, ctypes.byref(flags))
        if n:
            name = buf.value.decode("latin-1", "replace")
            out.fonts[name] = out.fonts.get(name, 0) + step


# --- pdfplumber ----------------------------------------------------------------------------


def plumber_pages(data: bytes, password: str | None, check: Any = None) -> list[PageChars]:
    """Characters of the pages through pdfplumber (pdfminer), in content order;
    ``check(k, n)`` is called before each page (a time limit raises there)."""
    import io

    import pdfplumber

    out: list[PageChars] = []
    with pdfplumber.open(io.BytesIO(data), password=password or "") as pdf:
        n = len(pdf.pages)
        for k, page in enumerate(pdf.pages):
            if check is not None:
                check(k, n)
            pc = PageChars(k + 1, float(page.width), float(page.height))
            for ch in page.chars:
                text = ch.get("text") or ""
                if not text or text in "\r\n":
                    continue
                size = float(ch.get("size") or 0)
                if len(text) == 1:
                    pc.add(text, ch["x0"], ch["top"], ch["x1"], ch["bottom"], size)
                else:  # a ligature: share the box
                    step = (ch["x1"] - ch["x0"]) / len(text)
                    for j, c in enumerate(text):
                        pc.add(c, ch["x0"] + j * step, ch["top"], ch["x0"] + (j + 1) * step, ch["bottom"], size)
                name = ch.get("fontname") or ""
                pc.fonts[name] = pc.fonts.get(name, 0) + 1
            pc.images = len(page.images)
            pc.edges = [dict(e) for e in page.edges]
            pc.rules = min(
                len({round(e["x0"] / 3) for e in pc.edges if e["orientation"] == "v"}),
                len({round(e["top"] / 3) for e in pc.edges if e["orientation"] == "h"}),
            )
            out.append(pc)
            page.close()
    return out
