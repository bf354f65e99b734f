"""Ruled tables of a PDF as rows of cells, located in the loaded text.

The ruling lines come from the page's drawn paths (read with the characters);
pdfplumber's table geometry (edges -> intersections -> cells -> tables) turns
them into cells, without parsing the page a second time. Each cell's text is
taken from the loaded text itself (the characters whose box centre lies in the
cell), so a cell keeps the offsets the check engine and the spans need.
"""

from __future__ import annotations

from typing import Any

from ..document import RawTable
from .pdf_chars import PageChars

MIN_RULES = 3


def find_tables(pages: list[PageChars], result: Any) -> list[RawTable]:
    from pdfplumber.table import Table, cells_to_tables, edges_to_intersections, intersections_to_cells, merge_edges

    candidates = {pc.number: pc for pc in pages if pc.rules >= MIN_RULES and pc.has_text}
    if not candidates:
        return []
    by_page: dict[int, list[int]] = {}
    lp, boxes, text = result.layout.pages, result.layout.boxes, result.text
    for i, p in enumerate(lp):
        if p in candidates and not text[i].isspace():
            by_page.setdefault(p, []).append(i)
    out: list[RawTable] = []
    for number, pc in candidates.items():
        edges = merge_edges(pc.edges, 3, 3, 3, 3)
        edges = [e for e in edges if (e["width"] if e["orientation"] == "h" else e["height"]) >= 3]
        cells = intersections_to_cells(edges_to_intersections(edges, 3, 3))
        page_idx = by_page.get(number, [])
        for group in cells_to_tables(cells):
            tx0, ttop = min(c[0] for c in group), min(c[1] for c in group)
            tx1, tbottom = max(c[2] for c in group), max(c[3] for c in group)
            idx = [i for i in page_idx if tx0 <= boxes[4 * i] <= tx1 and ttop <= boxes[4 * i + 1] <= tbottom]
            idx.sort(key=lambda i: boxes[4 * i + 1] + boxes[4 * i + 3])
            centres = [(boxes[4 * i + 1] + boxes[4 * i + 3]) / 2 for i in idx]
            rows: list[list[tuple[str, int, int]]] = []
            for row in Table(None, group).rows:  # type: ignore[arg-type]  # rows need no page
                cells_out = [("", -1, -1) if cell is None else _cell(text, boxes, idx, centres, cell) for cell in row.cells]
                if any(c[0] for c in cells_out):
                    rows.append(cells_out)
            if sum(1 for r in rows if sum(1 for c in r if c[0]) >= 2) >= 2:
                out.append(RawTable(rows=rows, page=number))
    return out


def _cell(text: str, boxes: Any, idx: list[int], centres: list[float], cell: tuple[float, float, float, float]) -> tuple[str, int, int]:
    """Text and loaded range of the characters whose centre lies in ``cell``; ``idx`` is
    sorted by vertical centre, ``centres`` holds those centres."""
    import bisect

    x0, top, x1, bottom = cell
    lo, hi = bisect.bisect_left(centres, top), bisect.bisect_right(centres, bottom)
    inside = sorted(i for i in idx[lo:hi] if x0 <= (boxes[4 * i] + boxes[4 * i + 2]) / 2 <= x1)
    if not inside:
        return ("", -1, -1)
    parts: list[str] = []
    prev = None
    for i in inside:
        if prev is not None and (i != prev + 1 or text[i - 1].isspace()):
            parts.append(" ")
        parts.append(text[i])
        prev = i
    return (" ".join("".join(parts).split()), inside[0], inside[-1] + 1)
