"""The immutable values that flow through the pipeline.

``Loaded`` is what a loader hands over: the text as read from the source, with
optional per-character layout (page and box, for PDFs), hints about footnotes
and parts to drop, and the ``Source`` record. ``Document`` is the normalized
text, its offset map back to the source, and the segments found in it.
Extractors see only ``Document``; they never see a PDF.
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass, field
from typing import Any

from .models import Source, Span


@dataclass(frozen=True)
class Layout:
    """Where each character of the loaded text stood: 1-based page and box.

    ``pages[i]`` is the page of loaded character ``i`` (0 when unknown) and
    ``boxes[4*i:4*i+4]`` its ``x0, top, x1, bottom`` in PDF points.
    """

    pages: array
    boxes: array

    def page(self, i: int) -> int | None:
        if 0 <= i < len(self.pages):
            p = self.pages[i]
            return int(p) if p > 0 else None
        return None

    def bbox(self, start: int, end: int, page: int) -> list[float] | None:
        x0 = top = float("inf")
        x1 = bottom = float("-inf")
        for i in range(max(start, 0), min(end, len(self.pages))):
            if self.pages[i] != page:
                continue
            b = self.boxes[4 * i : 4 * i + 4]
            if b[2] <= b[0] and b[3] <= b[1]:
                continue
            x0, top = min(x0, b[0]), min(top, b[1])
            x1, bottom = max(x1, b[2]), max(bottom, b[3])
        if x0 == float("inf"):
            return None
        return [round(x0, 2), round(top, 2), round(x1, 2), round(bottom, 2)]


@dataclass(frozen=True)
class NoteHint:
    """A footnote found by a loader: its marker and the loaded-text range of its body."""

    marker: str
    start: int
    end: int


@dataclass(frozen=True)
class AnchorHint:
    """A footnote marker in the body: the loaded-text range of the marker itself."""

    marker: str
    start: int
    end: int


@dataclass(frozen=True)
class RawTable:
    """A table as a loader found it: rows of (text, loaded start, loaded end)."""

    rows: list[list[tuple[str, int, int]]]
    page: int | None = None


@dataclass
class Loaded:
    """A source read into text, before normalization."""

    text: str
    source: Source
    layout: Layout | None = None
    notes: list[NoteHint] | None = None  # None: let the text rules find them
    anchors: list[AnchorHint] | None = None
    drop: list[tuple[int, int]] = field(default_factory=list)  # page numbers, running heads
    tables: list[RawTable] = field(default_factory=list)
    stamps: list[tuple[int, int]] = field(default_factory=list)  # e-signature text ranges
    extra: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Note:
    """A footnote in the normalized text."""

    marker: str
    start: int  # body of the note, in normalized text
    end: int
    anchors: tuple[tuple[int, int], ...]  # word each marker was glued to


@dataclass(frozen=True)
class Document:
    """Normalized text with an offset map to the loaded text, and its segments."""

    text: str
    srcmap: array  # srcmap[i]: index in the loaded text of normalized char i (-1: inserted)
    source: Source
    layout: Layout | None = None
    notes: tuple[Note, ...] = ()
    body_end: int = -1  # normalized text after this offset holds the footnotes
    tables: tuple[RawTable, ...] = ()
    segments: Any = None  # segment.Segments, filled by the segmenter
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def body(self) -> str:
        return self.text if self.body_end < 0 else self.text[: self.body_end]

    def source_index(self, i: int) -> int:
        """Index in the loaded text of normalized offset ``i`` (nearest mapped char)."""
        n = len(self.srcmap)
        j = min(max(i, 0), n - 1)
        while 0 <= j < n and self.srcmap[j] < 0:
            j += 1
        if j >= n:
            j = min(max(i, 0), n - 1)
            while j >= 0 and self.srcmap[j] < 0:
                j -= 1
        return int(self.srcmap[j]) if 0 <= j < n else -1

    def source_range(self, start: int, end: int) -> tuple[int, int]:
        if end <= start:
            s = self.source_index(start)
            return s, s
        s = self.source_index(start)
        e = self.source_index(end - 1)
        return s, max(e + 1, s)

    def span(self, start: int, end: int) -> Span:
        """The Span of ``text[start:end]``, with page and box when the source has layout."""
        page = bbox = None
        if self.layout is not None and self.text:
            s, e = self.source_range(start, end)
            page = self.layout.page(s)
            if page is not None:
                bbox = self.layout.bbox(s, e, page)
        return Span(start=start, end=end, text=self.text[start:end], page=page, bbox=bbox)
