"""Figures in text: every number with what it is (a figure, a percentage, part of a date or an id).

One pass over the text with :data:`nq_extract.numbers.NUMBER_RE`; each number
is classified by its immediate neighbours only (bounded look-behind and
look-ahead windows), so the scan is linear in the length of the text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from ..numbers import GROUPED_RE, Number, parse_number

FIGURE = "figure"
PERCENT = "percent"
DATE = "date"
YEAR = "year"
ID = "id"
HEADING = "heading"
CELL = "cell"  # the value at the end of a numbered row of a statistics table laid out as text
RANGE = "range"  # either end of a range ("1,4-1,5 triệu người", "23 – 25%"): no figure of its own

# Units whose whole numbers are themselves rounded (money in millions, areas, weights).
ROUNDED_UNITS = frozenset(
    ["tỷ", "triệu", "nghìn", "ngàn", "đồng", "ha", "héc-ta", "kg", "tấn", "tạ", "km", "m", "m2", "m3", "lít", "usd", "đô-la", "giờ", "phút"]
)

_ID_BEFORE = re.compile(
    r"(?:(?<!tổng )(?<!Tổng )(?<!thiểu )(?<!đa )(?<!Đa )(?<!trong )(?<!Trong )\bsố|\bSố|Điều|điều|[Kk]hoản|(?<!thí )[Đđ]iểm|Chương|Mục|[Pp]hụ lục|\bthứ|hạng|xếp|vị trí|[Kk]hóa|[Kk]hoá|"
    r"Trung ương|Nghị định|Thông tư|Chỉ thị|Kết luận|Nghị quyết|Hướng dẫn|Kế hoạch|Quyết định|Công văn|"
    r"Văn bản|Ban Chỉ đạo|Quy định|Phương án|Tờ trình|Báo cáo|Luật|Công điện|Thông báo|Đề án|Chương trình|"
    r"Dự án|Tổ|Nhóm|Đội|Khu|Tiểu khu|Quốc lộ|Tỉnh lộ|[Tt]ổ dân phố|[Tt]hôn|[Ll]ớp|Phòng|[Kk]ỳ họp|lần|Lần|"
    r"[Mm]ức độ|[Cc]ấp độ|[Bb]ậc|loại)\s*$"  # levels and grades: "đạt chuẩn mức độ 2", "đô thị loại III"
)
_ID_AFTER = re.compile(r"[/-]\s?[A-ZĐ]|/\d{4}/|[a-z]\b(?!\s)|h\d|/[A-ZĐa-zđ]")
_YEAR_BEFORE = re.compile(r"(?:năm|Năm|đến|từ|Từ|giai đoạn|[Kk]hóa|nhiệm kỳ|tháng|quý|[-–/(]|cuối|đầu|sau|trước)\s*$")
# "ước" as a word: "trong nước 1.400" is no estimate; "48 trên 52" is "out of", not "more than"
_APPROX_BEFORE = re.compile(
    r"(?:khoảng|Khoảng|gần|Gần|(?<!\d )trên|Trên|hơn|Hơn|xấp xỉ|\bước đạt|\bước tính|\bước|chừng|dưới|Dưới|ít nhất|tối thiểu|"
    r"tối đa|gần như|hầu hết|trung bình|bình quân)\s*$"
)
_DATE_CUE = re.compile(r"(?:ngày|dịp|kỷ niệm|lễ|Tết|tết|tháng|từ|đến|sáng|chiều|tối)\s*$|\d\d?/\d\d?\s*(?:và|,|-|–)\s*$")
_UNIT_AFTER = re.compile(r"[ \t]?\n?[ \t]*([^\W\d_][^\W\d_]*(?:[ \t\n][^\W\d_]+)?)")
_WORD = re.compile(r"[^\W\d_]+")

# numbers.NUMBER_RE with its first digit consumed before the guards: the same
# matches, but the engine skips to digits in C instead of trying the leading
# look-behind at every position (\d{1,3} is \d + \d{0,2}, \d+ is \d + \d*,
# tried in the same order).
_NUMBER = re.compile(r"\d(?<![\d.,]\d)(?:\d{0,2}(?:\.\d{3})+|\d*)(?:,\d+)?(?!\d)")
_PERCENT_AFTER = re.compile(r"[ \t]?%")
_DOTTED_DATE_AFTER = re.compile(r"\.\d{1,2}\.\d{4}")
_HOUR_AFTER = re.compile(r"h\d")
_NGAY_BEFORE = re.compile(r"ngày\s*$")
_ROMAN_SLASH = re.compile(r"[IVX]/$")
_SLASHED_ID_AFTER = re.compile(r"/\s?\d+\s?/")
_YEAR_RANGE_AFTER = re.compile(r"\s?[-–]\s?\d{4}")
_PAREN_AFTER = re.compile(r"\s?\)")
_HEADING_AFTER = re.compile(r"[.)]\s|\.\d|\.$|\)")
_ROW_NUMBER = re.compile(r"\d+(?:\.\d+)+\.?\s")


def _tails(pattern: re.Pattern[str]) -> tuple[str, ...]:
    """The words a pattern ``(?:w1|w2|...)\\s*$`` can end a text with (before white space).

    Each alternative is literal text with optional ``[Xx]`` classes, look-behinds
    and ``\\b``; a text whose stripped end is none of these cannot match, which is
    much cheaper to test than the search (tried at every position of the text).
    """
    body = pattern.pattern
    assert body.startswith("(?:") and body.endswith(r")\s*$") and not pattern.flags & re.IGNORECASE, body
    out: list[str] = []
    for alt in body[3:-5].split("|"):
        alt = re.sub(r"\(\?<!.*?\)|\\b", "", alt)
        words = [""]
        for m in re.finditer(r"\[(\w+)\]|([^\[\]\\()?*+{}.^$|]+)", alt):
            words = [w + c for w in words for c in (m.group(1) or [m.group(2)])]
        assert "".join(m.group() for m in re.finditer(r"\[\w+\]|[^\[\]\\()?*+{}.^$|]+", alt)) == alt, alt
        out += words
    return tuple(out)


_ID_TAILS = _tails(_ID_BEFORE)
_APPROX_TAILS = _tails(_APPROX_BEFORE)


def _id_before(before: str) -> bool:
    """``_ID_BEFORE.search(before)``, tried only when the text ends with one of its words."""
    return before.rstrip().endswith(_ID_TAILS) and _ID_BEFORE.search(before) is not None


def _approx_before(before: str) -> bool:
    return before.rstrip().endswith(_APPROX_TAILS) and _APPROX_BEFORE.search(before) is not None


@dataclass(frozen=True, init=False)
class Tok:
    """A number in the text and what it is."""

    index: int
    start: int
    end: int  # end of the number itself ("96,3")
    number: Number
    kind: str
    unit: str | None = None  # the word after the number, lowercased
    approx: bool = False
    slash_next: bool = False  # "A/B": this is A
    slash_prev: bool = False  # this is B

    def __init__(
        self,
        index: int,
        start: int,
        end: int,
        number: Number,
        kind: str,
        unit: str | None = None,
        approx: bool = False,
        slash_next: bool = False,
        slash_prev: bool = False,
    ) -> None:
        # The fields written into the instance's dict: a frozen dataclass's own __init__
        # sets each through object.__setattr__, three times slower (a report has thousands of figures).
        d = self.__dict__
        d["index"] = index
        d["start"] = start
        d["end"] = end
        d["number"] = number
        d["kind"] = kind
        d["unit"] = unit
        d["approx"] = approx
        d["slash_next"] = slash_next
        d["slash_prev"] = slash_prev

    @property
    def written(self) -> str:
        return self.number.written

    @property
    def is_figure(self) -> bool:
        return self.kind == FIGURE

    @property
    def exact(self) -> bool:
        """Counts are exact; percentages, decimals and amounts in rounded units are intervals."""
        if self.kind == PERCENT or self.number.decimals:
            return False
        return (self.head or "") not in ROUNDED_UNITS

    @property
    def head(self) -> str | None:
        """The first word after the figure, lowercased ("lượt người" -> "lượt")."""
        return self.unit.split(" ")[0].lower() if self.unit else None

    @property
    def named(self) -> bool:
        """The word after the figure is capitalised: it names the items ("28 Ban quản lý")."""
        return bool(self.unit) and self.unit is not None and self.unit[0].isupper()


def _line_start(text: str, i: int) -> int:
    j = text.rfind("\n", max(0, i - 400), i)
    return j + 1 if j >= 0 else max(0, i - 400)


def scan(text: str) -> list[Tok]:
    """Every number of the text, classified."""
    raw = [m.span() for m in _NUMBER.finditer(text)]
    toks: list[Tok] = []
    parsed: dict[str, Number | None] = {}  # the same figure is often written many times ("2025")
    for idx, (s, e) in enumerate(raw):
        written = text[s:e]
        if written in parsed:
            number = parsed[written]
        else:
            number = parsed[written] = parse_number(written)
        if number is None:
            continue
        before = text[max(0, s - 30) : s]
        after = text[e : e + 14]
        slash_next = after.startswith("/") and idx + 1 < len(raw) and raw[idx + 1][0] == e + 1
        slash_prev = s > 0 and text[s - 1] == "/" and idx > 0 and raw[idx - 1][1] == s - 1
        kind = _classify(text, s, e, number, before, after, slash_next, slash_prev, raw, idx)
        unit = None
        rest = after
        if kind == PERCENT:
            rest = after[after.find("%") + 1 :]
        if kind in (FIGURE, PERCENT) and not slash_next:
            m = _UNIT_AFTER.match(text, e if kind == FIGURE else e + after.find("%") + 1)
            if m:
                unit = " ".join(m.group(1).split())
        del rest
        approx = _approx_before(before) if kind in (FIGURE, PERCENT) else False
        toks.append(Tok(len(toks), s, e, number, kind, unit, approx, slash_next, slash_prev))
    # a date or an id spreads to its slash partner
    out: list[Tok] = []
    for i, t in enumerate(toks):
        if t.kind == FIGURE and t.slash_prev and i > 0 and toks[i - 1].kind in (DATE, ID, YEAR):
            t = Tok(t.index, t.start, t.end, t.number, toks[i - 1].kind, None, False, t.slash_next, t.slash_prev)
        out.append(t)
    for i in range(len(out) - 2, -1, -1):
        t, n = out[i], out[i + 1]
        if t.kind == FIGURE and t.slash_next and n.kind in (DATE, ID, YEAR):
            out[i] = Tok(t.index, t.start, t.end, t.number, n.kind, None, False, t.slash_next, t.slash_prev)
    for i in range(len(out) - 1):
        t, n = out[i], out[i + 1]
        if t.kind in (FIGURE, PERCENT, RANGE) and n.kind in (FIGURE, PERCENT) and _RANGE_DASH.fullmatch(text, t.end, n.start):
            out[i] = Tok(t.index, t.start, t.end, t.number, RANGE, t.unit, t.approx, t.slash_next, t.slash_prev)
            out[i + 1] = Tok(n.index, n.start, n.end, n.number, RANGE, n.unit, n.approx, n.slash_next, n.slash_prev)
    return out


_RANGE_DASH = re.compile(r"[ \t]?[-–][ \t]?")


def _classify(
    text: str,
    s: int,
    e: int,
    number: Number,
    before: str,
    after: str,
    slash_next: bool,
    slash_prev: bool,
    raw: list[tuple[int, int]],
    idx: int,
) -> str:
    if "%" in after[:2] and _PERCENT_AFTER.match(after):
        return PERCENT
    # dates: 28/11/2023, 12/2023, 27.7.1999, 07h30
    if slash_next and slash_prev:
        return DATE
    if (
        slash_next
        and idx + 2 < len(raw)
        and raw[idx + 1][1] < len(text)
        and text[raw[idx + 1][1] : raw[idx + 1][1] + 1] == "/"
        and raw[idx + 2][0] == raw[idx + 1][1] + 1
    ):
        return DATE
    if slash_next and idx + 1 < len(raw):
        nxt = text[raw[idx + 1][0] : raw[idx + 1][1]]
        if len(nxt) == 4 and nxt[:2] in ("19", "20") and number.decimals == 0 and number.value <= 12:
            return DATE
        if number.value <= 31 and _NGAY_BEFORE.search(before):
            return DATE
        # "dịp 30/4", "kỷ niệm 19/5": a day and month, not a ratio above one
        nv = parse_number(nxt)
        day_month = nv is not None and nv.decimals == 0 and number.decimals == 0 and 1 <= nv.value <= 12 and 1 <= number.value <= 31
        if day_month and nv is not None and (nv.value < number.value or _DATE_CUE.search(before)):
            return DATE
    if slash_prev and len(text[s:e]) == 4 and text[s:e][:2] in ("19", "20") and idx > 0:
        prev = text[raw[idx - 1][0] : raw[idx - 1][1]]
        if "," not in prev and "." not in prev and len(prev) <= 2:
            return DATE
    if after[:1] in (".", "h") and (_DOTTED_DATE_AFTER.match(after) or _HOUR_AFTER.match(after)):
        return DATE
    if slash_prev and _ROMAN_SLASH.search(text[max(0, s - 4) : s]):
        return YEAR
    # ids and ordinals: 216-KH/TU, Điều 15, lần thứ 18, xếp thứ 15/63
    if _ID_AFTER.match(after) and not slash_next:
        return ID
    if slash_next and _SLASHED_ID_AFTER.match(after):
        return ID
    if _id_before(before) and not GROUPED_RE.search(text, s, e):  # "xếp loại 2.538 đảng viên": a count, not a grade
        return ID
    if slash_prev and idx > 0 and _id_before(text[max(0, raw[idx - 1][0] - 30) : raw[idx - 1][0]]):
        return ID
    # years
    digits = text[s:e]
    if (
        len(digits) == 4
        and digits[:2] in ("19", "20")
        and (_YEAR_BEFORE.search(before) or _YEAR_RANGE_AFTER.match(after) or _PAREN_AFTER.match(after))
    ):
        return YEAR
    # headings: "2.1.", "(1)", "a)" at a line start; a page number alone on its line
    ls = _line_start(text, s)
    lead = text[ls:s]
    eol = text.find("\n", e, e + 300)
    eol = eol if eol >= 0 else min(len(text), e + 300)
    if not lead.strip() or lead.strip() in ("(",):
        if _HEADING_AFTER.match(after) or (lead.strip() == "(" and after.startswith(")")):
            return HEADING
        if not text[e:eol].strip():
            return HEADING
    if lead[:1].isdigit() and _ROW_NUMBER.match(lead) and not text[e:eol].strip(" \t\n|"):
        return CELL
    in_paren = lead.strip() == "(" or before.endswith("(")
    if in_paren and after.startswith(")") and number.value <= 30 and number.decimals == 0 and not slash_prev:
        return HEADING
    return FIGURE


class Bounds:
    """Sentence and clause boundaries of a text, for bisecting."""

    STOP = re.compile(
        r"\|[ \t]*|[.!?][ \t]*(?=\S)|\n[ \t]*\n|\n(?=[ \t]*(?:[-+*•–][ \t]|\d+(?:\.\d+)*\.[ \t]|[a-zđ]\)[ \t]|[IVX]+\.[ \t]))|[.!?][ \t]*\n"
    )
    # STOP with every branch opening on one literal character (in the same order for each): the
    # engine then skips to those characters in C instead of trying every branch at every offset.
    _STOP_FAST = re.compile(
        r"\|[ \t]*|\.[ \t]*(?=\S)|![ \t]*(?=\S)|\?[ \t]*(?=\S)|\n[ \t]*\n"
        r"|\n(?=[ \t]*(?:[-+*•–][ \t]|\d+(?:\.\d+)*\.[ \t]|[a-zđ]\)[ \t]|[IVX]+\.[ \t]))|\.[ \t]*\n|![ \t]*\n|\?[ \t]*\n"
    )

    def __init__(self, text: str) -> None:
        self.text = text
        ends = []
        for m in self._STOP_FAST.finditer(text):
            stop = m.group()
            if stop[0] in ".!?" and "\n" not in stop:  # "|" (a table cell) always ends
                nxt = text[m.end() : m.end() + 1]
                if not (nxt.isupper() or nxt in '-+*•(\u201c"'):
                    continue
                if stop[0] == "." and m.start() > 0 and text[m.start() - 1].isdigit() and nxt.isdigit():
                    continue
            elif stop.startswith("\n") and stop.strip() == "" and stop.count("\n") >= 2:
                # a blank line inside a sentence (a page break): no boundary when the sentence runs on
                j = m.start()  # the last character before the white space (without copying the text before it)
                while j > 0 and text[j - 1].isspace():
                    j -= 1
                prev = text[j - 1 : j]
                nxt = text[m.end() : m.end() + 1]
                if (
                    (prev.isalnum() or prev == ",")
                    and nxt.isalnum()
                    and not re.match(r"\d+(?:\.\d+)*\.\s|[a-zđ]\)\s|[IVX]+\.\s", text[m.end() : m.end() + 8])
                ):
                    continue
            ends.append(m.end())
        self.ends = ends

    # A sentence longer than this around a position is clipped: work per figure stays bounded.
    REACH = 1500

    def sentence(self, i: int) -> tuple[int, int]:
        k = bisect_right(self.ends, i)
        start = self.ends[k - 1] if k > 0 else 0
        end = self.ends[k] if k < len(self.ends) else len(self.text)
        return max(start, i - self.REACH), min(end, i + self.REACH)

    def clause(self, i: int) -> tuple[int, int]:
        s, e = self.sentence(i)
        a = self.text.rfind(";", s, i)
        b = self.text.find(";", i, e)
        return (a + 1 if a >= 0 else s), (b if b >= 0 else e)


def words(text: str) -> list[str]:
    return _WORD.findall(text)
