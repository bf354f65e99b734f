"""Contract field ``units``: named organisational and administrative units.

Names are found by :mod:`.unit_grammar`; each distinct written name (spaces
collapsed) is one entry whose mentions are its spans. Lists after one
administrative type are expanded ("Đảng ủy xã Hồ Thâu, Bình Lưu" is "Đảng ủy
xã Hồ Thâu" and "Đảng ủy xã Bình Lưu"); groups ("các xã, thị trấn") are not
units. The written name is kept; the gazetteer link adds ``canonical``,
``admin_code`` and ``match_score``. Where a name says only "huyện", "Huyện ủy"
or "Tỉnh ủy", the report's own district and province (its header place and
the places it names) resolve it. The signature block is left to ``people``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from .. import data
from ..context import Context
from ..models import Unit
from .unit_grammar import Match, Scanner, _key, grammar, scanner, tokens

HEADER_CHARS = 800  # without a kind line, the issuer lines sit in the first characters
EXACT = 0.99  # a link outside the report's own place needs the name as the gazetteer writes it


@dataclass
class _Found:
    name: str
    start: int
    end: int
    match: Match
    place_tokens: tuple[int, int] | None  # the place name this expansion links
    type_: str | None = None  # a list item's own administrative type ("xã A, phường B": "phường")
    listed: bool = False  # a later name of a list that takes the type written before the first


def run(ctx: Context) -> None:
    text = ctx.doc.text
    if not text.strip():
        return
    skip = _skipped_ranges(ctx)
    sc = scanner(scan_text(ctx))
    found: list[_Found] = []
    header_end = ctx.seg.kind_line[0] if ctx.seg.kind_line else HEADER_CHARS
    abbr = grammar().abbreviations
    matches = sc.scan()
    shared = _shared_tails(sc, matches)
    for k, m in enumerate(matches):
        if m.group:
            continue
        s, e = sc.toks[m.start_tok].start, sc.toks[m.end_tok - 1].end
        if s >= header_end and any(a < e and s < b for a, b in skip):
            continue  # in the header a name runs past the motto blanked beside it
        first = sc.toks[m.start_tok].text
        written_type = m.place is not None and m.place.type_start == m.start_tok and m.place.type.isupper()  # "TP. Hồ Chí Minh"
        if (
            s >= header_end
            and first.isupper()
            and len(first) > 1
            and first not in abbr
            and first not in ("UBND", "HĐND", "MTTQ")
            and not written_type
        ):
            continue  # headings in capitals ("HỘI NGHỊ LẦN THỨ 11") name no unit; the issuer lines do
        if k in shared:
            if shared[k]:
                found.append(_Found(_clean(text[s:e] + " " + shared[k]), s, e, m, None))
            continue
        found.extend(_expand(sc, m))
    if not found:
        return
    linker = _Linker(ctx, sc, found)
    units: dict[str, Unit] = {}
    for f in found:
        if f.listed and f.name not in units and linker.of_another_type(f):
            continue  # "thành phố Hồ Chí Minh, Đồng Nai": Đồng Nai is a province, no city
        unit = units.get(f.name)
        if unit is None:
            unit = units[f.name] = Unit(name=f.name, kind=f.match.kind, level=f.match.level, **linker.link(f))
        unit.mentions.append(ctx.span(f.start, f.end))
        written = text[f.start : f.end]
        if written not in unit.written:
            unit.written.append(written)
    ctx.report.units.extend(units.values())


def _skipped_ranges(ctx: Context) -> list[tuple[int, int]]:
    from ..segment import _MOTTO_RE

    text = ctx.doc.text
    # the mottos of the header, printed in capitals or as "Độc lập - Tự do - Hạnh phúc"; in the body
    # "Đảng Cộng sản Việt Nam" is a name
    out = [m.span() for m in _MOTTO_RE.finditer(text, 0, min(len(text), 3000)) if m.group().isupper() or "Hạnh phúc" in m.group()]
    if ctx.seg.signature:
        out.extend(_minus(ctx.seg.signature, ctx.seg.recipients + _list_lines(text, ctx.seg.signature)))
    return out


def _list_lines(text: str, span: tuple[int, int]) -> tuple[tuple[int, int], ...]:
    """The list lines ("- Thường trực HĐND tỉnh;", "- Lưu Văn phòng Trung ương Đảng.") of a signature
    block printed beside the recipients, with their lower-case continuation lines, left of any column
    gap: they name the recipients, not the signer."""
    out = []
    pos = span[0]
    in_item = False
    while pos < span[1]:
        end = text.find("\n", pos, span[1])
        end = span[1] if end < 0 else end
        line = text[pos:end]
        stripped = line.lstrip()
        gap = _COLUMN_GAP.search(stripped)
        left = stripped[: gap.start()] if gap else stripped
        item = left[:1] in ("-", "+", "•", "–")
        in_item = item or in_item and left[:1].islower()
        if in_item:
            start = pos + len(line) - len(stripped)
            out.append((start, start + len(left)))
        pos = end + 1
    return tuple(out)


_COLUMN_GAP = re.compile(r"\s{3,}")


def _minus(span: tuple[int, int], holes: tuple[tuple[int, int], ...]) -> list[tuple[int, int]]:
    """The span without the holes: a signature printed beside the recipients keeps their lines."""
    out, start = [], span[0]
    for a, b in sorted(holes):
        if b <= start or a >= span[1]:
            continue
        if a > start:
            out.append((start, a))
        start = max(start, b)
    if start < span[1]:
        out.append((start, span[1]))
    return out


def scan_text(ctx: Context) -> str:
    """The text the unit and people scanners read: mottos and the signature block blanked."""
    return _blank(ctx.doc.text, _skipped_ranges(ctx))


def _blank(text: str, ranges: list[tuple[int, int]]) -> str:
    """The text with the ranges turned into spaces (offsets kept): names never run into them."""
    for a, b in ranges:
        text = text[:a] + " " * (b - a) + text[b:]
    return text


def _clean(text: str) -> str:
    return " ".join(text.split())


def _shared_tails(sc: Scanner, matches: list[Match]) -> dict[int, str]:
    """Bodies joined by dashes share the place written after the last one: "Đảng ủy-UBND-UBMTTQ thị
    trấn" is "Đảng ủy thị trấn", "UBND thị trấn" and "UBMTTQ thị trấn". Only bodies without a level
    of their own ("Đảng ủy", "UBND"; not "Huyện ủy") and with nothing after them take the place."""
    toks, text = sc.toks, sc.text
    out: dict[int, str] = {}
    tail: str | None = None
    for k in range(len(matches) - 1, -1, -1):
        m = matches[k]
        nxt = matches[k + 1] if k + 1 < len(matches) else None
        dashed = (
            nxt is not None
            and nxt.start_tok == m.end_tok + 1
            and toks[m.end_tok].text in ("-", "–")
            and "\n" not in text[toks[m.end_tok - 1].end : toks[nxt.start_tok].start]
        )
        bare = not (m.group or m.place or m.proper or m.items or m.level) and len(m.heads) == 1
        if dashed and bare and (tail is not None or m.heads[0].get("type_alone")):
            out[k] = tail or ""  # "" drops a bare type left without a place ("UBND - Sở Nội vụ")
            continue
        tail = None
        if m.place is not None and not m.group:
            tail = " ".join(text[toks[m.place.type_start].start : toks[m.end_tok - 1].end].split())
    return out


def _expand(sc: Scanner, m: Match) -> list[_Found]:
    toks, text = sc.toks, sc.text
    s = toks[m.start_tok].start
    if m.place and m.place.names:
        out = []
        first_name_start = toks[m.place.names[0][0]].start
        prefix = _without_plural(sc, m, text[s:first_name_start])
        before_type = _without_plural(sc, m, text[s : toks[m.place.type_start].start])
        for k, (a, b) in enumerate(m.place.names):
            if k == 0:
                out.append(_Found(_clean(_without_plural(sc, m, text[s : toks[b - 1].end])), s, toks[b - 1].end, m, (a, b)))
            elif k in m.place.typed:
                t = toks[m.place.typed[k]].start
                typed = sc.admin_at(m.place.typed[k])
                own = typed[1]["name"] if typed else None
                out.append(_Found(_clean(before_type + text[t : toks[b - 1].end]), t, toks[b - 1].end, m, (a, b), own))
            else:
                name = _clean(prefix + text[toks[a].start : toks[b - 1].end])
                out.append(_Found(name, toks[a].start, toks[b - 1].end, m, (a, b), listed=True))
        return out
    if m.items:
        head = toks[m.start_tok].text
        return [
            _Found(_clean(head + " " + text[toks[a].start : toks[b - 1].end]), toks[a].start, toks[b - 1].end, m, None) for a, b in m.items
        ]
    e = toks[m.end_tok - 1].end
    out = [_Found(_clean(text[s:e]), s, e, m, m.proper)]
    if m.numbers:  # "Cơ sở cai nghiện ma túy số 2 và số 4"
        prefix = text[s : toks[m.number_start].start]
        for a, b in m.numbers:
            out.append(_Found(_clean(prefix + text[toks[a].start : toks[b - 1].end]), toks[a].start, toks[b - 1].end, m, None))
    return out


def _without_plural(sc: Scanner, m: Match, written: str) -> str:
    """The text of a match from its start without the group word of a plural ("Ủy ban nhân dân các tỉnh
    A, B" names "Ủy ban nhân dân tỉnh A")."""
    if m.plural_at is None:
        return written
    s = sc.toks[m.start_tok].start
    a, b = sc.toks[m.plural_at].start - s, sc.toks[m.plural_at + 1].start - s
    return written[:a] + written[b:] if b <= len(written) else written


def expand_abbreviations(name: str) -> str:
    """``Ủy ban MTTQ huyện`` -> ``Ủy ban Mặt trận Tổ quốc huyện`` (whole words only); the words of
    known bodies, fields and types in their running-text case (``ĐẢNG ỦY XÃ`` and ``đảng ủy xã`` ->
    ``Đảng ủy xã``, ``ban thường vụ huyện ủy`` -> ``Ban Thường vụ Huyện ủy``), other words printed
    in capitals as names (``HỒ THẦU`` -> ``Hồ Thầu``)."""
    abbr = grammar().abbreviations
    name = _SHORT_FORM.sub("", name)  # "Hội Liên hiệp Phụ nữ (LHPN) tỉnh": the short form is said once
    return " ".join(abbr.get(w, w) for w in _cased(name).split())


_SHORT_FORM = re.compile(r"\s*\([A-ZĐ&]{2,8}\)(?=\s)")


@cache
def _spellings() -> dict[str, list[tuple[tuple[str, ...], str]]]:
    """The written form of each body, field and administrative type in the data, keyed by its first
    word's fold, longest first (the first spelling in the data wins: "Đoàn Thanh niên")."""
    spec = data.load("unit_kinds.json")
    entries = [(b["name"], b.get("variant_of")) for b in spec["bodies"] + spec["admin_types"]]
    entries += [(d, None) for d in spec["domains"]] + [(w, None) for w in spec["level_words"] if w != "Đảng"]
    seen: dict[tuple[str, ...], str] = {}
    for n, right in entries:
        seen.setdefault(_key(n), right or n)  # a slip ("Huyên ủy") is written right ("Huyện ủy")
    out: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    for k, n in sorted(seen.items(), key=lambda t: -len(t[0])):
        out.setdefault(k[0], []).append((k, n))
    return out


_CONNECTORS = frozenset({"và", "của", "các", "về", "cho", "với"})


@lru_cache(maxsize=8192)  # reports name the same bodies again and again ("UBND tỉnh", "Huyện ủy")
def _cased(name: str) -> str:
    """The name with the words of known bodies as the data writes them and words in capitals as names."""
    toks = tokens(name)
    spell = _spellings()
    abbr = grammar().abbreviations
    admin = grammar().admin
    out: list[str] = []
    pos = 0
    i = 0
    placed = False  # after an administrative type, the words are the place's name ("xã Thanh Tra")
    capitals = not any(c.islower() for c in name)  # "Ban DV" keeps its abbreviation; "HỒ THẦU" is a name
    while i < len(toks):
        t = toks[i]
        out.append(name[pos : t.start])
        for key, written in () if placed else spell.get(t.fold, ()):
            n = len(key)
            if i + n > len(toks) or any(toks[i + k].fold != key[k] for k in range(1, n)):
                continue
            if written.isupper() and name[t.start : toks[i + n - 1].end] != written:
                continue  # an abbreviation keeps its case ("UBND", not "ubnd")
            if not capitals and _starts_a_name(toks, i, n, written):
                continue  # "huyện Đoàn Kết" is a district's name, not "Huyện đoàn"
            out.append(written)
            pos = toks[i + n - 1].end
            i += n
            placed = any(k == key for k, _ in admin.get(t.fold, ()))
            break
        else:
            w = t.text
            if capitals and len(w) > 1 and w.isalpha() and w.isupper() and w not in abbr:
                w = w.lower() if t.fold in _CONNECTORS else w.capitalize()
            out.append(w)
            pos = t.end
            i += 1
    out.append(name[pos:])
    return "".join(out)


class _Linker:
    """Links places named by units to the gazetteer, in the report's own era and place."""

    def __init__(self, ctx: Context, sc: Scanner, found: list[_Found]) -> None:
        self.ctx, self.sc, self.found = ctx, sc, found
        self._ready = False
        self.gz: Any = None
        self.district: Any = None
        self.province: Any = None
        self.context_score = 1.0
        self._links: dict[tuple[str, str, str, str, str | None], Any] = {}

    def _setup(self) -> None:
        if self._ready:
            return
        self._ready = True
        from .. import gazetteer

        self.gz = gazetteer.load()
        self.era = gazetteer.era_for(self._date())
        votes: dict[tuple[str, str], list[Any]] = {}
        for f in self.found:
            level, name = self._named_level(f)
            if level in ("district", "province") and name:
                link = self._gz_link(name, level, "2019", "", self._type(f))
                if link:
                    votes.setdefault((level, link.place.code), []).append(link)
        place = self.ctx.seg.place
        if place:
            links = [(level, self._gz_link(place, level, "2019")) for level in ("district", "province")]
            best = max((lk.score for _, lk in links if lk), default=0.0)
            for level, link in links:
                if link and link.score >= best:  # "Phú Yên" is the province, not the town "Phúc Yên" a letter off
                    votes.setdefault((level, link.place.code), []).append(link)
        if not votes:
            self._commune_votes(votes)
        districts = [v for (lv, _), v in votes.items() if lv == "district"]
        provinces = [v for (lv, _), v in votes.items() if lv == "province"]
        if districts:
            best = max(districts, key=len)
            self.district = best[0].place
            self.context_score = max(lk.score for lk in best)
            self.province = self.gz.get("2019", "province", self.district.parent)
        elif provinces:
            best = max(provinces, key=len)
            self.province = best[0].place
            self.context_score = max(lk.score for lk in best)

    def _commune_votes(self, votes: dict[tuple[str, str], list[Any]]) -> None:
        """A report that names neither its district nor its province: the districts of the communes it
        names, where one commune of the country bears the name as written ("Đảng bộ xã Gio Mai" makes
        "Huyện ủy" Gio Linh's)."""
        from ..gazetteer import Link

        for f in self.found:
            level, name = self._named_level(f)
            if level != "commune" or not name:
                continue
            link = self._gz_link(name, "commune", "2019", "", self._type(f))
            if link is not None and link.score >= EXACT:
                district = self.gz.get("2019", "district", link.place.parent)
                if district is not None:
                    votes.setdefault(("district", district.code), []).append(Link(district, link.score))

    def _date(self) -> str | None:
        date = self.ctx.report.document.date or self.ctx.seg.date
        if date:
            return date
        values = [d.value for d in self.ctx.report.dates if d.value[:4].isdigit()]
        return max(values) if values else None

    def _type(self, f: _Found) -> str | None:
        m = f.match
        written = f.type_ or (m.place.type if m.place else None)
        return _full_types().get(written, written) if written else None

    def _named_level(self, f: _Found) -> tuple[str | None, str | None]:
        m = f.match
        if f.place_tokens is None:
            return None, None
        a, b = f.place_tokens
        name = _clean(self.sc.text[self.sc.toks[a].start : self.sc.toks[b - 1].end])
        if m.place and m.place.names:
            return m.place.level, name
        named = [h.get("named") for h in m.heads if h.get("named")]
        return (named[-1] if named else None), name

    def _within(self, era: str) -> list[str]:
        """The report's own places to search in, narrowest first: its district (era 2019), its province."""
        out = []
        if era == "2019" and self.district is not None:
            out.append(self.district.code)
        if self.province is None:
            return out
        if era == "2019":
            out.append("p" + self.province.code)
        else:
            succ = self.gz.successors(self.province)
            if succ:
                out.append("p" + succ[0].code)
        return out

    def _elsewhere(self, link: Any) -> Any:
        """A link found outside the report's own place: kept when the name is written as the gazetteer
        writes it; a near miss there ("Mỹ Đức" read as another province's "Mỹ Đức" a letter off) is more
        likely a unit of the report's own place the gazetteer spells otherwise."""
        if link is None or self.province is None and self.district is None:
            return link
        return link if link.score >= EXACT else None

    def _gz_link(self, name: str, level: str, era: str, within: str = "", type_: str | None = None) -> Any:
        """``gazetteer.link``, once per question in a document (a report names its province many times)."""
        key = (name, level, era, within, type_)
        if key not in self._links:
            link = self.gz.link(name, level, era, within, type_)
            if link is not None and link.score < EXACT and not _variant_of(name, link.place.name):
                link = None  # "xã Vĩnh Tường" is not "xã Vĩnh Cường" (0.9): another place, not a slip
            self._links[key] = link
        return self._links[key]

    def _link_place(self, level: str, name: str, type_: str | None) -> Any:
        if level == "commune":
            eras = [self.era, "2025" if self.era == "2019" else "2019"]
            near = None  # a slip in the report's own place, if no unit there bears the name as written
            for era in eras:
                for within in self._within(era):
                    link = self._gz_link(name, "commune", era, within, type_)
                    if link and link.score >= EXACT:
                        return link
                    near = near or link
            if near:
                return near
            for era in eras:
                link = self._gz_link(name, "commune", era, "", type_)
                if link:
                    return self._elsewhere(link)
            return None
        if level == "district":
            if self.province is not None:
                link = self._gz_link(name, "district", "2019", self.province.code, type_)
                if link:
                    return link
            return self._elsewhere(self._gz_link(name, "district", "2019", "", type_))
        era = self.era
        return self._gz_link(name, "province", era, "", type_) or self._gz_link(name, "province", "2019", "", type_)

    def of_another_type(self, f: _Found) -> bool:
        """The place a list's later name links to is of another type than the one written before the
        list: the type does not carry over to it."""
        level, name = self._named_level(f)
        written = self._type(f)
        if not (level and name and written):
            return False
        self._setup()
        link = self._link_place(level, name, written)
        from ..gazetteer import strip_marks

        return link is not None and strip_marks(link.place.type) != strip_marks(written)

    def link(self, f: _Found) -> dict[str, Any]:
        m = f.match
        expanded = expand_abbreviations(f.name)
        out: dict[str, Any] = {"canonical": expanded if expanded != f.name else None}
        level, name = self._named_level(f)
        wants_context = m.bare_level or any(h.get("named") for h in m.heads)
        if not (level and name) and not wants_context:
            return out
        self._setup()
        gz = self.gz
        if level and name:
            link = self._link_place(level, name, self._type(f))
            if link is None:
                return out
            place = link.place
            if m.place and m.place.names:
                head = _without_plural(self.sc, m, self.sc.text[self.sc.toks[m.start_tok].start : self.sc.toks[m.place.names[0][0]].start])
                head_words = _clean(head).split()
                prefix = " ".join(head_words[: len(head_words) - len(m.place.type.split())])
                canonical = _join(expand_abbreviations(prefix), gz.full_name(place))
            else:
                prefix = _clean(
                    self.sc.text[self.sc.toks[m.start_tok].start : self.sc.toks[f.place_tokens[0] if f.place_tokens else m.start_tok].start]
                )
                canonical = _join(expand_abbreviations(prefix), _rest_of_chain(gz, place, skip_type=True))
            return {"canonical": canonical, "admin_code": place.code, "match_score": link.score}
        # a bare "huyện" or a named committee without its name: the report's own place
        target_level = m.bare_level or next(h.get("named") for h in reversed(m.heads) if h.get("named"))
        place = self.district if target_level == "district" else self.province if target_level == "province" else None
        if place is None:
            return out
        base = expand_abbreviations(f.name)
        canonical = _join(base, _rest_of_chain(gz, place, skip_type=not m.bare_level))
        return {"canonical": canonical, "admin_code": place.code, "match_score": self.context_score}


def _starts_a_name(toks: list[Any], i: int, n: int, written: str) -> bool:
    """A word the data writes in lower case is capitalised at words i..i+n, and a capitalised word
    follows: the words are a type and a proper name, not the body's name."""
    from .unit_grammar import _words

    if i + n >= len(toks) or not toks[i + n].text[:1].isupper():
        return False
    spelled = _words(written)
    return any(w[:1].islower() and toks[i + k].text[:1].isupper() for k, w in enumerate(spelled) if k < n)


def _variant_of(written: str, official: str) -> bool:
    from ..gazetteer import variant_of

    return written.upper() == official.upper() or variant_of(written, official)


@cache
def _full_types() -> dict[str, str]:
    """Administrative types written short ("TP.") and in full ("thành phố"), as the gazetteer writes them."""
    return {
        a["name"]: a.get("full") or a["variant_of"]
        for a in data.load("unit_kinds.json")["admin_types"]
        if a.get("full") or a.get("variant_of")
    }


def _join(prefix: str, rest: str) -> str:
    return f"{prefix} {rest}".strip()


def _rest_of_chain(gz: Any, place: Any, skip_type: bool) -> str:
    """``Tam Đường, tỉnh Lai Châu`` (after "Huyện ủy") or ``Tam Đường, tỉnh Lai Châu`` after a bare "huyện"."""
    chain = gz.chain(place)
    first = chain[0].name
    return ", ".join([first] + [p.written for p in chain[1:]])
