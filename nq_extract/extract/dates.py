"""Dates as a Vietnamese report writes them, with their grain.

Day: "28/11/2023", "28-11-2023", "28.11.2023", "ngày 24 tháng 11 năm 2023".
Month: "tháng 12/2023", "tháng 12 năm 2023", "9/2025". Quarter: "quý III/2024".
Year: "năm 2024". Periods carry an ``end``: "6 tháng đầu năm 2025",
"giai đoạn 2016 - 2020", "từ ngày 01/7 đến 31/12/2025" (the year carried back),
"từ ngày 12 đến ngày 15 tháng 10 năm 2020", "từ tháng 3 đến tháng 5 năm 2024",
"từ tháng 10/2023 đến tháng 3/2024", "9 tháng năm 2024".
An impossible date ("31/02/2023", "07/11/202") is a warning and a check of kind
``date``, never a date.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..context import Context
from ..models import Check, DateItem, Operand
from .vn_patterns import DASH, DOC_ID_RE, LETTER, YEAR

_D = r"\d{1,2}"
_WS = r"[ \t\n]{1,4}"
_ROMAN_Q = {"I": 1, "II": 2, "III": 3, "IV": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_PERIOD_WORDS = {"hai": 2, "ba": 3, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9, "mười": 10, "mười một": 11, "mười hai": 12}

_PATTERN = re.compile(
    rf"""
    (?P<half>(?<![\d{LETTER}])(?P<h_n>0?[1-9]|1[0-2]|mười\ một|mười\ hai|hai|ba|bốn|sáu|bảy|tám|chín|mười){_WS}tháng{_WS}(?:(?P<h_w>đầu|cuối){_WS})?năm{_WS}(?P<h_y>{YEAR})(?!\d))
    |(?P<dwrange>(?:từ{_WS})?ngày{_WS}(?P<wr_d1>{_D}){_WS}(?:đến|tới)(?:{_WS}ngày)?{_WS}(?P<wr_d2>{_D})
        (?:{_WS}tháng{_WS}(?P<wr_m>{_D})[ \t]*,?{_WS}năm{_WS}(?P<wr_y>\d{{4}})|/(?P<wr_m2>{_D})/(?P<wr_y2>\d{{4}}))(?![\d/]))
    |(?P<myrange>(?:từ{_WS})?tháng{_WS}(?P<my_m1>{_D})[ \t]*(?:[/.\-]|,?{_WS}năm{_WS})[ \t]*(?P<my_y1>\d{{4}}){_WS}(?:đến|tới)(?:{_WS}hết)?{_WS}tháng{_WS}(?P<my_m2>{_D})[ \t]*(?:[/.\-]|,?{_WS}năm{_WS})[ \t]*(?P<my_y2>\d{{4}})(?![\d/]|[.,]\d))
    |(?P<mrange>(?:từ{_WS})?tháng{_WS}(?P<mr_m1>{_D}){_WS}(?:đến|tới)(?:{_WS}hết)?{_WS}tháng{_WS}(?P<mr_m2>{_D})[ \t]*(?:[/.\-]|,?{_WS}năm{_WS})[ \t]*(?P<mr_y>\d{{4}})(?![\d/]|[.,]\d))
    |(?P<drange>(?:từ{_WS}ngày|từ|ngày){_WS}(?P<r_d1>{_D})(?P<r_s1>[/.\-])(?P<r_m1>{_D})(?:(?P=r_s1)(?P<r_y1>\d{{4}}))?
        [ \t]*(?:đến|tới|[-–])(?:{_WS}ngày)?[ \t]*(?P<r_d2>{_D})(?P<r_s2>[/.\-])(?P<r_m2>{_D})(?P=r_s2)(?P<r_y2>\d{{4}})(?![\d/]))
    |(?P<words>ngày{_WS}(?P<w_d>{_D}){_WS}tháng{_WS}(?P<w_m>{_D})(?:[ \t]*,?{_WS}năm{_WS}(?P<w_y>\d{{2,5}}))?(?![\d/]))
    |(?P<dnoyear>ngày{_WS}(?P<n_d>{_D})/(?P<n_m>{_D})(?![\d/.\-]|[.,]\d))
    |(?P<dmy>(?<![\d.,\-{LETTER}])(?:(?<!\d/)|(?=\d{{1,2}}\.\d{{1,2}}\.))(?P<d>{_D})(?P<sep>[/.\-])(?P<m>{_D})(?P=sep)(?:(?<=/)[ \t]{{0,2}}\n[ \t]{{0,8}}(?=\d{{4}}))?(?P<y>\d{{2,5}})(?![\d]|/(?!\d{{1,2}}[./\-]\d)|[.,]\d|-[{LETTER}\d]))
    |(?P<monthw>tháng{_WS}(?P<mw_m>{_D})[ \t]*(?:[/.\-]|,?{_WS}năm{_WS})[ \t]*(?P<mw_y>\d{{4}})(?![\d/]|[.,]\d))
    |(?P<blankday>ngày[ \t.…_]{{1,12}}/[ \t]?(?P<bd_m>{_D})/(?P<bd_y>{YEAR})(?![\d/]))
    |(?P<monthand>tháng{_WS}(?P<ma_m>{_D})(?=[ \t]+(?:và|,)[ \t]+(?:cả[ \t]+)?năm{_WS}(?P<ma_y>{YEAR})(?!\d)))
    |(?P<qcarry>quý{_WS}(?P<qc>IV|I{{1,3}}|[1-4])(?![\w/])(?=[^.;\n]{{0,80}}?quý{_WS}(?:IV|I{{1,3}}|[1-4])[ \t]*(?:[/.\-]|,?{_WS}năm{_WS})[ \t]*(?P<qc_y>{YEAR})(?!\d)))
    |(?P<quarter>quý{_WS}(?P<q>IV|I{{1,3}}|[1-4])[ \t]*(?:[/.\-]|,?{_WS}năm{_WS})[ \t]*(?P<q_y>{YEAR})(?!\d))
    |(?P<yrange>(?:(?P<yr_lead>giai\ đoạn|nhiệm\ kỳ|thời\ kỳ|năm\ học|năm|từ\ năm){_WS}|(?<![\d/.,\-{LETTER}]))
        (?P<yr_1>{YEAR}){DASH}(?:năm{_WS})?(?P<yr_2>{YEAR})(?![\d/]|[.,]\d))
    |(?P<yfromto>từ{_WS}năm{_WS}(?P<ft_1>{YEAR}){_WS}(?:đến|tới){_WS}(?:năm{_WS})?(?P<ft_2>{YEAR})(?!\d))
    |(?P<mbare>(?<![\d/.,\-{LETTER}])(?P<mb_m>0?[1-9]|1[0-2])/(?P<mb_y>{YEAR})(?![\d/]|[.,]\d|-[{LETTER}\d]))
    |(?P<yearand>(?<=năm\ \d{{4}}\ và\ )(?P<ya_y>{YEAR})(?![\d/]|[.,]\d|[ \t]*[-–]))
    |(?P<year>năm{_WS}(?:học{_WS})?(?P<y_y>{YEAR})(?![\d/]|[.,]\d))
    """,
    re.X | re.I,
)

# Where a date can start: a digit not glued to a letter or a digit, or the first
# word of a pattern's branch (case folded as in ``_PATTERN``). Two scans that skip
# ahead in C: digits, and the words as a branch of alternatives that each open on
# one literal letter (every upper- and lower-case form, and U+017F, which case
# folding reads as "s"); the engine then skips to those letters and tests the rest
# of a word only where its own first letter stands. (One class of first letters
# with a look-behind per word, tried at each of them, cost four times as much.)
# Each also looks at what a branch needs next, so that most figures and words are
# never handed to ``_PATTERN``: a run of one or two digits goes on with a separator
# ("28/11", "27.7", "01-7") or with "tháng" ("6 tháng đầu năm"), a year is a run
# of four digits; every word but "ngày" is followed by white space, "ngày" also
# by the dots or underscores of a blank day ("ngày …/5/2024").
# tests/test_fast_scans.py holds ``_finditer`` to ``_PATTERN.finditer``.
_WORD_RESTS = {
    "n": "ăm|hiệm",  # and "gày", followed by more (below)
    "t": "ừ|háng|hời|ám",
    "q": "uý",
    "g": "iai",
    "m": "ười",
    "h": "ai",
    "b": "a|ốn|ảy",
    "s": "áu",
    "c": "hín",
}
_FOLDED = {"s": "sSſ"}  # the characters case folding takes for a letter, where more than its two cases
_DIGIT_STARTS = re.compile(rf"\d(?i:(?<![\d{LETTER}].))(?=\d?(?:[/.\-]|[ \t\n]{{1,4}}(?i:tháng))|\d{{3}}(?!\d))")
_WORD_STARTS = re.compile(
    "|".join(
        rf"{c}(?i:{rests})(?=[ \t\n])" + (rf"|{c}(?i:gày)(?=[ \t\n.…_])" if first == "n" else "")
        for first, rests in _WORD_RESTS.items()
        for c in _FOLDED.get(first, first + first.upper())
    )
)
# The candidates as one pattern, without what must follow them (the plain form: the two
# scans keep a part of its offsets, never one where ``_PATTERN`` can match).
_CANDIDATES = re.compile(
    rf"[\dBCGHMNQSTbcghmnqst\u017f](?:(?<=\d)(?i:(?<![\d{LETTER}].))"
    r"|(?i:(?<=n)(?:gày|ăm|hiệm)|(?<=t)(?:ừ|háng|hời|ám)|(?<=q)uý|(?<=g)iai|(?<=m)ười|(?<=h)ai|(?<=b)(?:a|ốn|ảy)|(?<=s)áu|(?<=c)hín))"
)


def _starts(text: str) -> list[int]:
    """Offsets where ``_CANDIDATES`` matches, in order: every one where ``_PATTERN`` can."""
    starts = [m.start() for m in _DIGIT_STARTS.finditer(text)]
    starts += [m.start() for m in _WORD_STARTS.finditer(text)]
    starts.sort()
    return starts


def _finditer(text: str) -> Iterator[re.Match[str]]:
    """``_PATTERN.finditer(text)``, trying the pattern only where a date can start."""
    match = _PATTERN.match
    pos = 0
    for start in _starts(text):
        if start < pos:
            continue
        m = match(text, start)
        if m is not None:
            yield m
            pos = m.end()


_ISSUED_BEFORE = re.compile(r"(?:\d[\w/\-.]*[A-ZĐ][\w\-]*|ban hành|ký)[ \t]*,?[ \t]*(?:ngày[ \t]*)?$")
_DEADLINE_BEFORE = re.compile(r"(?:trước|chậm nhất|hạn chót|hạn cuối|thời hạn|đến hết|hoàn thành)[ \t]+(?:ngày[ \t]*)?$", re.I)
_HELD_AFTER = re.compile(r"[^.;\n]{0,120}?\b(?:tổ chức|diễn ra|khai mạc|họp|tiến hành|tổng kết)\b", re.I)
_HELD_BEFORE = re.compile(r"(?:tổ chức|diễn ra|khai mạc|họp|tiến hành)[ \t]+(?:vào[ \t]+)?(?:ngày[ \t]*)?$", re.I)


@dataclass(frozen=True)
class Found:
    """A date found in text: either a good value or a reason it is impossible."""

    start: int
    end: int
    grain: str
    value: str | None
    end_value: str | None = None
    problem: str | None = None
    needs_year: tuple[int, int] | None = None  # (day, month) awaiting a year


def _day(d: int, m: int, y: int) -> str | None:
    try:
        return datetime.date(y, m, d).isoformat()
    except ValueError:
        return None


def _year_ok(y: str) -> bool:
    return len(y) == 4 and 1900 <= int(y) <= 2199


def _full(start: int, end: int, d: str, m: str, y: str) -> Found:
    if not _year_ok(y):
        return Found(start, end, "day", None, problem=f"year '{y}' is not a four-digit year")
    value = _day(int(d), int(m), int(y))
    if value is None:
        return Found(start, end, "day", None, problem=f"day {int(d)} of month {int(m)} does not exist in {y}")
    return Found(start, end, "day", value)


def _month(start: int, end: int, m: str, y: str) -> Found:
    if not 1 <= int(m) <= 12:
        return Found(start, end, "month", None, problem=f"month {int(m)} does not exist")
    return Found(start, end, "month", f"{int(y):04d}-{int(m):02d}")


def _one(m: re.Match[str]) -> Found | None:
    s, e = m.span()
    g = m.group
    if g("half"):
        word = g("h_n").casefold()  # case folded as the pattern matched it ("ſáu" is "sáu")
        n = int(word) if word.isdigit() else _PERIOD_WORDS[word]
        y = int(g("h_y"))
        first, last = (13 - n, 12) if (g("h_w") or "").lower() == "cuối" else (1, n)  # "9 tháng năm 2024": the first nine
        return Found(s, e, "month", f"{y:04d}-{first:02d}", f"{y:04d}-{last:02d}")
    if g("drange"):
        y2 = g("r_y2")
        y1 = g("r_y1") or y2
        a = _full(s, e, g("r_d1"), g("r_m1"), y1)
        b = _full(s, e, g("r_d2"), g("r_m2"), y2)
        if a.problem or b.problem:
            return Found(s, e, "day", None, problem=a.problem or b.problem)
        if y1 == y2 and g("r_y1") is None and a.value and b.value and a.value > b.value:
            a = _full(s, e, g("r_d1"), g("r_m1"), str(int(y2) - 1))
        return Found(s, e, "day", a.value, b.value)
    if g("dwrange"):
        wy, wmo = g("wr_y") or g("wr_y2"), g("wr_m") or g("wr_m2")
        a = _full(s, e, g("wr_d1"), wmo, wy)
        b = _full(s, e, g("wr_d2"), wmo, wy)
        if a.problem or b.problem:
            return Found(s, e, "day", None, problem=a.problem or b.problem)
        if a.value and b.value and a.value >= b.value:
            return Found(_last_word(m, "ngày", "wr_d2"), e, "day", b.value)  # no range: the date it ends on
        return Found(s, e, "day", a.value, b.value)
    if g("myrange"):
        a, b = _month(s, e, g("my_m1"), g("my_y1")), _month(s, e, g("my_m2"), g("my_y2"))
        return _month_range(m, s, e, a, b, "my_m2")
    if g("mrange"):
        a, b = _month(s, e, g("mr_m1"), g("mr_y")), _month(s, e, g("mr_m2"), g("mr_y"))
        return _month_range(m, s, e, a, b, "mr_m2")
    if g("words"):
        if g("w_y"):
            return _full(s, e, g("w_d"), g("w_m"), g("w_y"))
        return _pending(s, e, g("w_d"), g("w_m"))
    if g("dnoyear"):
        return _pending(s, e, g("n_d"), g("n_m"))
    if g("dmy"):
        return _full(s, e, g("d"), g("m"), g("y"))
    if g("monthw"):
        return _month(s, e, g("mw_m"), g("mw_y"))
    if g("blankday"):
        return _month(s, e, g("bd_m"), g("bd_y"))
    if g("monthand"):
        return _month(s, e, g("ma_m"), g("ma_y"))
    if g("qcarry"):
        return Found(s, e, "quarter", f"{g('qc_y')}-Q{_quarter(g('qc'))}")
    if g("quarter"):
        return Found(s, e, "quarter", f"{g('q_y')}-Q{_quarter(g('q'))}")
    if g("yrange"):
        y1, y2 = int(g("yr_1")), int(g("yr_2"))
        if not y1 < y2 <= y1 + 50:
            return None
        if g("yr_lead") is None and not _bare_range_ok(m):
            return None
        return Found(s, e, "year", f"{y1:04d}", f"{y2:04d}")
    if g("yfromto"):
        y1, y2 = int(g("ft_1")), int(g("ft_2"))
        if not y1 < y2:
            return None
        return Found(s, e, "year", f"{y1:04d}", f"{y2:04d}")
    if g("mbare"):
        return _month(s, e, g("mb_m"), g("mb_y"))
    if g("yearand"):
        return Found(s, e, "year", g("ya_y"))
    if g("year"):
        return Found(s, e, "year", g("y_y"))
    return None


def _month_range(m: re.Match[str], s: int, e: int, a: Found, b: Found, last: str) -> Found:
    """Months from ``a`` to ``b``; written backwards, no range: the month it ends on."""
    if a.problem or b.problem:
        return Found(s, e, "month", None, problem=a.problem or b.problem)
    if a.value and b.value and a.value >= b.value:
        return Found(_last_word(m, "tháng", last), e, "month", b.value)
    return Found(s, e, "month", a.value, b.value)


def _last_word(m: re.Match[str], word: str, group: str) -> int:
    """Where the last ``word`` before ``group`` starts in the match (else where the group starts)."""
    at = m.start(group)
    k = m.string.lower().rfind(word, m.start(), at)
    return k if k >= 0 else at


def _quarter(written: str) -> int:
    """1 to 4 from "III" or "3"; the pattern's case folding also lets "İ" (U+0130) stand for "I"."""
    return _ROMAN_Q[written.upper().replace("İ", "I")]


def _bare_range_ok(m: re.Match[str]) -> bool:
    """A bare "2009-2019" is a period unless it sits inside an id such as "2016-2020/QĐ"."""
    text = m.string
    after = text[m.end() : m.end() + 1]
    return after not in ("/", "-")


def _pending(s: int, e: int, d: str, mo: str) -> Found:
    if not 1 <= int(mo) <= 12 or not 1 <= int(d) <= 31:
        return Found(s, e, "day", None, problem=f"day {int(d)} of month {int(mo)} does not exist")
    return Found(s, e, "day", None, needs_year=(int(d), int(mo)))


_last_ids: tuple[str | None, list[tuple[int, int]]] = (None, [])


def doc_id_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every document id with a slash in ``text`` ("216-KH/TU", "126/2024/NĐ-CP").

    The dates and the quantities of one text both leave these out: the scan of the last
    text is kept (one entry, swapped whole) and a copy handed out.
    """
    global _last_ids
    last_text, spans = _last_ids
    if last_text is not text:
        spans = [(m.start(), m.end()) for m in DOC_ID_RE.finditer(text) if "/" in m.group()]
        _last_ids = (text, spans)
    return list(spans)


def find(text: str, default_year: int | None = None) -> list[Found]:
    """Every date (or impossible date) in ``text``, in order, outside document ids.

    A day written without its year takes the year of the nearest date before it,
    else ``default_year``; without either it is left out.
    """
    ids = doc_id_spans(text)
    out: list[Found] = []
    last_year: int | None = None
    j = 0
    for m in _finditer(text):
        while j < len(ids) and ids[j][1] <= m.start():
            j += 1
        if j < len(ids) and ids[j][0] < m.end():
            continue
        f = _one(m)
        if f is None:
            continue
        if f.needs_year:
            year = last_year or default_year
            if year is None:
                continue
            d, mo = f.needs_year
            value = _day(d, mo, year)
            f = Found(f.start, f.end, "day", value, problem=None if value else f"day {d} of month {mo} does not exist in {year}")
        if f.value:
            last_year = int(f.value[:4])
        out.append(f)
    return out


def role(text: str, f: Found, header: tuple[int, int] | None) -> str | None:
    """The part a date plays when the sentence makes it plain: issued, held, deadline."""
    if header and header[0] <= f.start and f.end <= header[1]:
        return "issued"
    if f.grain != "day" or f.end_value:
        return None
    line_start = max(text.rfind("\n", 0, f.start) + 1, f.start - 80)
    before = text[line_start : f.start]
    if _ISSUED_BEFORE.search(before):
        return "issued"
    if _DEADLINE_BEFORE.search(before):
        return "deadline"
    if _HELD_BEFORE.search(before):
        return "held"
    sentence_start = before.rstrip()[-1:] in ("", ".", ":", ";") or before.strip().lower() in ("ngày", "vào ngày", "sáng", "chiều")
    if sentence_start and _HELD_AFTER.match(text, f.end):
        return "held"
    return None


def run(ctx: Context) -> None:
    text = ctx.doc.text
    default_year = int(ctx.seg.date[:4]) if ctx.seg.date else None
    for f in find(text, default_year):
        if f.problem:
            written = text[f.start : f.end]
            msg = f"impossible date '{written}': {f.problem}"
            ctx.warn("impossible_date", msg, f.start, f.end)
            span = ctx.span(f.start, f.end)
            ctx.report.checks.append(
                Check(
                    kind="date",
                    status="inconsistent",
                    stated=written,
                    message=msg,
                    operands=[Operand(value=None, role="date", span=span, written=written)],
                )
            )
            continue
        assert f.value is not None
        ctx.report.dates.append(
            DateItem(
                value=f.value,
                grain=f.grain,  # type: ignore[arg-type]
                text=text[f.start : f.end],
                span=ctx.span(f.start, f.end),
                end=f.end_value,
                role=role(text, f, ctx.seg.place_date),
            )
        )
