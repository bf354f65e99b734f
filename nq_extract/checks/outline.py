"""Relations a table's outline numbering states: a total over its sub-rows, a rate over its two.

Works on report tables (a loader's, or one laid out as text, see
:mod:`nq_extract.load.text_tables`): rows of cell texts with the Span of each
cell. The header rows name the columns (``data/table_rules.json``): the
numbering (``STT``), the label, the unit (``Đơn vị tính``), the values
(``Số liệu``) or scores (``Điểm chuẩn``, ``Điểm tự đánh giá``). A row numbered
``1.4.`` is the parent of ``1.4.1.``, ``1.4.2.`` ... A table cut by a page
break (the next part's numbering does not start again at 1) is read as one.

Relations, asserted only where the table says so (a false alarm costs more
than a relation missed):

- a **score table** (score columns): each parent's score is the sum of its
  children's, column by column, when the parent and every child carry one
  (unless in the first score column, the standard, most parents disagree with
  their children: such a table scores some other way, the best of
  alternatives or a deduction, and says nothing);
- a **statistics table**: a parent whose label says total ("Tổng số ...")
  against its children of the same unit, every child carrying a value; when
  the children overshoot and the first of them already add up to the total,
  the rest are rows beside it ("Số TTHC ngành dọc" under "Tổng số TTHC thuộc
  thẩm quyền ... địa phương"), unless the overshoot looks like a slip of one digit;
- a rate row ("Tỷ lệ ...", unit ``%``) against its two children: the part
  over the whole (the child whose label says total or plan, else the first).

Rows coded "Có = 1 / Không = 0" are not quantities and are left alone. Values
are read from the text at each cell's span, so a figure changed in the text
(the validity study) is seen. A column's decimal mark is decided once for the
whole column: scores written "8.00", "1.50" are decimals, not thousands.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import cache
from typing import Any

from ..numbers import Number, parse_number
from . import decide
from .relations import PERCENTAGE, SUM, Relation, Text, _slip
from .scan import FIGURE, PERCENT, Tok

_OUTLINE = re.compile(r"\d{1,2}(?:\.\d{1,2}){0,4}\.?")
_CELL = re.compile(r"[+-]?\d[\d.,]*")
_DOT_DECIMAL = re.compile(r"\d+\.\d{1,2}")
SOURCE = "table"


@cache
def _rules() -> dict[str, Any]:
    from ..data import load

    return dict(load("table_rules.json"))


@cache
def _code() -> re.Pattern[str]:
    return re.compile(_rules()["code_pattern"])


def _starts(label: str, cues: Sequence[str]) -> bool:
    low = " ".join(label.lower().split())
    return any(low == c or low.startswith(c + " ") for c in cues)


@dataclass
class _Row:
    number: tuple[int, ...]
    label: str
    unit: str
    cells: dict[int, Any] = field(default_factory=dict)  # column -> Span


@dataclass
class _Grid:
    """One table (page parts joined): its column roles and its numbered rows."""

    roles: dict[int, str]
    rows: list[_Row] = field(default_factory=list)

    def columns(self, role: str) -> list[int]:
        return sorted(c for c, r in self.roles.items() if r == role)


def _outline(text: str) -> tuple[int, ...] | None:
    s = (text or "").strip()
    if not _OUTLINE.fullmatch(s):
        return None
    return tuple(int(p) for p in s.rstrip(".").split("."))


def _grid(table: Any) -> _Grid | None:
    from ..load.text_tables import header_role
    from .tables import numbering_row

    rows: list[list[str]] = list(getattr(table, "rows", []) or [])
    cells = list(getattr(table, "cells", []) or [])
    if len(rows) < 2 or len(cells) != len(rows):
        return None
    kept = [i for i, r in enumerate(rows) if not numbering_row(r)]  # "1 | 2 | 3 | 4" under a header numbers its columns
    rows, cells = [rows[i] for i in kept], [cells[i] for i in kept]
    if len(rows) < 2:
        return None
    width = max(len(r) for r in rows)
    counts = [sum(1 for r in rows if c < len(r) and _outline(r[c]) is not None) for c in range(width)]
    num_col = max(range(width), key=lambda c: (counts[c], -c))
    if counts[num_col] < 1:
        return None
    first = next(i for i, r in enumerate(rows) if num_col < len(r) and _outline(r[num_col]) is not None)
    heads = [" ".join(r[c] for r in rows[:first] if c < len(r) and r[c]) for c in range(width)]
    roles: dict[int, str] = {}
    for c, h in enumerate(heads):
        role = header_role(h) if h else None
        if role is not None and c != num_col:
            roles[c] = role
    roles[num_col] = "number"
    if not any(r in ("value", "score") for r in roles.values()):
        return None
    grid = _Grid(roles)
    label_cols = grid.columns("label") or [num_col + 1]
    unit_cols = grid.columns("unit")
    for r, cs in zip(rows[first:], cells[first:], strict=False):
        number = _outline(r[num_col]) if num_col < len(r) else None
        if number is None:
            continue
        label = " ".join(r[c] for c in label_cols if c < len(r) and r[c])
        unit = " ".join(r[c] for c in unit_cols if c < len(r) and r[c])
        row = _Row(number, label, unit)
        for c, role in roles.items():
            if role in ("value", "score") and c < len(cs) and cs[c] is not None:
                row.cells[c] = cs[c]
        grid.rows.append(row)
    return grid


def grids(tables: Sequence[Any]) -> list[_Grid]:
    """The tables with numbered rows and value columns, a table cut by a page break joined to its first part."""
    out: list[_Grid] = []
    for table in tables:
        g = _grid(table)
        if g is None or not g.rows:
            continue
        if out and out[-1].roles == g.roles and g.rows[0].number != (1,) and g.rows[0].number[:1] >= out[-1].rows[-1].number[:1]:
            out[-1].rows.extend(g.rows)
        else:
            out.append(g)
    return out


@dataclass(frozen=True)
class _Reader:
    """Figures read from the text at cell spans, with one decimal mark per column."""

    t: Text
    dot_decimal: frozenset[int]

    def tok(self, span: Any, col: int, unit: str, percent: bool) -> Tok | None:
        if span is None or span.end > len(self.t.text):
            return None
        raw = self.t.text[span.start : span.end]
        m = _CELL.fullmatch(raw.strip())
        if m is None:
            return None
        written = m.group()
        start = span.start + raw.index(written)
        number = _dot_number(written) if col in self.dot_decimal else parse_number(written)
        if number is None:
            return None
        head = unit.strip() or None
        return Tok(-1, start, start + len(written), number, PERCENT if percent else FIGURE, None if percent else head)


def _dot_number(written: str) -> Number | None:
    if "," in written:
        return None
    try:
        value = Decimal(written)
    except InvalidOperation:
        return None
    decimals = len(written.partition(".")[2])
    return Number(written, value, decimals)


def _reader(t: Text, g: _Grid) -> _Reader:
    dots = set()
    for c in g.columns("value") + g.columns("score"):
        texts = [t.text[r.cells[c].start : r.cells[c].end].strip() for r in g.rows if c in r.cells and r.cells[c].end <= len(t.text)]
        if any(_DOT_DECIMAL.fullmatch(x) for x in texts) and not any("," in x for x in texts):
            dots.add(c)
    return _Reader(t, frozenset(dots))


def _children(g: _Grid) -> list[tuple[_Row, list[_Row]]]:
    """Each row with its direct children, in order."""
    kids: dict[tuple[int, ...], list[_Row]] = {}
    parents: dict[tuple[int, ...], _Row] = {}
    out: list[tuple[_Row, list[_Row]]] = []
    for r in g.rows:
        if len(r.number) > 1 and r.number[:-1] in parents:
            kids.setdefault(r.number[:-1], []).append(r)
        if r.number not in parents:
            parents[r.number] = r
            out.append((r, []))
    return [(p, kids.get(p.number, [])) for p, _ in out]


def outline_relations(tables: Sequence[Any], t: Text) -> list[Relation]:
    out: list[Relation] = []
    for g in grids(tables):
        read = _reader(t, g)
        scores = g.columns("score")
        found: list[Relation] = []
        for parent, kids in _children(g):
            if len(kids) < 2:
                continue
            if scores:
                for c in scores:
                    _score_sum(found, read, parent, kids, c)
            else:
                for c in g.columns("value"):
                    _stats(found, read, parent, kids, c)
        if scores and not _additive([r for r in found if _in_column(g, scores[0], r.tok("total"))]):
            continue
        out.extend(found)
    return out


def _in_column(g: _Grid, c: int, tok: Tok | None) -> bool:
    return tok is not None and any(r.cells[c].start <= tok.start < r.cells[c].end for r in g.rows if c in r.cells)


def _additive(rels: list[Relation]) -> bool:
    """Whether a score table adds up at all, judged on its first score column (the standard,
    fixed by the scoring rules): a table whose parents there mostly disagree with their
    children scores some other way (the best of alternatives, a deduction), not by a sum."""
    verdicts = [_sum_status(r) for r in rels]
    return verdicts.count(decide.CONSISTENT) > verdicts.count(decide.INCONSISTENT)


def _sum_status(rel: Relation) -> str:
    total = rel.tok("total")
    assert total is not None
    return decide.total(_fig(total), [_fig(p) for p in rel.toks("part")]).status


def _score_sum(out: list[Relation], read: _Reader, parent: _Row, kids: list[_Row], c: int) -> None:
    total = read.tok(parent.cells.get(c), c, "", False)
    parts = [read.tok(k.cells.get(c), c, "", False) for k in kids]
    if total is None or any(p is None for p in parts):
        return
    out.append(Relation(SUM, [("total", total)] + [("part", p) for p in parts if p is not None], source=SOURCE))


def _unit_key(unit: str) -> str:
    return " ".join(unit.lower().split())


def _stats(out: list[Relation], read: _Reader, parent: _Row, kids: list[_Row], c: int) -> None:
    rules = _rules()
    if any(_code().search(r.unit) or _code().search(r.label) for r in (parent, *kids)):
        return
    rate = _unit_key(parent.unit) in rules["rate_units"] or _starts(parent.label, rules["rate_cues"])
    if rate:
        if len(kids) != 2 or any(_unit_key(k.unit) in rules["rate_units"] or not k.unit for k in kids):
            return
        if _unit_key(kids[0].unit) != _unit_key(kids[1].unit):
            return
        pct = read.tok(parent.cells.get(c), c, "", True)
        a, b = (read.tok(k.cells.get(c), c, k.unit, False) for k in kids)
        if pct is None or a is None or b is None:
            return
        whole = [
            i for i, k in enumerate(kids) if _starts(k.label, rules["denominator_cues"]) or _has_cue(k.label, rules["denominator_cues"])
        ]
        den_i = whole[0] if len(whole) == 1 else 0
        den, num = (a, b) if den_i == 0 else (b, a)
        out.append(Relation(PERCENTAGE, [("numerator", num), ("denominator", den), ("percent", pct)], source=SOURCE))
        return
    if not _starts(parent.label, rules["total_cues"]) or not parent.unit:
        return
    if any(_unit_key(k.unit) != _unit_key(parent.unit) for k in kids):
        return
    total = read.tok(parent.cells.get(c), c, parent.unit, False)
    parts = [read.tok(k.cells.get(c), c, k.unit, False) for k in kids]
    if total is None or any(p is None for p in parts):
        return
    toks = [p for p in parts if p is not None]
    out.append(Relation(SUM, [("total", total)] + [("part", p) for p in _leading_parts(total, toks)], source=SOURCE))


def _has_cue(label: str, cues: Sequence[str]) -> bool:
    low = " ".join(label.lower().split())
    return any(re.search(rf"(?<![^\W_]){re.escape(c)}(?![^\W_])", low) for c in cues if " " in c)


def _fig(tok: Tok) -> decide.Fig:
    return decide.Fig(tok.number, exact=tok.exact, approx=False)


def _leading_parts(total: Tok, parts: list[Tok]) -> list[Tok]:
    """All the children, or the first of them when they alone make the total and the rest overshoot it."""
    whole = decide.total(_fig(total), [_fig(p) for p in parts])
    if whole.status != decide.INCONSISTENT or len(parts) < 3:
        return parts
    s = sum((p.number.value for p in parts), Decimal(0))
    if s <= total.number.value or _slip(f"{s:f}", f"{total.number.value:f}"):
        return parts
    for k in range(len(parts) - 1, 1, -1):
        if decide.total(_fig(total), [_fig(p) for p in parts[:k]]).status == decide.CONSISTENT:
            return parts[:k]
    return parts
