"""Loaded text -> normalized ``Document`` with an offset map.

Normalization: footnote paragraphs taken out of the body (and the sentence they
interrupted rejoined), markers detached from words, page numbers and other
loader-marked parts dropped, light Markdown emphasis removed, spaces and line
breaks normalized, Unicode NFC. The footnotes follow the body, one paragraph
each, so every item keeps a span into one text.
"""

from __future__ import annotations

import bisect
import re
from array import array

from . import footnotes as fn
from .document import AnchorHint, Document, Loaded, Note, NoteHint
from .offsets import Mapped, concat, identity, nfc, replace_ranges, sub
from .prefilter import prefiltered

_HSPACE = "[ \\t\\u00a0\\u2000-\\u200a\\u202f\\u205f\\u3000\\v]"
_NL = "(?:\\r\\n?|\\n|\\f|\\u2028|\\u2029)"
_WS = re.compile(
    rf"(?P<nl>{_HSPACE}*{_NL}(?:{_HSPACE}*{_NL})*{_HSPACE}*)"
    rf"|(?P<sp>{_HSPACE}{{2,}}|[\t\u00a0\u2000-\u200a\u202f\u205f\u3000\v])"
    r"|(?P<zw>[\u200b\u200c\u200d\u2060\ufeff]+)"
)
# Where a ``_WS`` match can start: a space before more white space, or any other
# space, line break or zero-width character (the class first: the search skips in C).
_WS_START = re.compile(
    f"[{_HSPACE[1:-1]}\\r\\n\\f\\u2028\\u2029\\u200b\\u200c\\u200d\\u2060\\ufeff](?:(?<=[^ ])|(?={_HSPACE}|[\\r\\n\\f\\u2028\\u2029]))"
)
_ws_finditer = prefiltered(_WS, _WS_START)
# The same, less the matches that are a line break alone ("\n" before a character that
# is no white space): they stay as they are, and are most of the matches of a text.
_WS_EDIT_START = re.compile(
    f"[{_HSPACE[1:-1]}\\r\\n\\f\\u2028\\u2029\\u200b\\u200c\\u200d\\u2060\\ufeff](?:(?<=[^ \\n])|(?={_HSPACE}|[\\r\\n\\f\\u2028\\u2029]))"
)
_ws_edits = prefiltered(_WS, _WS_EDIT_START)
_NEWLINES = re.compile(_NL)
# Markdown emphasis and heading marks, and links ([text](url) keeps text). Every
# branch starts with its literal character (lookbehinds after it), so the search
# skips to "*", "_", "#", "[", "]" and "\\" in C.
_MARKUP = re.compile(
    r"\*\*|__(?=\S)|_(?<=\S_)_|\*(?<![\w*]\*)(?=[^\s*])|\*(?<=[^\s*]\*)(?![\w*])|#(?<![^\n]#)#{0,5}[ \t]+"
    r"|\]\([^)\s]{1,500}\)|\[(?<![\w\]]\[)(?=[^\]\n^]{1,200}\]\()"
    r"|\\(?=[\\`*_{}\[\]()#+\-.!|<>~\"'\n])"
    r"|\\(?=[ \t]*\n|[ \t]{2,})"  # Markdown backslash escapes and hard breaks
)
_LIST_START = re.compile(r"(?:[-+•–]\s|[a-zđ]\)|\d{1,2}[.)]\s|[IVXLC]{1,6}\.\s)")
_TERMINAL = ".!?:…"
_ANCHOR_GAP = 8  # characters of punctuation looked through from a marker back to its word
_ANCHOR_WORD = 80  # the longest anchor word kept (ids like 2769/UBND-NCKSTTHC included)
_SPACE_RUN = re.compile(r"\s+")
_SURROGATE = re.compile("[\ud800-\udfff]")


def _ws_repl(m: re.Match[str]) -> str:
    if m.group("nl") is not None:
        n = len(_NEWLINES.findall(m.group("nl")))
        return "\n" if n == 1 else "\n\n"
    if m.group("sp") is not None:
        return " "
    return ""


def clean(text: str, srcmap: array, markdown: bool = True) -> Mapped:
    """Markup, whitespace and NFC normalization of one stretch of text."""
    if markdown:
        text, srcmap = sub(text, srcmap, _MARKUP, lambda m: "")
    text, srcmap = sub(text, srcmap, _WS, _ws_repl, _ws_edits)
    text, srcmap = nfc(text, srcmap)
    # trim
    s, e = 0, len(text)
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return text[s:e], srcmap[s:e]


def _merge(ranges: list[tuple[int, int, bool]]) -> list[tuple[int, int, bool]]:
    out: list[tuple[int, int, bool]] = []
    for s, e, block in sorted(ranges):
        if out and s <= out[-1][1]:
            ps, pe, pb = out[-1]
            out[-1] = (ps, max(pe, e), pb or block)
        else:
            out.append((s, e, block))
    return out


def _should_join(left: str, right: str) -> bool:
    """Rejoin two body stretches that a footnote block had separated?"""
    if not left or not right:
        return False
    last = left[-1]
    if last in _TERMINAL:
        return False
    if _LIST_START.match(right):
        return False
    return last in ",;(-–" or right[0].islower() or (last.isalnum() and right[0].isalnum() and last.islower())


class _Spaces:
    """Runs of white space in a text, to find where one begins or ends.

    A short run is walked; a long one is looked up in the table of all runs,
    built on first need, in O(log n): many gaps in long runs stay linear.
    """

    WALK = 64

    def __init__(self, text: str) -> None:
        self.text = text
        self._runs: list[tuple[int, int]] | None = None
        self._starts: list[int] = []

    def _table(self) -> list[tuple[int, int]]:
        if self._runs is None:
            self._runs = [m.span() for m in _SPACE_RUN.finditer(self.text)]
            self._starts = [s for s, _ in self._runs]
        return self._runs

    def back(self, i: int) -> int:
        """The smallest ``j <= i`` with ``text[j:i]`` all white space."""
        text, j = self.text, i
        while 0 < j <= len(text) and text[j - 1].isspace():
            j -= 1
            if i - j > self.WALK:
                runs = self._table()
                k = bisect.bisect_left(self._starts, i) - 1
                return runs[k][0] if k >= 0 and runs[k][1] >= i else i
        return j

    def forward(self, i: int) -> int:
        """The largest ``j >= i`` with ``text[i:j]`` all white space."""
        text, j = self.text, i
        while j < len(text) and text[j].isspace():
            j += 1
            if j - i > self.WALK:
                runs = self._table()
                k = bisect.bisect_right(self._starts, i) - 1
                return runs[k][1] if k >= 0 and runs[k][1] > i else i
        return j


def _body(text: str, cuts: list[tuple[int, int, bool]]) -> Mapped:
    parts: list[Mapped] = []
    gaps: list[int] = []
    pos = 0
    length = 0
    for s, e, block in cuts:
        if s > pos:
            parts.append(identity(text[pos:s], pos))
            length += s - pos
        if block:
            gaps.append(length)
        pos = max(pos, e)
    if pos < len(text):
        parts.append(identity(text[pos:], pos))
    body, bmap = concat(parts)
    edits: list[tuple[int, int, str]] = []
    space = _Spaces(body) if gaps else None
    for g in gaps:
        assert space is not None
        left, right = space.back(g), space.forward(g)
        if edits and left <= edits[-1][0]:
            continue
        if edits and left < edits[-1][1]:
            left = edits[-1][1]
        before = space.back(left)
        sep = " " if _should_join(body[before - 1 : before] if before else "", body[right : right + 12]) else "\n\n"
        edits.append((left, right, sep))
    if edits:
        body, bmap = replace_ranges(body, bmap, edits)
    return body, bmap


def _may_have_notes(text: str) -> bool:
    """Whether footnote detection can find anything: every rule of ``footnotes.detect`` needs a
    superscript digit, a ``[^`` label, the "chú thích" rule line or (paged text) a form feed.

    Those patterns open with a line start or a look-behind and are tried at every offset;
    a text with none of these characters (most reports without footnotes) skips them.
    """
    return "\f" in text or "[^" in text or "chú thích" in text or any(c in text for c in fn.SUPERSCRIPTS)


def build(loaded: Loaded) -> Document:
    """Normalize a loaded source into a Document (pure: the input is not changed)."""
    text = _SURROGATE.sub("\ufffd", loaded.text)  # same length: offsets stay; output stays valid UTF-8
    markdown = loaded.source.format in ("markdown", "text")
    if loaded.notes is None:
        notes, anchors, drops = fn.detect(text) if _may_have_notes(text) else ([], [], [])
    else:
        notes, anchors, drops = list(loaded.notes), list(loaded.anchors or []), []
    cuts = [(n.start, n.end, True) for n in notes]
    cuts += [(a.start, a.end, False) for a in anchors]
    cuts += [(s, e, False) for s, e in drops]
    cuts += [(s, e, False) for s, e in loaded.drop]
    cuts += [(s, e, True) for s, e in loaded.stamps]
    body, bmap = _body(text, _merge(cuts))
    body, bmap = clean(body, bmap, markdown)

    pieces: list[Mapped] = [(body, bmap)]
    length = len(body)
    body_end = length if notes else -1
    placed: list[tuple[NoteHint, int, int]] = []
    anchors = sorted(anchors, key=lambda a: a.start)
    anchor_starts = [a.start for a in anchors]
    for n in notes:
        ntext, nmap = clean(text[n.start : n.end], array("l", range(n.start, n.end)), markdown)
        # markers inside a note's own text are dropped too
        lo, hi = bisect.bisect_left(anchor_starts, n.start), bisect.bisect_left(anchor_starts, n.end)
        inner = [(a.start, a.end) for a in anchors[lo:hi]]
        if inner:
            ntext, nmap = _drop_source_ranges(ntext, nmap, inner)
        if not ntext:
            continue
        anchor_src = nmap[0]
        # a note continued on the next page: same marker, joined into one note
        sep = " " if placed and placed[-1][0].marker == n.marker else "\n\n"
        pieces.append((sep, array("l", [anchor_src] * len(sep))))
        length += len(sep)
        if sep == " ":
            first, s0, _ = placed.pop()
            placed.append((first, s0, length + len(ntext)))
        else:
            placed.append((n, length, length + len(ntext)))
        pieces.append((ntext, nmap))
        length += len(ntext)
    full, fmap = concat(pieces)

    owners = _anchor_owners(placed, anchors)
    doc_notes = tuple(
        Note(
            marker=n.marker,
            start=s,
            end=e,
            anchors=tuple(_anchor_word(full, fmap, a, len(body)) for a in owners.get(i, ())),
        )
        for i, (n, s, e) in enumerate(placed)
    )
    return Document(
        text=full,
        srcmap=fmap,
        source=loaded.source,
        layout=loaded.layout,
        notes=doc_notes,
        body_end=body_end,
        tables=tuple(loaded.tables),
        extra=dict(loaded.extra),
    )


def _anchor_owners(placed: list[tuple[NoteHint, int, int]], anchors: list[AnchorHint]) -> dict[int, list[AnchorHint]]:
    """Index of the note each anchor belongs to: the first note of its marker after it, else the last one.

    Markers are unique in most reports; where numbering restarts (per chapter,
    per page) an anchor goes to the note that follows it, never to every note.
    """
    by_marker: dict[str, list[tuple[int, int]]] = {}
    for i, (n, _, _) in enumerate(placed):
        by_marker.setdefault(n.marker, []).append((n.start, i))
    owners: dict[int, list[AnchorHint]] = {}
    for a in anchors:
        candidates = by_marker.get(a.marker)
        if not candidates:
            continue
        k = bisect.bisect_right(candidates, (a.start, len(placed)))
        owner = candidates[k][1] if k < len(candidates) else candidates[-1][1]
        owners.setdefault(owner, []).append(a)
    return owners


def _drop_source_ranges(text: str, srcmap: array, ranges: list[tuple[int, int]]) -> Mapped:
    dropped = {i for s, e in ranges for i in range(s, e)}
    keep_text: list[str] = []
    keep_map = array("l")
    for i, ch in enumerate(text):
        src = srcmap[i]
        if src in dropped:
            continue
        keep_text.append(ch)
        keep_map.append(src)
    return "".join(keep_text), keep_map


def _anchor_word(text: str, srcmap: array, anchor: AnchorHint, body_len: int) -> tuple[int, int]:
    """The word a marker was glued to, as a normalized (start, end)."""
    k = bisect.bisect_left(srcmap, anchor.start, 0, body_len) if body_len else 0
    # srcmap of the body is non-decreasing; k is the first char at/after the marker
    # punctuation between the word and its marker is short ("đạo.¹"); a word is not a paragraph
    end = k
    while end > max(0, k - _ANCHOR_GAP) and not text[end - 1].isalnum() and text[end - 1] not in ")":
        if text[end - 1] in "\n":
            break
        end -= 1
        if end > 0 and text[end - 1].isalnum():
            break
    start = end
    while start > max(0, end - _ANCHOR_WORD) and (text[start - 1].isalnum() or text[start - 1] in "-/"):
        start -= 1
    if start == end:
        return k, k
    return start, end
