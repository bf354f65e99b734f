"""Numeric relations a report states, found in its text.

Pure functions over the text (and the footnotes' offsets): each finder returns
:class:`Relation` values whose operands are :class:`~.scan.Tok` (value, written
form, offsets) with a role. Deciding whether the figures agree is
:mod:`.decide`'s job, not theirs.

Finders:

- :func:`ratio_percentages`: "2.443/2.538 đạt 96,3%", "1.204 trên tổng số 1.250 hồ sơ ... đạt tỷ lệ 96,32%"
- :func:`breakdowns`: a total and its parts after "trong đó", "gồm", "bao gồm", or in parentheses,
  with the parts' own percentages ("193.457 (tỷ lệ 99,1%)")
- :func:`bullet_totals`: "Tổng số ...: 1974. Trong đó:" followed by "- ...: 83" lines ("+" lines nested)
- :func:`footnote_breakdowns`: a body clause "214 buổi cho 2.691 lượt người⁴" broken down in its footnote
- :func:`enumerations`: "05 hội ..., gồm: A, B, C, D và E"
- :func:`differences`: "giảm 356 vụ (766/1122)"; "tăng 120 vụ, tương ứng 12,5%"
- :func:`repeated_totals`: "Tổng số X là N" stated twice
- :func:`table_sums`: columns of a table against its "Tổng"/"Cộng" row

Not relations: ranks ("xếp thứ 15/63"), a score out of a maximum with no stated
percentage, "01 hội nghị/50 cán bộ", ids and dates (see :mod:`.scan`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from typing import Any

from ..prefilter import prefiltered
from .scan import FIGURE, PERCENT, Bounds, Tok, scan, words

PERCENTAGE = "percentage"
SUM = "sum"
COUNT = "count"
DIFFERENCE = "difference"
GROWTH = "growth"
REPEAT = "repeat"
TIMES = "times"


@dataclass(frozen=True)
class Item:
    """A named item of an enumeration: its text and offsets."""

    text: str
    start: int
    end: int


@dataclass
class Relation:
    kind: str
    operands: list[tuple[str, Tok]]
    items: list[Item] = field(default_factory=list)
    alt_count: int | None = None  # enumerations: the count under a second reading of the list
    sign: int = 1  # growth: +1 increase, -1 decrease
    source: str = ""

    def key(self) -> tuple[str, tuple[tuple[str, int], ...]]:
        return self.kind, tuple(sorted((r, t.start) for r, t in self.operands))

    def tok(self, role: str) -> Tok | None:
        for r, t in self.operands:
            if r == role:
                return t
        return None

    def toks(self, role: str) -> list[Tok]:
        return [t for r, t in self.operands if r == role]


@dataclass(frozen=True)
class NoteRef:
    """A footnote: the offsets of its text and of the words its marker was glued to."""

    start: int
    end: int
    anchors: tuple[tuple[int, int], ...]


class Text:
    """A text with its figures and sentence bounds, computed once."""

    def __init__(self, text: str, toks: list[Tok] | None = None) -> None:
        self.text = text
        self.toks = toks if toks is not None else scan(text)
        self.bounds = Bounds(text)
        self.starts = [t.start for t in self.toks]

    def with_digit_changed(self, start: int, end: int, new: str) -> Text:
        """The same text with one figure rewritten in place (same length), keeping its classification."""
        import dataclasses

        from ..numbers import parse_number

        assert len(new) == end - start
        text = self.text[:start] + new + self.text[end:]
        toks = list(self.toks)
        for i, tok in enumerate(toks):
            if tok.start == start and tok.end == end:
                number = parse_number(new)
                if number is not None:
                    toks[i] = dataclasses.replace(tok, number=number)
        clone = Text.__new__(Text)
        clone.text, clone.toks, clone.bounds, clone.starts = text, toks, self.bounds, self.starts
        return clone

    def between(self, start: int, end: int) -> list[Tok]:
        from bisect import bisect_left

        i = bisect_left(self.starts, start)
        out = []
        while i < len(self.toks) and self.toks[i].start < end:
            if self.toks[i].end <= end:
                out.append(self.toks[i])
            i += 1
        return out


def _next_tok(t: Text, tok: Tok) -> Tok | None:
    i = tok.index + 1
    return t.toks[i] if i < len(t.toks) else None


_PAREN = re.compile(r"[()]")


def _depths(text: str, start: int, end: int) -> list[int]:
    """Parenthesis depth of each offset in text[start:end], relative to start.

    A ")" counts at its own offset, a "(" from the next one; depth never goes
    below 0. Filled run by run between parentheses (the text is not walked
    character by character in Python).
    """
    start, end, _ = slice(start, end).indices(len(text))
    d, out, pos = 0, [], start
    for m in _PAREN.finditer(text, start, max(start, end)):
        p = m.start()
        if text[p] == ")":
            out += [d] * (p - pos)
            d = max(0, d - 1)
            out.append(d)
        else:
            out += [d] * (p - pos + 1)
            d += 1
        pos = p + 1
    out += [d] * (end - pos)
    return out


# -- ratios with a stated percentage ---------------------------------------------------------

_PCT_CUE = re.compile(r"(?:đạt|bằng|chiếm|tỷ lệ|tỉ lệ|là|=|\(|tương ứng|tương đương|,)\s*(?:tỷ lệ|tỉ lệ|khoảng|gần|trên)?\s*$")
_SPREAD = re.compile(r"\s*(?:[^\W\d_]+\s+){0,6}?(?:trên tổng số|trên tổng|trong tổng số|trên|/\s?tổng số|/)\s*$")


def ratio_percentages(t: Text) -> list[Relation]:
    out: list[Relation] = []
    toks = t.toks
    for i, a in enumerate(toks):
        if a.kind != FIGURE:
            continue
        b = None
        if a.slash_next and i + 1 < len(toks) and toks[i + 1].kind == FIGURE and toks[i + 1].slash_prev:
            b = toks[i + 1]
        elif i + 1 < len(toks) and toks[i + 1].kind == FIGURE:
            cand = toks[i + 1]
            gap = t.text[a.end : cand.start]
            if (
                len(gap) <= 70
                and "\n\n" not in gap
                and _SPREAD.fullmatch(gap)
                and "/" not in gap[:1]
                and ("tổng" in gap or re.search(r"\btrên\s*$", gap))
            ):
                b = cand
        if b is None:
            continue
        cs, ce = t.bounds.clause(b.end)
        pct = _percent_after(t, b, ce)
        if pct is None:
            pct = _percent_before(t, a, cs)
        if pct is None:
            continue
        out.append(Relation(PERCENTAGE, [("numerator", a), ("denominator", b), ("percent", pct)], source="ratio"))
    return out


def _percent_after(t: Text, b: Tok, clause_end: int) -> Tok | None:
    """The first percentage after a ratio in its clause, skipping parenthesised asides."""
    toks = t.toks
    j = b.index + 1
    depth_text_start = b.end
    while j < len(toks) and toks[j].start < clause_end and toks[j].start - b.end < 220:
        tok = toks[j]
        gap = t.text[depth_text_start : tok.start]
        inside = gap.count("(") > gap.count(")")
        if tok.kind == PERCENT:
            if _PCT_CUE.search(t.text[max(b.end, tok.start - 40) : tok.start]):
                return tok
            return None
        if tok.kind == FIGURE and not inside:
            return None
        j += 1
    return None


def _percent_before(t: Text, a: Tok, clause_start: int) -> Tok | None:
    """ "đạt 90,58% (419.218/462.814 hồ sơ)": a percentage just before a parenthesised ratio."""
    if a.index == 0:
        return None
    prev = t.toks[a.index - 1]
    gap = t.text[prev.end : a.start]
    if prev.kind == PERCENT and prev.start >= clause_start and re.fullmatch(r"\s*%\s*\(\s*", gap):
        return prev
    return None


# -- totals and their parts ----------------------------------------------------------------

_PART_PCT = re.compile(
    r"[ \t\n]*(?:[^\W\d_]+(?:[ \t\n]+|(?=\()))?(?:[^\W\d_]+(?:[ \t\n]+|(?=\())){0,3}\([ \t\n]*(?:(?:tỷ lệ|tỉ lệ|chiếm|bằng|đạt|=)[ \t\n]*)?(?:là[ \t\n]*)?:?[ \t\n]*"
)
# or after a comma, outside parentheses: "635.593 hồ sơ, chiếm tỷ lệ 98,81%" (a share of the total, not of a plan)
_PART_SHARE = re.compile(
    r"[ \t\n]*(?:[^\W\d_]+(?:[ \t\n]+|(?=,))){0,6},[ \t\n]*(?:chiếm(?:[ \t\n]+(?:tỷ|tỉ)[ \t\n]+lệ)?|(?:đạt[ \t\n]+)?(?:tỷ|tỉ)[ \t\n]+lệ|bằng)[ \t\n]*(?:là[ \t\n]*)?:?[ \t\n]*"
)
_PLAN_AFTER = re.compile(r"[ \t]*(?:kế hoạch|so với|chỉ tiêu|dự toán|[Nn]ghị quyết|mục tiêu)")
_KEYWORD = re.compile(r"\b(?:[Tt]rong đó|[Bb]ao gồm|[Gg]ồm|[Cc]ụ thể)\b\s*(?:có\s*)?[:,]?")
_keyword_finditer = prefiltered(_KEYWORD, re.compile(r"[TtBbGgCc](?:rong đó|ao gồm|ồm|ụ thể)"))
_SUBSET_CUE = re.compile(r"\b(?:đã|được|đang|trong số)\b")


def _one_unit(parts: list[tuple[Tok, Tok | None, int]]) -> bool:
    heads = {p.head for p, _, _ in parts if p.head is not None and not p.named}
    return len(heads) <= 1


def _same_unit(total: Tok, part: Tok) -> bool:
    if total.head is None or part.head is None or total.head == part.head:
        return True
    return _kind_of(total, part) or _names_trait(part) or (part.named and not total.named)


def _names_trait(part: Tok) -> bool:
    """The part is counted by its gender alone ("trong đó 120 đoàn viên nữ, 90 nam"): of what the total counts.
    (Other traits' words after a figure are measures: "dưới 30 tuổi".)"""
    _, trait_of = _trait_pattern()
    return part.head is not None and trait_of.get(part.head) == "gender"


@cache
def _kinds_of() -> dict[str, frozenset[str]]:
    from ..data import load

    return {k: frozenset(v) for k, v in load("unit_kinds_of.json")["kinds_of"].items()}


def _kind_of(total: Tok, part: Tok) -> bool:
    """The part's noun names a kind of what the total counts ("221 đơn (196 khiếu nại, 25 tố cáo)"):
    ``unit_kinds_of.json``."""
    if total.unit is None or part.unit is None:
        return False
    kinds = _kinds_of().get(total.unit.lower()) or _kinds_of().get(total.head or "")
    return kinds is not None and (part.unit.lower() in kinds or (part.head or "") in kinds)


def _is_share(text: str, part: Tok, pct: Tok, depth: int) -> bool:
    """The percentage right after a part is its share: in parentheses ("(chiếm 30%)") or after a comma
    outside them (", chiếm tỷ lệ 98,81%"), never a share of a plan (", đạt 90% kế hoạch")."""
    gap = text[part.end : pct.start]
    if depth == 1:
        return _PART_PCT.fullmatch(gap) is not None
    return depth == 0 and _PART_SHARE.fullmatch(gap) is not None and not _PLAN_AFTER.match(text, pct.end + 1)


def _parts_in(t: Text, start: int, end: int, total: Tok, also: frozenset[str] = frozenset()) -> list[tuple[Tok, Tok | None, int]]:
    """Top-level figures of text[start:end] as (part, its percentage, offset where its segment starts)."""
    depths = _depths(t.text, start, end)
    parts: list[tuple[Tok, Tok | None, int]] = []
    seg_start = start
    toks = t.between(start, end)
    k = 0
    while k < len(toks):
        tok = toks[k]
        d = depths[tok.start - start]
        if tok.kind == FIGURE and d == 0:
            if tok.slash_prev:
                k += 1
                continue
            if not _same_unit(total, tok) and tok.head not in also:
                k += 1
                continue
            pct = None
            nxt = toks[k + 1] if k + 1 < len(toks) else None
            if nxt is not None and nxt.kind == PERCENT and _is_share(t.text, tok, nxt, depths[nxt.start - start]):
                pct = nxt
            parts.append((tok, pct, seg_start))
            seg_start = tok.end
        k += 1
    return parts


def _total_before(t: Text, pos: int, sent_start: int) -> Tok | None:
    """The figure a breakdown starting at ``pos`` breaks down: the nearest one before it, at the same level.

    A ratio's numerator ("4/4 trường học, trong đó ...") takes the unit written after its denominator.
    """
    cands = [x for x in t.between(sent_start, pos) if x.kind in (FIGURE, PERCENT) and not x.slash_prev]
    if len(cands) >= 2 and cands[-1].kind == PERCENT and cands[-2].kind == FIGURE and _PLAN_AFTER.match(t.text, cands[-1].end + 1):
        cands.pop()  # "1.250 triệu đồng, đạt 125% kế hoạch, trong đó ...": the result against its plan is no total
    if not cands or cands[-1].kind != FIGURE:
        return None
    tot = cands[-1]
    if tot.slash_next and tot.unit is None:
        den = t.between(tot.end, pos)
        if den and den[0].slash_prev and den[0].unit is not None:
            tot = replace(tot, unit=den[0].unit)
    return tot


_LIST_SEP = re.compile(r",\s*|\s+(?:và|hoặc)\s+")


def _listed_heads(t: Text, total: Tok, pos: int) -> frozenset[str]:
    """The first word of each noun the total lists ("15 xã, thị trấn, trong đó ...", or a ratio's denominator:
    "42/42 cơ quan, đơn vị, địa phương (gồm: ...)"): parts of any of them belong to the total."""
    end = total.end
    if total.slash_next:
        den = t.between(total.end, pos)
        if not den or not den[0].slash_prev:
            return frozenset()
        end = den[0].end
    phrase = t.text[end:pos].split("(")[0]
    if len(phrase) > 80 or any(c.isdigit() for c in phrase):
        return frozenset()
    return frozenset(w.split()[0].lower() for w in _LIST_SEP.split(phrase) if w.split())


def _clause_prefix(text: str, total: Tok, parts: Parts) -> Parts:
    """Parts running on past a semicolon into the next clause ("52 tổ chức cơ sở đảng, trong đó 20 đảng bộ cơ sở,
    32 chi bộ cơ sở; 45 chi bộ trực thuộc ..."): when they do not add up to the total but the parts before one
    of the semicolons do exactly, those are the breakdown."""
    from decimal import Decimal

    whole = total.number.value
    if len(parts) < 3 or sum((p.number.value for p, _, _ in parts), Decimal(0)) == whole:
        return parts
    acc = Decimal(0)
    for k in range(1, len(parts)):
        acc += parts[k - 1][0].number.value
        if k >= 2 and acc == whole and ";" in text[parts[k - 1][0].end : parts[k][0].start]:
            return parts[:k]
    return parts


def breakdowns(t: Text) -> list[Relation]:
    out: list[Relation] = []
    text = t.text
    for m in _keyword_finditer(text):
        kw = m.group().lower()
        ss, se = t.bounds.sentence(m.start())
        across = False  # the total stands in the sentence before
        depth_open = text.rfind("(", ss, m.start())
        in_paren = depth_open >= 0 and text.find(")", depth_open, m.start()) < 0
        if in_paren:
            close = text.find(")", m.end(), se + 200)
            # nested parentheses inside the region
            end = _matching(text, depth_open, min(len(text), se + 400))
            if end < 0:
                continue
            region = (m.end(), end)
            total = _total_before(t, depth_open, ss)
            del close
        else:
            region = (m.end(), se)
            total = _total_before(t, m.start(), ss)
            if total is None and _opens_sentence(text, ss, m.start(), kw):
                # "... 669 hộ. Trong đó, 649 hộ ...": the total is the sentence before's last figure, also when a
                # percentage follows it ("đạt 3.417 tỷ đồng, tăng 54,8% so với cùng kỳ. Trong đó, ...")
                ps = t.bounds.sentence(ss - 1)[0]
                depths = _depths(text, ps, ss)
                figs = [x for x in t.between(ps, ss) if x.kind == FIGURE and not x.slash_prev and depths[x.start - ps] == 0]
                total, ss, across = (_total_before(t, m.start(), ps) or (figs[-1] if figs else None)), ps, True
        if total is None:
            total = _shared_denominator(t, region)
        if total is None or region[1] - region[0] < 3:
            continue
        total = _total_matching_parts(t, total, region, ss, m.start())
        if text[total.end : m.start()].count("\n\n"):
            continue
        parts = _clause_prefix(text, total, _parts_in(t, region[0], region[1], total, _listed_heads(t, total, m.start())))
        one_share = len(parts) == 1 and parts[0][1] is not None and parts[0][0].head == total.head
        if len(parts) < 2 and not one_share:  # one subset is kept for its share: "trong đó 31 trường ..., đạt tỷ lệ 64,58%"
            continue
        if _EXAMPLES.search(text, region[0], parts[0][0].start):
            # "trong đó các tỉnh ..., như: Hà Nội 138 ngàn người, ...": examples, not a breakdown; shares still hold
            _emit_breakdown(t, out, total, parts, subset_possible=True, source="keyword", sums=False)
            continue
        before = [x for x in t.between(ss, m.start()) if x.kind == FIGURE and not x.slash_prev]
        for whole, its_parts in _totals_of(total, parts, before) or ():
            # a sentence of its own may detail only some of the total ("... 50 vụ. Cụ thể: 20 vụ ..., 25 vụ ...")
            _emit_breakdown(t, out, whole, its_parts, subset_possible=kw.startswith("trong") or across, source="keyword")
    return out


_EXAMPLES = re.compile(r"\b(?:như|ví dụ|điển hình|tiêu biểu|một số|nổi bật)\b", re.IGNORECASE)


def _opens_sentence(text: str, ss: int, at: int, kw: str) -> bool:
    """ "Trong đó" or "Cụ thể" opening a sentence that follows a full stop: its parts break down the sentence before."""
    if not kw.startswith(("trong đó", "cụ thể")) or ss == 0 or text[ss:at].strip():
        return False
    j = ss
    while j > 0 and text[j - 1].isspace():
        j -= 1
    return text[j - 1 : j] == "."


Parts = list[tuple[Tok, Tok | None, int]]


def _totals_of(total: Tok, parts: Parts, before: list[Tok]) -> list[tuple[Tok, Parts]] | None:
    """Which stated total the parts break down, when they do not add up to the nearest one.

    - a part broken down by the parts after it: "7.156 đơn, trong đó có 5.591 đơn đủ điều kiện với 651 đơn
      khiếu nại, 281 đơn tố cáo và 4.659 đơn kiến nghị" (5.591 is their total, a subset of 7.156);
    - an earlier figure of the sentence they add up to: "đã giải quyết 188/211 vụ KN và 124/128 vụ TC, trong
      đó ... 66; ... 122";
    - two totals broken down in turn: "274 đơn khiếu nại và 105 đơn tố cáo; trong đó 11, 10, 74 và 179 ...;
      có 9, 15, 11 và 70 ...".
    None when the parts overflow the nearest total by more than a slip of one digit and other totals stand
    before it: which one they break down is not clear, and a false alarm costs more than a missed check.
    """
    from decimal import Decimal

    vals = [p.number.value for p, _, _ in parts]
    s = sum(vals, Decimal(0))
    tv = total.number.value
    if s == tv or len(parts) < 2:
        return [(total, parts)]
    for i in range(len(parts) - 2):
        if vals[i] == sum(vals[i + 1 :], Decimal(0)):
            return [(parts[i][0], parts[i + 1 :])]
    prev = [x for x in before if x.start < total.start]
    for c in reversed(prev):
        if c.number.value == s and all(_same_unit(c, p) for p, _, _ in parts):
            return [(c, parts)]
    if prev:
        acc = Decimal(0)
        for k, v in enumerate(vals[:-1]):
            acc += v
            if acc == prev[-1].number.value:
                if sum(vals[k + 1 :], Decimal(0)) == tv:
                    return [(prev[-1], parts[: k + 1]), (total, parts[k + 1 :])]
                break
    overflow = s > tv and not _slip(f"{s:f}".split(".")[0], f"{tv:f}".split(".")[0])  # a slip of one digit is still this total's
    if overflow and any(x.head == total.head or x.head is None for x in prev):
        return None
    return [(total, parts)]


# "Trong số 3.405 hồ sơ đang giải quyết, số hồ sơ chưa đến hạn là 2.436 hồ sơ và có 969 hồ sơ đã quá hạn";
# "đang giải quyết gồm 7.172 hồ sơ, có 5.950 hồ sơ chưa đến hạn và 1.222 hồ sơ đã quá hạn": the total comes first
_LEADING_TOTAL = re.compile(r"\b(?:[Tt]rong số|[Gg]ồm)[ \t]+(?=\d)")
_leading_finditer = prefiltered(_LEADING_TOTAL, re.compile(r"[Tt]rong số|[Gg]ồm"))


def leading_totals(t: Text) -> list[Relation]:
    """A total named right after "trong số"/"gồm", its parts in the clause that follows the comma."""
    out: list[Relation] = []
    text = t.text
    for m in _leading_finditer(text):
        toks = t.between(m.end(), m.end() + 30)
        if not toks or toks[0].start != m.end() or toks[0].kind != FIGURE or toks[0].slash_next:
            continue
        total = toks[0]
        ss, se = t.bounds.sentence(m.start())
        if any(x.kind == FIGURE for x in t.between(ss, m.start())) and m.group().lower().startswith("gồm"):
            continue  # "420 TTHC gồm 217 ... và 11 ...": the total is before, a breakdown finds it
        comma = text.find(",", total.end, se)
        if comma < 0 or any(x.kind in (FIGURE, PERCENT) for x in t.between(total.end, comma)):
            continue
        parts = _parts_in(t, comma + 1, se, total)
        if len(parts) < 2 or any(p.head != total.head for p, _, _ in parts):
            continue  # every part counts what the total counts
        _emit_breakdown(t, out, total, parts, subset_possible=True, source="leading", max_short=0.05)
    return out


_COLON_AFTER_TOTAL = re.compile(r"[ \t]*((?:[^\W\d_]+[ \t]+){0,5}[^\W\d_]+)[ \t]*:[ \t]*(?!\d)")
_LETTER = re.compile(r"[^\W\d_]")


def colon_totals(t: Text) -> list[Relation]:
    """ "Xếp loại 120 tổ chức cơ sở đảng: hoàn thành xuất sắc nhiệm vụ 25 tổ chức (20,83%), ...": a total, its
    noun and a colon, then labelled parts of what it counts (a list that may leave some parts out)."""
    out: list[Relation] = []
    text = t.text
    for tok in t.toks:
        if tok.kind != FIGURE or tok.slash_next or tok.slash_prev or tok.unit is None or text[tok.end : tok.end + 1] == ",":
            continue
        m = _COLON_AFTER_TOTAL.match(text, tok.end)
        if m is None:
            continue
        _, se = t.bounds.sentence(tok.start)
        if _KEYWORD.search(text, m.end(), se):
            continue  # "...: trong đó ...": a breakdown finds it
        parts = _parts_in(t, m.end(), se, tok, _listed_heads(t, tok, m.end(1)))
        parts = _clause_prefix(text, tok, parts)
        # every part is labelled ("hoàn thành tốt nhiệm vụ 80 tổ chức") or names a kind ("10 chi bộ, 3 đảng bộ")
        if len(parts) < 2 or not all(_LETTER.search(text, seg, p.start) or p.head not in (None, tok.head) for p, _, seg in parts):
            continue
        _emit_breakdown(t, out, tok, parts, subset_possible=True, source="colon")
    return out


def _shared_denominator(t: Text, region: tuple[int, int]) -> Tok | None:
    """ "gồm: 11/13 đơn vị xếp loại Xuất sắc, 02/13 đơn vị xếp loại Tốt": the common denominator is the total."""
    dens = [x for x in _figs_any(t, region[0], region[1]) if x.slash_prev and x.kind == FIGURE]
    if len(dens) >= 2 and len({d.number.value for d in dens}) == 1:
        return dens[-1]
    return None


def _figs_any(t: Text, start: int, end: int) -> list[Tok]:
    depths = _depths(t.text, start, end)
    return [x for x in t.between(start, end) if depths[x.start - start] == 0]


def _total_matching_parts(t: Text, total: Tok, region: tuple[int, int], sent_start: int, pos: int) -> Tok:
    """When the parts carry a unit the nearest figure lacks, the total is the nearest figure with that unit."""
    from collections import Counter

    heads = Counter(x.head for x in _figs(t, region[0], region[1]) if x.head and not x.named)
    if not heads or total.head in heads:
        return total
    head, n = heads.most_common(1)[0]
    if n < 2 and len(heads) > 1:
        return total
    cands = [x for x in t.between(sent_start, pos) if x.kind == FIGURE and x.head == head and not x.slash_prev]
    return cands[-1] if cands else total


def _matching(text: str, open_at: int, limit: int) -> int:
    d = 0
    for i in range(open_at, limit):
        c = text[i]
        if c == "(":
            d += 1
        elif c == ")":
            d -= 1
            if d == 0:
                return i
    return -1


def _emit_breakdown(
    t: Text,
    out: list[Relation],
    total: Tok,
    parts: list[tuple[Tok, Tok | None, int]],
    *,
    subset_possible: bool,
    source: str,
    max_short: float | None = None,
    sums: bool = True,
) -> None:
    """Emit the sum (unless ``sums`` is off: examples, not a breakdown) and the parts' shares; ``max_short``:
    parts falling further short of the total than this share of it are subsets, not a breakdown with a slip."""

    part_toks = [p for p, _, _ in parts]
    if sums and _is_sum(t, total, parts, subset_possible=subset_possible, max_short=max_short):
        for g in _groups(total, part_toks):
            out.append(Relation(SUM, [("total", total)] + [("part", p) for p in g], source=source))
    # a part's share of the total holds whether or not the parts add up to it
    for p, pct, _ in parts:
        if pct is not None:
            out.append(Relation(PERCENTAGE, [("numerator", p), ("denominator", total), ("percent", pct)], source=source))


@cache
def _trait_pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    """One pattern for every trait word of ``traits.json``, longest first, and word -> trait (refinements are
    the trait ``REFINED``)."""
    from ..data import load

    data = load("traits.json")
    trait_of = {w.lower(): trait for trait, ws in data["traits"].items() for w in ws}
    trait_of.update({w.lower(): REFINED for w in data["refinements"]})
    alts = "|".join(re.escape(w) for w in sorted(trait_of, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alts})(?!\w)", re.IGNORECASE), trait_of


REFINED = "refined"
_ITEM_SEP = re.compile(r"[,;:]")


def _told_apart_by_traits(text: str, parts: Parts, total: Tok | None = None) -> bool:
    """Parts told apart by two or more traits overlap ("trong đó 30 đảng viên nữ, 35 đảng viên là đoàn viên"):
    women and youth are not a breakdown. A trait word in every part is what they all count, not what tells
    them apart ("120 đoàn viên nữ, 80 đoàn viên nam" is one trait)."""
    pattern, trait_of = _trait_pattern()
    items: list[set[str]] = []
    for i, (p, _, seg) in enumerate(parts):
        cut = [m.end() for m in _ITEM_SEP.finditer(text, seg, p.start)]
        a = cut[-1] if cut else seg
        limit = parts[i + 1][0].start if i + 1 < len(parts) else min(len(text), p.end + 80)
        sep = _ITEM_SEP.search(text, p.end, limit)
        b = sep.start() if sep else limit
        items.append({m.group().lower() for m in pattern.finditer(text, a, b)})
    shared = set.intersection(*items) if items else set()
    if total is not None and total.unit:  # what the total counts ("200 đoàn viên, trong đó 120 đoàn viên nữ, 80 nam")
        shared |= {m.group().lower() for m in pattern.finditer(total.unit)}
    refined = [any(trait_of[w] == REFINED for w in item) for item in items]
    if any(refined) and not all(refined):
        return True  # "10 xã đạt chuẩn nông thôn mới, 5 xã đạt chuẩn nâng cao": the second is among the first
    traits = {trait_of[w] for item in items for w in item - shared if trait_of[w] != REFINED}
    return len(traits) >= 2


def _is_sum(t: Text, total: Tok, parts: list[tuple[Tok, Tok | None, int]], *, subset_possible: bool, max_short: float | None) -> bool:
    """Whether the parts are stated to add up to the total (not only some of it)."""
    from decimal import Decimal

    if _told_apart_by_traits(t.text, parts, total):
        return False
    part_toks = [p for p, _, _ in parts]
    s = sum((p.number.value for p in part_toks), Decimal(0))
    # "trong đó" may name subsets: "rà soát 734 văn bản, trong đó đề xuất 303 và đã xử lý 303"
    subset = len(parts) < 2 or any(_SUBSET_CUE.search(t.text[seg : p.start]) for p, _, seg in parts[1:])
    if subset_possible and s < total.number.value and subset:
        return False
    # "124 xã, phường, đặc khu, trong đó có 20 phường, 1 đặc khu": "trong đó" may list only some parts.
    # Parts falling short of the total count as a stated breakdown only when the two differ like a slip
    # of one digit (a part or the total mistyped), not when most of the total is simply not listed; amounts
    # too: "tổng chi 16.080 tỷ đồng, trong đó chi đầu tư 7.831 tỷ đồng, chi thường xuyên 8.100 tỷ đồng" names
    # the large items of a budget, not all of them.
    short = subset_possible and s < total.number.value
    if short and not _slip(f"{s:f}".split(".")[0], f"{total.number.value:f}".split(".")[0]):
        return False
    return not (short and max_short is not None and total.number.value - s > total.number.value * Decimal(str(max_short)))


def _groups(total: Tok, parts: list[Tok]) -> list[list[Tok]]:
    """Parts that break the total down twice ("1.495 tổ chức, 8.891 cá nhân, với 4.074 cấp tỉnh và 6.312 cấp xã")."""
    from decimal import Decimal

    target = total.number.value
    if target <= 0 or len(parts) < 4:
        return [parts]
    groups: list[list[Tok]] = [[]]
    acc = Decimal(0)
    for p in parts:
        groups[-1].append(p)
        acc += p.number.value
        if acc == target:
            groups.append([])
            acc = Decimal(0)
    if groups[-1] or len(groups) < 3 or any(len(g) < 2 for g in groups[:-1]):
        return [parts]
    return groups[:-1]


def parenthesised(t: Text) -> list[Relation]:
    """ "420 TTHC (Thuế tỉnh 217 TTHC; Kho bạc 11 TTHC; ...)": a total broken down in parentheses."""
    out: list[Relation] = []
    text = t.text
    for tok in t.toks:
        if tok.kind != FIGURE or tok.slash_next or tok.slash_prev:
            continue
        window = text[tok.end : tok.end + 90]
        p = window.find("(")
        if p < 0:
            continue
        gap = window[:p]
        if not re.fullmatch(r"[^\W\d_]*(?:[ \t\n,\-–][^\W\d_]*)*[ \t\n]*", gap) or "\n\n" in gap:
            continue
        open_at = tok.end + p
        close = _matching(text, open_at, min(len(text), open_at + 600))
        if close < 0:
            continue
        inner = text[open_at + 1 : close]
        if _KEYWORD.match(inner.lstrip()):
            continue
        inside = t.between(open_at + 1, close)
        if any(x.slash_next or x.slash_prev for x in inside):
            continue
        # "34 tỉnh, thành phố (28 tỉnh và 6 thành phố)": the parts' units are named before the parenthesis
        named_before = frozenset({w.lower() for w in words(gap)} | ({tok.head} if tok.head else set()))
        parts = _parts_in(t, open_at + 1, close, tok, named_before)
        same_kind = all(p.head is None or p.named or p.head in named_before or _kind_of(tok, p) for p, _, _ in parts)
        # every part is labelled or has a unit: "(0, 0, 0, .1)" is a list of values, not a breakdown
        labelled = all(p.head or re.search(r"[^\W\d_]", text[seg : p.start]) for p, _, seg in parts)
        if len(parts) < 2 or not labelled or not (same_kind or _one_unit(parts)) or any(pc is not None for _, pc, _ in parts):
            continue
        depths = _depths(text, open_at + 1, close)
        top = [x for x in inside if depths[x.start - open_at - 1] == 0 and x.kind == FIGURE]
        if len(top) != len(parts):
            continue
        _emit_breakdown(t, out, tok, parts, subset_possible=False, source="paren")
    return out


# -- bullet lists under a total -------------------------------------------------------------------

_BULLET = re.compile(r"[ \t]*([-+*•–])[ \t]+")
_HEADER_END = re.compile(r"(?::|(?:[Tt]rong đó|[Cc]ụ thể|[Gg]ồm|[Nn]hư sau)\s*;)\s*$")
_NUMBERED_LINE = re.compile(r"[ \t]*(?:\d+(?:\.\d+)*\.|[a-zđ]\)|[IVX]+\.)[ \t]")
_NUMBERED_DETAIL = re.compile(r"[ \t]*\(\d{1,2}\)")


def _ends_header(body: str) -> bool:
    """``_HEADER_END.search(body)``, looking only at the end: a ":", or a ";" after one of the words."""
    body = body.rstrip()
    if body.endswith(":"):
        return True
    if not body.endswith(";"):
        return False
    return _HEADER_END.search(body, max(0, len(body[:-1].rstrip()) - 12)) is not None


@dataclass
class _Block:
    marker: str | None  # None: a plain paragraph
    start: int
    end: int


def _blocks(text: str) -> list[_Block]:
    blocks: list[_Block] = []
    pos = 0
    prev_blank = True
    for line in text.splitlines(keepends=True):
        ls, le = pos, pos + len(line.rstrip("\r\n"))
        pos += len(line)
        if not line.strip():
            prev_blank = True
            continue
        m = _BULLET.match(line)
        if m:
            blocks.append(_Block(m.group(1), ls, le))
        elif blocks and not prev_blank and not _NUMBERED_LINE.match(line):
            blocks[-1].end = le
        elif blocks and prev_blank and blocks[-1].marker is not None and (line[:1].islower() or _NUMBERED_DETAIL.match(line)):
            blocks[-1].end = le  # a list item continued after a page break, or its numbered details
        else:
            blocks.append(_Block(None, ls, le))
        prev_blank = False
    return blocks


def _own_text_end(text: str, b: _Block) -> int:
    """Where a block's own statement ends (its first sentence)."""
    m = re.search(r"\.(?:\s|$)", text[b.start : b.end])
    return b.start + m.start() if m else b.end


def bullet_totals(t: Text) -> list[Relation]:
    out: list[Relation] = []
    text = t.text
    blocks = _blocks(text)
    for i, head in enumerate(blocks):
        body = text[head.start : head.end].rstrip()
        if not _ends_header(body) or i + 1 >= len(blocks):
            continue
        first = blocks[i + 1]
        if first.marker is None or first.marker == head.marker:
            continue
        children: list[tuple[_Block, list[_Block]]] = []
        for b in blocks[i + 1 :]:
            if b.marker is None or b.marker == head.marker:
                break
            if b.marker == first.marker:
                children.append((b, []))
            else:
                children[-1][1].append(b)
        _check_list(t, out, head, children)
        for child, grand in children:
            if len(grand) >= 2:
                _check_list(t, out, child, [(g, []) for g in grand])
    return out


def _figs(t: Text, start: int, end: int) -> list[Tok]:
    depths = _depths(t.text, start, end)
    return [x for x in t.between(start, end) if x.kind == FIGURE and not x.slash_prev and depths[x.start - start] == 0]


def _check_list(t: Text, out: list[Relation], head: _Block, children: list[tuple[_Block, list[_Block]]]) -> None:
    if len(children) < 2:
        return
    text = t.text
    head_figs = _figs(t, head.start, head.end)
    if not head_figs:
        return
    child_figs = [_figs(t, c.start, _own_text_end(text, c) if c.end - c.start > 0 else c.end) for c, _ in children]
    if any(not f for f in child_figs):
        return
    done = False
    units = []
    for f in child_figs[0]:
        if f.head and f.head not in units:
            units.append(f.head)
    for u in units:
        tot = next((h for h in head_figs if h.head == u), None)
        col: list[Any] = [next((f for f in fs if f.head == u), None) for fs in child_figs]
        if tot is None or any(c is None for c in col):
            continue
        out.append(Relation(SUM, [("total", tot)] + [("part", c) for c in col if c is not None], source="list"))
        done = True
    if done:
        return
    # "Tổng số ...: 1974. Trong đó:" / "- Số ...: 83." figures with no unit, after a colon
    unitless = [h for h in head_figs if h.head is None]
    if len(unitless) != 1:
        return
    col = []
    for (c, _), fs in zip(children, child_figs, strict=True):
        f = fs[0]
        if f.head is not None or ":" not in text[c.start : f.start]:
            return
        col.append(f)
    out.append(Relation(SUM, [("total", unitless[0])] + [("part", c) for c in col], source="list"))


# -- footnotes breaking down a body figure ---------------------------------------------------------


def footnote_breakdowns(t: Text, notes: Sequence[NoteRef]) -> list[Relation]:
    out: list[Relation] = []
    text = t.text
    for note in notes:
        rows: list[list[Tok]] = []
        seg = note.start
        depths = _depths(text, note.start, note.end)
        for m in re.finditer(r"[.;](?:\s|$)", text[note.start : note.end] + " "):
            if m.start() < len(depths) and depths[m.start()] > 0:
                continue  # a list inside parentheses does not end a row
            end = note.start + m.start()
            figs = [x for x in t.between(seg, end) if x.kind == FIGURE and depths[x.start - note.start] == 0]
            if figs:
                rows.append(figs)
            seg = note.start + m.end()
        if len(rows) < 2:
            continue
        k = len(rows[0])
        if not 1 <= k <= 3 or any(len(r) != k for r in rows):
            continue
        for a_start, a_end in note.anchors:
            cs, _ = t.bounds.clause(a_start)
            colon = text.rfind(":", cs, a_start)
            body = [x for x in t.between(max(cs, colon + 1), a_end) if x.kind == FIGURE]
            heads = {r[0].head for r in rows}
            if k == 1 and len(heads) == 1 and None not in heads:
                body = [x for x in body if x.head in heads][-1:]
            if len(body) != k or any(b.head is None for b in body):
                continue
            subset = bool(re.search(r"\b[Tt]rong đó\b", text[note.start : note.end]))
            for j in range(k):
                col = [r[j] for r in rows]
                if sum(1 for c in col if c.head == body[j].head) * 2 < len(col):
                    continue
                if subset and sum(c.number.value for c in col) < body[j].number.value:
                    continue
                out.append(Relation(SUM, [("total", body[j])] + [("part", c) for c in col], source="footnote"))
            break
    return out


# -- counts against named items --------------------------------------------------------------------

_ORG_HEAD = re.compile(
    r"(?:Hội|Hiệp hội|Câu lạc bộ|Liên đoàn|Liên hiệp|Sở|Ban|Bộ|Phòng|Ủy ban|UBND|Trung tâm|Đảng ủy|Đảng bộ|Chi bộ|"
    r"Xã|xã|Phường|phường|Thị trấn|thị trấn|Huyện|huyện|Tỉnh|tỉnh|Thành phố|Công ty|Trường|Cơ quan|Viện|Tòa án|"
    r"Văn phòng|Đoàn|Mặt trận|Quỹ|Hợp tác xã|Bệnh viện|Công an|Cục|Chi cục|Tổng cục|Thôn|Bản|Tổ|Đồn|Kho bạc|Thuế|"
    r"Bảo hiểm|Ngân hàng|Báo|Đài|Nhà|Đồng chí|đồng chí|Ông|Bà|ông|bà)\b"
)
_ENUM = re.compile(r"(?:,?\s*(?:bao gồm|gồm)\s*:?|:)\s*")


def enumerations(t: Text) -> list[Relation]:
    out: list[Relation] = []
    text = t.text
    for tok in t.toks:
        if tok.kind != FIGURE or tok.number.decimals or not 2 <= tok.number.value <= 40 or tok.head is None or tok.head in _NOT_COUNTED:
            continue
        ss, se = t.bounds.sentence(tok.start)
        window_end = min(se, tok.end + 140)
        m = None
        for mm in _ENUM.finditer(text, tok.end, window_end):
            m = mm
            break
        paren = re.compile(r"[^\d()\n.;:]{0,60}?\(").match(text, tok.end)
        if paren is not None and (m is None or paren.end() <= m.start()):
            # "08 chi cục thuộc Sở ... (Trồng trọt ...; Chăn nuôi và Thú y; ...)"
            close = _matching(text, paren.end() - 1, min(len(text), paren.end() + 800))
            if close < 0:
                continue
            lst = text[paren.end() : close]
            if re.search(r"\d", lst) or ";" not in lst and "," not in lst:
                continue
            items = _split_items(lst, paren.end(), ";" if ";" in lst else None)
            if len(items) < 2 or not all(it.text[:1].isupper() for it in items):
                continue
            alt = len(_merge_items(items)) if ";" not in lst else None
            out.append(Relation(COUNT, [("count", tok)], items=items, alt_count=alt, source="enumeration"))
            continue
        if m is None:
            continue
        if any(x.kind in (FIGURE, PERCENT) for x in t.between(tok.end, m.start())):
            continue
        lst = text[m.end() : se]
        by_semicolon = lst.count(";") >= 1 and all(seg.strip()[:1].isupper() for seg in lst.split(";") if seg.strip())
        if not by_semicolon:
            # "05 hội ..., gồm: A, B, C, D và E; ..." : the list ends at the first semicolon
            semi = lst.find(";")
            lst = lst if semi < 0 else lst[:semi]
        if not lst.strip() or re.search(r"\d", lst):
            continue
        items = _split_items(lst, m.end(), ";" if by_semicolon else None)
        if len(items) < 2 or not all(it.text[:1].isupper() for it in items):
            continue
        alt = None if by_semicolon else len(_merge_items(items))
        out.append(Relation(COUNT, [("count", tok)], items=items, alt_count=alt, source="enumeration"))
    return out


def _split_items(lst: str, offset: int, sep: str | None = None) -> list[Item]:
    items: list[Item] = []
    pos = 0
    body = lst.rstrip(" .\n\t")
    pattern = r";\s*" if sep == ";" else r",\s*|\s+và\s+(?=[^\W\d_])"
    for m in re.finditer(pattern, body):
        sep_is_va = "và" in m.group()
        if sep_is_va and not body[m.end() : m.end() + 1].isupper():
            continue
        _add_item(items, body, pos, m.start(), offset)
        pos = m.end()
    _add_item(items, body, pos, len(body), offset)
    return items


def _add_item(items: list[Item], body: str, a: int, b: int, offset: int) -> None:
    raw = body[a:b]
    lead = len(raw) - len(raw.lstrip())
    s = raw.strip()
    if s:
        items.append(Item(" ".join(s.split()), offset + a + lead, offset + a + lead + len(s)))


def _merge_items(items: list[Item]) -> list[Item]:
    """A second reading: items not starting with an organisation word continue the previous name."""
    out: list[Item] = []
    for it in items:
        if out and not _ORG_HEAD.match(it.text):
            out[-1] = Item(out[-1].text + ", " + it.text, out[-1].start, it.end)
        else:
            out.append(it)
    return out


# -- increases and decreases -------------------------------------------------------------------------

_CHANGE = re.compile(r"\b(tăng|giảm)\s+(?:thêm\s+)?")
_change_finditer = prefiltered(_CHANGE, re.compile(r"tăng|giảm"))
_SINCE_PAREN = re.compile(
    r"[ \t]*(?:[^\W\d_]+[ \t]+){0,3}so với[ \t]+(?:[^\W\d_()]+[ \t]+){0,4}(?:(?:năm|tháng|quý)[ \t]+[\dIV/]+[ \t]*)?\([ \t]*"
)


def differences(t: Text) -> list[Relation]:
    out: list[Relation] = []
    text = t.text
    for m in _change_finditer(text):
        toks = t.between(m.end(), m.end() + 12)
        if not toks or toks[0].start != m.end():
            continue
        d = toks[0]
        if d.kind != FIGURE:
            continue
        sign = 1 if m.group(1) == "tăng" else -1
        after = text[d.end : d.end + 40]
        pm = re.match(r"[ \t]*(?:[^\W\d_]+(?:[ \t]+|(?=\())){0,3}\(\s*", after)
        nxt = _next_tok(t, d)
        if pm and nxt is not None and nxt.start == d.end + pm.end() and nxt.slash_next:
            b = _next_tok(t, nxt)
            if b is not None and b.slash_prev and b.kind == FIGURE and nxt.kind == FIGURE:
                out.append(Relation(DIFFERENCE, [("after", nxt), ("before", b), ("difference", d)], sign=sign, source="change"))
                continue
        # "xảy ra 12 vụ, giảm 3 vụ so với cùng kỳ năm 2023 (15 vụ)": the earlier figure in parentheses
        sm = _SINCE_PAREN.match(text, d.end)
        b0 = next((x for x in t.between(sm.end(), sm.end() + 24) if x.start == sm.end()), None) if sm else None
        if b0 is None:
            b0 = _earlier_in_parens(t, d, m.start())
        if b0 is not None and b0.kind == FIGURE and not b0.slash_next and b0.head in (None, d.head):
            now = _now_figure(t, m.start(), d.head)
            if now is not None:
                out.append(Relation(DIFFERENCE, [("after", now), ("before", b0), ("difference", d)], sign=sign, source="change"))
                continue
        # "có 1.897 hộ ... Sau 20 năm ... đến nay có 3.313 hộ ... tăng 1.416 hộ với 4.921 khẩu"
        if nxt is None or nxt.kind != PERCENT:
            out.extend(_changes_since(t, m.start(), d, sign))
            continue
        # "tăng 120 vụ, tương ứng 12,5%": the base is the current figure minus the change
        gm = re.match(r"[ \t]*(?:[^\W\d_]+(?:[ \t]+|(?=[,(]))){0,3}[,(]?\s*(?:tương ứng|tương đương|bằng|đạt)?\s*(?:tỷ lệ\s*)?", after)
        if nxt is None or nxt.kind != PERCENT or gm is None or nxt.start != d.end + gm.end():
            continue
        cs, _ = t.bounds.clause(m.start())
        ss, _ = t.bounds.sentence(m.start())
        cands = [x for x in t.between(ss, m.start()) if x.kind == FIGURE and x.head == d.head and d.head is not None]
        if not cands:
            out.append(Relation(GROWTH, [("difference", d), ("percent", nxt)], sign=sign, source="change"))
            continue
        out.append(Relation(GROWTH, [("after", cands[-1]), ("difference", d), ("percent", nxt)], sign=sign, source="change"))
    return out


_PAREN_AFTER_CHANGE = re.compile(r"[ \t]*(?:[^\W\d_]+[ \t]+){0,2}\(")
_PERIOD = re.compile(r"\b(?:năm|quý|tháng|cùng kỳ|kỳ trước)\b")
_COMPARED = re.compile(r"so với|cùng kỳ")


def _earlier_in_parens(t: Text, d: Tok, at: int) -> Tok | None:
    """ "so với cùng kỳ năm trước tăng 131 đơn (6 tháng đầu năm 2019 tiếp nhận 1.405 đơn)": the period
    compared with, and its figure of the change's unit, in parentheses right after the change."""
    text = t.text
    pm = _PAREN_AFTER_CHANGE.match(text, d.end)
    if pm is None or d.head is None:
        return None
    cs, _ = t.bounds.clause(at)
    close = _matching(text, pm.end() - 1, min(len(text), pm.end() + 200))
    if close < 0 or not _PERIOD.search(text, pm.end(), close) or not _COMPARED.search(text, cs, close):
        return None
    depths = _depths(text, pm.end(), close)
    same = [x for x in t.between(pm.end(), close) if x.kind == FIGURE and depths[x.start - pm.end()] == 0 and x.head == d.head]
    return same[0] if len(same) == 1 and not same[0].slash_prev else None


def _now_figure(t: Text, at: int, head: str | None) -> Tok | None:
    """The sentence's last figure of the unit before a change, outside parentheses (the current figure)."""
    if head is None:
        return None
    ss, _ = t.bounds.sentence(at)
    depths = _depths(t.text, ss, at)
    now = [x for x in t.between(ss, at) if x.kind == FIGURE and x.head == head and depths[x.start - ss] == 0]
    return now[-1] if now else None


_THEN = re.compile(r"thành lập|trước|cùng kỳ|đầu năm|ban đầu|từ khi|\bnăm (?:19|20)\d\d")
_NOW = re.compile(r"\b(?:nay|hiện nay|hiện có|sau)\b")


def _changes_since(t: Text, at: int, d: Tok, sign: int) -> list[Relation]:
    """A change whose earlier figure sits in an earlier sentence that says when ("khi mới thành lập")."""
    text = t.text
    diffs = [d]
    cur = d
    while len(diffs) < 4:  # "tăng 1.416 hộ với 4.921 khẩu": one change per unit
        nxt = _next_tok(t, cur)
        if (
            nxt is None
            or nxt.kind != FIGURE
            or not re.fullmatch(r"\s*(?:[^\W\d_]+(?:\s+|(?=,))){0,2}(?:với|và|,)\s*", text[cur.end : min(nxt.start, cur.end + 60)])
        ):
            break
        diffs.append(nxt)
        cur = nxt
    ss, _ = t.bounds.sentence(at)
    if not _NOW.search(text[ss:at]):
        return []
    out = []
    for diff in diffs:
        if diff.head is None:
            continue
        afters = [x for x in t.between(ss, at) if x.kind == FIGURE and x.head == diff.head]
        if not afters:
            continue
        after = afters[-1]
        ps, _ = t.bounds.sentence(max(0, ss - 1))
        if ps >= ss or not _THEN.search(text[ps:ss]):
            continue
        befores = [x for x in t.between(ps, ss) if x.kind == FIGURE and x.head == diff.head]
        if len(befores) != 1:
            continue
        out.append(Relation(DIFFERENCE, [("after", after), ("before", befores[0]), ("difference", diff)], sign=sign, source="change"))
    return out


_TIMES_BEFORE = re.compile(r"(?:tăng|gấp|tăng gấp)\s+(?:khoảng\s+|gần\s+|hơn\s+|trên\s+)?$")


def times(t: Text) -> list[Relation]:
    """ "từ 570 hộ tăng lên 1.475 hộ, tăng 2,5 lần": the later figure over the earlier one."""
    out: list[Relation] = []
    text = t.text
    for p in t.toks:
        if p.kind != FIGURE or not re.match(r"\s*lần\b", text[p.end : p.end + 8]):
            continue
        if not _TIMES_BEFORE.search(text[max(0, p.start - 20) : p.start]):
            continue
        lan = re.match(r"\s*lần\b", text[p.end : p.end + 8])
        sm = _SINCE_PAREN.match(text, p.end + lan.end()) if lan else None
        b0 = next((x for x in t.between(sm.end(), sm.end() + 24) if x.start == sm.end()), None) if sm else None
        if b0 is not None and b0.kind == FIGURE and not b0.slash_next:
            # "đạt 45 triệu đồng, tăng 1,5 lần so với năm 2020 (30 triệu đồng)": the earlier figure in parentheses
            now = _now_figure(t, p.start, b0.head)
            if now is not None:
                out.append(Relation(TIMES, [("after", now), ("before", b0), ("times", p)], source="times"))
            continue
        prev = [x for x in t.between(max(0, p.start - 160), p.start) if x.kind == FIGURE and x is not p]
        if len(prev) < 2:
            continue
        a, b = prev[-2], prev[-1]
        if not re.search(r"\btừ\s*$", text[max(0, a.start - 8) : a.start]) or not re.search(r"\b(?:lên|đến)\b", text[a.end : b.start]):
            continue
        if a.head and b.head and a.head != b.head and len(a.head) > 2 and len(b.head) > 2 and a.head[:2] != b.head[:2]:
            continue
        out.append(Relation(TIMES, [("after", b), ("before", a), ("times", p)], source="times"))
    return out


# -- the same total stated twice -----------------------------------------------------------------------

_TOTAL_LABEL = re.compile(r"[Tt]ổng số ([^\W\d_][^\d:;.()\n]{2,60}?)(?:\s+là|\s*:)\s*")


def repeated_totals(t: Text) -> list[Relation]:
    out: list[Relation] = []
    seen: dict[str, Tok] = {}
    for m in _TOTAL_LABEL.finditer(t.text):
        toks = t.between(m.end(), m.end() + 20)
        if not toks or toks[0].start != m.end() or toks[0].kind != FIGURE:
            continue
        label = " ".join(m.group(1).lower().split())
        tok = toks[0]
        if label in seen and _slip(seen[label].written, tok.written):
            out.append(
                Relation(REPEAT, [("first", seen[label]), ("second", tok)], items=[Item(label, m.start(1), m.end(1))], source="repeat")
            )
        else:
            seen[label] = tok
    return out


def _slip(a: str, b: str) -> bool:
    """Equal, or one digit apart (changed, dropped, added, or two neighbours swapped)."""
    a, b = re.sub(r"\D", "", a), re.sub(r"\D", "", b)
    if a == b:
        return True
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
    if abs(len(a) - len(b)) == 1:
        short, long_ = (a, b) if len(a) < len(b) else (b, a)
        return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))
    return False


_DONE = re.compile(r"\bđã ((?:[^\W\d_]+ ){0,2}[^\W\d_]+)(?: là|:)?\s*$")


_NOT_YET = re.compile(r"\bchưa ((?:[^\W\d_]+ ){0,2}[^\W\d_]+)(?: là|:)?\s*")
_not_yet_finditer = prefiltered(_NOT_YET, re.compile(r"chưa "))


def complements(t: Text) -> list[Relation]:
    """ "Số kiến nghị là A, số đã thực hiện là B, số chưa thực hiện là C": A = B + C.

    A percentage "đã thực hiện p%" in the same sentence is B of A.
    """
    out: list[Relation] = []
    text = t.text
    for m in _not_yet_finditer(text):
        c = next((x for x in t.between(m.end(), m.end() + 30) if x.start == m.end() and x.kind == FIGURE), None)
        if c is None:
            continue
        verb = re.sub(r"\s+là$", "", m.group(1))
        ss, _ = t.bounds.sentence(m.start())
        before = [x for x in t.between(ss, m.start()) if x.kind == FIGURE and x.head == c.head]
        done = None
        for x in reversed(before):
            dm = _DONE.search(text[max(ss, x.start - 60) : x.start])
            if dm and re.sub(r"\s+là$", "", dm.group(1)) == verb:
                done = x
                break
        if done is None:
            continue
        whole = [x for x in before if x.end <= done.start]
        if not whole:
            continue
        total = whole[-1]
        out.append(Relation(SUM, [("total", total), ("part", done), ("part", c)], source="complement"))
        pm = None
        for pm_ in re.finditer(r"\bđã " + re.escape(verb) + r"\s*", text[max(0, ss - 1) : total.start]):
            pm = pm_
        if pm is not None:
            p0 = max(0, ss - 1) + pm.end()
            pct = next((x for x in t.between(p0, p0 + 12) if x.kind == PERCENT and x.start == p0), None)
            if pct is not None:
                out.append(Relation(PERCENTAGE, [("numerator", done), ("denominator", total), ("percent", pct)], source="complement"))
    return out


_PLAN_PCT = re.compile(r"(?:,|;)?\s*(?:đạt|bằng|[Tt]ỷ lệ thực hiện:?|đạt tỷ lệ|đạt tỉ lệ)\s*$")
_AGAINST_PLAN = re.compile(r"\s*%?\s*(?:so với\s*)?(?:kế hoạch|dự toán|chỉ tiêu)")
_PLAN_BEFORE = re.compile(
    r"(?:[Dd]ự toán|[Kk]ế hoạch|[Cc]hỉ tiêu|[Tt]ổng)(?:[^.;()]|\.(?=\d)){0,80}?(?:là|:)\s*$"
    r"|(?:[Dd]ự toán|[Cc]hỉ tiêu)(?:[ \t]+(?:được[ \t]+)?(?:giao|đề ra|năm[ \t]+\d{4}))?[ \t]*$"  # "Chỉ tiêu giao 150 đảng viên"
)
# "đạt 96,2% kế hoạch (kế hoạch 1.300 lao động)": the plan in parentheses after the percentage
_PLAN_PAREN = re.compile(
    r"[ \t]*(?:[^\W\d_]+[ \t]*){0,3}\([ \t]*(?:kế hoạch|chỉ tiêu|dự toán)(?:[ \t]+(?:giao|năm[ \t]+\d{4}))?[ \t]*(?:là|:)?[ \t]*"
)
_TOTAL_BEFORE = re.compile(r"[Tt]ổng(?: số)?(?:[^.;]|\.(?=\d)){0,140}?(?:là|:)\s*$")


_NAMED_PLAN = re.compile(r"(?:^|[.;]\s*)(?:[Kk]ế hoạch|[Cc]hỉ tiêu|[Dd]ự toán)\b[^.;()]{0,60}?(?:là|:|giao)\s*$")


def plan_percentages(t: Text) -> list[Relation]:
    """A result against its plan or total stated earlier in the sentence.

    "Dự toán ... là 22.143 tỷ đồng ..., đã giải ngân được 9.400 tỷ đồng, đạt 42,5% kế hoạch";
    "Tổng số phản ánh đã tiếp nhận là 788; số đã trả lời là 788, đạt tỷ lệ 100%".
    """
    out: list[Relation] = []
    text = t.text
    for pct in t.toks:
        if pct.kind != PERCENT or pct.index == 0:
            continue
        a = t.toks[pct.index - 1]
        gap = text[a.end : pct.start]
        if a.kind != FIGURE or a.slash_prev or a.slash_next or len(gap) > 45 or not _PLAN_PCT.search(gap):
            continue
        if re.search(r"\d", gap):
            continue
        against_plan = bool(_AGAINST_PLAN.match(text, pct.end))
        pm = _PLAN_PAREN.match(text, pct.end + 1) if against_plan else None
        paren_plan = next((x for x in t.between(pm.end(), pm.end() + 20) if x.start == pm.end()), None) if pm else None
        if paren_plan is not None and paren_plan.kind == FIGURE and paren_plan.head == a.head and not paren_plan.slash_next:
            out.append(Relation(PERCENTAGE, [("numerator", a), ("denominator", paren_plan), ("percent", pct)], source="plan"))
            continue
        ss, _ = t.bounds.sentence(a.start)
        depths = _depths(text, ss, a.start)
        level = [x for x in t.between(ss, a.start) if x.kind == FIGURE and x.head == a.head and depths[x.start - ss] == 0]
        plan = None
        for x in reversed(level):
            window = text[max(ss, x.start - 160) : x.start]
            # a plan named as such ("Kế hoạch năm 2024 là 1.300 lao động; ... 1.250 lao động, đạt 96,2%") needs no
            # "kế hoạch" after the percentage
            if (a.head and _PLAN_BEFORE.search(window) and (against_plan or _NAMED_PLAN.search(window))) or _TOTAL_BEFORE.search(window):
                plan = x
                break
        if plan is None:
            continue
        out.append(Relation(PERCENTAGE, [("numerator", a), ("denominator", plan), ("percent", pct)], source="plan"))
    return out


_NUMBERED = re.compile(r"\((\d{1,2})\)")
# "chính quyền địa phương 2 cấp: (1) ...": levels, times and spans of time are not counts of what follows
_NOT_COUNTED = frozenset({"cấp", "lần", "năm", "tháng", "ngày", "giờ", "phút", "tuần", "quý", "kỳ", "khóa"})


def numbered_lists(t: Text) -> list[Relation]:
    """ "05 mô hình ..., gồm: (1) ...; (2) ...; ... (5) ...": a count against numbered items."""
    out: list[Relation] = []
    text = t.text
    for tok in t.toks:
        if tok.kind != FIGURE or tok.number.decimals or not 2 <= tok.number.value <= 30 or tok.head is None or tok.head in _NOT_COUNTED:
            continue
        m = re.compile(r"[^.;\n]{0,220}?(?:gồm|bao gồm|sau|như sau)?\s*:\s*\(1\)").match(text, tok.end)
        if m is None or re.search(r"\d", text[tok.end : m.end() - 3]):
            continue
        items: list[Item] = []
        pos = m.end() - 3
        expect = 1
        limit = min(len(text), pos + 4000)
        last = pos
        for nm in _NUMBERED.finditer(text, pos, limit):
            k = int(nm.group(1))
            if k == 1 and expect > 1:
                break  # a new list starts
            if k != expect:
                continue
            if nm.start() - last > 1200:
                break
            last = nm.end()
            items.append(Item(nm.group(), nm.start(), nm.end()))
            expect += 1
        if len(items) < 2:
            continue
        out.append(Relation(COUNT, [("count", tok)], items=items, source="numbered"))
    return out


_PARTICLES = frozenset({"với", "đối", "xong", "được", "là", "có", "đã", "cho", "và", "tổng", "số", "thêm"})


def footnote_by_verb(t: Text, notes: Sequence[NoteRef]) -> list[Relation]:
    """A footnote listing figures under the same verb and unit as a body figure ("rà soát 734 văn bản" / "rà soát 77 văn bản")."""
    out: list[Relation] = []
    text = t.text

    def key(x: Tok) -> tuple[str, str | None] | None:
        # the verb before the figure, past its particles: "xử lý đối với 303" and "xử lý xong 77" share "lý"
        w = [v.lower() for v in words(text[max(0, x.start - 40) : x.start])]
        while w and w[-1] in _PARTICLES:
            w.pop()
        return (w[-1], x.head) if w and x.head else None

    for note in notes:
        figs = [x for x in t.between(note.start, note.end) if x.kind == FIGURE]
        groups: dict[tuple[str, str | None], list[Tok]] = {}
        for x in figs:
            k = key(x)
            if k:
                groups.setdefault(k, []).append(x)
        for a_start, a_end in note.anchors:
            cs, _ = t.bounds.sentence(a_start)
            used: set[tuple[str, str | None]] = set()
            found: list[Relation] = []
            for b in [x for x in t.between(cs, a_end) if x.kind == FIGURE]:
                k = key(b)
                if k and k not in used and len(groups.get(k, [])) >= 2:
                    used.add(k)
                    found.append(Relation(SUM, [("total", b)] + [("part", p) for p in groups[k]], source="footnote"))
            # only when the footnote is nothing but these breakdowns: every figure in it is accounted for
            if found and sum(len(groups[k]) for k in used) == len(figs):
                out.extend(found)
    return out


def _unclaimed(rels: list[Relation], claimed: list[Relation]) -> list[Relation]:
    """Relations whose total no earlier finder has already broken down."""
    totals = {r.tok("total").start for r in claimed if r.tok("total") is not None}  # type: ignore[union-attr]
    return [r for r in rels if r.tok("total") is None or r.tok("total").start not in totals]  # type: ignore[union-attr]


def find_all(text: str, notes: Sequence[NoteRef] = (), t: Text | None = None) -> list[Relation]:
    """Every relation the text states, deduplicated (the first finder to claim one keeps it)."""
    t = t or Text(text)
    found: list[Relation] = []
    seen: set[tuple[str, tuple[tuple[str, int], ...]]] = set()
    by_note = footnote_breakdowns(t, notes)
    for rel in [
        *ratio_percentages(t),
        *by_note,
        *_unclaimed(footnote_by_verb(t, notes), by_note),
        *complements(t),
        *plan_percentages(t),
        *numbered_lists(t),
        *bullet_totals(t),
        *breakdowns(t),
        *leading_totals(t),
        *colon_totals(t),
        *parenthesised(t),
        *enumerations(t),
        *differences(t),
        *repeated_totals(t),
        *times(t),
    ]:
        k = rel.key()
        if k in seen:
            continue
        seen.add(k)
        found.append(rel)
    return found
