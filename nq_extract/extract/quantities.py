"""Quantities, ratios and percentages as a Vietnamese report states them.

- a **quantity** is a figure and the count noun written after it: "97 người",
  "1.855 tỷ đồng" (1855, unit "tỷ đồng"), "hai buổi", "2.691 lượt người", with
  the words that make it approximate ("khoảng", "gần", "trên" ...) and the actor
  the clause names ("Hội Nông dân cơ sở tuyên truyền 20 buổi ...");
- a **ratio** is "2.443/2.538" with the percentage stated after it ("đạt 96,3%")
  and the unit after it ("11/13 xã, thị trấn"); ranks ("xếp thứ 15/63"), scores
  ("9,49/9,5 điểm"), "01 hội nghị/50 cán bộ", dates and document ids are not;
- a **percentage** is every "N%" stated, inside a ratio or alone.

Figures inside dates and document ids are none of these. Every pattern is
linear-time; the vocabulary is data (``data/count_units.json``).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from .. import data
from ..context import Context
from ..models import Percentage, Quantity, Ratio
from ..numbers import GROUPED_RE, Number, parse_number, to_json_number
from ..prefilter import prefiltered
from .dates import doc_id_spans
from .numwords import parse_words
from .vn_patterns import LETTER, NUM

_GUARD_L = rf"(?<![\d.,\-{LETTER}])(?<!\d/)"
_GUARD_R = r"(?![\d]|[.,]\d)"
_GAP = r"[ \t]{0,2}(?:\n[ \t]{0,2})?"  # between a figure and its noun: spaces, at most one line break
# A guarded figure written with its first digit consumed before the guards: ``_GUARD_L + NUM``
# matches the same text, but a pattern that starts with a lookbehind is tried at every
# position, while one that starts with a digit lets the search skip to digits in C.
_NUM_FIRST = rf"\d(?<![\d.,\-{LETTER}]\d)(?<!\d/\d)(?:\d{{0,2}}(?:\.\d{{3}})+|\d{{0,11}})(?:,\d{{1,6}})?"
_NUM_RE = re.compile(rf"(?P<n>{_NUM_FIRST})" + _GUARD_R)
_PERCENT_RE = re.compile(rf"(?P<a>{_NUM_FIRST})(?:[ \t]*(?:[-–]|đến)[ \t]*(?P<b>{NUM}))?[ \t]?(?:%|phần trăm)")
_RATIO_RE = re.compile(rf"(?P<a>{_NUM_FIRST})[ \t]?/[ \t]?(?P<b>{NUM})(?![\d/]|[.,]\d|[ \t]?/)")
_RANK_BEFORE = re.compile(r"(?:thứ|xếp|hạng|đứng|vị trí|top|số|Số|ngày|tháng|Điều|khoản)[ \t:]*$", re.I)
_SCORE_AFTER = re.compile(r"[ \t]*(?:điểm|đ\b)", re.I)
_PERCENT_AFTER = re.compile(
    rf"[ \t]*[(,]?[ \t]*(?:(?:đạt|chiếm|bằng|=|đạt tỷ lệ|tỷ lệ|tỉ lệ)[ \t]*)?(?:tỷ lệ[ \t]*|tỉ lệ[ \t]*)?(?P<p>{NUM})[ \t]?%"
)
# the percent stated a little later in the clause ("45/45 nhiệm vụ đề ra (đạt 100% kế hoạch)")
_PERCENT_LATER = re.compile(rf"[^;.%/]{{0,120}}?(?:\(|,)?[ \t]*(?:đạt|chiếm|bằng|=)[ \t]*(?:tỷ lệ[ \t]*|tỉ lệ[ \t]*)?(?P<p>{NUM})[ \t]?%")
# or alone in parentheses closing the clause ("12/54 tổ chức cơ sở đảng hoàn thành xuất sắc nhiệm vụ (22,2%)")
_PERCENT_PAREN_LATER = re.compile(rf"[^;.%/()\d]{{0,100}}?\([ \t]*(?P<p>{NUM})[ \t]?%[ \t]*\)")
# or just before, the ratio in parentheses ("đạt 90,58% (419.218/462.814 hồ sơ)")
_PERCENT_BEFORE = re.compile(rf"(?P<p>{NUM})[ \t]?%[ \t\n]*\([ \t\n]*$")
# a figure in a table column headed "%" ("% 100"): a percentage value, not a count
_TABLE_PERCENT_BEFORE = re.compile(r"%[ \t]+$")
# "... ĐKT 557 ngày 29/5/2025": "ngày", "tháng", "năm" before a figure open a date, not a duration
_DATE_WORDS = frozenset({"ngày", "tháng", "năm"})
_DIGIT_NEXT = re.compile(r"[ \t\n]{1,3}\d")
_WHAT_AFTER = re.compile(r"[ \t]+([a-zà-ỹđ][^\W\d]*(?:[ \t]+[^\W\d]+){0,7})")
# a count noun or a range follows the figure (a cheap test before the vocabulary)
_WORD_NEXT = re.compile(r"[ \t]{0,2}\n?[ \t]{0,2}(?:[^\W\d_]|[-–])")
_WORD_SEP = r"(?:[ \t]+\n?[ \t]*|\n[ \t]*)"
_LIST_JOIN = re.compile(r",[ \t]*\n?[ \t]*|[ \t]và[ \t]|[ \t]hoặc[ \t]")
_NEXT_FIGURE = re.compile(r"[^,;.:\n\d]{0,60}\d")  # a figure before the clause ends
_RANGE_AFTER = re.compile(rf"[ \t]*(?:[-–]|đến|tới)[ \t]*(?P<n>{NUM})(?![\d]|[.,]\d|/)")
_CLAUSE_BREAK = re.compile(r"[.;:!?\n(]|\btrong đó\b|\bgồm\b")
_SUBJECT_LEAD = re.compile(r"^(?:trong đó|gồm|có|số|tổng số|với)\s+", re.I)
_ACTOR_STOP = re.compile(r"^(?:Kết quả|Trong|Qua|Đến|Năm|Tổng|Toàn|Đã|Có|Từ|Sau|Theo|Với|Nhân dịp|Hiện nay|Đồng thời|Ngoài ra)\b")
_ORG_LOWER = re.compile(r"^(?:tổ chức|hội|đoàn|chi bộ|đảng ủy|đảng bộ|ban|công an|lực lượng|ủy ban|các)\b")


@dataclass(frozen=True)
class Vocabulary:
    unit_re: re.Pattern[str]
    unit_ci: re.Pattern[str]
    mult_re: re.Pattern[str]
    words_re: re.Pattern[str]
    words_finditer: Callable[[str], Iterator[re.Match[str]]]  # ``words_re.finditer``, skipping ahead in C
    approx_re: re.Pattern[str]
    label_re: re.Pattern[str]
    not_label_re: re.Pattern[str]
    verb_re: re.Pattern[str]
    person: frozenset[str]
    no_list: frozenset[str]
    no_join: frozenset[str]
    not_ratios: frozenset[str]
    event_units: frozenset[str]
    subject_stops: frozenset[str]
    admin: frozenset[str]
    multipliers: dict[str, int]


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def _alt_lines(words: list[str]) -> str:
    """Like :func:`_alt`, a line break allowed between the words of a noun."""
    return "|".join(re.escape(w).replace("\\ ", _WORD_SEP) for w in sorted(set(words), key=len, reverse=True))


# Characters that Python's case-insensitive matching takes for a letter beyond its
# upper and lower case ("ſ" for "s", "ı" for "i"; tests hold this to the regex engine).
_FOLD_EXTRA = {"s": "ſ", "i": "ı", "k": "\u212a", "µ": "μ"}


def _forms(letter: str) -> set[str]:
    """Every character a case-insensitive pattern takes for ``letter``."""
    forms = {x for x in (letter, letter.lower(), letter.upper()) if len(x) == 1}
    return forms | {f for x in forms for f in _FOLD_EXTRA.get(x.lower(), "")}


def _word_starts(words: list[str]) -> re.Pattern[str]:
    """Where a case-insensitive match of one of ``words`` can start: a superset of the offsets.

    One alternative for each form of each first letter, opening on that letter as a
    literal (the search skips to those letters in C and tests the rest of a word only
    where its own first letter stands); the look-behind of the pattern it stands for is
    left to that pattern (checked at every letter, it cost more than the rest).
    """
    rests: dict[str, set[str]] = {}
    for w in words:
        rests.setdefault(w[0].lower(), set()).add(w[1:])
    alts = []
    for first, ends in sorted(rests.items()):
        rest = "(?i:" + "|".join(re.escape(r) for r in sorted(ends, key=lambda r: (-len(r), r))) + ")"
        alts += [re.escape(c) + rest for c in sorted(_forms(first))]
    return re.compile("|".join(alts))


def _first_literal(words: list[str]) -> str:
    """``(?<![\\w])(?:w1|w2|...)`` (longest first) with the look-behind moved after each word.

    The same matches; a pattern that opens with a look-behind is tried at every offset,
    one whose alternatives all open on a literal lets the search skip to them in C, and
    the look-behind is then checked only where a whole word stands.
    """
    alts = sorted(set(words), key=len, reverse=True)
    return "(?:" + "|".join(re.escape(w) + rf"(?<!\w(?s:.){{{len(w)}}})" for w in alts) + ")"


@cache
def vocabulary() -> Vocabulary:
    t = data.load("count_units.json")
    units = list(t["units"])
    persons = list(t["person_units"])
    prefixes = list(t["per_prefixes"])
    composite = [f"{p} {u}" for p in prefixes for u in persons]
    mults = dict(t["multipliers"])
    nw = dict(t["number_words"])
    starts = list(t["number_word_starts"])
    word_alt = _alt(list(nw) + list(mults) + ["mười", "mươi", "trăm"])
    labels = list(t["label_before"])
    words_re = re.compile(rf"(?<![\w])(?P<w>(?:{_alt(starts)})(?:[ \t](?:{word_alt})){{0,6}})(?![\w])", re.I)
    return Vocabulary(
        unit_re=re.compile(rf"{_GAP}(?P<u>{_alt_lines(units + composite)})(?![\w])"),
        unit_ci=re.compile(rf"[ \t]{{0,2}}(?P<u>{_alt(units)})(?![\w])", re.I),
        mult_re=re.compile(rf"[ \t]{{1,2}}(?P<m>{_alt(list(mults))})(?![\w])"),
        words_re=words_re,
        words_finditer=prefiltered(words_re, _word_starts(starts)),
        approx_re=re.compile(rf"(?<![\w])(?:{_alt(list(t['approx_before']))})[ \t]+(?:(?:là|có|được|đạt|tới)[ \t]+)?$", re.I),
        label_re=re.compile(rf"(?<![\w])(?:{_alt(labels + [w.upper() for w in labels])})\s{{0,3}}[:.]?\s{{0,3}}$"),
        not_label_re=re.compile(rf"(?<![\w])(?:{_alt(list(t['not_labels']))})\s{{0,3}}$"),
        verb_re=re.compile(rf"{_first_literal(list(t['actor_verbs']))}(?![\w])"),
        person=frozenset(persons),
        no_list=frozenset(t["no_list_units"]),
        no_join=frozenset(t["no_join_heads"]),
        not_ratios=frozenset(t["not_ratios"]),
        event_units=frozenset(t["event_units"]),
        subject_stops=frozenset(t["subject_stops"]),
        admin=frozenset(t["admin_units"]),
        multipliers={k.lower(): int(v) for k, v in mults.items()},
    )


class Mask:
    """Character ranges no figure may come from (dates, document ids, figures already used)."""

    def __init__(self, ranges: list[tuple[int, int]]) -> None:
        self.ranges: list[tuple[int, int]] = []
        for s, e in sorted(ranges):
            if self.ranges and s < self.ranges[-1][1]:
                self.ranges[-1] = (self.ranges[-1][0], max(e, self.ranges[-1][1]))
            else:
                self.ranges.append((s, e))
        self.starts = [r[0] for r in self.ranges]

    def hits(self, start: int, end: int) -> bool:
        i = bisect_right(self.starts, max(start, end - 1)) - 1
        return i >= 0 and self.ranges[i][1] > start


def _json(n: Number) -> int | float:
    return n.as_json


def _clause_start(text: str, pos: int) -> int:
    lo = max(0, pos - 200)
    last = lo
    for m in _CLAUSE_BREAK.finditer(text, lo, pos):
        last = m.end()
    return last


def _subject(text: str, start: int) -> str | None:
    """The phrase naming what a ratio counts: "trong đó đảng viên 2.443/2.538" -> "đảng viên"."""
    cs = _clause_start(text, start)
    phrase = " ".join(text[cs:start].split()).strip(" ,-–")
    phrase = _SUBJECT_LEAD.sub("", phrase).strip(" ,")
    if not phrase or len(phrase.split()) > 14 or re.search(r"\d", phrase):
        return None
    return phrase


def _what(text: str, end: int, unit: str, v: Vocabulary) -> str | None:
    """What an event noun counts, written after it: "142 buổi sinh hoạt chi bộ" -> "sinh hoạt chi bộ"."""
    if unit not in v.event_units:
        return None
    m = _WHAT_AFTER.match(text, end)
    if not m:
        return None
    words: list[str] = []
    for w in m.group(1).split():
        if w in v.subject_stops:
            return " ".join(words) or None
        words.append(w)
    # no stop word: the phrase must end at punctuation, else it is cut and is left out
    return " ".join(words) if re.match(r"[ \t]*(?:[,;:.)\n]|$)", text[m.end() : m.end() + 3]) else None


def _actor(text: str, start: int, v: Vocabulary) -> str | None:
    """The organisation that did what is counted, named at the start of the clause."""
    lo = max(0, start - 200)
    cs = max(lo, max(text.rfind(c, lo, start) for c in ".;:!?\n") + 1)  # after the last clause break
    clause = text[cs:start]
    lead = len(clause) - len(clause.lstrip(" \t-–•+*"))
    for m in v.verb_re.finditer(clause, lead + 1):
        head = " ".join(clause[lead : m.start()].split()).rstrip(" ,")
        if not head or len(head.split()) > 10 or re.search(r"\d|,$", head):
            return None
        if _ACTOR_STOP.match(head):
            return None
        if head[0].isupper() or _ORG_LOWER.match(head):
            return head
        return None
    return None


def _unit_at(text: str, pos: int, v: Vocabulary) -> tuple[str, int] | None:
    """The count noun written at ``pos`` (a list of like nouns kept whole: "xã, thị trấn").

    A line break inside the noun ("chứng\nthư") is read as a space."""
    m = v.unit_re.match(text, pos) or v.unit_ci.match(text, pos)
    if not m:
        return None
    unit, end = " ".join(m.group("u").split()), m.end()
    if unit in v.no_list:
        return unit, end
    while True:
        j = _LIST_JOIN.match(text, end)
        if not j:
            break
        n = v.unit_re.match(text, j.end())
        joined = " ".join(n.group("u").split()) if n else ""
        last = unit.split(", ")[-1]  # a listed noun may itself be a list ("cơ quan, đơn vị")
        same_kind = (last in v.person and joined in v.person) or (last in v.admin and joined in v.admin) or unit.startswith("lượt ")
        if not n or joined in v.no_list or joined in v.no_join or not same_kind:
            break
        if _NEXT_FIGURE.match(text, n.end()):  # "359 đồng chí, đảng viên dân tộc 14 đồng chí": the noun opens the next item
            break
        end = n.end()
    return " ".join(text[m.start("u") : end].split()), end


def _approx(text: str, start: int, v: Vocabulary) -> bool:
    m = v.approx_re.search(text, max(0, start - 30), start)
    if m is None:
        return False
    if m.group().split()[0].lower() == "trên":
        out_of = _COUNT_BEFORE.search(text, max(0, m.start() - 16), m.start())
        if (out_of and not _YEAR.fullmatch(out_of.group(1))) or text[start : start + 2] in _PADDED:
            return False  # "48 trên 52 chi bộ" (out of), "trên 03 trụ cột" (on): no "more than"
    return True


_COUNT_BEFORE = re.compile(r"(?<![\d.,])(\d[\d.,]*)[ \t]*$")
_YEAR = re.compile(r"(?:19|20)\d\d")
_PADDED = {f"0{d}" for d in range(10)}


def _is_label(text: str, start: int, v: Vocabulary) -> bool:
    """A label's word before the figure ("Điều 5", "số 12"), but not a phrase ending in one ("thiểu số 17 người")."""
    return bool(v.label_re.search(text, max(0, start - 20), start)) and not v.not_label_re.search(text, max(0, start - 20), start)


def find_percentages(text: str, mask: Mask, v: Vocabulary) -> list[tuple[int, int, Number, bool]]:
    out = []
    for m in _PERCENT_RE.finditer(text):
        if mask.hits(m.start(), m.end()):
            continue
        approx = _approx(text, m.start(), v)
        for g in ("a", "b"):
            if m.group(g) is None:
                continue
            n = parse_number(m.group(g))
            if n is None:
                continue
            s = m.start(g)
            e = m.end() if g == "b" or m.group("b") is None else m.end(g)
            out.append((s, e, n, approx))
    return out


def find_ratios(text: str, mask: Mask, v: Vocabulary) -> list[tuple[int, int, Number, Number, Number | None, str | None, str | None]]:
    out = []
    for m in _RATIO_RE.finditer(text):
        a, b = parse_number(m.group("a")), parse_number(m.group("b"))
        if a is None or b is None:
            continue
        if mask.hits(m.start(), m.end()) or b.value == 0:
            continue
        if _RANK_BEFORE.search(text, max(0, m.start() - 25), m.start()):
            continue
        if _SCORE_AFTER.match(text, m.end()):
            continue
        if "".join(m.group().split()) in v.not_ratios:
            continue
        end = m.end()
        percent = None
        u = _unit_at(text, end, v)
        unit = u[0] if u else None
        p = (
            _PERCENT_AFTER.match(text, end)
            or (_PERCENT_LATER.match(text, u[1]) if u else None)
            or _PERCENT_PAREN_LATER.match(text, u[1] if u else end)
        )
        if p:
            percent = parse_number(p.group("p"))
            end = p.end()
        else:
            b4 = _PERCENT_BEFORE.search(text, max(0, m.start() - 20), m.start())
            closes = re.match(r"[ \t\n]*\)", text[u[1] if u else m.end() :][:8])
            if b4 and closes:
                percent = parse_number(b4.group("p"))
        if a.value > b.value and percent is None:
            continue  # a part larger than its whole is kept only when a percent is stated with it (a slip the checks flag)
        if (a.decimals or b.decimals) and percent is None:
            continue  # "9,49/9,5": a score; "99,2/151,7 tỷ đồng, đạt 65,4%": an amount against its plan
        out.append((m.start(), end, a, b, percent, unit, _subject(text, m.start())))
    return out


def _numbers(text: str, v: Vocabulary) -> list[tuple[int, int, Decimal | None, str]]:
    """Every figure that a word follows (digits or number words): its place, value when
    already known (number words), written form. Digits are parsed only when needed."""
    found: list[tuple[int, int, Decimal | None, str]] = []
    for m in _NUM_RE.finditer(text):
        if _WORD_NEXT.match(text, m.end()):
            found.append((m.start(), m.end(), None, m.group("n")))
    for m in v.words_finditer(text):
        words = m.group("w").split()
        if _inside_spelled_number(text, m.start(), v):
            continue
        # keep the longest prefix that reads as one number
        for k in range(len(words), 0, -1):
            val = parse_words(words[:k])
            if val is not None:
                end = m.start() + len(" ".join(words[:k])) if "\t" not in m.group("w") else m.end()
                found.append((m.start(), end, Decimal(val), text[m.start() : end]))
                break
    found.sort()
    return found


def _inside_spelled_number(text: str, start: int, v: Vocabulary) -> bool:
    """Number words right after other number words belong to a longer spelled-out figure
    (often a restatement in words, "Mười sáu tỷ ... ngàn đồng") that could not be read whole."""
    before = text[max(0, start - 30) : start].split()[-2:]
    return any(
        v.words_re.fullmatch(w) or w.lower() in v.multipliers or w.lower() in ("mươi", "trăm", "không", "linh", "lẻ") for w in before
    )


def _multiplied_unit(text: str, pos: int, v: Vocabulary) -> bool:
    """A multiplier and a count noun follow ("triệu lao động" after "1,5-1,6")."""
    mm = v.mult_re.match(text, pos)
    return mm is not None and _unit_at(text, mm.end(), v) is not None


def find_quantities(text: str, mask: Mask, v: Vocabulary) -> list[dict[str, object]]:
    out: list[dict[str, object]] = []
    skip_until = -1
    for s, e, known, written in _numbers(text, v):
        if s < skip_until or mask.hits(s, e):
            continue
        if known is None:
            n = parse_number(written)
            if n is None:
                continue
            value = n.value
        else:
            value = known
        end_value = None
        pos = e
        r = _RANGE_AFTER.match(text, e)
        if r and not mask.hits(r.start("n"), r.end("n")):
            n2 = parse_number(r.group("n"))
            if n2 is not None and (_unit_at(text, r.end(), v) or _multiplied_unit(text, r.end(), v)):
                end_value, pos = n2.value, r.end()
        unit_end = None
        u = _unit_at(text, pos, v)
        if u:
            unit, unit_end = u
        else:
            mm = v.mult_re.match(text, pos)
            if not mm:
                continue
            factor = v.multipliers[mm.group("m").lower()]
            u = _unit_at(text, mm.end(), v)
            if not u:
                continue
            unit, unit_end = u
            value, end_value = value * factor, (end_value * factor if end_value is not None else None)
        if mask.hits(s, unit_end) or (unit in _DATE_WORDS and _DIGIT_NEXT.match(text, unit_end)):
            continue
        # a label numbers things with a plain integer ("tháng 3", "Điều 5"): a figure with a thousands group or
        # decimals is a figure ("lũy kế 10 tháng 3.798,254 tỷ đồng")
        if (_is_label(text, s, v) and not GROUPED_RE.search(written)) or _TABLE_PERCENT_BEFORE.search(text, max(0, s - 6), s):
            continue
        skip_until = unit_end
        out.append(
            {
                "start": s,
                "end": unit_end,
                "value": to_json_number(value),
                "unit": unit,
                "written": written,
                "approx": _approx(text, s, v),
                "actor": _actor(text, s, v),
                "subject": _what(text, unit_end, unit, v),
                "end_value": to_json_number(end_value) if end_value is not None else None,
            }
        )
    return out


def base_mask(ctx: Context) -> Mask:
    text = ctx.doc.text
    ranges = [(d.span.start, d.span.end) for d in ctx.report.dates]
    ranges += [(w.span.start, w.span.end) for w in ctx.report.warnings if w.span is not None and w.code == "impossible_date"]
    ranges += doc_id_spans(text)
    for ref in ctx.report.references:
        ranges += [(sp.start, sp.end) for sp in ref.mentions]
    return Mask(ranges)


def run(ctx: Context) -> None:
    text = ctx.doc.text
    v = vocabulary()
    mask = base_mask(ctx)
    percentages = find_percentages(text, mask, v)
    for s, e, n, approx in percentages:
        ctx.report.percentages.append(Percentage(value=float(n.value), text=text[s:e], span=ctx.span(s, e), approx=approx))
    used: list[tuple[int, int]] = []
    for s, e, a, b, p, unit, subject in find_ratios(text, mask, v):
        ctx.report.ratios.append(
            Ratio(
                numerator=_json(a),
                denominator=_json(b),
                percent=float(p.value) if p is not None else None,
                text=text[s:e],
                span=ctx.span(s, e),
                unit=unit,
                subject=subject,
            )
        )
        core = _RATIO_RE.match(text, s)
        used.append((s, core.end() if core else e))  # the words up to a later percent stay readable
    for s, e, _n, _a in percentages:
        used.append((s, e))
    for q in find_quantities(text, Mask(mask.ranges + used), v):
        s, e = int(q["start"]), int(q["end"])  # type: ignore[call-overload]
        ctx.report.quantities.append(
            Quantity(
                value=q["value"],  # type: ignore[arg-type]
                unit=q["unit"],  # type: ignore[arg-type]
                approx=bool(q["approx"]),
                text=text[s:e],
                span=ctx.span(s, e),
                written=q["written"],  # type: ignore[arg-type]
                actor=q["actor"],  # type: ignore[arg-type]
                subject=q["subject"],  # type: ignore[arg-type]
                end_value=q["end_value"],  # type: ignore[arg-type]
            )
        )
