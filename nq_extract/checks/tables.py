"""Column sums of extracted tables: a "Tổng"/"Cộng" row against the rows it adds up.

Works on ``report.tables`` (rows of cell texts with the Span of each cell, as a
loader provides them). A column is checked when its total cell and every part
cell hold one number; columns of percentages or rates are left alone, since
they do not add up.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from ..numbers import parse_number
from .relations import SUM, Relation
from .scan import FIGURE, PERCENT, Tok

_TOTAL_ROW = re.compile(r"^\s*(?:tổng cộng|tổng số|tổng|cộng|toàn tỉnh|toàn huyện|toàn thành phố|toàn quốc)\b", re.IGNORECASE)
_RATE_HEADER = re.compile(r"tỷ lệ|tỉ lệ|%|bình quân|trung bình|xếp hạng|thứ hạng|điểm", re.IGNORECASE)
_CELL_NUMBER = re.compile(r"^\s*(\d[\d.,]*)\s*(%?)\s*$")


def _cell_tok(text: str, span: Any, index: int) -> Tok | None:
    m = _CELL_NUMBER.match(text or "")
    if m is None or span is None:
        return None
    number = parse_number(m.group(1))
    if number is None:
        return None
    start = span.start + m.start(1)
    return Tok(index, start, start + len(m.group(1)), number, PERCENT if m.group(2) else FIGURE)


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


def table_sums(tables: Sequence[Any], text: str | None = None) -> list[Relation]:
    """With ``text`` (the document's), each cell is read from the text at its span, so a figure
    changed in the text (the validity study) is seen; otherwise from the table's own cell texts."""
    out: list[Relation] = []
    for table in tables:
        rows: list[list[str]] = _as_read(table, text)
        cells = list(getattr(table, "cells", []) or [])
        if len(rows) < 3 or len(cells) != len(rows):
            continue
        totals = [i for i, r in enumerate(rows) if r and _TOTAL_ROW.match(r[0] or "")]
        if len(totals) != 1:
            continue
        ti = totals[0]
        numeric = [i for i, r in enumerate(rows) if i != ti and any(_CELL_NUMBER.match(c or "") for c in r[1:])]
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
            total = _cell_tok(rows[ti][c], cells[ti][c] if c < len(cells[ti]) else None, 0)
            if total is None or total.kind != FIGURE:
                continue
            parts: list = []
            for i in parts_rows:
                tok = _cell_tok(rows[i][c] if c < len(rows[i]) else "", cells[i][c] if c < len(cells[i]) else None, i)
                if tok is None or tok.kind != FIGURE:
                    parts = []
                    break
                parts.append(tok)
            if len(parts) >= 2:
                out.append(Relation(SUM, [("total", total)] + [("part", p) for p in parts], source="table"))
    return out
