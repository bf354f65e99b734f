"""Sums in extracted tables, down the columns and along the rows.

- Down a column: a "Tổng"/"Cộng" row against the rows it adds up.
- Along a row: a "Tổng số" column against the columns its header breaks it
  into ("Chia ra", "Gồm", "Bao gồm" over them). A group headed "Trong đó"
  names only some parts, so it states no sum.

Works on ``report.tables`` (rows of cell texts with the Span of each cell, as a
loader provides them). A sum is checked when its total cell and every part
cell hold one number; columns of percentages or rates are left alone, since
they do not add up.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Any

from ..numbers import parse_number
from .relations import SUM, Relation
from .scan import FIGURE, PERCENT, Tok

_TOTAL_ROW = re.compile(r"^\s*(?:tổng cộng|tổng số|tổng|cộng|toàn tỉnh|toàn huyện|toàn thành phố|toàn quốc)\b", re.IGNORECASE)
_RATE_HEADER = re.compile(r"tỷ lệ|tỉ lệ|%|bình quân|trung bình|xếp hạng|thứ hạng|điểm", re.IGNORECASE)
_CELL_NUMBER = re.compile(r"^\s*(\d[\d.,]*)\s*(%?)\s*$")
_TOTAL_COLUMN = re.compile(r"^\s*(?:tổng cộng|tổng số|tổng|cộng)\s*$", re.IGNORECASE)
_PARTITION = re.compile(r"^\s*(?:chia ra|bao gồm|gồm)\s*:?\s*$", re.IGNORECASE)
HEADER_ROWS = 3  # header lines looked at for a total column and its breakdown


def _cell_tok(text: str, span: Any, index: int) -> Tok | None:
    m = _CELL_NUMBER.match(text or "")
    if m is None or span is None:
        return None
    number = parse_number(m.group(1))
    if number is None:
        return None
    start = span.start + m.start(1)
    return Tok(index, start, start + len(m.group(1)), number, PERCENT if m.group(2) else FIGURE)


_COLUMN_NUMBER = re.compile(r"^\s*\(?(\d{1,2})\)?\s*$")


def numbering_row(row: Sequence[str]) -> bool:
    """A row that numbers the columns ("1 | 2 | 3 | 4", "(1) | (2) | (3)"), as official tables often have under the header."""
    numbers = [int(m.group(1)) for c in row if (m := _COLUMN_NUMBER.match(c or ""))]
    filled = [c for c in row if (c or "").strip()]
    return len(numbers) >= 3 and len(numbers) == len(filled) and all(b == a + 1 for a, b in zip(numbers, numbers[1:]))


def _as_read(table: Any, text: str | None) -> list[list[str]]:
    rows: list[list[str]] = list(getattr(table, "rows", []) or [])
    if text is None:
        return rows
    cells = list(getattr(table, "cells", []) or [])
    out = []
    for r, row in enumerate(rows):
        spans = cells[r] if r < len(cells) else []
        out.append(
            [
                text[sp.start : sp.end] if c < len(spans) and (sp := spans[c]) is not None and sp.end <= len(text) else cell
                for c, cell in enumerate(row)
            ]
        )
    return out


def _grids(tables: Sequence[Any], text: str | None) -> Iterator[tuple[list[list[str]], list[Any]]]:
    """(cell texts, cell spans) of each table with a header and two rows or more, every row with its spans."""
    for table in tables:
        rows = _as_read(table, text)
        cells = list(getattr(table, "cells", []) or [])
        if len(rows) >= 3 and len(cells) == len(rows):
            yield rows, cells


def table_sums(tables: Sequence[Any], text: str | None = None) -> list[Relation]:
    """With ``text`` (the document's), each cell is read from the text at its span, so a figure
    changed in the text (the validity study) is seen; otherwise from the table's own cell texts."""
    out: list[Relation] = []
    for rows, cells in _grids(tables, text):
        totals = [i for i, r in enumerate(rows) if r and _TOTAL_ROW.match(r[0] or "")]
        if len(totals) != 1:
            continue
        ti = totals[0]
        numeric = [i for i, r in enumerate(rows) if i != ti and not numbering_row(r) and any(_CELL_NUMBER.match(c or "") for c in r[1:])]
        if ti == min([ti, *numeric]):
            parts_rows = [i for i in numeric if i > ti]
        else:
            parts_rows = [i for i in numeric if i < ti]
        if len(parts_rows) < 2:
            continue
        header = rows[0]
        for c in range(1, len(rows[ti])):
            if c < len(header) and _RATE_HEADER.search(header[c] or ""):
                continue
            rel = _sum(rows, cells, (ti, c), [(i, c) for i in parts_rows])
            if rel is not None:
                out.append(rel)
    return out


def _figure(rows: list[list[str]], cells: list[Any], r: int, c: int) -> Tok | None:
    """The one plain figure (no percentage) a cell holds, or None."""
    row, spans = rows[r], cells[r]
    tok = _cell_tok(row[c] if c < len(row) else "", spans[c] if c < len(spans) else None, r)
    return tok if tok is not None and tok.kind == FIGURE else None


def _sum(rows: list[list[str]], cells: list[Any], total_at: tuple[int, int], parts_at: list[tuple[int, int]]) -> Relation | None:
    """A total cell and its part cells as a sum, when each holds one figure and there are two parts or more."""
    total = _figure(rows, cells, *total_at)
    parts = [_figure(rows, cells, r, c) for r, c in parts_at]
    if total is None or len(parts) < 2 or any(p is None for p in parts):
        return None
    return Relation(SUM, [("total", total)] + [("part", p) for p in parts if p is not None], source="table")


def _partition_columns(header_rows: list[list[str]], total_col: int) -> list[int]:
    """The columns a header row groups under "Chia ra"/"Gồm" right after ``total_col``.

    The group label stands over its first column; a merged header cell spreads
    over the next ones as empty cells (or the same text repeated), and the group
    ends at the first other label. Returns [] when no such group follows.
    """
    for row in header_rows:
        c = total_col + 1
        if c >= len(row) or not _PARTITION.match(row[c] or ""):
            continue
        label = (row[c] or "").strip()
        cols = [c]
        for k in range(c + 1, len(row)):
            cell = (row[k] or "").strip()
            if cell and cell != label:
                break
            cols.append(k)
        return cols
    return []


def row_sums(tables: Sequence[Any], text: str | None = None) -> list[Relation]:
    """A "Tổng số" column against the columns its header breaks it into, in every body row."""
    out: list[Relation] = []
    for rows, cells in _grids(tables, text):
        head = rows[:HEADER_ROWS]
        for total_col in sorted({c for row in head for c, cell in enumerate(row) if _TOTAL_COLUMN.match(cell or "")}):
            parts_cols = _partition_columns(head, total_col)
            if len(parts_cols) < 2 or any(
                _RATE_HEADER.search(row[c] or "") for row in head for c in [total_col, *parts_cols] if c < len(row)
            ):
                continue
            for i, row in enumerate(rows):
                if numbering_row(row) or (i < len(head) and not any(_CELL_NUMBER.match(c or "") for c in row)):
                    continue  # a header line, or the line numbering the columns
                rel = _sum(rows, cells, (i, total_col), [(i, c) for c in parts_cols])
                if rel is not None:
                    out.append(rel)
    return out
