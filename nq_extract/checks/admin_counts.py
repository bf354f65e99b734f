"""Stated counts of administrative units checked against the gazetteer.

"11/13 xã, thị trấn" in a district party committee's report, "124/124 xã,
phường, đặc khu" in a province's: the report states how many units of some
types its own area has. :func:`find` reads these counts (phrases in
``data/admin_counts.json``), works out the area and the era, counts the units
of those types inside the area with :mod:`nq_extract.gazetteer`, and decides.

**The area.** The report's own area is the place its issuer names
(``document.issuer`` or the header lines: "ỦY BAN NHÂN DÂN TỈNH LÂM ĐỒNG",
"HUYỆN ỦY TAM ĐƯỜNG"), or, without a header, the place named right before
"báo cáo" in the opening ("Ban Thường vụ Huyện ủy Tam Đường báo cáo ...").
A sentence may name the area instead: a place in capitals ("thành phố Hải
Phòng đã chỉ đạo ...", "trên địa bàn huyện Tam Đường") or a level word after
"toàn", "trên địa bàn", "của" ... ("toàn tỉnh có": the report's own
province). No check comes from a sentence naming two places that do not
contain each other, a place the gazetteer does not hold, the whole country
("cả nước") or another area ("các tỉnh", "vùng"); nor from a count left to
the report's own area when the sentence speaks of another level ("Tỉnh đã
hỗ trợ 28 xã" in a district's report), nor from a commune's own report.

**The era.** The report's date decides (:func:`nq_extract.gazetteer.era_for`),
unless it is the bare year 2025, which spans both eras. Type words tie a
count to an era ("thị trấn", "huyện" exist only before 1 July 2025, "đặc
khu" only after). A count whose types belong to another era than the
report's date ("trước sắp xếp, toàn tỉnh có 147 xã, phường, thị trấn" in a
2025 report) speaks of another time: no check. Without a date, a district as
the area means the earlier era, and a date on or after 1 July 2025 that the
text mentions hints at the later one (a hint only: plans name later dates, so
the snapshot is then not held to fit); otherwise the era is unknown.

**The snapshot.** The gazetteer holds one list of units per era: for the era
before 1 July 2025, the units after the 2023-2025 mergers (in force from
early 2025); after it, the units of 1 July 2025. A count is held to the
snapshot only when the report's date falls in the snapshot's window
(``snapshots`` in the data) and the sentence does not point to another time
("(cũ)", "trước sắp xếp", a year before the window). Otherwise a count equal
to the snapshot's is consistent (a reorganisation would have had to change
the area and give back the same number) and any other is ``unverifiable``:
the area may have had other units at the report's date. The message names
the snapshot and its source.

**The decision.** A false "inconsistent" is worse than a miss.

- A count framed as all the units of the area (a denominator: "11/13 xã",
  "124/124 xã"; "tất cả N", "các N", "100% (N ...", "trong số N") is
  consistent when it equals the number of units of the types it lists, or of
  all units of that level ("13 xã" for 12 xã and 1 thị trấn: the loose
  reading), and inconsistent when larger. When smaller it may count a part
  of the area ("5/8 xã biên giới"), so it is inconsistent only when the words
  after the types close the phrase (punctuation, "và", "trên địa bàn":
  ``whole_after``) or are the sentence's predicate ("đã", "tham gia":
  ``predicates``), and the area is not merely the report's own province
  before 1 July 2025 (whose districts a sentence may speak of without naming
  them); otherwise it is unverifiable.
- "toàn tỉnh có N", "huyện X có N" frame the whole only when the type words
  close the phrase: "toàn tỉnh có 28 xã đạt chuẩn nông thôn mới" counts the
  units that do something, a part.
- A count not framed as the whole ("28 xã, phường quản lý") is checked only
  for exceeding the area's units: larger is inconsistent; otherwise there is
  no check at all.
- "124/124 địa phương" stands for the types named earlier in the sentence
  ("UBND các xã, phường, đặc khu ...") only when no other figure comes
  between; such an inferred count is consistent or unverifiable, never
  inconsistent (it may count other bodies beside the units).
- A count framed as the whole in an unknown era is unverifiable; an unknown
  area gives no check. Approximate counts ("khoảng 20 xã") are left alone.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import Any

from ..prefilter import prefiltered
from .decide import CONSISTENT, INCONSISTENT, UNVERIFIABLE, Decision
from .relations import Relation, Text
from .rounding import Interval
from .scan import FIGURE, Tok

ADMIN_COUNT = "admin_count"

_UP = "A-ZĐÀÁẢÃẠÂẦẤẨẪẬĂẰẮẲẴẶÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"
_NAME_WORD = rf"[{_UP}0-9][\w’']*(?:\.[\w’']+)*"
# A place name: up to five words each starting with a capital ("Lâm Đồng", "Bà Rịa - Vũng Tàu").

_NUM = r"(?<![\d.,])(?:\d{1,3}(?:\.\d{3})+|\d+)(?![\d,])"
_LEVEL_RANK = {"commune": 0, "district": 1, "province": 2}


# ---------------------------------------------------------------- phrases


@dataclass(frozen=True)
class _Phrases:
    types: dict[str, dict[str, Any]]
    count_re: re.Pattern[str]
    noun_re: re.Pattern[str]
    list_re: re.Pattern[str]
    type_re: re.Pattern[str]
    whole_before: re.Pattern[str]
    whole_has: re.Pattern[str]
    whole_after: re.Pattern[str]
    predicates: re.Pattern[str]
    elsewhere: re.Pattern[str]
    other_time: re.Pattern[str]
    place_re: re.Pattern[str]
    places: dict[str, str]
    area_re: re.Pattern[str]
    level_word_re: re.Pattern[str]
    not_places: re.Pattern[str]
    reporting_re: re.Pattern[str]
    snapshots: dict[str, dict[str, Any]]


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


@cache
def phrases() -> _Phrases:
    """The phrase data, compiled once."""
    from ..data import load

    d = load("admin_counts.json")
    types: dict[str, dict[str, Any]] = d["types"]
    one = rf"(?:{_alt(list(types))})(?!\w)"
    joiner = "|".join(rf"{j}(?!\w)" if j.isalpha() else re.escape(j) for j in d["type_joiners"])
    gap = r"(?:[ \t]+|[ \t]*\n[ \t]*)"  # one line break at most
    type_list = rf"{one}(?:[ \t]*\n?[ \t]*(?:{joiner})[ \t]*\n?[ \t]*{one})*"
    places: dict[str, str] = d["places"]
    keywords = sorted({w for k in places for w in (k, k.replace("ủy", "uỷ"))}, key=len, reverse=True)
    # a name stops before the next place word ("ĐẢNG BỘ TỈNH LAI CHÂU HUYỆN ỦY TAM ĐƯỜNG")
    word = rf"(?!(?i:{_alt(keywords)})(?!\w)){_NAME_WORD}"
    name = rf"{word}(?:(?:[ ]|[ ]?-[ ]?){word}){{0,4}}"
    levels = "tỉnh|huyện|thành phố|quận|thị xã"
    return _Phrases(
        types=types,
        count_re=re.compile(rf"(?=\d)(?:(?P<a>{_NUM})[ \t]*/[ \t]*)?(?P<n>{_NUM}){gap}(?P<list>{type_list})", re.IGNORECASE),
        noun_re=re.compile(
            rf"(?=\d)(?:(?P<a>{_NUM})[ \t]*/[ \t]*)?(?P<n>{_NUM}){gap}(?P<noun>{_alt(d['nouns'])})(?![ \t]+hành chính)(?!\w)"
        ),
        list_re=re.compile(rf"(?<!\w)các{gap}(?P<list>{type_list})", re.IGNORECASE),
        type_re=re.compile(one, re.IGNORECASE),
        whole_before=re.compile("(?:" + "|".join(p.replace("{NAME}", f"(?-i:{name})") for p in d["whole_before"]) + ")$", re.IGNORECASE),
        whole_has=re.compile("(?:" + "|".join(p.replace("{NAME}", f"(?-i:{name})") for p in d["whole_has"]) + ")$", re.IGNORECASE),
        whole_after=re.compile(r"[ \t]*(?:" + "|".join(d["whole_after"]) + ")"),
        predicates=re.compile(r"[ \t]*(?:" + "|".join(d["predicates"]) + ")"),
        elsewhere=re.compile(rf"(?<!\w)(?:{_alt(d['elsewhere'])})(?!\w)", re.IGNORECASE),
        other_time=re.compile("|".join(d["other_time"]), re.IGNORECASE),
        place_re=re.compile(rf"(?<!\w)(?P<kw>(?i:{_alt(keywords)}))[ \t]*\n?[ \t]*(?P<name>{name})"),
        places=places,
        area_re=re.compile(rf"(?<!\w)(?:{_alt(d['area_words'])})[ \t]+(?P<kw>{levels})(?!\w)(?-i:(?![ \t]+[{_UP}]))", re.IGNORECASE),
        level_word_re=re.compile(rf"(?<!\w)(?<!cấp )(?P<kw>{levels})(?!\w)", re.IGNORECASE),
        not_places=re.compile(rf"(?:{_alt(d['not_places'])})(?!\w)", re.IGNORECASE),
        reporting_re=re.compile(rf"[ \t]+(?:{_alt(d['reporting'])})(?!\w)"),
        snapshots=d["snapshots"],
    )


# ---------------------------------------------------------------- places as written


@dataclass(frozen=True)
class PlaceName:
    """A place as a text names it: the level its word gives ("tỉnh" -> province) and the name."""

    level: str  # province | district | commune | "province|district"
    name: str
    start: int = 0
    end: int = 0


def _levels(word: str) -> str:
    from ..gazetteer import tone_fold

    return phrases().places.get(tone_fold(" ".join(word.split())), "")


def place_names(text: str, start: int = 0, end: int | None = None) -> list[PlaceName]:
    """The places ``text[start:end]`` names by a level word and a name in capitals
    ("tỉnh Lâm Đồng", "Huyện ủy Tam Đường", "TỈNH LÂM ĐỒNG")."""
    ph = phrases()
    out = []
    for m in ph.place_re.finditer(text, start, len(text) if end is None else end):
        if ph.not_places.match(text, m.start()):
            continue
        level = _levels(m.group("kw"))
        if level:
            out.append(PlaceName(level, m.group("name"), m.start(), m.end()))
    return out


def own_places(issuer: str | None, header: str = "", opening: str = "") -> tuple[PlaceName, ...]:
    """The report's own area as its issuer names it: the issuer line, else the header,
    else the place right before "báo cáo" in the opening."""
    for source in (issuer or "", header):
        found = place_names(source)
        if found:
            return tuple(found)
    ph = phrases()
    for pn in place_names(opening):
        if ph.reporting_re.match(opening, pn.end):
            return (pn,)
    return ()


# ---------------------------------------------------------------- the report's setting


@dataclass(frozen=True)
class Setting:
    """What a report says about itself: its own area (as written) and its date."""

    own: tuple[PlaceName, ...] = ()
    date: str | None = None  # the report's own date (ISO)
    latest: str | None = None  # the latest date the text mentions: the report is not older


OPENING_CHARS = 4000


def setting_of(ctx: Any) -> Setting:
    """The setting of a report being processed (a pipeline ``Context``)."""
    doc = ctx.report.document
    text = ctx.doc.text
    hs, he = getattr(ctx.seg, "header", (0, 0)) or (0, 0)
    header = text[hs:he] if he > hs else ""
    own = own_places(doc.issuer, header, text[:OPENING_CHARS])
    values = [d.value[:10] for d in ctx.report.dates if d.value[:4].isdigit()]
    return Setting(own, doc.date, max(values) if values else None)


# ---------------------------------------------------------------- gazetteer queries


def _resolve(gz: Any, pn: PlaceName, era: str, province: Any = None) -> Any:
    """The gazetteer place a written name stands for in one era (best over the name's leading words)."""
    words = pn.name.split(" ")
    for level in pn.level.split("|"):
        if level not in ("province", "district") or (level == "district" and era != "2019"):
            continue
        within = province.code if (province is not None and level == "district") else ""
        best = None
        for k in range(len(words), 0, -1):
            link = gz.link(" ".join(words[:k]), level, era, within)
            if link is not None and (best is None or link.score > best.score):
                best = link
        if best is not None:
            return best.place
    return None


def unit_counts(gz: Any, area: Any, level: str, types: list[str]) -> tuple[int, int, dict[str, int]]:
    """Units of ``level`` inside ``area``: of the listed types (all when none), of any type, and per type."""
    within = area.code if area.level == "district" else "p" + area.code
    units = gz.candidates(area.era, level, within)
    per: dict[str, int] = {}
    for u in units:
        per[u.type] = per.get(u.type, 0) + 1
    strict = sum(per.get(t, 0) for t in types) if types else len(units)
    return strict, len(units), per


# ---------------------------------------------------------------- the decision


def decide_count(stated: int, strict: int, loose: int, *, whole: bool, fits: bool, closed: bool) -> tuple[str | None, str]:
    """The verdict on a stated count against the gazetteer's, and why (``None``: no check).

    ``strict`` counts the units of the listed types, ``loose`` all units of
    that level; ``fits`` says the snapshot fits the report's time; ``closed``
    that a smaller count framed as the whole cannot be read as a part.
    """
    if whole:
        if stated == strict:
            return CONSISTENT, "equal"
        if stated == loose:
            return CONSISTENT, "loose"
        if not fits:
            return UNVERIFIABLE, "snapshot"
        if stated > loose:
            return INCONSISTENT, "more"
        return (INCONSISTENT, "fewer") if closed else (UNVERIFIABLE, "part")
    if stated <= loose:
        return None, ""
    if not fits:
        return UNVERIFIABLE, "snapshot"
    return INCONSISTENT, "more"


# ---------------------------------------------------------------- finding


@dataclass
class AdminCount(Relation):
    """A stated count of units of an area, with the gazetteer's count and the verdict."""

    area: str = ""  # "huyện Tam Đường, tỉnh Lai Châu"
    era: str | None = None
    types_written: str = ""  # "xã, thị trấn"
    strict: int | None = None
    loose: int | None = None
    per_type: dict[str, int] | None = None
    status: str = UNVERIFIABLE
    reason: str = ""
    whole: bool = False


def _tok_at(t: Text, start: int) -> Tok | None:
    i = bisect_left(t.starts, start)
    if i < len(t.toks) and t.toks[i].start == start:
        return t.toks[i]
    return None


def list_types(written: str) -> tuple[str, list[str], set[str]] | None:
    """The level, gazetteer types and possible eras of a written type list ("xã, thị trấn")."""
    ph = phrases()
    level = None
    types: list[str] = []
    eras = {"2019", "2025"}
    for m in ph.type_re.finditer(written):
        entry = ph.types[" ".join(m.group().lower().split())]
        if level not in (None, entry["level"]):
            return None
        level = entry["level"]
        types += entry["types"]
        eras &= set(entry["eras"])
        if not entry["types"]:
            types = []  # "đơn vị hành chính cấp xã": every type of the level
            break
    if level is None or not eras:
        return None
    return level, types, eras


def _years_before(text: str, year: int) -> bool:
    return any(int(y) < year for y in re.findall(r"(?<![\d.,])((?:19|20)\d\d)(?!\d)", text))


class _Finder:
    def __init__(self, text: str, setting: Setting, t: Text) -> None:
        from .. import gazetteer

        self.text, self.setting, self.t = text, setting, t
        self.gz = gazetteer.load()
        self.era_for = gazetteer.era_for
        self.era_change = gazetteer.ERA_CHANGE
        self._own: dict[str, list[Any]] = {}

    def own_chain(self, era: str) -> list[Any]:
        """The report's own area in ``era``: its district (if any), then its province; [] when unknown."""
        if era in self._own:
            return self._own[era]
        chain: list[Any] = []
        self._own[era] = chain
        provinces: set[Any] = set()
        districts: list[PlaceName] = []
        for pn in self.setting.own:
            p = _resolve(self.gz, PlaceName("province", pn.name), era) if "province" in pn.level else None
            if p is not None:
                provinces.add(p)
            elif "district" in pn.level:
                districts.append(pn)
        if len(provinces) > 1:
            return chain
        province = next(iter(provinces), None)
        if districts:
            if era != "2019":
                return chain
            found = {d for pn in districts if (d := _resolve(self.gz, PlaceName("district", pn.name), era, province))}
            if len(found) != 1:
                return chain
            district = found.pop()
            parent = self.gz.get(era, "province", district.parent)
            if parent is None or (province is not None and parent != province):
                return chain
            chain += [district, parent]
        elif province is not None:
            chain.append(province)
        return chain

    @property
    def own_is_commune(self) -> bool:
        """The report is a commune's: its own area holds no units to count."""
        return any(pn.level == "commune" for pn in self.setting.own)

    def era(self, type_eras: set[str]) -> tuple[str | None, str]:
        """The era a count speaks of, and what gave it: the report's "date", the "types", the "latest" date
        the text mentions (a weak hint: plans name later dates), or "" (unknown)."""
        date = self.setting.date
        if date and (len(date) >= 7 or date[:4] != self.era_change[:4]):  # a bare "2025" spans both eras
            era = self.era_for(date)
            return (era if era in type_eras else None), "date"
        if len(type_eras) == 1:
            return next(iter(type_eras)), "types"
        if self.setting.latest and self.setting.latest >= self.era_change:
            return "2025", "latest"
        return None, ""

    def fits(self, era: str, sent_text: str) -> bool:
        """Whether the gazetteer's snapshot of ``era`` fits the time the sentence speaks of."""
        snap = phrases().snapshots[era]
        if phrases().other_time.search(sent_text) or _years_before(sent_text, int(snap["valid_from"][:4])):
            return False
        if era == "2025":
            return True  # the era began with this snapshot
        date = (self.setting.date or "")[:10]
        if not date:
            return False
        return snap["valid_from"][: len(date)] <= date <= (snap["valid_to"] or "9999-12-31")[: len(date)]

    def area(self, era: str, sent: tuple[int, int], skip: tuple[int, int]) -> tuple[Any, bool] | None:
        """The area a count in this sentence is of, and whether the sentence itself names it."""
        text, ph = self.text, phrases()
        s0, e0 = sent
        own = self.own_chain(era)
        named = [pn for pn in place_names(text, s0, e0) if pn.level != "commune" and not (skip[0] <= pn.start < skip[1])]
        if named:
            province = next((p for p in own if p.level == "province"), None)
            found = []
            for pn in named:
                p = _resolve(self.gz, pn, era, province) or _resolve(self.gz, pn, era)
                if p is None:
                    return None  # a place the gazetteer does not hold, or of another era
                found.append((pn, p))
            chains = [{(q.level, q.code) for q in self.gz.chain(p)} for _, p in found]
            keys = [(p.level, p.code) for _, p in found]
            for i, k in enumerate(keys):  # every named place contains or lies in every other
                if not all(k in chains[j] or keys[j] in chains[i] for j in range(len(keys))):
                    return None
            before = [p for pn, p in found if pn.end <= skip[0]]
            return (before[-1] if before else found[0][1]), True
        cues = [m for m in ph.area_re.finditer(text, s0, e0) if not (skip[0] <= m.start() < skip[1])]
        if cues:
            picks = set()
            for m in cues:
                word = " ".join(m.group("kw").lower().split())
                match = [p for p in own if p.type.lower() == word]
                if not match:
                    return None
                picks.add(match[0])
            return (picks.pop(), True) if len(picks) == 1 else None
        if not own or self.own_is_commune:
            return None
        lowest = own[0]
        for m in ph.level_word_re.finditer(text, s0, e0):
            if not (skip[0] <= m.start() < skip[1]) and " ".join(m.group("kw").lower().split()) != lowest.type.lower():
                return None  # the sentence speaks of another level than the report's own area
        return lowest, False

    def claim(
        self, n_tok: Tok, a_tok: Tok | None, list_text: str, list_span: tuple[int, int], after: int, inferred: bool = False
    ) -> AdminCount | None:
        text, t, ph = self.text, self.t, phrases()
        parsed = list_types(list_text)
        if parsed is None:
            return None
        level, types, type_eras = parsed
        if n_tok.kind != FIGURE or n_tok.approx or n_tok.number.decimals or (a_tok is not None and a_tok.kind != FIGURE):
            return None
        sent = t.bounds.sentence(n_tok.start)
        sent_text = text[sent[0] : sent[1]]
        if ph.elsewhere.search(sent_text):
            return None
        for m in ph.type_re.finditer(text, list_span[0], list_span[1]):
            if re.match(rf"[ \t]+[{_UP}]", text[m.end() : m.end() + 3]):
                return None  # "thị trấn Tam Đường": a type before a name names a unit, it does not count units
        era, given = self.era(type_eras)
        if era is None and given == "date":
            return None  # the types belong to another era than the report's date
        skip = ((a_tok or n_tok).start, list_span[1])
        found = None
        for e in [era] if era else ["2019", "2025"]:
            got = self.area(e, sent, skip)
            if got is not None:
                found = (e, got)
                break
        if found is None:
            return None
        e, (area, explicit) = found
        if era is None and area.level == "district":
            era = "2019"
        if _LEVEL_RANK[area.level] <= _LEVEL_RANK[level] or (e == "2025" and level == "district"):
            return None
        strict, loose, per = unit_counts(self.gz, area, level, types)
        stated = int(n_tok.number.value)
        start = (a_tok or n_tok).start
        before = text[max(sent[0], start - 80) : start]
        closing = after >= sent[1] or bool(ph.whole_after.match(text, after))
        ratio = a_tok is not None or bool(ph.whole_before.search(before))
        whole = ratio or (closing and bool(ph.whole_has.search(before)))  # "toàn tỉnh có 28 xã đạt chuẩn": a part
        closed = closing or (ratio and bool(ph.predicates.match(text, after)))
        if not explicit and area.level == "province" and level == "commune" and e == "2019":
            closed = False  # the report's own province before July 2025: a sentence may speak of one district
        if era is None:
            if not whole:
                return None
            status, reason = UNVERIFIABLE, "era"
        else:
            fits = given != "latest" and self.fits(era, sent_text)
            verdict, reason = decide_count(stated, strict, loose, whole=whole, fits=fits, closed=closed)
            if verdict is None:
                return None
            status = verdict
            if inferred and status == INCONSISTENT:
                status, reason = UNVERIFIABLE, "noun"  # "140/140 đơn vị" may count other bodies beside the units
        operands: list[tuple[str, Tok]] = [("count", n_tok)]
        if a_tok is not None:
            operands.append(("part", a_tok))
        return AdminCount(
            kind=ADMIN_COUNT,
            operands=operands,
            source="gazetteer",
            area=self.gz.full_name(area),
            era=era,
            types_written=" ".join(list_text.split()),
            strict=strict,
            loose=loose,
            per_type=per,
            status=status,
            reason=reason,
            whole=whole,
        )


# Where a count can start: a figure (or "a/b"), then the gap before its words.
_COUNT_START = r"\d(?<![\d.,]\d)[\d.]*(?:[ \t]*/[ \t]*\d[\d.]*)?(?:[ \t]+|[ \t]*\n[ \t]*)"


@cache
def _count_scans() -> tuple[Callable[[str], Iterator[re.Match[str]]], Callable[[str], Iterator[re.Match[str]]]]:
    """``count_re.finditer`` and ``noun_re.finditer``, each tried only where a figure is followed
    by the first letter of one of its words (their long alternations are not tried at every offset)."""
    from ..data import load

    ph = phrases()

    def firsts(words: Iterable[str]) -> str:
        return "".join(sorted({re.escape(w[0]) for w in words}))

    counts = prefiltered(ph.count_re, re.compile(rf"{_COUNT_START}[{firsts(ph.types)}]", re.IGNORECASE))
    nouns = prefiltered(ph.noun_re, re.compile(rf"{_COUNT_START}[{firsts(load('admin_counts.json')['nouns'])}]"))
    return counts, nouns


def find(text: str, setting: Setting, t: Text | None = None) -> list[AdminCount]:
    """The stated counts of administrative units in ``text`` that can be checked, decided."""
    ph = phrases()
    if not ph.type_re.search(text):
        return []
    t = t or Text(text)
    finder = _Finder(text, setting, t)
    out: list[AdminCount] = []
    seen: set[int] = set()
    count_finditer, noun_finditer = _count_scans()
    for m in count_finditer(text):
        n_tok = _tok_at(t, m.start("n"))
        a_tok = _tok_at(t, m.start("a")) if m.group("a") else None
        if n_tok is None or (m.group("a") and a_tok is None):
            continue
        seen.add(n_tok.start)
        rel = finder.claim(n_tok, a_tok, m.group("list"), m.span("list"), m.end("list"))
        if rel is not None:
            out.append(rel)
    for m in noun_finditer(text):
        n_tok = _tok_at(t, m.start("n"))
        a_tok = _tok_at(t, m.start("a")) if m.group("a") else None
        if n_tok is None or n_tok.start in seen or (m.group("a") and a_tok is None):
            continue
        s0, _ = t.bounds.sentence(n_tok.start)
        lists = list(ph.list_re.finditer(text, s0, (a_tok or n_tok).start))
        # "UBND các xã, phường, đặc khu (...): 124/124 địa phương", with no other figure between
        if not lists or any(tok.kind == FIGURE for tok in t.between(lists[-1].end(), (a_tok or n_tok).start)):
            continue
        rel = finder.claim(n_tok, a_tok, lists[-1].group("list"), m.span("noun"), m.end("noun"), inferred=True)
        if rel is not None:
            out.append(rel)
    return out


# ---------------------------------------------------------------- the verdict as a check


@cache
def snapshot_source() -> str:
    """The gazetteer's source as its ``SOURCE.json`` records it ("vietnamadminunits 1.0.4")."""
    import json
    from importlib import resources

    raw = resources.files("nq_extract.gazetteer").joinpath("data", "SOURCE.json").read_text(encoding="utf-8")
    src = json.loads(raw)["source"]
    return f"{src['package']} {src['version']}"


def judge(rel: Relation) -> tuple[Decision, Any, str, str]:
    """The decision on a stated count of units, its stated value, and its messages (vi, en)."""
    from . import messages

    assert isinstance(rel, AdminCount)
    n = rel.tok("count")
    assert n is not None
    computed = (rel.loose if rel.reason in ("loose", "more") else rel.strict) if rel.era else None
    interval = None if computed is None else Interval(Decimal(computed), Decimal(computed))
    d = Decision(rel.status, interval, None if interval is None else Decimal(0))
    snap = phrases().snapshots.get(rel.era or "", {})
    vi, en = messages.admin_count(
        stated=n.written,
        area=rel.area,
        types=rel.types_written,
        computed=computed,
        per_type=rel.per_type or {},
        snapshot=(snap.get("vi", ""), snap.get("en", ""), snapshot_source()),
        reason=rel.reason,
        decision=d,
    )
    return d, n.number.as_json, vi, en


__all__ = [
    "ADMIN_COUNT",
    "AdminCount",
    "PlaceName",
    "Setting",
    "decide_count",
    "find",
    "judge",
    "list_types",
    "own_places",
    "place_names",
    "setting_of",
    "unit_counts",
]
