"""Segmentation: header, kind and title, sections, recipients, signature.

Works on the normalized text only. Fills the contract's ``document`` object
(kind, own id, issuer, place, date, title, signer, recipients) and keeps the
character ranges of each part so extractors can tell the header from the body.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache

from . import data
from .document import Document
from .models import DocumentHeader, Signer, Span

MOTTOS = (
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "ĐẢNG CỘNG SẢN VIỆT NAM",
    "Độc lập - Tự do - Hạnh phúc",
    "Độc lập – Tự do – Hạnh phúc",
    "Độc lập-Tự do-Hạnh phúc",
)


def _motto_words(motto: str) -> str:
    """Any white space between a motto's words (a scan or a web page may break it: "CỘNG\nHÒA"),
    and any dash, spaced or not, between its parts ("Độc lập - Tự do – Hạnh phúc")."""
    parts = [p.strip() for p in re.split(r"\s*[-–—]\s*", motto)]
    return r"\s*[-–—]\s*".join(r"\s+".join(re.escape(w) for w in p.split()) for p in parts)


_MOTTO_RE = re.compile("|".join(dict.fromkeys(_motto_words(m) for m in MOTTOS)), re.I)
_RULE_RE = re.compile(r"[-_=*~]{3,}|[–—]{2,}")

HEADER_WINDOW = 2500
SIGNATURE_WINDOW = 2500


@dataclass(frozen=True)
class Section:
    number: str
    title: str
    level: int
    start: int
    end: int


@dataclass(frozen=True)
class Segments:
    header: tuple[int, int] = (0, 0)
    title: tuple[int, int] | None = None
    kind_line: tuple[int, int] | None = None
    number: tuple[int, int] | None = None  # the "Số: ..." symbol text
    place_date: tuple[int, int] | None = None
    body: tuple[int, int] = (0, 0)
    recipients: tuple[tuple[int, int], ...] = ()
    recipients_block: tuple[int, int] | None = None
    signature: tuple[int, int] | None = None
    sections: tuple[Section, ...] = ()
    kind: str | None = None
    place: str | None = None
    date: str | None = None
    issuer: str | None = None
    signer: Signer | None = None
    extra: dict[str, object] = field(default_factory=dict)


def _kind_heading_re() -> re.Pattern[str]:
    names = sorted({k["name"] for k in data.document_kinds()}, key=len, reverse=True)
    alts = "|".join(re.escape(n.upper()) for n in names)
    return re.compile(rf"(?m)^[ \t]*(?P<kind>{alts})\b[ \t]*(?P<rest>[^\n]*)$")


_KIND_HEADING: re.Pattern[str] | None = None
_CAPS_LINE = re.compile(r"(?m)^[ \t]*(?P<kind>[A-ZĐ\u00c0-\u1ef8][A-ZĐ\u00c0-\u1ef8 \t]{2,28})[ \t]*$")


def _folded(text: str) -> str:
    """Letters only, without marks or case: "K ÉT LUẬN" and "KẾT LUẬN" -> "ketluan"."""
    from .gazetteer import strip_marks

    return "".join(c for c in strip_marks(text) if c.isalpha())


@cache
def _folded_kinds() -> dict[str, str]:
    return {_folded(k["name"]): k["name"] for k in data.document_kinds()}


def _scanned_kind_line(text: str, end: int) -> tuple[str, int, int] | None:
    """A heading in capitals that is a document kind once a scan's errors are folded away
    ("K ÉT LUẬN", "BẢO CÁO"): the kind, and where its line's letters start and end."""
    kinds = _folded_kinds()
    for m in _CAPS_LINE.finditer(text, 0, end):
        kind = kinds.get(_folded(m.group("kind")))
        if kind is not None:
            return kind, m.start("kind"), m.end("kind")
    return None


_NUMBER = re.compile(
    r"(?m)(?:^|(?<=\s))Số\s*[:.]?\s*(?P<sym>[0-9](?:[0-9A-Za-zĐđƯư.&/ \-–]|(?<=[-–/])[ \t]*\n[ \t]*){0,60}?[A-Za-zĐđƯư0-9])"
    r"(?=\s{1,}[A-ZĐ\u00c0-\u1ef9][a-zà-ỹđ]|\s*$|\s*\n|\s{2,}|[ \t]*\|)"  # a line break only after a dash or slash ("16 -\nHD/BTCTW"); a table cell's end
)
# The header's "Tam Đường, ngày 15 tháng 01 năm 2024": the place is a run of capitalised
# words (so an id such as "NĐ-CP, ngày ..." in the body is not a place); blanks
# ("ngày   tháng 12 năm 2025") leave the day or month out.
_UPPER_VI = "A-ZĐÀÁẢÃẠÂẦẤẨẪẬĂẰẮẲẴẶÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"
_PLACE_WORD = rf"[{_UPPER_VI}][\w’'.]{{0,20}}(?:-[{_UPPER_VI}][\w’'.]{{0,20}})?"  # "Phan Rang-Tháp Chàm"
_SO = re.compile(r"(?:^|(?<=\s))Số\b")
_PLACE_DATE = re.compile(
    rf"(?<![\w\-/])(?P<place>(?:{_PLACE_WORD}[ \t]){{0,5}}{_PLACE_WORD})[ \t]*,[ \t]*ngày\s+(?P<d>\d{{1,2}}|[ .…_]*)\s*tháng\s+(?P<m>\d{{1,2}}|[ .…_]*)\s*năm\s+(?P<y>\d{{4}})"
)


@cache
def _kind_number_re() -> re.Pattern[str]:
    """The number line written after the kind's name: "Nghị quyết số: 653/2019/UBTVQH14"."""
    kinds = "|".join(sorted((re.escape(k["name"]) for k in data.document_kinds()), key=len, reverse=True))
    return re.compile(rf"(?m)^[ \t]*(?:{kinds})[ \t]+số[ \t]*:[ \t]*(?P<sym>[0-9][0-9A-Za-zĐđƯư.&/\-–]{{0,60}}[A-Za-zĐđƯư0-9])[ \t]*$")


# a line in sentence case that starts the body's first paragraph right under the title
# ("Hội nghị lần thứ bảy Ban Chấp hành ... họp ngày ..."; a title may name the conference: "... Nghị quyết\nHội nghị lần thứ tám")
_BODY_START = re.compile(r"^(?:Hội nghị lần thứ [^\n]* họp\b|Tại phiên họp ngày|Xét đề nghị|Trên cơ sở |Vừa qua|Thời gian qua)")
_TITLE_STOP = re.compile(r"^(?:Kính gửi|Căn cứ|Thực hiện|Theo|Ngày|Sáng|Chiều|Để|Trong|Qua|Nhằm|I\.|1\.|Phần)", re.I)
_SECTION = re.compile(
    r"(?m)^(?P<num>(?P<roman>[IVXLC]{1,6})\.|(?P<arabic>\d{1,2}(?:\.\d{1,2}){0,3})\.|(?P<letter>[a-zđ])\)|Phần thứ [^\n]{1,20})[ \t]+(?P<title>[^\n]{1,300})$"
)
_RECIPIENTS = re.compile(r"(?m)(?:^|\s)Nơi nhận\s*:")
_RECIPIENTS_WORDS = "Nơi nhận"


def _recipients_finditer(text: str, pos: int = 0) -> Iterator[re.Match[str]]:
    """``_RECIPIENTS.finditer(text, pos)``: the pattern tried only at "Nơi nhận" and the character before it.

    The pattern opens with an alternation (a line start or a space), so its own search tries
    every offset; a match starts at most one character before the words, which ``str.find`` finds in C.
    """
    done = pos
    q = text.find(_RECIPIENTS_WORDS, pos)
    while q >= 0:
        for p in (q - 1, q):
            if p >= done and (m := _RECIPIENTS.match(text, p)) is not None:
                yield m
                done = m.end()
                break
        q = text.find(_RECIPIENTS_WORDS, q + 1)


_CAPACITY = re.compile(r"(?m)^[ \t]*(?P<cap>T/M|TM\.?|KT\.?|TL\.?|TUQ\.?|Q\.|THAY MẶT|KÝ THAY|THỪA LỆNH)[ \t]*(?P<rest>[^\n]*)$")


def _casing() -> dict[str, str]:
    return {p.upper(): p for p in data.casing_phrases()}


def sentence_case(text: str) -> str:
    """``PHÓ BÍ THƯ`` -> ``Phó Bí thư``, using the casing table, else first-letter case."""
    text = " ".join(text.split())
    table = _casing()
    if text.upper() in table:
        return table[text.upper()]
    # longest known prefix, then place names keep their capitals
    words = text.split()
    for k in range(len(words), 0, -1):
        head = " ".join(words[:k]).upper()
        if head in table:
            tail = " ".join(w.capitalize() if w.isupper() else w for w in words[k:])
            return f"{table[head]} {tail}".strip()
    if not text.isupper():
        return text
    return text[:1] + text[1:].lower()


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out = []
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        stop = end if nl < 0 else nl
        out.append((pos, stop))
        pos = stop + 1
    return out


# words that head a part of a document, never a person's name ("Chương I", "Phụ lục")
_PART_WORDS = frozenset({"Chương", "Điều", "Mục", "Phần", "Phụ", "Biểu", "Mẫu", "Bảng", "Khoản", "Tiểu"})


def _is_name(line: str) -> bool:
    words = line.split()
    if not 2 <= len(words) <= 5 or words[0] in _PART_WORDS:
        return False
    for w in words:
        if not w[0].isupper() or not w.isalpha():
            return False
        if len(w) > 1 and not w[1:].islower():
            return False
    return True


# the title line before ends mid-phrase: the next line continues it ("... của" / "Ban Tuyên giáo")
_CONTINUES = re.compile(
    r"(?:[,:;(\-–&]|\b(?:của|và|về|tại|cho|với|trong|đối với|giữa|thuộc|theo|trên|đến|từ|do|năm|giai đoạn|khóa|khoá|nhiệm kỳ|địa bàn))$",
    re.I,
)


def _is_byline(line: str, title_so_far: str) -> str | None:
    """A line under the title naming who wrote or presents it: ``"unit"`` when it is wholly
    the name of a body or place, written with a capital ("UBND Thành phố Hải Phòng";
    a title going on names its place in lower case: "tỉnh Lâm Đồng"), ``"person"`` when it
    is a person's name; ``None`` when it is not, or the title line before it breaks off
    mid-phrase ("... của")."""
    if not line[:1].isupper() or len(line) > 120 or _CONTINUES.search(title_so_far.rstrip()):
        return None
    from .extract.unit_grammar import Scanner, _positions

    scanner = Scanner(line)
    matches = scanner.scan()
    if len(matches) == 1 and matches[0].end_tok == len(scanner.toks) and not matches[0].group:
        if matches[0].start_tok == 0:
            return "unit"
        lead = tuple(t.fold for t in scanner.toks[: matches[0].start_tok])
        if line.isupper() and lead in _positions():
            return "authority"  # "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH" over a decision: who enacts it, not the title
    return "person" if _is_name(line) else None


def segment(doc: Document) -> Segments:
    global _KIND_HEADING
    if _KIND_HEADING is None:
        _KIND_HEADING = _kind_heading_re()
    text = doc.body
    n = len(text)
    window_end = min(n, HEADER_WINDOW)

    kind = title_range = kind_line = None
    byline: str | None = None
    header_end = 0
    m = _KIND_HEADING.search(text, 0, window_end)
    motto = _MOTTO_RE.search(text, 0, window_end) if m else None
    if m and motto and m.start() < motto.start():
        # a heading above the motto is a web page's own title; the document's is under the header
        later = _KIND_HEADING.search(text, motto.end(), window_end)
        if later and not later.group("rest").strip()[:1].islower():
            m = later
    heading: tuple[int, int, int] | None = None  # where the kind starts and ends, and where the title may start
    if m and not m.group("rest").strip()[:1].islower():
        kind_name = m.group("kind")
        kind = next((k["name"] for k in data.document_kinds() if k["name"].upper() == kind_name), None)
        heading = (m.start("kind"), m.end("kind"), m.start("rest") if m.group("rest").strip() else m.end() + 1)
    elif m is None and (scanned := _scanned_kind_line(text, window_end)) is not None:
        kind, ks, ke = scanned
        heading = (ks, ke, ke + 1)
    if heading is not None:
        kind_line = heading[:2]
        header_end = heading[0]
        # the title: the rest of the heading line and the lines after it, up to a blank line
        t_start = heading[2]
        t_end = t_start
        for ls, le in _lines(text, t_start, min(n, t_start + 600)):
            line = text[ls:le].strip()
            if not line:
                if t_end > t_start and not _CONTINUES.search(text[t_start:t_end].rstrip()):
                    break  # a blank line ends the title, unless its last line breaks off mid-phrase (",", "của")
                continue
            if (_TITLE_STOP.match(line) or _BODY_START.match(line)) and t_end > t_start:
                break
            if t_end > t_start and (by := _is_byline(line, text[t_start:t_end])):
                byline = line if by == "unit" else None
                break
            t_end = le
        while t_start < t_end and text[t_start].isspace():
            t_start += 1
        if t_end > t_start:
            title_range = (t_start, t_end)

    number = place_date = None
    place = date = None
    head_zone = (0, header_end if header_end else min(n, 600))
    # the last number line before the kind: a web page may repeat it in its own lines above the header
    numbers = list(_NUMBER.finditer(text, *head_zone))
    nm = numbers[-1] if numbers else _kind_number_re().search(text, *head_zone)
    if nm:
        number = nm.span("sym")
    pm = _PLACE_DATE.search(text, *head_zone) or _PLACE_DATE.search(text, 0, min(n, HEADER_WINDOW))
    if pm:
        place_date = pm.span()
        place = _clean_place(_place_with_line_before(text, pm))
        date = _iso(pm.group("d"), pm.group("m"), pm.group("y"))

    issuer = None
    if header_end:
        sm = None if nm else _SO.search(text, 0, header_end)
        stop = nm.start() if nm else (sm.start() if sm else header_end)
        if pm and pm.start() < stop and not nm:  # no number line: the issuer ends where the place and date begin
            stop = pm.start()
        raw = _MOTTO_RE.sub(" ", text[0:stop])
        raw = _RULE_RE.sub(" ", raw)
        issuer = _words_of(raw)
        if issuer and not issuer.isupper():
            tail = _caps_tail(raw)
            if tail and len(issuer.split()) - len(tail.split()) >= 6:  # a page's own lines above, not a name in sentence case
                issuer = tail
        if issuer and len(issuer) > 160:
            # a web page's own lines before the header: the issuer is the last block in capitals
            blocks = [b for b in (_words_of(x) for x in re.split(r"\n[ \t]*\n", raw)) if b]
            issuer = blocks[-1] if blocks and blocks[-1].isupper() and len(blocks[-1]) <= 160 else None
    elif nm is not None:
        # no kind heading: the block in capitals before the number line ("HỘI ĐỒNG NHÂN DÂN | CỘNG HÒA ...")
        stop = pm.start() if pm and pm.start() < nm.start() else nm.start()  # a Party letter dates itself before its number
        raw = _RULE_RE.sub(" ", _MOTTO_RE.sub(" ", text[0:stop]))
        raw = re.sub(r"(?m)(?:^|\s)Số\s*[:.]?\s*$", " ", raw)
        words = _words_of(raw)
        if words and words.isupper() and len(words) <= 160:
            issuer = words
    if issuer is None and byline:
        issuer = byline  # a speech or article names its body under the title

    sections = tuple(_sections(text, header_end))
    rec_block, recipients = _recipients(text)
    sig_range, signer = _signature(doc, text)
    if signer is None:
        sig_range, signer = _column_signature(doc, text)
    body_start = title_range[1] if title_range else header_end
    body_stop = min(x for x in (rec_block[0] if rec_block else n, sig_range[0] if sig_range else n, n))
    return Segments(
        header=(0, header_end),
        title=title_range,
        kind_line=kind_line,
        number=number,
        place_date=place_date,
        body=(body_start, max(body_start, body_stop)),
        recipients=tuple(recipients),
        recipients_block=rec_block,
        signature=sig_range,
        sections=sections,
        kind=kind,
        place=place,
        date=date,
        issuer=issuer,
        signer=signer,
    )


_PLACE_LINE = re.compile(rf"(?:{_PLACE_WORD}[ \t]){{0,2}}{_PLACE_WORD}")


def _caps_tail(raw: str) -> str | None:
    """The lines in capitals that end a header's first block ("ỦY BAN NHÂN DÂN\nXÃ CẨM HÀ" under a web
    page's own lines in sentence case), or None when the last line with letters is not in capitals."""
    tail: list[str] = []
    for line in reversed(raw.splitlines()):
        words = _words_of(line)
        if words is None:
            continue
        if not words.isupper():
            break
        tail.append(words)
    return " ".join(reversed(tail)) or None


def _words_of(raw: str) -> str | None:
    return " ".join(w for w in raw.split() if any(c.isalnum() for c in w)) or None


def _place_with_line_before(text: str, pm: re.Match[str]) -> str:
    """The place, with the start of its name when a line break split it ("Bình\nĐịnh, ngày ...")."""
    place = pm.group("place")
    start = pm.start("place")
    if start == 0 or text[start - 1] != "\n":
        return place
    ls = text.rfind("\n", 0, start - 1) + 1
    line = text[ls : start - 1].strip()
    if _PLACE_LINE.fullmatch(line) and not line.isupper():
        return f"{line} {place}"
    return place


def _clean_place(place: str) -> str | None:
    place = _MOTTO_RE.sub(" ", place)
    place = " ".join(place.split())
    # in merged two-column headers the place follows the number: keep the last words
    words = place.split()
    for i in range(len(words) - 1, -1, -1):
        if not words[i][:1].isupper():
            words = words[i + 1 :]
            break
    place = " ".join(words)
    return place or None


def _iso(d: str, m: str, y: str) -> str | None:
    d, m = d.strip(" ._…"), m.strip(" ._…")
    try:
        year = int(y)
        if m.isdigit():
            month = int(m)
            if not 1 <= month <= 12:
                return f"{year:04d}"
            if d.isdigit():
                import datetime

                datetime.date(year, month, int(d))
                return f"{year:04d}-{month:02d}-{int(d):02d}"
            return f"{year:04d}-{month:02d}"
        return f"{year:04d}"
    except ValueError:
        return None


def _sections(text: str, start: int) -> list[Section]:
    out: list[Section] = []
    for m in _SECTION.finditer(text, start):
        title = m.group("title").strip()
        if m.group("roman"):
            level = 1
        elif m.group("arabic"):
            level = 2 + m.group("arabic").count(".")
        elif m.group("letter"):
            level = 5
        else:
            level = 0
        if len(title) > 200 and level != 5:
            continue
        out.append(Section(m.group("num"), title, level, m.start(), m.end()))
    return out


# the signature's position printed beside a recipient after its semicolon ("- UBND tỉnh; PHÓ CHỦ TỊCH")
_CELL_AFTER_ITEM = re.compile(rf"(?<=[;,])[ \t]*[{_UPPER_VI}][{_UPPER_VI} \t]{{6,}}$")


def _recipients(text: str) -> tuple[tuple[int, int] | None, list[tuple[int, int]]]:
    found = None
    for m in _recipients_finditer(text, max(0, len(text) - 6000)):
        found = m
    if not found:
        return None, []
    items: list[tuple[int, int]] = []
    block_end = found.end()
    seen_item = False
    for ls, le in _lines(text, found.end(), len(text)):
        line = text[ls:le]
        stripped = line.strip()
        if not stripped:
            if seen_item:
                break
            continue
        if stripped[0] in "-+•–":
            seen_item = True
            s = ls + line.index(stripped[0]) + 1
            e = le
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1] in " ,;.":
                e -= 1
            # merged two-column lines: cut at a capital-letters signature part
            cut = re.search(r"\s(?:T/M|TM\.|KT\.|TL\.|TUQ\.|[A-ZĐ ]{8,}$)", text[s:e]) or _CELL_AFTER_ITEM.search(text, s, e)
            if cut:
                e = (s + cut.start()) if cut.re is not _CELL_AFTER_ITEM else cut.start()
                while e > s and text[e - 1] in " ,;.":
                    e -= 1
            if e > s and not text[s:e].startswith(("Lưu", "LƯU")):
                items.append((s, e))
            block_end = le
        else:
            if seen_item:
                break
    return (found.start(), block_end), items


# a two-column block flattened into lines: "Nơi nhận: KT. GIÁM ĐỐC"
_INLINE_CAPACITY_PLAIN = r"(?m)(?<=[ \t])(?P<cap>T/M|TM\.|KT\.|TL\.|TUQ\.)[ \t]*(?P<rest>[A-ZĐÀ-Ỹ][A-ZĐÀ-Ỹ \t]*)$"
# The same pattern with the look-behind after each capacity word: each alternative then
# opens on a literal letter and the search skips to it in C (a leading look-behind is
# tried at every offset).
_INLINE_CAPACITY = re.compile(
    r"(?m)(?P<cap>T/M(?<=[ \t]T/M)|TM\.(?<=[ \t]TM\.)|KT\.(?<=[ \t]KT\.)|TL\.(?<=[ \t]TL\.)|TUQ\.(?<=[ \t]TUQ\.))"
    r"[ \t]*(?P<rest>[A-ZĐÀ-Ỹ][A-ZĐÀ-Ỹ \t]*)$"
)


def _signature(doc: Document, text: str) -> tuple[tuple[int, int] | None, Signer | None]:
    zone_start = max(0, len(text) - SIGNATURE_WINDOW)
    cap = None
    for m in _CAPACITY.finditer(text, zone_start):
        cap = m
    if cap is None:
        # a two-column block flattened into lines: "Nơi nhận: KT. GIÁM ĐỐC"
        for m in _INLINE_CAPACITY.finditer(text, zone_start):
            cap = m
    if cap is None:
        # the signature beside "Nơi nhận", with an appendix after it
        rec = None
        for found in _recipients_finditer(text, max(0, len(text) - 200_000)):
            rec = found
        if rec is not None and rec.start() < zone_start:
            lo, hi = max(0, rec.start() - 400), min(len(text), rec.end() + 1500)
            cap = next(_CAPACITY.finditer(text, lo, hi), None) or next(_INLINE_CAPACITY.finditer(text, lo, hi), None)
    lines = _lines(text, cap.start() if cap else zone_start, len(text))
    if cap is not None and cap.start() < zone_start:
        lines = _lines(text, cap.start(), min(len(text), cap.end() + 600))
    name_line = None
    for ls, le in reversed(lines):
        line = text[ls:le].strip()
        if _is_name(line):
            name_line = (ls + text[ls:le].index(line), ls + text[ls:le].index(line) + len(line))
            break
    if name_line is None:
        return None, None
    # position lines: upper-case lines between the capacity line and the name
    pos_lines: list[str] = []
    start_scan = cap.end() if cap else max(zone_start, name_line[0] - 300)
    for ls, le in _lines(text, start_scan, name_line[0]):
        line = text[ls:le].strip()
        if line and line.isupper() and len(line) < 80 and not line.startswith(("NƠI", "-")):
            pos_lines.append(line)
        elif line.startswith(("-", "Nơi nhận")):
            # a recipients line with the position printed beside it: "- Như trên; PHÓ GIÁM ĐỐC"
            tail = re.search(r"[;,.:)]\s*(?P<pos>[A-ZĐÀ-Ỹ]{2,}(?:[ \t]+[A-ZĐÀ-Ỹ]{2,})+)$", line)
            if tail:
                pos_lines.append(tail.group("pos"))
    if cap is None and not pos_lines:
        return None, None
    on_behalf = capacity = position = None
    if cap:
        raw_cap = cap.group("cap").rstrip(".")
        capacity = "T/M" if raw_cap in ("TM", "THAY MẶT") else raw_cap
        rest = cap.group("rest").strip()
        if rest:
            on_behalf = sentence_case(rest)
    if pos_lines:
        position = sentence_case(pos_lines[-1])
    elif on_behalf and capacity not in ("T/M",):
        position = on_behalf
    sig_start = cap.start() if cap else name_line[0]
    signer = Signer(
        name=text[name_line[0] : name_line[1]],
        position=position,
        on_behalf_of=on_behalf,
        capacity=capacity,
        span=doc.span(*name_line),
    )
    return (sig_start, name_line[1]), signer


# The signature as the right column of a two-column block at the end: a Markdown pipe
# table ("| Nơi nhận: | T/M BAN CHẤP HÀNH |"), or columns set apart by runs of spaces
# (a Pandoc simple table, a typed layout) that normalization closed to one space; the
# offset map still shows how far apart the two words stood in the source.
COLUMN_GAP = 6  # source characters between two words of one line: a column gap
SIGNATURE_ROWS = 16  # lines of the block read after the capacity line
MAX_ROW = 2000  # a longer line is prose, not a row of a layout table
_CAPACITY_CELL = re.compile(rf"(?P<cap>T/M|TM\.|KT\.|TL\.|TUQ\.)[ \t]*(?P<rest>[{_UPPER_VI}][{_UPPER_VI} \t]*)$")
_CAPACITY_ANYWHERE = re.compile(rf"(?<![\w/])(?:T/M|TM\.|KT\.|TL\.|TUQ\.)[ \t]*[{_UPPER_VI}]")
_TABLE_RULE = re.compile(r"^[ \t|:+=\-]*-{3,}[ \t|:+=\-]*$")


def _column_gap(doc: Document, i: int) -> bool:
    """Whether the space at normalized offset ``i`` closed a wide run of the source."""
    srcmap = doc.srcmap
    if not 0 < i < len(srcmap) - 1:
        return False
    a, b = srcmap[i - 1], srcmap[i + 1]
    return a >= 0 and b >= 0 and b - a > COLUMN_GAP


def _right_cell(doc: Document, text: str, ls: int, le: int) -> tuple[int, int] | None:
    """The last cell of a line of a two-column block: of a pipe-table row, or after the
    line's last column gap; ``None`` when the line has neither."""
    if le - ls > MAX_ROW:
        return None
    line = text[ls:le]
    if line.lstrip().startswith("|"):
        bars = [ls + k for k, ch in enumerate(line) if ch == "|"]
        bounds = list(zip(bars, bars[1:] + [le]))
        for s, e in reversed(bounds):
            s += 1
            while s < e and text[s] in " \t*_":
                s += 1
            while e > s and text[e - 1] in " \t*_\\":
                e -= 1
            if e > s and not _TABLE_RULE.match(text[s:e]):
                return s, e
        return None
    for k in range(le - 1, ls, -1):
        if text[k] == " " and _column_gap(doc, k):
            s, e = k + 1, le
            while e > s and text[e - 1] in " \t*_\\":
                e -= 1
            return (s, e) if e > s else None
    return None


def _column_signature(doc: Document, text: str) -> tuple[tuple[int, int] | None, Signer | None]:
    lo = max(0, len(text) - 200_000)
    caps = list(_CAPACITY_ANYWHERE.finditer(text, lo))
    for found in reversed(caps[-8:]):
        ls = text.rfind("\n", 0, found.start()) + 1
        le = text.find("\n", found.start())
        le = len(text) if le < 0 else le
        cell = _right_cell(doc, text, ls, le)
        if cell is None or not cell[0] <= found.start() < cell[1]:
            continue
        cap = _CAPACITY_CELL.match(text, found.start(), cell[1])
        if cap is None:
            continue
        result = _signer_in_cells(doc, text, cap, le)
        if result[1] is not None:
            return result
    return None, None


def _signer_in_cells(doc: Document, text: str, cap: re.Match[str], after: int) -> tuple[tuple[int, int] | None, Signer | None]:
    """Position lines and the signer's name in the right cells of the lines after the capacity."""
    positions: list[str] = []
    name: tuple[int, int] | None = None
    for k, (ls, le) in enumerate(_lines(text, after + 1, min(len(text), after + 1 + SIGNATURE_ROWS * MAX_ROW))):
        if k >= SIGNATURE_ROWS:
            break
        line = text[ls:le].strip()
        if not line:
            if name is not None:
                break
            continue
        if _TABLE_RULE.match(line) and k:
            break
        cell = _right_cell(doc, text, ls, le)
        if cell is None:
            # a line of the right column alone (its left cell empty)
            if _is_name(line) or (line.isupper() and len(line) < 80 and not line.startswith(("-", "+", "NƠI"))):
                cell = (ls + text[ls:le].index(line), ls + text[ls:le].index(line) + len(line))
            else:
                continue
        value = text[cell[0] : cell[1]].strip()
        if _is_name(value):
            start = cell[0] + text[cell[0] : cell[1]].index(value)
            name = (start, start + len(value))
        elif value.isupper() and len(value) < 80 and name is None:
            positions.append(value)
    if name is None:
        return None, None
    raw_cap = cap.group("cap").rstrip(".")
    capacity = "T/M" if raw_cap == "TM" else raw_cap
    rest = " ".join(cap.group("rest").split())
    on_behalf = sentence_case(rest) if rest else None
    position = sentence_case(positions[-1]) if positions else (on_behalf if capacity != "T/M" else None)
    signer = Signer(name=text[name[0] : name[1]], position=position, on_behalf_of=on_behalf, capacity=capacity, span=doc.span(*name))
    return (cap.start(), name[1]), signer


def header(doc: Document, seg: Segments, own_id: str | None) -> DocumentHeader:
    title = None
    if seg.title:
        title = " ".join(doc.text[seg.title[0] : seg.title[1]].split())
    return DocumentHeader(
        kind=seg.kind or _letter_kind(own_id),
        id=own_id,
        issuer=seg.issuer,
        place=seg.place,
        date=seg.date,
        title=title,
        signer=seg.signer,
        recipients=[doc.text[s:e] for s, e in seg.recipients],
    )


def _letter_kind(own_id: str | None) -> str | None:
    """A document with no kind heading whose own number is a letter's ("369-CV/BTGTU", "2769/UBND-VX")
    is a letter: Công văn. Any other kind is named by a heading, never guessed from the number."""
    if not own_id:
        return None
    from .refs.registry import registry

    reg = registry()
    head = own_id.split("/")[0]
    if "-" in head:  # Party: NUMBER-TYPE/ISSUER
        return "Công văn" if head.split("-", 1)[1] == "CV" else None
    first = own_id.split("/")[-1].split("-")[0]
    return "Công văn" if first not in reg.state_types and reg.state_issuer(first) else None


def span_of(doc: Document, rng: tuple[int, int]) -> Span:
    return doc.span(*rng)
