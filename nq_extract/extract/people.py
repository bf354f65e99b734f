"""Contract field ``people``: the signer and the people named with a title.

- The signer found by segmentation (``ctx.seg.signer``), with its position.
- A title ("đồng chí", "ông", "bà", "anh", "chị", "đ/c"), an optional rank
  ("Thượng tá", "GS-TS"), then a personal name: two to five capitalised
  words. The position follows after a dash or a comma when it starts with a
  position word ("Phó Bí thư", "Chủ tịch", "PBT", "UVBTV" ...) and runs over
  further position words, unit names and place words to the first word that
  is none of these.

One entry per person (the first position stated); the span is the name.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from .. import data
from ..context import Context
from ..models import Person
from .unit_grammar import Scanner, _is_cap, scanner

MAX_NAME = 5
MAX_POSITION_WORDS = 16


@cache
def _vocab() -> tuple[tuple[tuple[str, ...], ...], tuple[tuple[str, ...], ...], tuple[tuple[str, ...], ...]]:
    spec = data.load("unit_kinds.json")

    def keys(words: list[str]) -> tuple[tuple[str, ...], ...]:
        from .unit_grammar import _key

        return tuple(sorted({_key(w) for w in words}, key=len, reverse=True))

    return keys(spec["person_titles"]), keys(spec["person_ranks"]), keys(spec["positions"])


def run(ctx: Context) -> None:
    people: dict[str, Person] = {}
    signer = ctx.seg.signer
    if signer is not None and signer.span is not None:
        people[signer.name] = Person(name=signer.name, position=signer.position, span=signer.span)
    text = ctx.doc.text
    if text.strip():
        from .units import scan_text

        sc = scanner(scan_text(ctx))
        for name, s, e, position in _cosigners(ctx) + _titled(sc):
            if name not in people:
                people[name] = Person(name=name, position=position, span=ctx.span(s, e))
    ctx.report.people.extend(people.values())


_CAPACITY = ("TM.", "T/M", "KT.", "TL.", "TUQ.", "Q.")


def _cells(doc: Any, start: int, end: int) -> list[tuple[int, int, str]]:
    """The cells of a line of a block set in columns, parted by a bar, a tab or a wide run of spaces of
    the source (normalization closes it to one space; the offset map still shows it): (source column,
    offset, text)."""
    from ..segment import _column_gap

    text, srcmap = doc.text, doc.srcmap
    base = srcmap[start] if start < len(srcmap) and srcmap[start] >= 0 else start
    out, pos = [], start
    for k in [*range(start, end), end]:
        if k < end and not (text[k] in "|\t" or text[k] == " " and _column_gap(doc, k)):
            continue
        cell = text[pos:k]
        if cell.strip():
            at = pos + len(cell) - len(cell.lstrip())
            col = (srcmap[at] - base) if at < len(srcmap) and srcmap[at] >= 0 else at - start
            out.append((col, at, cell.strip()))
        pos = k + 1
    return out


def _cosigners(ctx: Context) -> list[tuple[str, int, int, str | None]]:
    """The other signers of a joint signature block: names set beside the signer's on its line
    ("Nguyễn Văn Hải      Trần Thị Thu"), each with the position printed last above it in its column."""
    from ..segment import _is_name, _lines, sentence_case

    signer, block = ctx.seg.signer, ctx.seg.signature
    if signer is None or signer.span is None or block is None:
        return []
    doc, text = ctx.doc, ctx.doc.text
    line_start = text.rfind("\n", 0, signer.span.start) + 1
    line_end = text.find("\n", signer.span.end)
    line_end = len(text) if line_end < 0 else line_end
    names = [c for c in _cells(doc, line_start, line_end) if _is_name(c[2]) and c[2] != signer.name]
    if not names:
        return []
    above = [_cells(doc, a, b) for a, b in _lines(text, min(block[0], line_start), line_start)]
    out = []
    for col, at, cell in names:
        position = None
        for cells in reversed(above):
            near = min(cells, key=lambda c: abs(c[0] - col), default=None)
            if near and abs(near[0] - col) <= 12 and near[2].isupper() and not near[2].startswith(_CAPACITY):
                position = sentence_case(near[2])
                break
        out.append((cell, at, at + len(cell), position))
    return out


@cache
def _prefixes() -> frozenset[str]:
    """Words written before a position: "nguyên" (former), "quyền" (acting)."""
    from .unit_grammar import _key

    return frozenset(w for p in data.load("unit_kinds.json").get("position_prefixes", []) for w in _key(p))


@cache
def _first_words() -> tuple[dict[str, list[tuple[str, ...]]], dict[str, list[tuple[str, ...]]], dict[str, list[tuple[str, ...]]]]:
    """Titles, ranks and positions by their first word, longest first."""
    titles, ranks, positions = _vocab()
    return _by_first(titles), _by_first(ranks), _by_first(positions)


def _by_first(keys: tuple[tuple[str, ...], ...]) -> dict[str, list[tuple[str, ...]]]:
    out: dict[str, list[tuple[str, ...]]] = {}
    for key in keys:  # longest first, as given
        out.setdefault(key[0], []).append(key)
    return out


def _seq_at(sc: Scanner, i: int, first: dict[str, list[tuple[str, ...]]]) -> int:
    """Words in the longest phrase of ``first`` (grouped by first word) at word i, or 0."""
    return sc.phrase_at(first, i)


def _is_name_word(sc: Scanner, i: int) -> bool:
    if i >= len(sc.toks):
        return False
    t = sc.toks[i].text
    return _is_cap(sc.toks[i]) and t.isalpha() and (len(t) == 1 or t[1:].islower())


def _body_word(sc: Scanner, k: int) -> bool:
    """Word k heads a body, and so ends a name; a word that is also a family name ("Đoàn") does not."""
    body = sc.body_at(k)
    return body is not None and not body[1].get("also_name")


def _is_capitals_word(sc: Scanner, i: int) -> bool:
    if i >= len(sc.toks):
        return False
    t = sc.toks[i].text
    return t.isalpha() and t.isupper() and len(t) <= 7


def _titled(sc: Scanner) -> list[tuple[str, int, int, str | None]]:
    titles, ranks, _ = _first_words()
    toks = sc.toks
    out = []
    i = 0
    while i < len(toks):
        if toks[i].fold not in titles and toks[i].fold not in ranks:
            i += 1  # neither a title nor a rank starts here (the test below, without its calls)
            continue
        n = _seq_at(sc, i, titles)
        if n and not sc.joined(i + n - 1, i + n):
            n = 0
        j = i + n
        if n and j + 1 < len(toks) and toks[j].text == ":" and sc.joined(j, j + 1):
            j += 1  # "các đồng chí: Nguyễn Văn A, Bí thư Tỉnh ủy; Trần Văn B, ...": a list of people
        r = _seq_at(sc, j, ranks)
        if not n and not (r and _is_cap(toks[j])):
            i += 1
            continue
        if r and sc.joined(j + r - 1, j + r):
            j += r
        if n and _position_starts(sc, j):
            # "Đồng chí Phó Chủ tịch UBND huyện Đỗ Hùng Sơn chủ trì": the position before the name; "các
            # đồng chí: Tổng Bí thư A, Chủ tịch nước B, nguyên Chủ tịch Quốc hội C": a list of them
            before = _named_after_position(sc, j)
            if before is None:
                i += 1
                continue
            while before is not None:
                out.append(before[0])
                i = before[1]
                nxt = i + 1 if i < len(toks) and toks[i].text in (",", ";") else None
                before = _named_after_position(sc, nxt) if nxt is not None and _position_starts(sc, nxt) else None
            continue
        k = j
        while k - j < MAX_NAME and _is_name_word(sc, k) and (k == j or sc.joined(k - 1, k)) and not _body_word(sc, k):
            k += 1
        capitals = False
        if k == j and n:  # "đồng chí PHAN VĂN PHỤNG": a name in capitals after a title
            positions = _first_words()[2]
            while (
                k - j < MAX_NAME
                and _is_capitals_word(sc, k)
                and (k == j or sc.joined(k - 1, k))
                and not _body_word(sc, k)
                and not _seq_at(sc, k, positions)  # "đồng chí BÍ THƯ HUYỆN ỦY": a position, not a name
            ):
                k += 1
            capitals = True
        if k - j < 2:
            i += 1
            continue
        s, e = toks[j].start, toks[k - 1].end
        name = " ".join(sc.text[s:e].split())
        position, end = _position_end(sc, k)
        out.append((name.title() if capitals else name, s, e, position or _position_before(sc, i)))
        i = k
        # "...; Trần Văn B, Phó Bí thư Tỉnh ủy" or "..., Trần Văn B, ...": the list goes on; an item that
        # is one more position of the person before ("; Phó Chủ tịch HĐND tỉnh;") is passed over
        while end < len(toks) and toks[end].text in (";", ",") and position is not None:
            listed = _listed(sc, end + 1)
            if listed is None:
                more, after = _first_position(sc, end + 1) if toks[end].text == ";" else (None, end)
                if more is None or after >= len(toks) or toks[after].text != ";":
                    break
                end = after
                continue
            out.append(listed[0])
            i = end = listed[1]
    return out


def _position_starts(sc: Scanner, j: int) -> bool:
    """A position, or a former or acting one ("nguyên Chủ tịch"), is written at word j."""
    positions = _first_words()[2]
    if j < len(sc.toks) and sc.toks[j].fold in _prefixes() and sc.joined(j, j + 1):
        j += 1
    return bool(_seq_at(sc, j, positions))


def _named_after_position(sc: Scanner, j: int) -> tuple[tuple[str, int, int, str | None], int] | None:
    """A position at word j, its unit (and more positions after commas), then a person's name: the
    person with the first position, and the word after the name."""
    position, after = _position_end(sc, j)
    if position is None:
        return None
    k = after
    while k - after < MAX_NAME and _is_name_word(sc, k) and (k == after or sc.joined(k - 1, k)) and not _body_word(sc, k):
        k += 1
    if k - after < 2 or not sc.joined(after - 1, after):
        return None
    s, e = sc.toks[after].start, sc.toks[k - 1].end
    return (" ".join(sc.text[s:e].split()), s, e, position), k


def _listed(sc: Scanner, j: int) -> tuple[tuple[str, int, int, str | None], int] | None:
    """A person in a list after a titled one: a name and its position (without one, no person)."""
    toks = sc.toks
    k = j
    while k - j < MAX_NAME and _is_name_word(sc, k) and (k == j or sc.joined(k - 1, k)) and not _body_word(sc, k):
        k += 1
    if k - j < 2 or not sc.joined(j - 1, j) or k >= len(toks) or toks[k].text not in (",", "-", "–"):
        return None
    position, end = _position_end(sc, k)
    if position is None:
        return None
    s, e = toks[j].start, toks[k - 1].end
    return (" ".join(sc.text[s:e].split()), s, e, position), end


def _position_before(sc: Scanner, i: int) -> str | None:
    """The position written before the title on its line: "- Phó GĐ Sở: ông Trần Ngọc Tân"."""
    _, _, positions = _first_words()
    toks = sc.toks
    if i < 2 or toks[i - 1].text != ":" or "\n" in sc.text[toks[i - 1].end : toks[i].start]:
        return None
    for k in range(max(0, i - 10), i - 1):
        if "\n" in sc.text[toks[k].end : toks[i - 1].start]:
            continue  # the position sits on the title's line
        if _seq_at(sc, k, positions):
            return " ".join(sc.text[toks[k].start : toks[i - 2].end].split())
    return None


def _position(sc: Scanner, k: int) -> str | None:
    """The position written right after a name ("- Phó Bí thư huyện ủy", ", Trưởng ban dân vận huyện ủy")."""
    return _position_end(sc, k)[0]


def _position_end(sc: Scanner, k: int) -> tuple[str | None, int]:
    """The position after a name, up to the first comma, and the word after the positions and units
    that follow it up to the end of the item (where a list's ";" may stand)."""
    position, end = _first_position(sc, k)
    toks = sc.toks
    if position is None:
        return None, k
    while end < len(toks) and toks[end].text == "," and sc.joined(end - 1, end):
        more, after = _first_position(sc, end)
        if more is None:
            break
        end = after
    return position, end


def _first_position(sc: Scanner, k: int) -> tuple[str | None, int]:
    _, _, positions = _first_words()
    toks = sc.toks
    if k >= len(toks) or not sc.joined(k - 1, k):
        return None, k
    j = k + 1 if toks[k].text in ("-", "–", ",") else k
    start = j
    if j < len(toks) and toks[j].fold in _prefixes() and sc.joined(j, j + 1):
        j += 1  # "nguyên Ủy viên Bộ Chính trị": a former or acting position
    if not _seq_at(sc, j, positions) or not sc.joined(k, start):
        return None, k
    end = j
    words = 0
    in_terms = False
    while j < len(toks) and words < MAX_POSITION_WORDS and sc.joined(j - 1, j):
        n = _seq_at(sc, j, positions)
        if n:
            last = sc.match_at(j + n - 1) if n > 1 else None
            if last is not None and not last.group and last.end_tok > j + n:
                n = last.end_tok - j  # "Trưởng Ban Dân vận Huyện ủy": the position's last word heads a body
            j += n
            end = j
            words += n
            continue
        m = sc.match_at(j)
        if m is not None and not m.group:
            j = max(m.end_tok, m.place.names[-1][1] if m.place and m.place.names else m.end_tok)
            end = j
            words += 1
            continue
        v = sc.village_at(j)
        if v:  # "Trưởng thôn Nà Đon", "Bí thư Chi bộ tổ dân phố 3"
            j += v
            end = j
            words += v
            continue
        d = sc.term_at(j) if toks[j - 1].fold in _heads_last() or in_terms else 0
        if d:  # "Trưởng phòng lý luận chính trị lịch sử Đảng": the terms of a unit named after the position
            verb = tuple(t.fold for t in toks[j : j + d]) in sc.g.verbs
            j += d
            end = end if verb else j
            words += d
            in_terms = True
            continue
        in_terms = False
        lw = sc.level_word_at(j)
        if lw:  # "Ủy viên Trung ương Đảng"
            j += lw
            end = j
            words += lw
            continue
        t = toks[j]
        if (
            t.text in ("-", "–", ".")
            and j + 1 < len(toks)
            and (sc.joined(j, j + 1))
            and (_seq_at(sc, j + 1, positions) or sc.match_at(j + 1))
        ):
            j += 1
            continue
        if t.fold in ("thường", "trực") or t.text == "TT" or (t.text[:1].islower() and _lower_unit_word(sc, j)):  # "PBT TT"
            j += 1
            end = j
            words += 1
            continue
        break
    if end == start:
        return None, k
    return " ".join(sc.text[toks[start].start : toks[end - 1].end].split()), end


@cache
def _heads_last() -> frozenset[str]:
    """Last words of the open heads ("phòng", "ban", "tâm"): a unit's terms may follow them in a position."""
    from .unit_grammar import _key

    return frozenset(_key(b["name"])[-1] for b in data.load("unit_kinds.json")["bodies"] if b.get("open"))


def _lower_unit_word(sc: Scanner, j: int) -> bool:
    """Lower-case words of unit names written in lower case ("ban dân vận huyện ủy")."""
    return sc.toks[j].fold in {
        "ban",
        "dân",
        "vận",
        "tuyên",
        "giáo",
        "tổ",
        "chức",
        "huyện",
        "tỉnh",
        "ủy",
        "xã",
        "thị",
        "trấn",
        "đảng",
        "quân",
        "sự",
        "đoàn",
    }
