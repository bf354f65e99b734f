"""Text edits that keep an offset map.

A mapped text is a ``str`` and an ``array('l')`` of the same length giving, for
each character, its index in the loaded text. Every edit here returns a new
pair; the loaded text itself is never touched.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from array import array
from collections.abc import Callable, Iterable

Mapped = tuple[str, array]


# 0, 1, 2 ... kept between calls: a slice of it is a copy in C, while an array
# built from a range converts every number (the largest part of normalizing).
_IOTA = array("l")
_IOTA_MAX = 1 << 21


def identity(text: str, start: int = 0) -> Mapped:
    end = start + len(text)
    if end > _IOTA_MAX:
        return text, array("l", range(start, end))
    if len(_IOTA) < end:
        _IOTA.extend(range(len(_IOTA), min(_IOTA_MAX, max(end, 2 * len(_IOTA)))))
    return text, _IOTA[start:end]


def concat(parts: Iterable[Mapped]) -> Mapped:
    texts: list[str] = []
    out = array("l")
    for t, m in parts:
        texts.append(t)
        out.extend(m)
    return "".join(texts), out


def sub(
    text: str,
    srcmap: array,
    pattern: re.Pattern[str],
    repl: Callable[[re.Match[str]], str],
    finditer: Callable[[str], Iterable[re.Match[str]]] | None = None,
) -> Mapped:
    """``pattern.sub(repl, text)``, each replacement mapped to its match's first char.

    ``finditer``: a faster equivalent of ``pattern.finditer`` (see :mod:`.prefilter`).
    """
    out: list[str] = []
    outmap = array("l")
    pos = 0
    for m in (finditer or pattern.finditer)(text):
        s, e = m.span()
        r = repl(m)
        if r == text[s:e]:
            continue
        out.append(text[pos:s])
        outmap.extend(srcmap[pos:s])
        if r:
            out.append(r)
            anchor = srcmap[s] if s < len(srcmap) else (srcmap[-1] + 1 if len(srcmap) else 0)
            outmap.extend([anchor] * len(r))
        pos = e
    if pos == 0:
        return text, srcmap
    out.append(text[pos:])
    outmap.extend(srcmap[pos:])
    return "".join(out), outmap


def replace_ranges(text: str, srcmap: array, edits: list[tuple[int, int, str]]) -> Mapped:
    """Replace sorted, non-overlapping ``(start, end, new)`` ranges."""
    out: list[str] = []
    outmap = array("l")
    pos = 0
    for s, e, r in edits:
        if s < pos:
            continue
        out.append(text[pos:s])
        outmap.extend(srcmap[pos:s])
        if r:
            out.append(r)
            anchor = srcmap[s] if s < len(srcmap) else (srcmap[-1] if len(srcmap) else 0)
            outmap.extend([anchor] * len(r))
        pos = e
    out.append(text[pos:])
    outmap.extend(srcmap[pos:])
    return "".join(out), outmap


# At most this many combining marks stay on one character (Unicode's stream-safe
# format allows 30); the rest of a longer run is dropped.
MAX_MARKS = 30
_CLUSTER = re.compile(r".[\u0300-\u036f\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]*", re.S)


def nfc(text: str, srcmap: array) -> Mapped:
    """Unicode NFC, each composed character mapped to its base character.

    Runs of more than ``MAX_MARKS`` combining marks on one character are cut to
    that many: no text needs them, and their canonical reordering takes time
    quadratic in the run.

    Each cluster (a character and the combining marks after it) is normalized
    alone; only the clusters that carry marks, and the characters that NFC
    changes on their own (singletons such as U+212B), can change, so only those
    are visited.
    """
    if unicodedata.is_normalized("NFC", text):
        return text, srcmap
    out: list[str] = []
    outmap = array("l")
    pos = 0
    for m in _changing(text).finditer(text):
        s, e = m.span()
        if e - s > 1 + MAX_MARKS:  # garbage: reordering a long run of marks is quadratic
            e = s + 1 + MAX_MARKS
        cluster = text[s:e]
        composed = unicodedata.normalize("NFC", cluster)
        if composed == cluster and e == m.end():
            continue
        out.append(text[pos:s])
        outmap.extend(srcmap[pos:s])
        out.append(composed)
        if composed == cluster:
            outmap.extend(srcmap[s:e])
        else:
            outmap.extend([srcmap[s]] * len(composed))
        pos = m.end()
    out.append(text[pos:])
    outmap.extend(srcmap[pos:])
    result = "".join(out)
    if not unicodedata.is_normalized("NFC", result):  # cross-cluster compositions (rare)
        result2 = unicodedata.normalize("NFC", result)
        if len(result2) == len(result):
            return result2, outmap
        return result2, array("l", (outmap[min(i, len(outmap) - 1)] for i in range(len(result2))))
    return result, outmap


_MARKS = "\u0300-\u036f\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
_MARKED = f"[^{_MARKS}]?[{_MARKS}]+"  # a cluster with marks (at the start of a text: marks alone)


def _changing(text: str) -> re.Pattern[str]:
    """The clusters of ``text`` that NFC may change: those with marks, and single characters it changes."""
    odd = sorted(c for c in set(text) if unicodedata.normalize("NFC", c) != c)
    return _cluster_re("".join(odd))


@functools.lru_cache(maxsize=64)
def _cluster_re(odd: str) -> re.Pattern[str]:
    if not odd:
        return re.compile(_MARKED)
    return re.compile(f"{_MARKED}|[{re.escape(odd)}]")
