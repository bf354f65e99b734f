"""Footnotes in plain text: markers glued to words, and notes left mid-body.

Text exported from a paginated report keeps each page's footnotes where the
page ended, often between two halves of one sentence. These rules find

- note paragraphs that open with a superscript marker (``³ 11/13 xã ...``) or a
  Markdown footnote label (``[^3]: ...`` or ``[^3] ...`` at a line start);
- anchors: superscript digits glued to the preceding word (``chỉ đạo¹``) and
  inline ``[^3]`` labels.

Loaders that know the layout (PDF font sizes, DOCX footnote parts) give their
own hints instead and these rules are not used.
"""

from __future__ import annotations

import re

from .document import AnchorHint, NoteHint

SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SUP_TO_DIGIT = str.maketrans(SUPERSCRIPTS, "0123456789")

# A note paragraph: marker at a line start, then text up to a blank line, the
# next note, a page break or the end.
_NOTE = re.compile(
    r"(?m)^[ \t]*(?:(?P<sup>[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})|\[\^(?P<md>[\w-]{1,12})\]:?)[ \t]*"
    r"(?P<body>\S[^\n]*(?:\n(?![ \t]*\n|[ \t]*[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3}[ \t]|[ \t]*\[\^[\w-]{1,12}\]|\f)[^\n]*)*)"
)
_ANCHOR = re.compile(r"(?<=\S)(?P<sup>[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})|\[\^(?P<md>[\w-]{1,12})\](?!:)")
_NOTES_RULE = re.compile(r"(?m)^[ \t]*-{2,}[ \t]*chú thích[ \t]*-{2,}[ \t]*$")


def marker_value(marker: str) -> str:
    """``'³'`` -> ``'3'``; other markers unchanged."""
    return marker.translate(_SUP_TO_DIGIT)


def detect(text: str) -> tuple[list[NoteHint], list[AnchorHint], list[tuple[int, int]]]:
    """Notes, anchors and the ranges to drop (markers of notes, a notes rule line)."""
    if "\f" in text:
        from . import paged_text

        paged = paged_text.detect(text)
        if paged[0]:
            return paged
    notes: list[NoteHint] = []
    drops: list[tuple[int, int]] = []
    note_starts: set[int] = set()
    for m in _NOTE.finditer(text):
        marker = marker_value(m.group("sup") or m.group("md"))
        body_start, body_end = m.span("body")
        body_end = _rstrip(text, body_start, body_end)
        notes.append(NoteHint(marker, body_start, body_end))
        drops.append((m.start(), body_start))
        note_starts.add(m.start("sup") if m.group("sup") else m.start("md") - 2)
    for m in _NOTES_RULE.finditer(text):
        drops.append(m.span())
    anchors: list[AnchorHint] = []
    for m in _ANCHOR.finditer(text):
        if m.group("sup"):
            if m.start() in note_starts:
                continue
            anchors.append(AnchorHint(marker_value(m.group("sup")), m.start(), m.end()))
        else:
            if m.start("md") - 2 in note_starts:
                continue
            anchors.append(AnchorHint(m.group("md"), m.start(), m.end()))
    return notes, anchors, drops


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end
