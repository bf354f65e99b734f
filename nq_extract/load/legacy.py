"""Legacy Vietnamese font encodings (TCVN3/ABC, VNI): detection and conversion to Unicode.

Documents typed before Unicode used fonts whose glyphs sit on Latin-1 codes:
``.VnTime`` (TCVN3, one byte per letter: ``Céng hoµ`` is *Cộng hoà*) and
``VNI-Times`` (a base letter and a mark: ``Coäng hoøa``). Their text extracts
as mojibake. Detection uses the font names first (``.Vn...`` is TCVN3, ``VNI...``
is VNI) and the statistics of the characters second (how much more Vietnamese
the text reads after a trial conversion). The tables are viparse's (MIT), which
were built from real administrative documents.

TCVN3 has no capital accented letters: a heading set in a capitals font
(``.VnTimeH``, ``.VnArialH``) is written with the small letters' codes and
drawn in capitals, so text from such a font is upper-cased after conversion.
TCVN3's ``ư`` (0xAD, the soft hyphen in Latin-1) often comes out of a PDF as a
hyphen or minus; after a small letter (``nh- sau``) it is read as ``ư``, while a
hyphen after a capital or a digit (``BC-UBND``, ``216-KH``) stays.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from typing import Any

_SUBSET = re.compile(r"^[A-Z]{6}\+")
_LETTER = re.compile(r"[^\W\d_]")
_HYPHENS = {"-", "\u2212", "\u2010", "\u2011", "\xad"}


def font_encoding(font: str | None) -> str | None:
    """``'tcvn3'`` for ``.VnTime``-style fonts, ``'vni'`` for ``VNI-...`` fonts, else None."""
    if not font:
        return None
    name = _SUBSET.sub("", font).lstrip("/").upper()
    if name.startswith(".VN") or name.startswith("VN") and name[2:6] in ("TIME", "ARIA", "AVAN", "HELV", "UNIV", "COUR"):
        return "tcvn3"
    if name.startswith("VNI"):
        return "vni"
    return None


def capitals_font(font: str | None) -> bool:
    """A TCVN3 font that draws every letter as a capital (``.VnTimeH``, ``.VnArialH``)."""
    if not font:
        return False
    name = _SUBSET.sub("", font).split(",")[0].split("-")[0]
    return font_encoding(font) == "tcvn3" and name.endswith("H")


@cache
def _index(encoding: str) -> dict[str, tuple[tuple[str, str], ...]]:
    from viparse.normalize.encodings import get_charmap

    charmap = get_charmap(encoding)
    if charmap is None:
        return {}
    index: dict[str, list[tuple[str, str]]] = {}
    for src, dst in charmap.pairs:
        index.setdefault(src[0], []).append((src, dst))
    return {k: tuple(sorted(v, key=lambda p: -len(p[0]))) for k, v in index.items()}


def convert(text: str, encoding: str, capitals: bool = False) -> str:
    """Legacy-encoded ``text`` as Unicode NFC."""
    return "".join(ch for ch, _ in convert_mapped(text, encoding, capitals))


def convert_mapped(text: str, encoding: str, capitals: bool = False) -> list[tuple[str, int]]:
    """Each output character with the index of the first input character it comes from."""
    index = _index(encoding)
    out: list[tuple[str, int]] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if encoding == "tcvn3" and ch in _HYPHENS and i > 0 and _is_small_letter(text[i - 1]) and (i == n - 1 or not text[i + 1].isdigit()):
            ch = "\xad"
        for src, dst in index.get(ch, ()):
            if text.startswith(src, i) or (len(src) == 1 and src == ch):
                for c in unicodedata.normalize("NFC", dst.upper() if capitals else dst):
                    out.append((c, i))
                i += len(src)
                break
        else:
            out.append((ch.upper() if capitals else ch, i))
            i += 1
    return out


def _is_small_letter(ch: str) -> bool:
    """A small letter, or a TCVN3 letter code: a hyphen after one is the letter ư
    (symbols such as ``BC-UBND`` and ``216-KH`` put capitals and digits before theirs)."""
    return ch.islower() or "\u00a0" <= ch <= "\u00ff"


# Latin-1 characters that Vietnamese written in Unicode never uses, and legacy text is full of
_FOREIGN = re.compile(
    "[\u00a1-\u00bf\u00c4-\u00c7\u00cb\u00ce\u00cf\u00d1\u00d6-\u00d8\u00db\u00dc\u00de\u00df\u00e4-\u00e7\u00eb\u00ee\u00ef\u00f1\u00f6-\u00f8\u00fb\u00fc\u00fe\u00ff]"
)


def detect_text(text: str) -> str | None:
    """The legacy encoding the characters of ``text`` point to, or None (already Unicode)."""
    sample = text[:20000]
    letters = len(_LETTER.findall(sample))
    if letters < 40:
        return None
    if len(_FOREIGN.findall(sample)) < 0.02 * letters:  # cheap: most text stops here
        return None
    from viparse.normalize.detector import detect_encoding_by_content
    from viparse.normalize.encodings import get_charmap

    candidates = {name: get_charmap(name) for name in ("tcvn3", "vni")}
    found = detect_encoding_by_content(sample, {k: v for k, v in candidates.items() if v is not None})
    return found.encoding if found.encoding in ("tcvn3", "vni") else None


def document_encoding(fonts: dict[str, int], sample: str) -> str | None:
    """The encoding of a document from its fonts (names and how much each was used) and text."""
    weight: dict[str, int] = {}
    for name, n in fonts.items():
        enc = font_encoding(name)
        if enc:
            weight[enc] = weight.get(enc, 0) + n
    if weight:
        return max(weight, key=lambda k: weight[k])
    return detect_text(sample)


def repair_pages(pages: list[Any]) -> str | None:
    """Convert the characters of PDF pages typed in a legacy font, in place.

    Uses each character's font when the reader recorded it (``PageChars.font``),
    else converts the whole document when its fonts or statistics say so.
    Returns the encoding repaired, or None.
    """
    fonts: dict[str, int] = {}
    for pc in pages:
        for name, n in pc.fonts.items():
            fonts[name] = fonts.get(name, 0) + n
    sample = "".join("".join(pc.text[:4000]) for pc in pages[:5])
    enc = document_encoding(fonts, sample)
    if enc is None:
        return None
    for pc in pages:
        _repair_page(pc, enc)
    return enc


def _repair_page(pc: Any, default: str) -> None:
    per_char = getattr(pc, "font", None)
    n = len(pc.text)
    if not n:
        return
    # runs of characters in one font (or the whole page with the document's encoding)
    runs: list[tuple[int, int, str | None, bool]] = []
    if per_char and len(per_char) == n:
        start = 0
        for i in range(1, n + 1):
            if i == n or per_char[i] != per_char[start]:
                f = per_char[start]
                enc = font_encoding(f) or (default if not f else None)
                runs.append((start, i, enc, capitals_font(f)))
                start = i
    else:
        runs.append((0, n, default, False))
    cols = ("text", "x0", "top", "x1", "bottom", "size")
    new: dict[str, list[Any]] = {c: [] for c in cols}
    src = {c: getattr(pc, c) for c in cols}
    for s, e, enc, caps in runs:
        if enc is None:
            for c in cols:
                new[c].extend(src[c][s:e])
            continue
        mapped = convert_mapped("".join(src["text"][s:e]), enc, caps)
        for k, (ch, j) in enumerate(mapped):
            i = s + j
            nxt = s + mapped[k + 1][1] if k + 1 < len(mapped) else e
            last = max(i, nxt - 1)
            new["text"].append(ch)
            new["x0"].append(src["x0"][i])
            new["top"].append(min(src["top"][i : last + 1]))
            new["x1"].append(src["x1"][last])
            new["bottom"].append(max(src["bottom"][i : last + 1]))
            new["size"].append(src["size"][i])
    for c in cols:
        setattr(pc, c, new[c])
    if per_char:
        pc.font = None


def repair_text(loaded: Any, data: bytes) -> Any:
    """A text file typed in TCVN3 or VNI (read as Windows-1258 or as Latin-1 letters in
    UTF-8), converted to Unicode; other text unchanged. The conversion is kept only if
    the result reads as more Vietnamese than the text as decoded."""
    raw = data.decode("latin-1") if loaded.source.encoding == "cp1258" else loaded.text
    enc = detect_text(raw)
    if enc is None:
        return loaded
    from viparse.normalize.frequency import vietnamese_score

    text = convert(raw, enc)
    if vietnamese_score(text[:20000]) <= vietnamese_score(unicodedata.normalize("NFC", loaded.text[:20000])):
        return loaded
    from dataclasses import replace

    return replace(loaded, text=text, source=loaded.source.model_copy(update={"encoding_repaired": enc}))
