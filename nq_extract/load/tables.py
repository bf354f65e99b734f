"""Tables a loader found (``RawTable``, offsets into the loaded text) as report tables.

Each cell gets the Span of its text in the normalized document, so the check
engine and the exports point at the cell (with page and box for PDFs). A cell
whose text did not survive normalization (dropped as page furniture) has no span.
"""

from __future__ import annotations

from array import array
from itertools import compress
from typing import Any


def report_tables(doc: Any) -> list[Any]:
    from ..models import Table

    if not doc.tables:
        return []
    needed = {x for raw in doc.tables for row in raw.rows for _, s, e in row for x in (s, e - 1)}
    first = _first_offsets(doc.srcmap, needed)
    out = []
    for raw in doc.tables:
        rows: list[list[str]] = []
        cells: list[list[Any]] = []
        for row in raw.rows:
            rows.append([text for text, _, _ in row])
            spans = []
            for text, s, e in row:
                start = first.get(s, -1)
                end = first[e - 1] + 1 if e - 1 in first else -1
                spans.append(doc.span(start, end) if text and 0 <= start < end else None)
            cells.append(spans)
        out.append(Table(rows=rows, cells=cells, page=raw.page))
    return out


def _first_offsets(srcmap: array, needed: set[int]) -> dict[int, int]:
    """For each loaded offset in ``needed``, the first normalized offset mapped to it (absent: none).

    Only the normalized offsets that map to a needed one are visited (the scan runs in C).
    """
    out: dict[int, int] = {}
    for j in compress(range(len(srcmap)), map(needed.__contains__, srcmap)):
        out.setdefault(srcmap[j], j)
    return out
