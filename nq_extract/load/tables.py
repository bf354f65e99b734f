"""Tables a loader found (``RawTable``, offsets into the loaded text) as report tables.

Each cell gets the Span of its text in the normalized document, so the check
engine and the exports point at the cell (with page and box for PDFs). A cell
whose text did not survive normalization (dropped as page furniture) has no span.
"""

from __future__ import annotations

from array import array
from typing import Any


def report_tables(doc: Any) -> list[Any]:
    from ..models import Table

    if not doc.tables:
        return []
    inverse = _inverse(doc.srcmap)
    out = []
    for raw in doc.tables:
        rows: list[list[str]] = []
        cells: list[list[Any]] = []
        for row in raw.rows:
            rows.append([text for text, _, _ in row])
            spans = []
            for text, s, e in row:
                start = inverse[s] if 0 <= s < len(inverse) else -1
                end = inverse[e - 1] + 1 if 0 < e <= len(inverse) and inverse[e - 1] >= 0 else -1
                spans.append(doc.span(start, end) if text and 0 <= start < end else None)
            cells.append(spans)
        out.append(Table(rows=rows, cells=cells, page=raw.page))
    return out


def _inverse(srcmap: array) -> array:
    """For each loaded offset, the first normalized offset mapped to it (-1: none)."""
    size = max(srcmap) + 1 if len(srcmap) else 0
    inv = array("l", [-1]) * size
    for j in range(len(srcmap) - 1, -1, -1):
        i = srcmap[j]
        if i >= 0:
            inv[i] = j
    return inv
