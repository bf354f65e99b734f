"""Tables laid out as text: pipe rows and whitespace columns, found in the loaded text.

Two layouts are read, both giving :class:`~nq_extract.document.RawTable`
(cells as ``(text, loaded start, loaded end)``), which the pipeline turns into
report tables with Spans into the normalized text like any loader's tables:

- **pipe rows** (``1.1 | Thực hiện kế hoạch CCHC | 1.50 | 1.50 | ...``), as a
  DOCX or Markdown table converts to text; lines without a pipe between two
  rows continue the previous row's last cell and are left out;
- **whitespace columns** (``2.1.   Số nhiệm vụ đề ra   Nhiệm vụ   45``), as a
  PDF laid out as text gives them. A header line names the columns
  (``Đơn vị tính``, ``Số liệu``, ``Ghi chú``: words from
  ``data/table_rules.json``); each data line's pieces (runs of text separated
  by two or more spaces) go to the column whose header they stand under. A row
  starts at an outline number (``1.``, ``2.1.``, ``3.3.1.``); a label wrapped
  over neighbouring lines joins the row it belongs to (a line opening with a
  capital starts the next row's label, a lower-case one continues the
  previous), a value set on a line of its own joins the nearer row that has
  none. A header repeated on the next page continues the table unless the
  numbering starts again at 1.

This works on the loaded text because normalization folds runs of spaces:
the columns are only visible before it. Pure functions; ``re`` only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from itertools import accumulate

from ..document import Loaded, RawTable

Cell = tuple[str, int, int]

_CHUNK = re.compile(r"\S+(?: \S+)*")
_OUTLINE = re.compile(r"(\d{1,2}(?:\.\d{1,2}){0,4})\.?(?=\s|$)")
_NUMERIC = re.compile(r"[-+]?\d[\d.,]*%?|-|–")
_PIPE_SEP = re.compile(r"\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)*\|?")  # matched on a stripped line
MAX_HEADER_WORDS = 5  # a column heading is short; a longer run opening with "Số lượng" is a label
MAX_PIPE_GAP = 8  # lines without a pipe inside one pipe table (a cell's text run over lines)


@cache
def _rules() -> dict:
    from ..data import load

    return dict(load("table_rules.json"))


@cache
def _role_patterns() -> list[tuple[str, re.Pattern[str]]]:
    out = []
    for role, words in _rules()["headers"].items():
        alts = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
        out.append((role, re.compile(rf"(?<![^\W_])(?:{alts})(?![^\W_])", re.IGNORECASE)))
    return out


def header_role(text: str, *, at_start: bool = False) -> str | None:
    """The role a header text names (``unit``, ``score``, ``value``, ``note``, ``label``, ``number``), first listed wins."""
    t = " ".join(text.split())
    for role, pat in _role_patterns():
        m = pat.match(t) if at_start else pat.search(t)
        if m:
            return role
    return None


# -- pipe rows -------------------------------------------------------------------------------


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line, a form feed also ending one."""
    if "\r" not in text and "\f" not in text:  # the common case: offsets summed in C from the lines' lengths
        ends = list(accumulate(len(line) + 1 for line in text.split("\n")))
        return list(zip([0, *ends[:-1]], [e - 1 for e in ends]))
    out = []
    pos = 0
    for m in re.finditer(r"\r\n|[\n\r\f]", text):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, len(text)))
    return out


def _pipe_cells(text: str, s: int, e: int) -> list[Cell]:
    line = text[s:e]
    parts: list[tuple[int, int]] = []
    pos = 0
    for m in re.finditer(r"(?<!\\)\|", line):
        parts.append((pos, m.start()))
        pos = m.end()
    parts.append((pos, len(line)))
    stripped = line.strip()
    if stripped.startswith("|"):
        parts = parts[1:]
    if stripped.endswith("|") and parts:
        parts = parts[:-1]
    cells: list[Cell] = []
    for a, b in parts:
        raw = line[a:b]
        lead = len(raw) - len(raw.lstrip())
        val = raw.strip()
        cells.append((val, s + a + lead, s + a + lead + len(val)))
    return cells


def pipe_tables(text: str, lines: list[tuple[int, int]] | None = None) -> list[RawTable]:
    """Runs of pipe rows (at least two, three cells each)."""
    out: list[RawTable] = []
    rows: list[list[Cell]] = []
    gap = 0
    for s, e in _lines(text) if lines is None else lines:
        line = text[s:e]
        sep = "---" in line and _PIPE_SEP.fullmatch(line.strip()) is not None
        if line.count("|") >= 2 and not sep:
            cells = _pipe_cells(text, s, e)
            if len(cells) >= 3:
                rows.append(cells)
                gap = 0
                continue
        if sep and rows:
            continue
        gap += 1
        if rows and gap > MAX_PIPE_GAP:
            if len(rows) >= 2:
                out.append(RawTable(rows=rows))
            rows = []
    if len(rows) >= 2:
        out.append(RawTable(rows=rows))
    return out


# -- whitespace columns ---------------------------------------------------------------------------


@dataclass
class _Chunk:
    text: str
    start: int  # loaded offset
    col: int  # column on its line
    line: int

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    @property
    def center(self) -> float:
        return self.col + len(self.text) / 2


@dataclass
class _Column:
    role: str
    col0: int
    col1: int
    header: _Chunk | None

    @property
    def center(self) -> float:
        return (self.col0 + self.col1) / 2


@dataclass
class _Row:
    number: _Chunk
    line: int
    parts: dict[str, list[_Chunk]] = field(default_factory=dict)  # column key -> pieces
    own: set[str] = field(default_factory=set)  # columns filled on the row's own line

    def has(self, key: str) -> bool:
        return bool(self.parts.get(key))


def _chunks(text: str, s: int, e: int, li: int) -> list[_Chunk]:
    return [_Chunk(m.group(), s + m.start(), m.start(), li) for m in _CHUNK.finditer(text[s:e])]


def _header_line(chunks: list[_Chunk]) -> list[tuple[_Chunk, str]] | None:
    """The role chunks of a header line: None when the line is not one, [] for a parenthesised note under a heading."""
    named = []
    for c in chunks:  # the first chunk that names no role (and is no parenthesised note) settles it
        role = header_role(c.text, at_start=True) if len(c.text.split()) <= MAX_HEADER_WORDS else None
        if role is not None:
            named.append((c, role))
        elif not (c.text.startswith("(") and c.text.endswith(")")):
            return None
    if _OUTLINE.match(chunks[0].text) and chunks[0].col < 6:
        return None
    return named


class _Layout:
    """Column regions from a header block."""

    def __init__(self, named: list[tuple[_Chunk, str]]) -> None:
        # a group heading ("Kết quả thống kê") over sub-columns gives way to the sub-columns below it
        cols: list[_Column] = []
        for c, role in sorted(named, key=lambda x: x[0].line):
            col = _Column(role, c.col, c.col + len(c.text), c)
            cols = [k for k in cols if not (k.col0 < col.col1 and col.col0 < k.col1)]
            cols.append(col)
        self.number = next((c for c in cols if c.role == "number"), None)
        self.columns = sorted([c for c in cols if c.role != "number"], key=lambda c: c.center)
        if not any(c.role == "label" for c in self.columns):
            first = min((c.col0 for c in self.columns), default=0)
            self.columns.insert(0, _Column("label", 0, max(0, first - 2), None))
        self.bounds = [(a.center + b.center) / 2 for a, b in zip(self.columns, self.columns[1:], strict=False)]
        seen: dict[str, int] = {}
        self.keys: list[str] = []
        for k in self.columns:  # "value0", "score0", "score1": a column's name across page breaks
            self.keys.append(f"{k.role}{seen.get(k.role, 0)}")
            seen[k.role] = seen.get(k.role, 0) + 1

    @property
    def usable(self) -> bool:
        roles = {c.role for c in self.columns}
        return bool(roles & {"value", "score"})

    def column(self, chunk: _Chunk) -> int:
        x = chunk.center
        for i, b in enumerate(self.bounds):
            if x < b:
                return i
        return len(self.columns) - 1

    def number_at(self, chunk: _Chunk) -> re.Match[str] | None:
        limit = (self.number.col1 + 3) if self.number is not None else 6
        if chunk.col > limit:
            return None
        return _OUTLINE.match(chunk.text)

    def label_index(self) -> int:
        return next(i for i, c in enumerate(self.columns) if c.role == "label")

    def spans_columns(self, chunk: _Chunk) -> bool:
        """A run of text wider than the label column: prose, not a table line."""
        li = self.label_index()
        if li + 1 >= len(self.columns):
            return False
        nxt = self.columns[li + 1]
        return chunk.col < self.bounds[li] - 10 and chunk.col + len(chunk.text) > nxt.center + 2


def whitespace_tables(text: str, lines: list[tuple[int, int]] | None = None) -> list[RawTable]:
    """Tables whose columns are runs of spaces under a header line naming them."""
    lines = _lines(text) if lines is None else lines
    out: list[RawTable] = []
    i = 0
    n = len(lines)
    while i < n:
        s, e = lines[i]
        if "  " not in text[s:e] and "\t" not in text[s:e]:  # a header line has two named columns at least
            i += 1
            continue
        chunks = _chunks(text, s, e, i)
        named = _header_line(chunks) if chunks else None
        if named is None or len(named) < 2:
            i += 1
            continue
        table, i = _read_table(text, lines, i)
        if table is not None:
            out.append(table)
    return out


def _header_block(text: str, lines: list[tuple[int, int]], i: int) -> tuple[list[tuple[_Chunk, str]], int]:
    """The header lines around a strong header line at ``i``: their role chunks and the first line after them."""
    named: list[tuple[_Chunk, str]] = []
    j = i
    # a header line or two just above (group headings)
    k = i - 1
    while k >= 0 and i - k <= 3:
        ch = _chunks(text, *lines[k], k)
        if not ch:
            k -= 1
            continue
        h = _header_line(ch)
        if not h:
            break
        named = h + named
        k -= 1
    blank = 0
    while j < len(lines):
        ch = _chunks(text, *lines[j], j)
        if not ch:
            blank += 1
            if blank > 2:
                break
            j += 1
            continue
        h = _header_line(ch)
        if h is None:
            break
        named += h
        blank = 0
        j += 1
    return named, j


def _read_table(text: str, lines: list[tuple[int, int]], i: int) -> tuple[RawTable | None, int]:
    named, j = _header_block(text, lines, i)
    layout = first_layout = _Layout(named)
    if not layout.usable:
        return None, j
    rows: list[_Row] = []
    pending: list[tuple[int, list[_Chunk]]] = []  # lines waiting for the next row
    n = len(lines)
    while j < n:
        ch = _chunks(text, *lines[j], j)
        if not ch:
            j += 1
            continue
        h = _header_line(ch)
        if h and len(h) >= 2:
            nxt_named, nj = _header_block(text, lines, j)
            nxt = _next_number(text, lines, nj, _Layout(nxt_named))
            if nxt is not None and nxt.rstrip(".") != "1" and rows:
                layout = _Layout(nxt_named)  # the table goes on over a page break
                pending = []
                j = nj
                continue
            break
        if h and _heading_ahead(text, lines, j):
            j += 1  # a group heading above the next page's header
            continue
        if any(layout.spans_columns(c) for c in ch):
            break
        first = ch[0]
        m = layout.number_at(first)
        if m is not None:
            num = _Chunk(m.group(), first.start, first.col, j)
            rest = first.text[m.end() :]
            lead = len(rest) - len(rest.lstrip())
            pieces = ch[1:]
            if rest.strip():
                pieces = [_Chunk(rest.strip(), first.start + m.end() + lead, first.col + m.end() + lead, j), *pieces]
            row = _Row(num, j)
            for _, waiting in pending:
                _place(layout, row, waiting)
            pending = []
            _place(layout, row, pieces)
            row.own = {layout.keys[layout.column(c)] for c in pieces}
            rows.append(row)
            j += 1
            continue
        # a line without a number: page numbers are skipped, the rest joins a row
        if len(ch) == 1 and _NUMERIC.fullmatch(ch[0].text) and layout.columns[layout.column(ch[0])].role not in ("value", "score"):
            j += 1
            continue
        target = _target(text, lines, layout, rows, ch, j)
        if target == "next":
            pending.append((j, ch))
        elif target == "prev" and rows:
            _place(layout, rows[-1], ch)
        j += 1
    if len(rows) < 2:
        return None, j
    return _raw(first_layout, rows), j


def _heading_ahead(text: str, lines: list[tuple[int, int]], j: int) -> bool:
    """A strong header line within the next few lines."""
    for k in range(j + 1, min(len(lines), j + 4)):
        c2 = _chunks(text, *lines[k], k)
        h2 = _header_line(c2) if c2 else None
        if h2 and len(h2) >= 2:
            return True
    return False


def _next_number(text: str, lines: list[tuple[int, int]], j: int, layout: _Layout) -> str | None:
    for k in range(j, min(len(lines), j + 8)):
        ch = _chunks(text, *lines[k], k)
        if ch:
            m = layout.number_at(ch[0])
            if m is not None:
                return m.group(1)
    return None


def _target(text: str, lines: list[tuple[int, int]], layout: _Layout, rows: list[_Row], ch: list[_Chunk], j: int) -> str:
    """Whether a line without a number belongs to the previous row or the next one."""
    if not rows:
        return "next"
    nxt = None
    header_ahead = False
    for k in range(j + 1, min(len(lines), j + 6)):
        c2 = _chunks(text, *lines[k], k)
        if not c2:
            continue
        h2 = _header_line(c2)
        if h2 and len(h2) >= 2:
            header_ahead = True
            break
        if layout.number_at(c2[0]) is not None:
            nxt = k
            break
    li = layout.label_index()
    labels = [c for c in ch if layout.column(c) == li]
    if header_ahead:
        # titles and page furniture above the next header; a label's last words stay with their row
        return "prev" if labels and not labels[0].text[:1].isupper() else "skip"
    if nxt is None:
        return "prev"
    if labels:
        first = labels[0].text[:1]
        return "next" if first.isupper() else "prev"
    prev = rows[-1]
    d_prev, d_next = j - prev.line, nxt - j
    if d_prev != d_next:
        return "prev" if d_prev < d_next else "next"
    # as near to both: a cell centred on the previous row's line (above and below it) when that line left it empty
    key = layout.keys[layout.column(ch[0])]
    return "next" if key in prev.own else "prev"


def _place(layout: _Layout, row: _Row, pieces: list[_Chunk]) -> None:
    for c in pieces:
        ci = layout.column(c)
        key, role = layout.keys[ci], layout.columns[ci].role
        if role in ("value", "score") and row.has(key):
            continue  # one value per cell; a stray figure is left out
        row.parts.setdefault(key, []).append(c)


def _cell(pieces: list[_Chunk]) -> Cell:
    if not pieces:
        return ("", -1, -1)
    first = pieces[0]
    return (" ".join(p.text for p in pieces), first.start, first.end)


def _raw(layout: _Layout, rows: list[_Row]) -> RawTable:
    cols = layout.columns
    head: list[Cell] = []
    number_head = layout.number.header if layout.number is not None else None
    head.append((number_head.text, number_head.start, number_head.end) if number_head else ("", -1, -1))
    for c in cols:
        h = c.header
        head.append((h.text, h.start, h.end) if h is not None else ("", -1, -1))
    out_rows: list[list[Cell]] = [head]
    for r in rows:
        cells: list[Cell] = [(r.number.text, r.number.start, r.number.end)]
        cells += [_cell(r.parts.get(key, [])) for key in layout.keys]
        out_rows.append(cells)
    return RawTable(rows=out_rows)


# -- the hook -------------------------------------------------------------------------------------


def find(text: str) -> list[RawTable]:
    """Every pipe table and whitespace-column table of a loaded text, in text order."""
    if "|" not in text and "  " not in text:
        return []
    lines = _lines(text)
    tables = (pipe_tables(text, lines) if "|" in text else []) + (whitespace_tables(text, lines) if "  " in text or "\t" in text else [])
    return sorted(tables, key=_first_offset)


def _first_offset(t: RawTable) -> int:
    return min((s for row in t.rows for _, s, _ in row if s >= 0), default=0)


def _extent(t: RawTable) -> tuple[int, int]:
    offs = [x for row in t.rows for _, s, e in row if s >= 0 for x in (s, e)]
    return (min(offs), max(offs)) if offs else (0, 0)


def attach(loaded: Loaded) -> Loaded:
    """The loaded source with the text's own tables added, leaving out those a loader already gave."""
    import dataclasses

    found = find(loaded.text)
    if not found:
        return loaded
    taken = [_extent(t) for t in loaded.tables]
    new = [t for t in found if not any(a < e and s < b for s, e in taken for a, b in [_extent(t)])]
    if not new:
        return loaded
    return dataclasses.replace(loaded, tables=[*loaded.tables, *new])
