"""Finding unit names in text: a word scanner built from ``data/unit_kinds.json``.

A unit name is a *head* (a body such as "Ban Tuyên giáo", "Huyện ủy", "UBND",
or an open head such as "Sở", "Trung tâm" followed by capitalised words:
"Trung tâm Văn hóa, Thể thao và Truyền thông") and *tails*: a parent body
("... Huyện ủy"), an administrative type with or without names ("... huyện",
"... xã Hồ Thâu, Bình Lưu"), a proper name after a named committee ("Huyện ủy
Tam Đường") or a level word ("cơ sở", "Trung ương"). An administrative type
followed by names ("xã Nà Tăm") is a unit by itself. A list of names after one
administrative type is distributive: one unit per name. A head after a group
word ("các", "một số" ...) or a tail that starts one ("các xã") is a group,
not a unit; so is a bare type followed by another type ("xã, thị trấn"), and a
head after a count ("03 Trung tâm", "124 Ủy ban nhân dân cấp xã").

Names written in sentence case run on through the lower-case terms of
public administration listed in the data ("Trung tâm Phục vụ hành chính
công", "Ban Quản lý dự án đầu tư xây dựng số 1", "Chi cục thủy sản và biển
đảo"); a term that is also a verb ("quản lý") never ends a name, so "Trung tâm
... quản lý hồ sơ" stops before it. A body written in lower case where its
name is capitalised ("Ban tổ chức" of a contest) names a body only with a
parent or a place after it.

The scan walks the words once; each step looks ahead a bounded number of
words, so the time is linear in the text.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import cache, cached_property, lru_cache, partial
from typing import Any, NamedTuple

from .. import data
from ..gazetteer import tone_fold

_WORD = re.compile(r"\w+(?:[’'][\w]+)*|[^\w\s]")
_CODE = re.compile(r"[A-ZĐ]{1,4}\d{1,3}")  # a department's code: "PC04", "PK02"
_ABBREVIATION = re.compile(r"[A-ZĐ]{2,5}")  # "trường THCS", "phòng CSGT"
_REGION_NUMBER = re.compile(r"[IVXL]+|\d{1,2}")  # "khu vực XVI", "khu vực 3"
# words before a figure that make it a date or a document's number, not a count of bodies
_NOT_COUNT = frozenset({"năm", "ngày", "tháng", "số", "điều", "khoản", "khóa", "quý", "giai", "đoạn"})
# words that start a body's term or a law after its name ("NHIỆM KỲ 2020-2025", "khóa XII"), never a name
_TERM_WORDS = frozenset({"khóa", "nhiệm", "luật"})
MAX_NAME_WORDS = 6
HEADER_LINES_CHARS = 1500  # the issuer's lines of a header sit in the first characters
MAX_TAILS = 4


class Tok(NamedTuple):
    start: int
    end: int
    text: str
    fold: str


@dataclass
class Place:
    """An administrative type and the name(s) written after it."""

    type: str  # as in the data: "xã", "huyện" ...
    level: str
    names: list[tuple[int, int]] = field(default_factory=list)  # token ranges of each name
    type_start: int = 0  # the word where the type is written
    typed: dict[int, int] = field(default_factory=dict)  # list item -> its own type word ("tỉnh A, tỉnh B")


@dataclass
class Match:
    start_tok: int
    end_tok: int  # exclusive, end of the first (or only) expansion
    kind: str
    level: str | None
    heads: list[dict[str, Any]] = field(default_factory=list)
    place: Place | None = None  # the administrative tail, if any
    proper: tuple[int, int] | None = None  # "Huyện ủy Tam Đường": the name after a named body
    bare_level: str | None = None  # a bare "huyện" tail
    group: bool = False
    items: list[tuple[int, int]] = field(default_factory=list)  # "các sở: Xây dựng, Y tế": one unit each
    numbers: list[tuple[int, int]] = field(default_factory=list)  # "Cơ sở ... số 2 và số 4": the later numbers
    number_start: int = 0  # the word where the body's own number is written
    plural_at: int | None = None  # "Ủy ban nhân dân các tỉnh A, B": the word "các", left out of each name


@dataclass(frozen=True)
class Grammar:
    bodies: dict[str, list[tuple[tuple[str, ...], dict[str, Any]]]]
    admin: dict[str, list[tuple[tuple[str, ...], dict[str, Any]]]]
    level_words: dict[tuple[str, ...], str | None]
    group_words: frozenset[tuple[str, ...]]
    abbreviations: dict[str, str]
    stop_lower: frozenset[str]
    person_words: frozenset[str]
    not_name: frozenset[str]
    admin_last: frozenset[str]  # last words of the administrative types ("tỉnh", "phố", "trấn")
    domains: dict[str, list[tuple[str, ...]]]
    single: frozenset[str]  # words that are a whole head or type ("Sở", "xã")
    seconds: dict[str, frozenset[str]]  # the second words of the longer heads and types, by their first
    bare_parents: tuple[tuple[str, ...], ...]  # "Hội" alone after a board: "Ban Chấp hành Hội"
    terms: dict[str, list[tuple[str, ...]]]  # lower-case terms inside a body's name ("hành chính công")
    verbs: frozenset[tuple[str, ...]]  # those of them that are also verbs ("quản lý"): never the last words
    surnames: frozenset[str]  # family names: one inside a place name starts a person's ("Lâm Đồng Trần Văn Hiệp")
    term_last: frozenset[str]  # last words of the terms: a number after one ends a name ("Đoàn An điều dưỡng 198")
    villages: dict[str, list[tuple[str, ...]]] = field(default_factory=dict)  # "thôn", "tổ dân phố": below a commune


def _key(text: str) -> tuple[str, ...]:
    return tuple(tone_fold(t) for t in _WORD.findall(text))


@cache
def _key_len(name: str) -> int:
    """Words in a body's name as written in the data."""
    return len(_key(name))


@cache
def _words(name: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(name))


MAX_POSITION_WORDS = 5


@cache
def _positions() -> frozenset[tuple[str, ...]]:
    """The position titles of people ("Phó Bí thư", "PBT"), as word keys."""
    return frozenset(_key(p) for p in data.load("unit_kinds.json")["positions"])


@cache
def grammar() -> Grammar:
    spec = data.load("unit_kinds.json")
    bodies: dict[str, list[tuple[tuple[str, ...], dict[str, Any]]]] = {}
    for b in spec["bodies"]:
        k = _key(b["name"])
        bodies.setdefault(k[0], []).append((k, b))
    for v in bodies.values():
        v.sort(key=lambda t: -len(t[0]))
    admin: dict[str, list[tuple[tuple[str, ...], dict[str, Any]]]] = {}
    for a in spec["admin_types"]:
        k = _key(a["name"])
        admin.setdefault(k[0], []).append((k, a))
    for v in admin.values():
        v.sort(key=lambda t: -len(t[0]))
    level_words = {_key(w): lv for w, lv in spec["level_words"].items()}
    keys = [k for v in (*bodies.values(), *admin.values()) for k, _ in v]
    seconds: dict[str, set[str]] = {}
    for k in keys:
        if len(k) > 1:
            seconds.setdefault(k[0], set()).add(k[1])
    stop = {w for a in spec["admin_types"] for w in _key(a["name"])}
    stop |= {"của", "và", "các", "với", "tại", "trong", "về", "cho", "đã", "đang", "sẽ", "được", "là", "có"}
    return Grammar(
        bodies=bodies,
        admin=admin,
        level_words=level_words,
        group_words=frozenset(_key(w) for w in spec["group_words"]),
        abbreviations=dict(spec["abbreviations"]),
        stop_lower=frozenset(stop),
        person_words=frozenset(k[0] for t in spec["person_titles"] if len(k := _key(t)) == 1),
        not_name=frozenset(w for t in spec["not_name_words"] for w in _key(t)),
        admin_last=frozenset(_key(a["name"])[-1] for a in spec["admin_types"] if _key(a["name"])[-1].isalpha()),
        # "&" stands for "và" in a field's name: "Sở Nông nghiệp & Phát triển nông thôn"
        single=frozenset(k[0] for k in keys if len(k) == 1),
        seconds={w: frozenset(v) for w, v in seconds.items()},
        domains=_by_first({k for d in spec["domains"] for k in (_key(d), tuple("&" if w == "và" else w for w in _key(d)))}),
        bare_parents=tuple(sorted((_key(w) for w in spec["bare_parents"]), key=len, reverse=True)),
        terms=_by_first({_key(t) for t in spec["name_terms"] + spec["name_verbs"]}),
        verbs=frozenset(_key(t) for t in spec["name_verbs"]),
        term_last=frozenset(_key(t)[-1] for t in spec["name_terms"]),
        surnames=frozenset(spec.get("surnames", ())),
        villages=_by_first({_key(v) for v in spec.get("village_types", ())}),
    )


def _by_first(keys: Any) -> dict[str, list[tuple[str, ...]]]:
    out: dict[str, list[tuple[str, ...]]] = {}
    for key in sorted(set(keys), key=len, reverse=True):
        out.setdefault(key[0], []).append(key)
    return out


# ``Tok((start, end, text, fold))`` without the Python-level ``__new__`` of a NamedTuple
_new_tok = partial(tuple.__new__, Tok)


def tokens(text: str) -> list[Tok]:
    """The words of a text; ``fold`` is lower case with one tone placement ("Uỷ" = "Ủy")."""
    folded = tone_fold(text)
    if len(folded) != len(text):  # a letter whose lower case is longer: fold word by word
        return [Tok(m.start(), m.end(), w, tone_fold(w)) for m in _WORD.finditer(text) for w in (m.group(),)]
    out: list[Tok] = []
    append = out.append
    for m in _WORD.finditer(text):
        s, e = m.span()
        append(_new_tok((s, e, m.group(), folded[s:e])))
    return out


@lru_cache(maxsize=2)
def scanner(text: str) -> Scanner:
    """The scanner of a text, shared by the stages that read the same document."""
    return Scanner(text)


def _is_upper_word(t: Tok) -> bool:
    return t.text[:1].isalpha() and t.text.isupper()


def _is_cap(t: Tok) -> bool:
    return t.text[:1].isupper() and t.text[:1].isalpha()


class Scanner:
    """Scans the words of a text for unit names."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.toks = tokens(text)
        self.g = grammar()

    # gaps ---------------------------------------------------------------
    def joined(self, i: int, j: int, caps_lines: bool = False) -> bool:
        """Words i and j=i+1 sit in the same phrase: no blank line, and all-capital lines do not
        run on (unless ``caps_lines``: "ỦY BAN NHÂN DÂN" over "TỈNH LÂM ĐỒNG")."""
        if j >= len(self.toks) or i < 0:
            return False
        gap = self.text[self.toks[i].end : self.toks[j].start]
        if gap == " " or not gap:  # most words: the tests below all pass
            return True
        if gap.count("\n") >= 2 or len(gap) > 3 and gap.strip() or "   " in gap and "\n" not in gap:
            return False  # a blank line, or a column gap in a two-column header
        return caps_lines or not ("\n" in gap and _is_upper_word(self.toks[i]) and _is_upper_word(self.toks[j]))

    def _seq(self, i: int, key: tuple[str, ...]) -> bool:
        """The words of ``key`` at word i, each joined to the one before; a name in capitals runs
        over a line break inside it ("HỘI\nĐỒNG NHÂN DÂN" is the council, not an association)."""
        toks = self.toks
        if i + len(key) > len(toks):
            return False
        if not key or toks[i].fold != key[0]:
            return not key
        for k in range(1, len(key)):  # noqa: SIM110 - a loop, not all() over a generator: a hot path
            if toks[i + k].fold != key[k] or not self.joined(i + k - 1, i + k, caps_lines=True):
                return False
        return True

    # pieces ---------------------------------------------------------------
    def body_at(self, i: int, lower_ok: bool = False) -> tuple[int, dict[str, Any]] | None:
        """Longest body starting at word i: (words, body); ``lower_ok`` takes one written in lower case
        where its name is capitalised (a board's party: "BCH đảng bộ xã")."""
        if i >= len(self.toks):
            return None
        for key, b in self.g.bodies.get(self.toks[i].fold, ()):
            if not self._seq(i, key):
                continue
            first = self.toks[i].text
            written = _words(b["name"])[0]
            if written.isupper() and first != written:
                continue  # abbreviations keep their case
            if not (
                lower_ok or first[:1].isupper() or b.get("lower") or b.get("kind") == "mass" and len(key) > 1 or self._lower_field(i, b)
            ):
                continue  # lower-case mass organisations need a named place, checked in match_at
            if len(key) > 1 and first[:1].islower() and self.toks[i].fold in self.g.admin and self._case_inverted(i, b["name"]):
                continue  # "huyện Đoàn Kết": a type and a place's name, not "Huyện đoàn"
            n = len(key)
            nxt = self.toks[i + n].fold if i + n < len(self.toks) else ""
            if (
                key[-1] == "ủy"
                and nxt in ("quyền", "thác", "nhiệm", "viên", "ban")
                and self.joined(i + n - 1, i + n)  # "HUYỆN ỦY" over "BAN TUYÊN GIÁO": two lines of a header
                and not (nxt == "ban" and self._next_is(i + n + 1, "hành"))
            ):
                continue  # "tỉnh ủy quyền" (the province authorises), "huyện ủy viên"; "Tỉnh ủy ban hành" issues

            if b.get("numbered") and (d := self.number_at(i + n)):
                return n + d, b  # "Ban Chỉ đạo 138", "Cơ sở cai nghiện ma túy số 1"
            if b.get("open"):
                d = self.domain_at(i + n) if b.get("domains") and self.joined(i + n - 1, i + n) else 0
                start = i + n
                if b.get("topic") and self._next_is(start, "về") and self.joined(start - 1, start) and self.term_at(start + 1):
                    start += 1  # "Ban Chỉ đạo về phát triển khoa học, ..."
                end = i + n + d if d else self.open_name(start, b.get("lower_run", 1))
                if end == start:
                    end = i + n
                if end == i + n and b.get("lower_run"):
                    end = self._lower_name(i + n, b["lower_run"])
                if end == i + n and not b.get("bare"):
                    continue
                n = end - i
                if self._next_is(i + n, "số") and (d := self.number_at(i + n)):
                    n += d  # "Ban Quản lý dự án đầu tư xây dựng số 1", "Trường Tiểu học số 2"
            return n, b
        return None

    def _case_inverted(self, i: int, name: str) -> bool:
        """A body's name capitalised on its first word and not on a later one is written the other way."""
        words = _words(name)
        if not words[0][:1].isupper():
            return False
        return any(w[:1].islower() and self.toks[i + k].text[:1].isupper() for k, w in enumerate(words[1:], 1))

    def _lower_field(self, i: int, b: dict[str, Any]) -> bool:
        """A department or a school written in lower case before its capitalised field, its code or
        abbreviation, or a term: "sở Khoa học và Công nghệ", "phòng PK02", "trường TH Đinh Tiên Hoàng",
        "phòng lý luận chính trị" (not "cơ sở Y tế", "trụ sở Công an", "thị trường BĐS", "phòng họp")."""
        if not b.get("lower_named") or i == 0 or self.toks[i - 1].fold in b.get("not_after", ()):
            return False  # "cơ sở", "trụ sở", "thị trường": another word
        j = i + 1
        if j >= len(self.toks) or not self.joined(i, j):
            return False
        t = self.toks[j]
        if _is_cap(t):
            if self.domain_at(j) or _CODE.fullmatch(t.text):
                return True
            return _ABBREVIATION.fullmatch(t.text) is not None and t.text not in self.g.abbreviations
        d = self.term_at(j)
        return d > 0 and tuple(w.fold for w in self.toks[j : j + d]) not in self.g.verbs

    def term_at(self, i: int) -> int:
        """Words of a name term at word i ("hành chính công", "các khu công nghiệp"), or 0."""
        return self.phrase_at(self.g.terms, i)

    def phrase_at(self, phrases: Any, i: int) -> int:
        """Words of the first phrase of ``phrases`` (lists keyed by their first word's fold, longest first)
        written at word i, or 0."""
        if i >= len(self.toks):
            return 0
        for key in phrases.get(self.toks[i].fold, ()):
            if self._seq(i, key):
                return len(key)
        return 0

    def count_before(self, i: int) -> bool:
        """A count is written right before word i: "03 Trung tâm", "124 Ủy ban nhân dân" name many bodies."""
        if i < 2 or not self.joined(i - 1, i) or self.toks[i].start - self.toks[i - 1].end > 2:
            return False
        t = self.toks[i - 1]
        if not t.text.isdigit() or len(t.text) > 4 or self.text[t.start - 1 : t.start] in ("/", "-", ".", ","):
            return False
        before = self.toks[i - 2]
        return before.fold not in _NOT_COUNT and before.fold not in self.g.term_last and not _is_cap(before)

    def region_at(self, i: int) -> int:
        """ "khu vực XVI", "khu vực Bảo Lộc" after a body: the region it serves since 2025, part of its name."""
        toks = self.toks
        if i + 2 >= len(toks) or toks[i].fold != "khu" or toks[i + 1].fold != "vực":
            return 0
        if not (self.joined(i, i + 1) and self.joined(i + 1, i + 2)):
            return 0
        if _REGION_NUMBER.fullmatch(toks[i + 2].text):
            return 3
        return self.proper_name(i + 2) - i if self.proper_name(i + 2) > i + 2 else 0  # "khu vực Bảo Lộc"

    def village_at(self, i: int) -> int:
        """Words of a village or quarter with its name or number at word i ("thôn Nà Đon", "tổ dân phố 3",
        "bản Phiêng Phát"), or 0; "văn bản", "tổ chức" name none."""
        n = self.phrase_at(self.g.villages, i)
        if not n or not _is_cap(self.toks[i]) and not self.toks[i].text.islower():
            return 0
        j = i + n
        if j >= len(self.toks) or not self.joined(j - 1, j):
            return 0
        if self._ward_number(j) or _REGION_NUMBER.fullmatch(self.toks[j].text) and self.toks[j].text.isupper():
            return n + 1  # "thôn 3", "tổ dân phố 12", "xóm II"
        end = self.proper_name(j)
        return end - i if end > j else 0

    def _ward_number(self, j: int) -> bool:
        """Word j is the number of a ward or an urban district ("Phường 1", "Quận 3"), not a figure."""
        if j >= len(self.toks) or not self.joined(j - 1, j):
            return False
        t = self.toks[j]
        after = self.text[t.end : t.end + 2]
        figure = after[:1] in ("/", "-") or after[:1] in (".", ",") and after[1:].isdigit()
        return t.text.isdigit() and len(t.text) <= 2 and not figure

    def _dash_before_body(self, j: int) -> bool:
        """A dash and another body follow at word j: "UBND" in "Đảng ủy-UBND-UBMTTQ thị trấn" shares the place."""
        return j + 1 < len(self.toks) and self.toks[j].text in ("-", "–") and self.joined(j - 1, j) and self.body_at(j + 1) is not None

    def _next_is(self, i: int, fold: str) -> bool:
        return i < len(self.toks) and self.toks[i].fold == fold

    def number_at(self, i: int) -> int:
        """Words of a body's number at word i ("138", "số 1"), or 0."""
        j = i + 1 if i < len(self.toks) and self.toks[i].fold == "số" and self.joined(i - 1, i) else i
        if j >= len(self.toks) or not self.joined(j - 1, j):
            return 0
        t = self.toks[j].text
        after = self.text[self.toks[j].end : self.toks[j].end + 2]
        if not (t.isdigit() and len(t) <= 4) or after[:1] in ("/", "-") or after[:1] in (".", ",") and after[1:].isdigit():
            return 0  # "số 12/QĐ", "1.450": a symbol or a figure
        k = j + 1
        counted = j == i and k < len(self.toks) and self.joined(j, k) and self.toks[k].text[:1].islower()
        if counted and not (self.admin_at(k) or self.level_word_at(k) or self.toks[k].fold in self.g.stop_lower):
            return 0  # "Ban Chỉ đạo 05 đoàn kiểm tra": a count; "Ban Chỉ đạo 138 tỉnh" a name
        return j + 1 - i

    def domain_at(self, i: int) -> int:
        """Words of a department's field at word i ("Tài nguyên và Môi trường"), or 0."""
        return self.phrase_at(self.g.domains, i)

    def _lower_name(self, i: int, run: int) -> int:
        """An association named in lower case, kept only before a body or a named place:
        "Câu lạc bộ võ thuật Bộ Chỉ huy Quân sự tỉnh", "Hội làm vườn tỉnh Bình Thuận"."""
        j = i
        while j - i < run and j < len(self.toks) and self.joined(j - 1, j):
            t = self.toks[j]
            if not t.text[:1].islower() or t.fold in self.g.stop_lower or t.fold in self.g.not_name or self.admin_at(j):
                break
            j += 1
        if j == i or not self.joined(j - 1, j):
            return i
        nested = self.body_at(j)
        if nested and not nested[1].get("open"):
            return j
        adm = self.admin_at(j)
        if adm and self.proper_name(j + adm[0]) > j + adm[0]:
            return j
        return i

    def list_after_colon(self, i: int) -> list[tuple[int, int]]:
        """ "các sở: Xây dựng, Y tế và Tư pháp": the fields listed after a head and a colon."""
        j = i + 1
        if j + 1 >= len(self.toks) or self.toks[j].text != ":" or not self.joined(i, j):
            return []
        items: list[tuple[int, int]] = []
        k = j + 1
        while k < len(self.toks) and self.joined(k - 1, k):
            d = self.domain_at(k)
            if not d:
                break
            items.append((k, k + d))
            k += d
            if k < len(self.toks) and (self.toks[k].text == "," or self.toks[k].fold == "và") and self.domain_at(k + 1):
                k += 1
                continue
            break
        return items if len(items) > 1 else []

    def admin_at(self, i: int) -> tuple[int, dict[str, Any]] | None:
        if i >= len(self.toks):
            return None
        for key, a in self.g.admin.get(self.toks[i].fold, ()):
            if self._seq(i, key):
                if i > 0 and self.toks[i - 1].fold in a.get("not_after", ()) and self.joined(i - 1, i):
                    return None  # "hợp tác xã Thành Công": a cooperative, not a commune
                return len(key), a
        return None

    def level_word_at(self, i: int) -> int:
        for key in self.g.level_words:
            if self._seq(i, key) and (key[0] not in ("trung", "đảng") or _is_cap(self.toks[i])):
                return len(key)
        return 0

    def is_proper(self, i: int, strict: bool = False) -> bool:
        """Word i can be part of a proper name; ``strict`` for the later items of a list."""
        if i >= len(self.toks):
            return False
        t = self.toks[i]
        if not _is_cap(t) or t.text in self.g.abbreviations:
            return False
        if t.fold in self.g.person_words and not self._place_after_type(i):
            return False  # "bà Nguyễn Thị A" is a person; "tỉnh Bà Rịa" a place
        body = self.body_at(i)
        if body and (strict or not (body[1].get("open") or body[1].get("also_name"))) or self.admin_at(i):
            return False  # "xã Đoàn Kết": a word of a name that also heads a body
        return not (len(t.text) > 1 and t.text.isupper() and t.text in ("UBND", "HĐND", "MTTQ"))

    def _place_after_type(self, i: int) -> bool:
        """Word i follows an administrative type and starts a name of two capitalised words ("tỉnh Bà Rịa")."""
        return 0 < i < len(self.toks) - 1 and self.toks[i - 1].fold in self.g.admin_last and _is_cap(self.toks[i + 1])

    def proper_name(self, i: int, strict: bool = False) -> int:
        """End of a proper name starting at word i ("Tam Đường", "Lâm Viên - Đà Lạt"), or i."""
        j = i
        words = 0
        while (
            words < MAX_NAME_WORDS
            and self.is_proper(j, strict and j == i)
            and not (j == i and (self.toks[j].fold in self.g.not_name or self.toks[j].fold in _TERM_WORDS))
            and (j == i or self.joined(j - 1, j) and _is_upper_word(self.toks[j]) == _is_upper_word(self.toks[i]) and not self._label(j))
        ):
            j += 1
            words += 1
            # a hyphenated name: "Bà Rịa - Vũng Tàu"
            if (
                j + 1 < len(self.toks)
                and self.toks[j].text in "-–"
                and self.joined(j - 1, j)
                and self.is_proper(j + 1)
                and self.joined(j, j + 1)
                and self.toks[j].start - self.toks[j - 1].end == 1
            ):
                j += 1
        if (
            words == 1
            and j < len(self.toks)
            and self.toks[j].text[:1].islower()
            and self.joined(j - 1, j)
            and not _is_upper_word(self.toks[i])
        ):
            return i  # "tỉnh Kế hoạch", "UBND tỉnh Cơ quan": a capitalised noun, not a place; "TP. HCM" is one
        if words == 1 and j == i + 1 and self.toks[i].fold in self.g.single:
            return i  # "cấp tỉnh Ban 5" (a table's cells): a body's head alone names no place
        return self._person_after(i, j)

    def _label(self, j: int) -> bool:
        """Word j starts a field's label ("Người ký:", "Số hiệu:" of a web page's lines), not a name's word."""
        toks = self.toks
        return j + 2 < len(toks) and toks[j + 2].text == ":" and toks[j + 1].text[:1].islower() and self.joined(j, j + 1)

    def _person_after(self, i: int, j: int) -> int:
        """End of the place name i..j before a person's name written after it: the last family name
        after the first word that starts two or more words ("tỉnh Lâm Đồng Trần Văn Hiệp"); i when
        the whole name is a person's that names no place ("Chủ tịch HĐND xã Đặng Văn Cảnh phát
        biểu"; "xã Hoàng Văn Thụ" is a commune)."""
        if j - i < 3:
            return j
        if self._person_name(i, j):
            return i
        for k in range(j - 2, i, -1):
            if self.toks[k].text in self.g.surnames and self.toks[k].start - self.toks[k - 1].end == 1:
                return k
        return j

    def _person_name(self, i: int, j: int) -> bool:
        """Words i..j are a person's full name: a family name and two to four more words in name
        case, which the gazetteer knows as no place (places named after people are listed there)."""
        toks = self.toks
        if not 3 <= j - i <= 5 or toks[i].text not in self.g.surnames:
            return False
        if not all(t.text.isalpha() and not t.text.isupper() for t in toks[i + 1 : j]):
            return False
        from .. import gazetteer

        return not gazetteer.load().knows(" ".join(t.text for t in toks[i:j]))

    def open_name(self, i: int, lower_run: int = 1) -> int:
        """End of the name after an open head ("Sở" + "Nội vụ"), or i when there is none.

        Each part is a capitalised word and at most one lower-case word after it
        ("Văn hóa", "Y tế"); parts are joined by spaces, "-", "và", and by commas
        only when a "và" closes the list ("Văn hóa, Thể thao và Truyền thông").
        """
        j = i
        last_good = i
        comma_pending = False
        fresh = True  # the next capital starts a part and may take a lower-case word
        after_verb = False  # the last part is a verb inside the name: only a term may follow it
        parts = 0
        while parts < 12 and j < len(self.toks) and (j == i or self.joined(j - 1, j)):
            t = self.toks[j]
            d = self.term_at(j)
            if not d and (
                t.fold in _TERM_WORDS or t.fold in self.g.not_name and not (j > i and self._cap_in_line(j)) or self._line_item(j)
            ):
                break
            if d:
                # "Phục vụ hành chính công", "Quản lý dự án đầu tư xây dựng", "phát triển quỹ đất"
                # a verb in lower case never ends a name; capitalised, it is a name's word ("Trường Chính trị")
                verb = not _is_cap(t) and tuple(w.fold for w in self.toks[j : j + d]) in self.g.verbs
                after_verb = verb and j > i  # "Ban quản lý Vườn Quốc gia", not "Trung tâm Y tế xây dựng công trình Nhà khách"
                j += d
                fresh = False
                parts += 1
                if not comma_pending and not verb:
                    last_good = j
                continue
            inner = self.body_at(j)
            if j == i and inner and (inner[1].get("open") or inner[1].get("needs_tail")):
                inner = None  # the first word of the name may look like a head ("Sở Công Thương", "Bộ Công an")
            if inner and inner[1].get("open"):
                # a body inside the name: "Ban Kiểm tra Hội Truyền thống ..."
                j += _key_len(inner[1]["name"])
                fresh = True
                continue
            if _is_cap(t) and t.text not in ("UBND", "HĐND") and not self.admin_at(j) and not inner:
                if after_verb:
                    break
                j += 1
                took = False
                # a lower-case word joins the first capital of a run only: "Y tế", not "Công Thương tổng"
                code = not t.text.isalpha() or len(t.text) > 1 and t.text.isupper()
                for _ in range(0 if code or not fresh else lower_run):  # "Phòng PC04", "Trung tâm IOC" take no word after a code
                    if j >= len(self.toks) or not self.joined(j - 1, j):
                        break
                    nxt = self.toks[j]
                    if not nxt.text[:1].islower() or nxt.fold in self.g.stop_lower or nxt.fold in self.g.not_name:
                        break
                    if self.level_word_at(j) or self.admin_at(j):
                        break
                    j += 1
                    took = True
                fresh = took
                parts += 1
                if self._name_number(j):
                    j += 1  # "Đề án 06", "Đội 3"
                if not comma_pending:
                    last_good = j
                continue
            fresh = True
            if j > i and t.text in ("-", "–") and j + 1 < len(self.toks) and _is_cap(self.toks[j + 1]):
                j += 1
                continue
            if j > i and t.fold in ("và", "&") and self._name_goes_on(j + 1):
                comma_pending = False
                j += 1
                continue
            if j > i and t.text == "," and self._name_goes_on(j + 1):
                comma_pending = True
                j += 1
                continue
            break
        return last_good

    def _name_number(self, j: int) -> bool:
        """Word j is a short number that ends a part of a name ("Đề án 06 tỉnh"), not a count ("Y tế 05 người")."""
        if j >= len(self.toks) or self.toks[j].start - self.toks[j - 1].end != 1:
            return False
        t = self.toks[j]
        if not (t.text.isdigit() and len(t.text) <= 3):
            return False
        after = self.text[t.end : t.end + 2]
        if after[:1] in ("/", "-") or after[:1] in (".", ",") and after[1:].isdigit():
            return False
        k = j + 1
        return k >= len(self.toks) or not self.joined(j, k) or not self.toks[k].text[:1].isalnum() or bool(self.admin_at(k))

    def _cap_in_line(self, j: int) -> bool:
        """Word j is capitalised inside a name on its line ("Lâm Viên", "và Đề án"): part of the name,
        whatever its lower-case form means ("viên", "đề"); "Hội Tin học Qua đó" starts a sentence."""
        prev = self.toks[j - 1]
        connector = prev.fold in ("và", "&", "-", "–") or _is_cap(prev)
        return _is_cap(self.toks[j]) and connector and self.toks[j].start - prev.end == 1

    def _name_goes_on(self, k: int) -> bool:
        """After "và" or a comma, word k continues a name: a capitalised word or a term, not another body."""
        if k >= len(self.toks) or not self.joined(k - 1, k):
            return False
        return (_is_cap(self.toks[k]) or self.term_at(k) > 0) and not self.body_at(k)

    def _line_item(self, j: int) -> bool:
        """Word j starts a new line of a list ("- Đối với ...")."""
        return j > 0 and self.toks[j].text in ("-", "+", "–") and "\n" in self.text[self.toks[j - 1].end : self.toks[j].start]

    def group_before(self, i: int) -> bool:
        return any(
            i - n >= 0 and tuple(t.fold for t in self.toks[i - n : i]) in self.g.group_words and self.joined(i - 1, i) for n in (2, 1)
        )

    def place_tail(self, i: int, a: dict[str, Any], n: int) -> tuple[int, Place | None, bool]:
        """An administrative type at word i with its names: (end, place, is_group)."""
        place = Place(type=a["name"], level=a["level"], type_start=i)
        j = i + n
        if j < len(self.toks) and self.joined(j - 1, j):
            if self.toks[j].fold == "các":
                return j, None, True
            nxt = self.admin_at(j + 1) if self.toks[j].text == "," else None
            if nxt and self.proper_name(j + 1 + nxt[0]) == j + 1 + nxt[0]:
                return j, None, True  # "xã, thị trấn": a kind of unit, not one
        end = self.proper_name(j) if j < len(self.toks) and (self.joined(j - 1, j) or self._caps_name_below(j)) else j
        if end == j and a.get("numbered") and self._ward_number(j):
            end = max(j + 1, self.proper_name(j + 1) if self.joined(j, j + 1) else j + 1)  # "Phường 3 Bảo Lộc"
        if end == j:
            return j, place, False
        place.names.append((j, end))
        # distributive list: "xã Tả Lèng, Khun Há, Bản Bo", "xã A và B"
        while end < len(self.toks) and (self.toks[end].text == "," or self.toks[end].fold == "và"):
            if not self.joined(end - 1, end):
                break
            k = end + 1
            if not self.joined(end, k):
                break
            typed = self.admin_at(k)
            t = k
            if typed and typed[1]["level"] == place.level and self.joined(k + typed[0] - 1, k + typed[0]):
                k += typed[0]  # "tỉnh Bình Thuận, tỉnh Đắk Nông": the same level, its own type
            stop = self.proper_name(k, strict=True)
            if stop == k:
                break
            if k != t:
                place.typed[len(place.names)] = t
            place.names.append((k, stop))
            end = stop
        return place.names[0][1], place, False

    def _caps_name_below(self, j: int) -> bool:
        """A type in capitals ends its line and the name follows on the next, in capitals: "HUYỆN"
        over "ĐĂK HÀ" in a narrow header column; never a body there ("UBND TỈNH" over "SỞ NỘI VỤ")."""
        return (
            j < len(self.toks)
            and _is_upper_word(self.toks[j - 1])
            and _is_upper_word(self.toks[j])
            and self.joined(j - 1, j, caps_lines=True)
            and self.body_at(j) is None
        )

    def in_symbol(self, i: int) -> bool:
        """Word i is glued to a document symbol ("QĐ-UBND", "329/BC-UBND")."""
        start = self.toks[i].start
        k = start
        while k > 0 and not self.text[k - 1].isspace() and start - k < 40:
            k -= 1
        chunk = self.text[k:start]
        return bool(chunk) and ("/" in chunk or any(c.isdigit() for c in chunk) or chunk.rstrip("-").isupper())

    def match_at(self, i: int) -> Match | None:
        fold = self.toks[i].fold
        if fold not in self.g.bodies and fold not in self.g.admin or self.in_symbol(i):
            return None
        heads = self.g.bodies.get(fold, ())
        if heads and heads[-1][1].get("domains"):
            items = self.list_after_colon(i)
            if items:
                body = heads[-1][1]
                return Match(i, items[0][1], body["kind"], body.get("level"), heads=[body], items=items)
        hit = self.body_at(i)
        if hit is None:
            adm = self.admin_at(i)
            if adm is None:
                return None
            end, place, group = self.place_tail(i, adm[1], adm[0])
            if group or place is None or not place.names:
                return None
            if not self.toks[i].text[:1].isalpha():
                return None
            return Match(i, end, "admin", place.level, place=place)
        n, body = hit
        if body.get("open") and self._inside_longer(i):
            return None  # "BAN NHÂN DÂN" of "ỦY BAN NHÂN DÂN" over another issuer's line: not the open head "Ban"
        if (
            body.get("not_before")
            and i + n < len(self.toks)
            and self.toks[i + n].fold in body["not_before"]
            and self.joined(i + n - 1, i + n)
        ):
            return None  # "Ban Tổ chức Đại hội", "Ban Tổ chức cuộc thi": the organisers of an event
        if body.get("not_before_lower") and self._lower_in(i + _key_len(body["name"]), body["not_before_lower"]):
            return None  # "Hội trường" (a hall), "hội nghị": one word, not an association
        if body.get("not_after_words") and i > 0 and self.toks[i - 1].fold in body["not_after_words"] and self.joined(i - 1, i):
            return None  # "lực lượng Công an cơ sở": a force, not a unit
        if body.get("not_after_position") and self.after_position(i):
            return None  # "Phó Bí thư Thường trực", "Phó Thủ tướng Thường trực Chính phủ": part of the position
        m = self._body_match(i, n, body)
        if m is not None and body.get("needs_tail") and m.end_tok == i + n:
            return None  # "lực lượng Công an": a force, "Công an phường" a unit
        if m is not None and body.get("tail_levels") and (m.place is None or m.place.level not in body["tail_levels"] or len(m.heads) > 1):
            return None  # "Đoàn xã Tam Đàn" (the commune's youth union); "Đoàn tỉnh Lâm Đồng" is a delegation
        if (
            m is not None
            and body.get("type_alone")
            and m.end_tok == i + _key_len(body["name"])
            and len(m.heads) == 1
            and not self._dash_before_body(m.end_tok)
        ):
            return None  # "Tòa án nhân dân, Viện kiểm sát nhân dân" alone: a kind of body; "UBND huyện" one
        if (
            m is not None
            and self.toks[i].text[:1].islower()
            and not body.get("lower")
            and not (m.place and m.place.names)
            and not self._lower_field(i, body)
        ):
            return None  # "đoàn thanh niên" alone is a kind of body, "đoàn thanh niên thị trấn Kiến Đức" one
        if m is not None and m.end_tok == i + n and len(m.heads) == 1 and self._lowered(i, body):
            return None  # "Ban tổ chức" of a contest: the party's "Ban Tổ chức" written in lower case, with no parent
        return m

    def _inside_longer(self, i: int) -> bool:
        """Word i is the second word of a body's name that starts at the word before ("Ủy ban")."""
        if i == 0 or self.toks[i].fold not in self.g.seconds.get(self.toks[i - 1].fold, ()):
            return False
        return self.joined(i - 1, i, caps_lines=True) and self.body_at(i - 1) is not None

    def _lower_in(self, j: int, folds: list[str]) -> bool:
        """Word j is written in lower case and is one of ``folds``."""
        return j < len(self.toks) and self.toks[j].fold in folds and self.toks[j].text[:1].islower()

    def _lowered(self, i: int, body: dict[str, Any]) -> bool:
        """A body whose name has capitalised words after the first is written with them in lower case."""
        words = _words(body["name"])
        if len(words) < 2 or body.get("open"):
            return False
        lowered = False
        if i + len(words) > len(self.toks) or not _is_cap(self.toks[i]):
            return False  # "bộ chính trị" all in lower case is still the body
        for k, w in enumerate(words[1:], 1):
            if i + k >= len(self.toks):
                return False
            written = self.toks[i + k].text
            if w[:1].isupper() and w.isalpha():
                if written[:1].isupper():
                    return False
                lowered = True
        return lowered

    def after_position(self, i: int) -> bool:
        """A position title ("Phó Bí thư", "Phó Thủ tướng") ends right before word i on its line."""
        positions = _positions()
        for n in range(1, min(i, MAX_POSITION_WORDS) + 1):
            if tuple(t.fold for t in self.toks[i - n : i]) in positions and self.joined(i - 1, i):
                return True
        return False

    def _more_numbers(self, m: Match, number_start: int) -> None:
        """ "Cơ sở cai nghiện ma túy số 2 và số 4": one body per number."""
        j = m.end_tok
        while j + 1 < len(self.toks) and (self.toks[j].fold == "và" or self.toks[j].text == ",") and self.joined(j - 1, j):
            if not (self.toks[j + 1].fold == "số" and self.joined(j, j + 1)):
                break
            d = self.number_at(j + 1)
            if not d:
                break
            m.numbers.append((j + 1, j + 1 + d))
            j += 1 + d
        m.number_start = number_start

    def _abbreviation_in_parentheses(self, j: int) -> bool:
        """Words j..j+2 are a short form in parentheses ("(LHPN)") and a place or a level follows."""
        toks = self.toks
        if j + 3 >= len(toks) or toks[j].text != "(" or toks[j + 2].text != ")":
            return False
        if not (_ABBREVIATION.fullmatch(toks[j + 1].text) or toks[j + 1].text in self.g.abbreviations):
            return False
        k = j + 3
        return self.joined(k - 1, k) and bool(self.admin_at(k) or self.level_word_at(k))

    def _header_lines(self, j: int) -> bool:
        """Words j-1 and j end and start two lines in capitals of a header parted by a blank line (a web
        page's "UỶ BAN NHÂN DÂN" over "HUYỆN BẮC HÀ")."""
        a, b = self.toks[j - 1], self.toks[j]
        if b.start > HEADER_LINES_CHARS or not (_is_upper_word(a) and _is_upper_word(b)):
            return False
        gap = self.text[a.end : b.start]
        if gap.strip() or not 2 <= gap.count("\n") <= 3:
            return False
        line_end = self.text.find("\n", b.end)
        line = self.text[b.start : line_end if line_end >= 0 else len(self.text)]
        return line.strip().isupper() and len(line.strip()) < 60

    def _plural_places(self, m: Match, j: int) -> bool:
        """ "các" at word j and an administrative type with two or more names after it: the body of each."""
        adm = self.admin_at(j + 1) if self.toks[j].fold == "các" and self.joined(j, j + 1) else None
        if adm is None:
            return False
        end, place, group = self.place_tail(j + 1, adm[1], adm[0])
        if group or place is None or len(place.names) < 2:
            return False
        m.place, m.end_tok, m.level, m.plural_at = place, end, place.level, j
        return True

    def _bare_parent(self, j: int) -> int:
        """Words of an association's head written alone and capitalised at word j ("Hội"), or 0."""
        for key in self.g.bare_parents:
            if self._seq(j, key) and _is_cap(self.toks[j]) and self.body_at(j) is None:
                k = j + len(key)
                if k < len(self.toks) and self.joined(k - 1, k) and self.toks[k].fold in self.g.not_name:
                    return 0  # "Thường trực Hội nghị": another word
                return len(key)
        return 0

    def _body_match(self, i: int, n: int, body: dict[str, Any]) -> Match | None:
        m = Match(i, i + n, body["kind"], body.get("level"), heads=[body])
        if self.group_before(i) or self.count_before(i):
            m.group = True
        own = _key_len(body["name"])
        if body.get("numbered") and n > own and self.toks[i + own].fold == "số":
            self._more_numbers(m, i + own)
        if body.get("named") or body.get("proper"):
            stop = m.end_tok
            if self.joined(m.end_tok - 1, m.end_tok):
                stop = self.open_name(m.end_tok) if body.get("proper") else self.proper_name(m.end_tok)
            if stop > m.end_tok:
                m.proper = (m.end_tok, stop)
                m.end_tok = stop
                return m
        for _ in range(MAX_TAILS):
            j = m.end_tok
            if j >= len(self.toks) or not (
                self.joined(j - 1, j) or self.admin_at(j) and (self.joined(j - 1, j, caps_lines=True) or self._header_lines(j))
            ):
                break
            if self.toks[j].fold in ("các", "cấp") and (self.admin_at(j + 1) or self.body_at(j + 1) or self.toks[j].fold == "cấp"):
                if self._plural_places(m, j):
                    break  # "Ủy ban nhân dân các tỉnh Lâm Đồng, Bình Thuận": one body of each place
                m.group = True  # "Ủy ban MTTQ các xã", "Ủy ban nhân dân cấp tỉnh": a kind of body
                break
            if self._abbreviation_in_parentheses(j):
                m.end_tok = j + 3  # "Hội Liên hiệp Phụ nữ (LHPN) tỉnh": the name goes on after its short form
                continue
            bp = self._bare_parent(j) if len(m.heads) == 1 and m.heads[0].get("board") else 0
            if bp:
                m.end_tok = j + bp  # "Ban Chấp hành Hội": the board of the association named before
                if m.heads[0].get("kind_from_parent"):
                    m.kind = "mass"
                break
            nxt = self.body_at(j, lower_ok=m.heads[-1].get("board", False) and self.toks[j].fold in ("đảng", "chi", "đoàn"))
            if nxt and (not nxt[1].get("open") or not any(h.get("open") for h in m.heads)):
                if len(m.heads) == 1 and m.heads[0].get("kind_from_parent"):
                    m.kind = nxt[1]["kind"]  # "Thường trực HĐND tỉnh", "Ban Tổ chức Tỉnh đoàn": the parent's kind
                m.heads.append(nxt[1])
                m.end_tok = j + nxt[0]
                m.level = m.level or nxt[1].get("level")
                if nxt[1].get("named"):
                    stop = self.proper_name(m.end_tok) if self.joined(m.end_tok - 1, m.end_tok) else m.end_tok
                    if stop > m.end_tok:
                        m.proper = (m.end_tok, stop)
                        m.end_tok = stop
                        break
                continue
            adm = self.admin_at(j)
            if adm:
                end, place, group = self.place_tail(j, adm[1], adm[0])
                if group:
                    m.group = True
                    break
                if place is not None:
                    m.place = place
                    m.end_tok = end
                    m.level = place.level
                    if not place.names:
                        m.bare_level = place.level
                break
            rg = self.region_at(j)
            if rg:
                m.end_tok = j + rg
                continue
            vl = self.village_at(j)
            if vl:
                m.end_tok = j + vl  # "Chi bộ thôn Nà Đon", "Chi hội Phụ nữ tổ dân phố 3"
                continue
            lw = self.level_word_at(j)
            if lw:
                key = tuple(t.fold for t in self.toks[j : j + lw])
                m.end_tok = j + lw
                m.level = self.g.level_words[key] or m.level
                continue
            break
        return m

    @cached_property
    def head_words(self) -> list[int]:
        """Indexes of the words that can start a match: a head or a type of one word, or the first two
        words of a longer one ("Ủy ban", not the "báo" of "báo cáo")."""
        single, seconds, toks = self.g.single, self.g.seconds, self.toks
        bodies, admin = self.g.bodies, self.g.admin
        last = len(toks) - 1
        out = []
        for k in [k for k, t in enumerate(toks) if t.fold in bodies or t.fold in admin]:  # the test in C, mostly
            f = toks[k].fold
            if f in single or k < last and toks[k + 1].fold in seconds[f]:
                out.append(k)
        return out

    def scan(self, start: int = 0, end: int | None = None) -> list[Match]:
        """Every unit match with its words inside [start, end) of the text, left to right, no overlaps."""
        stop = len(self.text) if end is None else end
        out: list[Match] = []
        heads = self.head_words  # match_at is None at every other word
        i = 0
        while i < len(self.toks) and self.toks[i].start < start:
            i += 1
        while True:
            k = bisect_left(heads, i)
            if k == len(heads):
                break
            i = heads[k]
            if self.toks[i].start >= stop:
                break
            m = self.match_at(i)
            if m is None:
                i += 1
                continue
            if out and not m.group and out[-1].group and self._list_gap(out[-1], m):
                m.group = True  # "Các huyện ủy, thị ủy, đảng ủy": the group runs through the list
            out.append(m)
            last = m.place.names[-1][1] if m.place and m.place.names else m.items[-1][1] if m.items else m.end_tok
            if m.numbers:
                last = m.numbers[-1][1]
            i = max(last, m.end_tok, i + 1)
        return out

    def _list_gap(self, a: Match, b: Match) -> bool:
        end = a.place.names[-1][1] if a.place and a.place.names else a.end_tok
        between = self.toks[end : b.start_tok]
        return len(between) <= 1 and all(t.text == "," or t.fold == "và" for t in between)
