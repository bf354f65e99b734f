"""Patterns for citations, assembled from named fragments and the registry.

Every quantifier is bounded or applies to a single character class, and no
group with a quantifier sits inside another unbounded one, so each pattern runs
in time linear in the text (Python's engine backtracks; these never explode).
"""

from __future__ import annotations

import re
from functools import cache

from .registry import registry

# --- fragments -------------------------------------------------------------
SP = r"[ \t\u00a0]"
NL = rf"(?:{SP}{{0,3}}\n{SP}{{0,40}})"  # one line break with its indentation
WS = rf"(?:{SP}{{1,3}}|{NL})"  # a word gap that may be a line end
NUM = r"\d{1,5}(?:\.\d{1,4})?"  # as written: leading zeros and a dot kept
YEAR = r"\d{4,5}"  # five digits so that typos ("25010") are caught and checked
UP = "A-ZĐÂĂÊÔƠƯÁÀẢÃẠẮẰẲẴẶẤẦẨẪẬÉÈẺẼẸẾỀỂỄỆÍÌỈĨỊÓÒỎÕỌỐỒỔỖỘỚỜỞỠỢÚÙỦŨỤỨỪỬỮỰÝỲỶỸỴ"
LETTER = rf"[{UP}a-zđà-ỹ]"
# A code of a State symbol: its second character is a capital or a digit (TTr, QH15, C04),
# so a word after a dash ("- Ban", "- Tiếp") is never taken for a code.
CODE = rf"[{UP}][{UP}0-9&][{UP}a-zđ0-9&]{{0,14}}(?:\.[{UP}a-zđ0-9&]{{1,15}}){{0,2}}"
P_TYPE = rf"[{UP}][{UP}a-zđ]{{0,5}}"  # Party kind abbreviation: NQ, QĐi, CTr
P_ISS = rf"[{UP}][{UP}a-zđ]{{0,11}}"  # Party issuer: TW, TƯ, HU, BTCTW
DASH = "[-–]"
SLASH_GAP_BEFORE = rf"(?:{SP}{{0,8}}|{NL})"
SLASH_GAP_AFTER = rf"(?:{SP}?|{NL})"
DASH_GAP = rf"(?:{SP}{{0,2}}|{NL})"
LEFT = r"(?<![\w/.,&-])"

# The number starts every symbol; its first digit comes first in the pattern so that the
# engine can skip to digits, and the left-edge check is a look-behind after that digit.
NUM_FIRST = r"\d(?<![\w/.,&-]\d)\d{0,4}(?:\.\d{1,4})?"
PARTY_REST = (
    rf"{DASH_GAP}{DASH}{DASH_GAP}(?P<ptype>{P_TYPE}){SLASH_GAP_BEFORE}/{SLASH_GAP_AFTER}(?P<piss>{P_ISS})"
    rf"(?:-(?P<punit>[{UP}][{UP}0-9]{{1,9}}))?(?![\w&]|-\w|/\w)"  # "45-KH/TWĐTN-VP": a department's code
)
# "57/NQ/TW", "180/KH/UBND": a slash where the grammar wants a dash
VARIANT_REST = rf"{SP}{{0,2}}/{SP}?(?P<vtype>{P_TYPE})/(?P<viss>{CODE})(?![\w&/-])"
STATE_REST = (
    rf"{SLASH_GAP_BEFORE}/{SLASH_GAP_AFTER}(?:(?P<syear>{YEAR}){SP}{{0,2}}/{SLASH_GAP_AFTER})?"
    rf"(?P<ssym>{CODE}(?:{SP}?[-–]{DASH_GAP}{CODE}){{0,4}})(?![\w&/]|[-–])"
)
SYMBOL = rf"(?P<num>{NUM_FIRST})(?:{PARTY_REST}|{VARIANT_REST}|{STATE_REST})"
# a symbol cut by a table cell: "Nghị quyết 19/NQ-" at a line end, the issuer on a later line
DANGLING = rf"(?P<dnum>{NUM_FIRST})/(?:(?P<dyear>{YEAR})/)?(?P<dsym>{CODE}(?:-{CODE}){{0,3}})(?P<dash>-)?{SP}{{0,3}}(?=\n)"
# the next code of a symbol whose dash a text extractor dropped at a line end ("117/QĐ UBND")
SPACE_JOIN = rf"[ \n](?P<code>[{UP}][{UP}0-9]{{1,11}})(?![\w&.-])"


def _kind_alt() -> str:
    names = registry().kind_names
    return "|".join(_words(n) for n in names)


def _kind_scan(upper_only: bool = True) -> str:
    """The kind words, written so that the engine can skip to their first letters: a class of
    first letters, then each name's rest behind a look-behind on its own first letter. Short
    forms are only looked for after a capitalised kind word ("Kế hoạch trên", not "kế hoạch trên")."""
    names = registry().kind_names
    firsts = sorted({c for n in names for c in ((n[0].upper(),) if upper_only else (n[0].upper(), n[0].lower()))})
    alts = []
    for n in names:
        words = n.split()
        rest = WS.join([re.escape(words[0][1:]), *(re.escape(w) for w in words[1:])])
        alts.append(f"(?<=[{n[0].upper()}{n[0].lower()}]){rest}")
    return f"[{''.join(firsts)}](?<!\\w.)(?:{'|'.join(alts)})"


def _words(phrase: str) -> str:
    """A phrase whose words may be split by a line end, first letter in either case."""
    parts = [re.escape(w) for w in phrase.split()]
    first = parts[0]
    head = f"[{first[0].upper()}{first[0].lower()}]{first[1:]}"
    return WS.join([head, *parts[1:]])


KIND_TAIL = rf"(?:{WS}(?:hành{WS}động|liên{WS}tịch|liên{WS}ngành))?"
SO = rf"(?:{WS}[Ss]ố(?:{SP}{{0,2}}[:.])?)"


@cache
def symbol_re() -> re.Pattern[str]:
    return re.compile(SYMBOL)


@cache
def space_join_re() -> re.Pattern[str]:
    return re.compile(SPACE_JOIN)


@cache
def dangling_re() -> re.Pattern[str]:
    return re.compile(DANGLING)


# Looking back from a number: the window before it is reversed and matched from its start,
# one anchored attempt instead of a search for a match that ends at the number.
WS_R = rf"(?:{SP}{{1,3}}|{SP}{{0,40}}\n{SP}{{0,3}})"


def _rev_words(phrase: str) -> str:
    """A phrase spelled backwards, its words joined by reversed gaps, first letter in either case."""
    parts = [re.escape(w[::-1]) for w in reversed(phrase.split())]
    head = phrase[0]
    parts[-1] = parts[-1][:-1] + f"[{head.upper()}{head.lower()}]"
    return WS_R.join(parts)


@cache
def kind_before_rev_re() -> re.Pattern[str]:
    """On the reversed text before a number: [gap] [": số"] [" hành động"] KIND, then a word edge."""
    names = "|".join(_rev_words(n) for n in registry().kind_names)
    tail = "|".join(_rev_words(t) for t in ("hành động", "liên tịch", "liên ngành", "kiểm tra", "giám sát"))
    so = rf"(?:[:.]{SP}{{0,2}})?ố[Ss]{WS_R}"
    return re.compile(rf"{WS_R}?(?P<so>{so})?(?:(?:{tail}){WS_R})??(?P<kind>{names})(?!\w)")


@cache
def list_before_re() -> re.Pattern[str]:
    """Numbers listed before the last one: "số 42, 43, 44, " or "số 42 và "."""
    item = rf"\d{{1,5}}{SP}{{0,2}}(?:,|;|và|&){SP}{{0,3}}"
    return re.compile(rf"[Ss]ố{SP}{{1,2}}(?P<items>(?:{item}){{1,15}})$")


@cache
def date_after_re() -> re.Pattern[str]:
    d = rf"(?P<d>\d{{1,2}}){SP}{{0,2}}[/.-]{SP}{{0,2}}(?P<m>\d{{1,2}}){SP}{{0,2}}[/.-]{SP}{{0,2}}(?P<y>\d{{4}})"
    words = rf"(?P<d2>\d{{1,2}}){WS}tháng{WS}(?P<m2>\d{{1,2}}){WS}năm{WS}(?P<y2>\d{{4}})"
    return re.compile(rf"{SP}{{0,3}},?{WS}?(?:\({SP}?)?(?:được{WS})?(?:ban{WS}hành{WS})?(?:ngày|Ngày){WS}(?:{d}|{words})")


LOWER = "a-zđàáảãạâầấẩẫậăằắẳẵặèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"
# a body's words; a line break only where the next line goes on in lower case (a wrapped line)
BODY_CHARS = rf"(?:[^\n;,.()“”\"]|\n(?=[ \t]{{0,40}}[{LOWER}]))"


@cache
def date_before_re() -> re.Pattern[str]:
    """A document's date before it, in the clause that says it was issued: "Ngày 14/6/2024 vừa qua,
    Bộ Chính trị đã ban hành " right before its kind word."""
    d = rf"(?P<d>\d{{1,2}}){SP}{{0,2}}[/.-]{SP}{{0,2}}(?P<m>\d{{1,2}}){SP}{{0,2}}[/.-]{SP}{{0,2}}(?P<y>\d{{4}})"
    words = rf"(?P<d2>\d{{1,2}}){WS}tháng{WS}(?P<m2>\d{{1,2}}){WS}năm{WS}(?P<y2>\d{{4}})"
    return re.compile(
        rf"(?<!\w)[Nn]gày{WS}(?:{d}|{words})(?:{WS}vừa{WS}qua)?{SP}{{0,2}},?(?:{WS}[^.;,:\n]{{1,60}}?)?{WS}(?:đã{WS})?ban{WS}hành{WS}$"
    )


@cache
def body_after_re() -> re.Pattern[str]:
    return re.compile(rf"{SP}{{0,3}},?{WS}?của{WS}(?P<body>{BODY_CHARS}{{2,120}})")


PLACE_WORDS = ("tỉnh", "thành phố", "huyện", "quận", "thị xã", "xã", "phường", "thị trấn", "đặc khu")


@cache
def body_before_re() -> re.Pattern[str]:
    """Who submitted a document, named before it: "(đề nghị|ý kiến) của BODY tại" right before its kind word."""
    return re.compile(rf"(?:đề{WS}nghị|ý{WS}kiến|đề{WS}xuất){WS}của{WS}(?P<body>[^;.()“”\"]{{2,120}}?){WS}tại{WS}?$")


@cache
def body_rest_re() -> re.Pattern[str]:
    """What may follow a body's full name and still be its name: the place it serves ("tỉnh Quảng Nam")."""
    place = "|".join(_name_words(p) for p in PLACE_WORDS)
    return re.compile(rf"(?:{WS}(?:{place})(?:{WS}[{UP}][\w’'-]{{0,15}}){{0,4}}(?![\w’'-]))?")


@cache
def body_any_re() -> re.Pattern[str]:
    return re.compile(rf"{BODY_CHARS}{{0,120}}")


def _name_words(name: str) -> str:
    """A body's name as written, its words parted by any gap (a line end too), a dash or comma spaced or not."""
    out = []
    for w in name.split():
        if w in ("-", "–"):
            out.append(rf"{WS}?[-–]")
            continue
        out.append(WS + re.escape(w).replace(",", r",?") if out else re.escape(w))
    return "".join(out).replace(rf"[-–]{WS}", rf"[-–]{WS}?")


POSITIONS = ("Bộ trưởng", "Thủ tướng", "Chủ tịch", "Giám đốc", "Chủ nhiệm", "Chánh Văn phòng", "Thủ trưởng", "Tổng Giám đốc", "Trưởng")


POSITION_HEAD = re.compile(rf"^(?:{'|'.join(POSITIONS)})\s+(?=[{UP}])")


@cache
def known_body_re() -> re.Pattern[str]:
    """A body named in full at the start of an issuing-body phrase ("Bộ Nông nghiệp và Phát triển nông thôn",
    "Bộ Văn hóa, Thể thao và Du lịch"), after an optional position: kept whole though it holds "và" or a comma."""
    names = "|".join(_name_words(n) for n in registry().body_names if "," in n or "-" in n or BODY_STOP.search(f" {n} "))
    pos = "|".join(_name_words(p) for p in POSITIONS)
    return re.compile(rf"(?:(?:{pos}){WS})?(?:{names})(?![\w&])")


BODY_STOP = re.compile(
    r"\s(?:về|v/v|V/v|ban hành|quy định|phê duyệt|sửa đổi|thực hiện|tổ chức|triển khai|hướng dẫn|đã|đề xuất|báo cáo|trả lời|"
    r"thông báo|đề nghị|giao|tại|là|và|cho phép|chỉ đạo|có|theo|kèm|gồm|trong|đối với|xây dựng|với|nhằm|để)\s"
)


@cache
def title_after_re() -> re.Pattern[str]:
    return re.compile(rf"{SP}{{0,3}},?{WS}?(?P<quote>[“\"«]{SP}?)?(?:về{WS}việc|[Vv]ề|[Vv]/[Vv]){WS}(?P<title>[^;]{{3,400}})")


@cache
def quoted_title_re() -> re.Pattern[str]:
    """A title in quotes right after a citation, its body and term ("... khóa XII “một số vấn đề ...”")."""
    return re.compile(rf"{SP}{{0,3}}(?:{KHOA}{SP}{{1,2}}[IVXL]{{1,6}}{SP}{{0,2}})?,?{WS}?[“\"«](?P<title>[^”\"»\n;]{{3,300}})[”\"»]")


TITLE_STOP = re.compile(
    rf"\.(?:\s|$)|\(gọi tắt|\(sau đây|;|\n\n|:|,?[ \t]*\n(?=[ \t]*[{UP}][{UP} ]{{3,}}(?::|\n|$))"
)  # or a heading in capitals
# a new clause after a title: a comma, then its subject ("các cơ quan ...", "Sở Tài chính", "Đảng bộ")
# and, not far on, a verb's tense word ("Thực hiện Kế hoạch ... về tuyên truyền, các cơ quan đã ...")
CLAUSE_AFTER_TITLE = re.compile(rf",{WS}(?=(?:các{WS}|[{UP}])[^;.]{{0,100}}?{WS}(?:đã|đang|sẽ|tiếp{WS}tục)(?!\w))")
# other documents joined to the cited one ("Thực hiện Chỉ thị số 35-CT/TW ... về X và các văn bản hướng dẫn của Trung ương")
OTHER_DOCUMENTS_AFTER_TITLE = re.compile(
    rf"{WS}và{WS}các{WS}(?:văn{WS}bản|nghị{WS}quyết|chỉ{WS}thị|kết{WS}luận|kế{WS}hoạch|hướng{WS}dẫn|quy{WS}định|chủ{WS}trương)(?!\w)"
)
# the next citation of a list after a title ("về phát triển kinh tế tư nhân, Nghị quyết số 02/NQ-CP ...")
CITE_AFTER_TITLE = re.compile(
    rf"(?:,{WS}?|{WS}và{WS})(?:và{WS})?[{UP}][{LOWER}]{{0,7}}(?:{WS}[{LOWER}]{{1,7}}){{0,3}}{WS}số{SP}{{0,2}}:?{SP}{{0,2}}\d"
)
QUOTES = {"“": "”", '"': '"', "«": "»"}  # a title in quotes ends at its closing quote
# another document cited between a cite and a "về ...": the title belongs to that one
# ("Kết luận số 100-KL/TW của Ban Bí thư và Kết luận số 111-KL/TU ... về ...")
OTHER_CITE = re.compile(r"\bsố\s*\d|\d[-/]\s?[A-ZĐ]")
KHOA = "[Kk]h(?:óa|oá|oa)"  # "khóa" and "khoá" (both accent placements)
TERM_RE = re.compile(rf"{KHOA}{SP}{{1,2}}(?P<term>[IVXL]{{1,6}})\b|\({KHOA}{SP}{{1,2}}(?P<term2>[IVXL]{{1,6}})\)")
ALIAS_RE = re.compile(rf"\((?:sau{SP}đây{SP})?(?:gọi{SP}tắt|viết{SP}tắt){SP}là{WS}(?P<alias>[^()\n]{{2,100}})\)")


@cache
def pinpoint_before_re() -> re.Pattern[str]:
    diem = rf"(?:[Đđ]iểm{SP}[a-zđ](?:{SP}?,{SP}?[a-zđ]){{0,5}}{WS})?"
    khoan = rf"[Kk]hoản{SP}\d{{1,3}}(?:{SP}(?:và|,){SP}\d{{1,3}}){{0,3}}{WS}"
    return re.compile(rf"(?P<pin>{diem}(?:(?:{khoan})?[Đđ]iều{SP}\d{{1,3}}{WS}|{khoan}))(?:của{WS})?$")


@cache
def group_re() -> re.Pattern[str]:
    """A named group: "Nghị quyết Hội nghị lần thứ tám Ban Chấp hành Trung ương Đảng khóa XIII",
    "Nghị quyết Trung ương 8", "các nghị quyết Hội nghị Trung ương 4 (khóa XII)"."""
    from .registry import data

    ords = sorted(data.load("catalogue.json")["ordinals"], key=len, reverse=True)
    ordinal = "|".join(_words(o) if " " in o else re.escape(o) for o in ords)
    nq = rf"[Nn]ghị{WS}quyết"
    tw = rf"(?:Trung{WS}ương|TW|TƯ)"
    term = rf"(?:{SP}?,?{WS}?\(?{SP}?{KHOA}{SP}{{1,2}}(?P<term>[IVXL]{{1,6}})\)?)?"
    long_form = (
        rf"{nq}{WS}(?:các{WS})?[Hh]ội{WS}nghị{WS}lần{WS}thứ{WS}(?P<ord>{ordinal}|\d{{1,2}})"
        rf"{WS}(?:Ban{WS}[Cc]hấp{WS}hành|BCH){WS}{tw}(?:{WS}Đảng)?"
    )
    short_form = rf"{nq}{WS}(?:[Hh]ội{WS}nghị{WS})?{tw}{WS}?(?:lần{WS}thứ{WS})?(?P<num>\d{{1,2}})(?!\d|/|-\w|{SP}?[-–]{SP}?\d)"
    return re.compile(rf"(?:{long_form}|{short_form}){term}")


@cache
def kind_word_re() -> re.Pattern[str]:
    """A capitalised kind word: where a short form may start (one scan for both kinds of short form)."""
    return re.compile(rf"(?P<kind>{_kind_scan()})")


@cache
def short_tail_re() -> re.Pattern[str]:
    """After a kind word, a number with no symbol: "Hướng dẫn 35", "Chỉ thị số 05", "Kế hoạch số 19"."""
    return re.compile(
        rf"{KIND_TAIL}(?P<so>{SO})?{WS}(?P<num>\d{{1,5}})"
        rf"(?![\d\w]|[.,]\d|{SP}{{0,8}}[-–/]{SP}{{0,8}}\n?{SP}{{0,8}}[{UP}\d])"
    )


@cache
def anaphor_tail_re() -> re.Pattern[str]:
    """After a kind word, "trên" or "nêu trên": the last document of that kind ("Kế hoạch trên")."""
    return re.compile(rf"{WS}(?:nêu{WS}|đã{WS}nêu{WS})?trên(?!\w)")


@cache
def issuer_after_re() -> re.Pattern[str]:
    names = [n for n, _ in registry().party_names]
    alt = "|".join(_words(n) for n in names)
    return re.compile(rf"{SP}{{0,3}}[-–,]?{WS}?(?:của{WS})(?P<name>{alt})(?!\w)")


@cache
def issuer_before_re() -> re.Pattern[str]:
    names = [n for n, _ in registry().party_names]
    alt = "|".join(_words(n) for n in names)
    place = rf"(?:[{UP}][{LOWER}]{{1,7}}{WS}){{1,4}}"  # the place it serves: "Tỉnh ủy Yên Bái"
    return re.compile(rf"(?P<name>{alt}){WS}(?:{place})?(?:\([^()\n]{{1,30}}\){WS})?(?:đã{WS})?(?:ban{WS}hành|có){WS}$")
