"""Footnotes and page furniture in text exported page by page (form feeds).

Text made from a PDF with a layout-keeping converter has one form feed per
page. Each page may open with its page number on a line of its own, and end
with its footnote area: a line holding only the note's number, then the note's
text indented by a space or two, up to the page end. A note that runs over to
the next page continues in that page's footnote area, below the body, after a
gap of two or more blank lines and with no number of its own. In the body the
markers are digits glued to the word they follow ("các ngành1.").

These rules find notes in sequence (1, 2, 3 ...), so a stray number line in a
table is not taken for a note, and an anchor is only a glued number that is
the next expected marker.
"""

from __future__ import annotations

import bisect
import re

from .document import AnchorHint, NoteHint

_PAGE_NUMBER = re.compile(r"[ \t]*\d{1,4}[ \t]*(?:\n|$)")
_NOTE_START = re.compile(r"(?m)^[ \t]{0,3}(?P<num>\d{1,3})[ \t]*\n(?=[ \t]{0,6}\S)")
_FOOT_NUMBER = re.compile(r"\n[ \t]*\d{1,4}[ \t]*$")
_TAIL_GAP = re.compile(r"\n[ \t]*\n[ \t]*\n(?=[ \t]*\S)")
_LOWER_END = "A-Za-zÀ-ỹĐđ)”\"'’%"


def _pages(text: str) -> list[tuple[int, int]]:
    out = []
    pos = 0
    while True:
        ff = text.find("\f", pos)
        if ff < 0:
            out.append((pos, len(text)))
            return out
        out.append((pos, ff))
        pos = ff + 1


def detect(text: str) -> tuple[list[NoteHint], list[AnchorHint], list[tuple[int, int]]]:
    """Notes, anchors and drops (page numbers, note numbers) of form-feed paged text."""
    notes: list[NoteHint] = []
    drops: list[tuple[int, int]] = []
    expected = 1
    for start, end in _pages(text):
        m = _PAGE_NUMBER.match(text, start, end)  # page number on the page's first line
        if m:
            drops.append((m.start(), m.end()))
        area_start = next(
            (nm.start() for nm in _NOTE_START.finditer(text, start, end) if int(nm.group("num")) == expected and nm.start() > start + 40),
            None,
        )
        body_end = area_start if area_start is not None else end
        if notes and expected > 1:
            cont = _continuation(text, start, body_end, notes[-1])
            if cont:
                notes.append(cont)
        if area_start is None:
            continue
        starts = []
        for nm in _NOTE_START.finditer(text, area_start, end):
            if int(nm.group("num")) == expected:
                starts.append(nm)
                expected += 1
        for i, nm in enumerate(starts):
            stop = starts[i + 1].start() if i + 1 < len(starts) else end
            body_s = nm.end()
            body_e = _rstrip(text, body_s, stop)
            tail = _FOOT_NUMBER.search(text, body_s, body_e)  # a page number at the foot
            if tail and tail.end() >= body_e:
                drops.append((tail.start(), body_e))
                body_e = _rstrip(text, body_s, tail.start())
            notes.append(NoteHint(nm.group("num"), body_s, body_e))
            drops.append((nm.start(), nm.end()))
    return notes, _anchors(text, notes), drops


def _continuation(text: str, start: int, body_end: int, last: NoteHint) -> NoteHint | None:
    """The rest of ``last`` at the foot of the next page, below its body, if any.

    Taken only when the note was cut mid-sentence: it does not end with a full
    stop, or the tail starts in lower case.
    """
    gap = None
    for found in _TAIL_GAP.finditer(text, start, body_end):
        gap = found
    if gap is None:
        return None
    s, e = gap.end(), _rstrip(text, gap.end(), body_end)
    while s < e and text[s].isspace():
        s += 1
    if e <= s:
        return None
    ended = text[last.end - 1 : last.end] in ".;:!?"
    if ended and not text[s].islower():
        return None
    return NoteHint(last.marker, s, e)


_GLUED = re.compile(rf"(?<=[{_LOWER_END}])(\d{{1,3}})(?=[\s.,;:)…]|$)")


def _anchors(text: str, notes: list[NoteHint]) -> list[AnchorHint]:
    """For each marker in order, its first glued occurrence after the previous anchor and before its note.

    One pass over the text collects every glued number; each marker then looks
    only at its own occurrences, so time stays linear however many notes there are.
    """
    anchors: list[AnchorHint] = []
    pos = 0
    firsts: dict[str, int] = {}
    for n in notes:
        firsts.setdefault(n.marker, n.start)
    covered = sorted((n.start, n.end) for n in notes)
    covered_starts = [s for s, _ in covered]
    found: dict[str, list[tuple[int, int]]] = {}
    for m in _GLUED.finditer(text):
        if m.group(1) in firsts:
            found.setdefault(m.group(1), []).append(m.span())
    for marker in sorted(firsts, key=lambda k: int(k)):
        spans = found.get(marker, [])
        limit = firsts[marker]
        for s, e in spans[bisect.bisect_left(spans, (pos, -1)) :]:
            if s >= limit:
                break
            k = bisect.bisect_right(covered_starts, s) - 1
            if k >= 0 and covered[k][0] <= s < covered[k][1]:
                continue
            anchors.append(AnchorHint(marker, s, e))
            pos = e
            break
    return anchors


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end
