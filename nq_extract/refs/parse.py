"""Full citations: a symbol in either grammar, with what the text says around it.

Party symbols are ``NUMBER-TYPE/ISSUER`` (``42-NQ/TW``), State symbols
``NUMBER/[YEAR/]TYPE-ISSUER[-UNIT]`` (``126/2024/NĐ-CP``, ``2769/UBND-NCKSTTHC``).
Each hit becomes a :class:`Cite` with its canonical id and the kind word,
date, issuing body, title and pinpoint found next to it. Lists ("số 42, 43,
44, 45-NQ/TW") and ranges ("từ ... 42-NQ/TW đến 45-NQ/TW") give one cite per
document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import regexes as rx
from .registry import Registry, registry

_FORM_BEFORE = re.compile(r"(?:[Mm]ẫu|[Bb]iểu|[Pp]hụ\s+lục)(?:\s+(?:mẫu|kèm\s+theo))?\s+(?:số\s*)?$")
# a kind whose documents carry a name before their number: "Luật Đầu tư công số 58/2024/QH15"
_NAMED_KIND = re.compile(r"(?<!\w)(?P<kind>Bộ\s+luật|Luật|Pháp\s+lệnh)\s+[A-ZĐ][^;.:()\n]{0,120}?\s+số\s*[:.]?\s*$")
_RANGE_TO = re.compile(r"(?:^|\s)(?:đến|tới)\s*(?:số\s*)?$")
BEFORE = 90  # characters looked at before a symbol (numbers of a list)
KIND_BEFORE = 60  # where the kind word of a symbol may start
AFTER = 420  # characters looked at after it


@dataclass
class Cite:
    """One mention of one document."""

    id: str
    start: int
    end: int
    system: str  # "party", "state", "group", "short"
    kind: str | None = None
    kind_from_word: bool = False
    number: str | None = None
    symbol: str | None = None
    year: int | None = None
    issuer: str | None = None
    date: str | None = None
    body: str | None = None
    title: str | None = None
    term: str | None = None
    pinpoint: str | None = None
    members: list[str] | None = None
    implied: bool = False  # a range's inner member, not written out
    extra: dict[str, object] = field(default_factory=dict)


def _squash(s: str) -> str:
    return "".join(s.split()).replace("–", "-")


def _party_id(num: str, typ: str, iss: str) -> str:
    return f"{_squash(num)}-{_squash(typ)}/{_squash(iss).replace('TƯ', 'TW')}"


def _state_id(num: str, year: str | None, sym: str) -> str:
    y = f"{year}/" if year else ""
    return f"{_squash(num)}/{y}{_squash(sym)}"


def _from_match(m: re.Match[str], reg: Registry) -> Cite | None:
    """The cite of one symbol match, before looking at its context (None: not a symbol)."""
    g = m.group
    if g("ptype"):
        typ, iss = reg.code_as_known(_squash(g("ptype"))), _squash(g("piss")).replace("TƯ", "TW")
        if typ not in reg.party_types and iss not in reg.party_issuers:
            return None
        unit = g("punit")
        if unit and (iss not in reg.party_units or typ not in reg.party_types):
            return None  # only the Youth Union's symbols carry a department's code
        return Cite(
            id=_party_id(g("num"), typ, f"{iss}-{unit}" if unit else iss),
            start=m.start(),
            end=m.end(),
            system="party",
            kind=reg.party_types.get(typ),
            number=_squash(g("num")),
            symbol=f"{typ}/{iss}-{unit}" if unit else f"{typ}/{iss}",
            issuer=reg.party_issuers.get(iss),
        )
    if g("vtype"):
        typ, iss = g("vtype"), g("viss").replace("TƯ", "TW")
        if iss in reg.party_issuers and typ in reg.party_types:
            return Cite(
                id=_party_id(g("num"), typ, iss),
                start=m.start(),
                end=m.end(),
                system="party",
                kind=reg.party_types[typ],
                number=_squash(g("num")),
                symbol=f"{typ}/{iss}",
                issuer=reg.party_issuers[iss],
            )
        if typ in reg.state_types and reg.state_issuer(iss.split("-")[0]):
            return Cite(
                id=_state_id(g("num"), None, f"{typ}-{iss}"),
                start=m.start(),
                end=m.end(),
                system="state",
                kind=reg.state_types[typ],
                number=_squash(g("num")),
                symbol=f"{typ}-{iss}",
                issuer=reg.state_issuer(iss.split("-")[0]),
            )
        return None
    num, year, sym = g("num"), g("syear"), _squash(g("ssym"))
    codes = [reg.code_as_known(c) for c in sym.split("-")]  # "CT-TTG" in a title in capitals: "CT-TTg"
    sym = "-".join(codes)
    kind = reg.state_types.get(codes[0])
    if kind is None and len(codes) > 1 and reg.state_issuer(codes[0]):
        kind = "Công văn"  # NUMBER/ISSUER-UNIT: a letter without a kind abbreviation
    issuer_code = codes[1] if kind and codes[0] in reg.state_types and len(codes) > 1 else codes[0]
    if len(codes) == 1 and year and kind is None:
        issuer_code = codes[0]
    return Cite(
        id=_state_id(num, year, sym),
        start=m.start(),
        end=m.end(),
        system="state",
        kind=kind,
        number=_squash(num),
        symbol=sym,
        year=int(year) if year else None,
        issuer=reg.state_issuer(issuer_code),
        extra={"single_code": len(codes) == 1 and not year},
    )


def canonical_id(text: str) -> str | None:
    """The canonical id of a symbol as written (``Số: 329 /BC-UBND`` -> ``329/BC-UBND``)."""
    s = text.strip()
    s = re.sub(r"^[Ss]ố\s*[:.]?\s*", "", s)
    m = rx.symbol_re().fullmatch(s)
    if not m:
        return None
    c = _from_match(m, registry())
    return c.id if c else None


def kind_before(text: str, end: int) -> tuple[str, int, bool] | None:
    """The kind word that ends (with "số" and spaces) right at ``end``: (as written, start, has số)."""
    window = text[max(0, end - KIND_BEFORE) : end]
    m = rx.kind_before_rev_re().match(window[::-1])
    if m is None:
        return None
    return m.group("kind")[::-1], end - m.end("kind"), bool(m.group("so"))


def _ends_with_so(before: str) -> bool:
    """Does the text before a number end with the word "số" ("Văn bản số 16/CGC.BT")?"""
    w = before.rstrip(" \t\n:.")
    return w[-2:] in ("số", "Số") and (len(w) == 2 or not w[-3].isalnum())


def _iso(d: str, m: str, y: str) -> str | None:
    di, mi, yi = int(d), int(m), int(y)
    if not (1 <= di <= 31 and 1 <= mi <= 12):
        return None
    return f"{yi:04d}-{mi:02d}-{di:02d}"


def context(text: str, c: Cite, reg: Registry, kind_end: int | None = None) -> None:
    """Fill the kind word, pinpoint, date, issuing body, term and title of a cite from the text around it."""
    kb = kind_before(text, c.start)
    if kb:
        kind_written, kstart, so = kb
        c.kind = _kind_name(kind_written, reg)
        c.kind_from_word = True
        c.extra["so"] = so
        pin_window = text[max(0, kstart - 60) : kstart]
        pm = rx.pinpoint_before_re().search(pin_window) if ("iều" in pin_window or "hoản" in pin_window) else None
        if pm:
            c.pinpoint = " ".join(pm.group("pin").split())
    else:
        c.extra["so"] = _ends_with_so(text[max(0, c.start - KIND_BEFORE) : c.start])
        if c.extra["so"] and c.system == "state":
            nm = _NAMED_KIND.search(text, max(0, c.start - 160), c.start)
            if nm:  # "Luật Tổ chức chính quyền địa phương số 72/2025/QH15"
                c.kind = _kind_name(nm.group("kind"), reg)
                c.kind_from_word = True
    pos = c.end if kind_end is None else kind_end
    limit = min(len(text), pos + AFTER)
    dm = rx.date_after_re().match(text, pos, limit)
    if dm:
        iso = _iso(dm.group("d") or dm.group("d2"), dm.group("m") or dm.group("m2"), dm.group("y") or dm.group("y2"))
        if iso:
            c.date = iso
        pos = dm.end()
        if text[pos : pos + 1] == ")":
            pos += 1
    if c.date is None and kb:
        bd = rx.date_before_re().search(text, max(0, kb[1] - 140), kb[1])
        if bd:  # "Ngày 14/6/2024, Bộ Chính trị ban hành Chỉ thị số 35-CT/TW"
            c.date = _iso(bd.group("d") or bd.group("d2"), bd.group("m") or bd.group("m2"), bd.group("y") or bd.group("y2"))
    quote_from: int | None = pos  # where a title in quotes may start
    found = _body_at(text, pos, limit)
    if found:
        bs, kept, be = found
        quote_from = kept if kept > bs else be
        if kept > bs:  # a known body's full name (and the place it serves)
            body = " ".join(text[bs:kept].split())
        else:
            body = text[bs:be]
            stop = rx.BODY_STOP.search(" " + body + " ")
            if stop:
                body = body[: stop.start()]
                quote_from = None  # words after the body: a quote there is not the cited document's title
            body = " ".join(body.split())
        if len(body) >= 2 and body[0].isupper():
            c.body = body
            tm = rx.TERM_RE.search(body)
            if tm:
                c.term = tm.group("term") or tm.group("term2")
        after = text[be : be + 20]
        tm2 = rx.TERM_RE.match(after.lstrip(" "))
        if tm2 and c.term is None:
            c.term = tm2.group("term") or tm2.group("term2")
    if c.body is None and kb:
        before = text[max(0, kb[1] - 160) : kb[1]]
        pm = rx.body_before_re().search(before)
        if pm:  # "Xét đề nghị của Giám đốc Sở Tài chính tại Tờ trình số 160/TTr-STC"
            body = " ".join(re.split(r"\scủa\s", pm.group("body"))[-1].split())
            body = rx.POSITION_HEAD.sub("", body)  # the body, not its head: "Giám đốc Sở Tài chính" -> "Sở Tài chính"
            if len(body) >= 2 and body[0].isupper():
                c.body = body
    # the title: "về ..." up to the end of the clause
    ti = rx.title_after_re().match(text, _skip_body(text, pos, limit), limit)
    if ti:
        title = ti.group("title")
        opened = (ti.group("quote") or "").strip()  # “về việc ...”: the quote opens before the "về"
        if not opened and title[:1] in rx.QUOTES:
            opened, title = title[:1], title[1:]
        end = title.find(rx.QUOTES[opened]) if opened else -1
        if end > 0:
            title = title[:end]
        else:
            stop = rx.TITLE_STOP.search(title)
            if stop:
                title = title[: stop.start()]
            title = _before_next_clause(title)
        title = " ".join(title.split()).rstrip(" ,")
        if len(title) >= 3:
            c.title = title[:1].upper() + title[1:]
    elif quote_from is not None:
        qm = rx.quoted_title_re().match(text, quote_from, limit)
        if qm:  # "... khóa XII “một số vấn đề về tiếp tục đổi mới ...”": a title in quotes without "về"
            title = " ".join(qm.group("title").split())
            c.title = title[:1].upper() + title[1:]


def _before_next_clause(title: str) -> str:
    """A title cut where the sentence goes on: the next citation of a list, or a new clause
    with its own subject and verb (not a relative clause of the title: "do ... đã ban hành")."""
    others = rx.OTHER_DOCUMENTS_AFTER_TITLE.search(title)
    if others:
        title = title[: others.start()]
    nxt = rx.CITE_AFTER_TITLE.search(title)
    if nxt and not re.search(r"số\s?\d", title[: nxt.start()]):  # a title citing documents lists them itself
        title = title[: nxt.start()]
    for cm in rx.CLAUSE_AFTER_TITLE.finditer(title):
        if not re.search(r"\bdo\s", title[: cm.start()]):
            return title[: cm.start()]
    return title


def _body_at(text: str, pos: int, limit: int) -> tuple[int, int, int] | None:
    """The issuing-body phrase after "của" at ``pos``: where it starts, up to where it is a known
    body's full name (kept whole: "Bộ Nông nghiệp và Phát triển nông thôn"), and where the phrase
    as found ends (a stop word may end the body before that)."""
    bm = rx.body_after_re().match(text, pos, limit)
    if bm is None:
        return None
    bs = bm.start("body")
    km = rx.known_body_re().match(text, bs, limit)
    if km is None:
        return bs, bs, bm.end()
    rm = rx.body_rest_re().match(text, km.end(), limit)
    end = rm.end() if rm else km.end()
    am = rx.body_any_re().match(text, end, limit)
    return bs, end, am.end() if am else end


def _skip_body(text: str, pos: int, limit: int) -> int:
    """Past an issuing body phrase ("của Ban Thường vụ Tỉnh ủy (Khóa XIV)") to where a title may start."""
    found = _body_at(text, pos, limit)
    if not found:
        return pos
    bs, kept, be = found
    body = text[bs:be]
    i = body.find(" về ", kept - bs)
    j = body.find("\nvề ", kept - bs)
    cut = min(x for x in (i, j, len(body)) if x >= 0)
    if cut < len(body) and rx.OTHER_CITE.search(body, 0, cut):
        return limit  # the "về ..." after it is another document's title
    end = bs + cut
    while end < limit and text[end] in " )(":
        end += 1
        if text[end - 1] == "(":
            close = text.find(")", end, min(limit, end + 30))
            end = close + 1 if close >= 0 else end
    return end


def _kind_name(written: str, reg: Registry) -> str:
    w = " ".join(written.split())
    return reg.kind_by_lower.get(w.lower(), w)


def find_cites(text: str, skip: tuple[int, int] | None = None) -> list[Cite]:
    """Every full citation in ``text`` (lists and ranges expanded), in text order."""
    reg = registry()
    out: list[Cite] = []
    for m in rx.dangling_re().finditer(text):
        if skip and skip[0] <= m.start() < skip[1]:
            continue
        c = _dangling(text, m, reg)
        if c is not None and (m.group("dash") or m.group("dsym").split("-")[-1] in reg.state_types):
            context(text, c, reg, kind_end=c.extra.get("tail_end"))  # type: ignore[arg-type]
            if c.kind_from_word:
                out.append(c)
    cut = {c.start for c in out}
    for m in rx.symbol_re().finditer(text):
        if (skip and skip[0] <= m.start() < skip[1]) or m.start() in cut:
            continue
        c = _from_match(m, reg)
        if c is None:
            continue
        if c.system == "state" and "-" not in (c.symbol or ""):
            c = _join_lost_dash(text, c, reg)
        context(text, c, reg)
        if c.extra.get("single_code") and not c.kind_from_word:
            continue  # "16/CGC.BT" only counts after a kind word ("Văn bản số"), "tổ số 5/KP3" never
        if _FORM_BEFORE.search(text, max(0, c.start - 24), c.start):
            continue  # "Mẫu số 02/BC-UBND", "Phụ lục số 01/PL": a form or an annex, not a document
        out.append(c)
        out.extend(_listed(text, c))
        out.extend(_ranged(text, c, out))
    out.sort(key=lambda c: (c.start, c.implied))
    _same_day(text, out)
    return out


_SAME_DAY = re.compile(r"[ \t]{0,3},?[ \t]{0,3}(?:ban[ \t]hành[ \t])?cùng[ \t]ngày(?!\w)")


def _same_day(text: str, cites: list[Cite]) -> None:
    """ "Quyết định số 1234/QĐ-UBND, ngày 05/5/2024 ...; Quyết định số 1235/QĐ-UBND, cùng ngày": the date before."""
    last: str | None = None
    for c in cites:
        if c.date is None and last and _SAME_DAY.match(text, c.end):
            c.date = last
        if c.date:
            last = c.date


def _join_lost_dash(text: str, c: Cite, reg: Registry) -> Cite:
    """ "117/QĐ UBND", "2328/SNV TCCC": a symbol whose dash a PDF extractor took for a hyphen at a
    line end and dropped. The next code joins when the symbol so far is a kind abbreviation followed
    by a known issuer, or a known issuer followed by a unit code."""
    jm = rx.space_join_re().match(text, c.end)
    if jm is None:
        return c
    code, last = jm.group("code"), c.symbol or ""
    known_next = reg.state_issuer(code) is not None or code in reg.party_issuers
    if (last in reg.state_types and known_next) or (reg.state_issuer(last) and len(code) >= 2 and not c.year):
        sym = f"{last}-{code}"
        year = str(c.year) if c.year else None
        kind = reg.state_types.get(last) or "Công văn"
        issuer = reg.state_issuer(code) if last in reg.state_types else reg.state_issuer(last)
        return Cite(
            id=_state_id(c.number or "", year, sym),
            start=c.start,
            end=jm.end(),
            system="state",
            kind=kind,
            number=c.number,
            symbol=sym,
            year=c.year,
            issuer=issuer,
        )
    return c


def _listed(text: str, c: Cite) -> list[Cite]:
    """ "Nghị quyết số 42, 43, 44, 45-NQ/TW": a cite for each listed number, same symbol."""
    ws = max(0, c.start - BEFORE)
    tail = text[max(ws, c.start - 4) : c.start]
    if "," not in tail and ";" not in tail and "và" not in tail and "&" not in tail:
        return []
    lm = rx.list_before_re().search(text, ws, c.start)
    if not lm:
        return []
    out = []
    base = lm.start("items")
    for nm in re.finditer(r"\d{1,5}", lm.group("items")):
        s, e = base + nm.start(), base + nm.end()
        cid = f"{nm.group()}-{c.symbol}" if c.system == "party" else f"{nm.group()}/{c.symbol}"
        if c.system == "state" and c.year:
            cid = f"{nm.group()}/{c.year}/{c.symbol}"
        out.append(_copy(c, cid, s, e, nm.group()))
    # the kind word sits before the list, not before the last number
    kb = kind_before(text, lm.start("items"))
    if kb:
        kind = _kind_name(kb[0], registry())
        for x in [c, *out]:
            x.kind, x.kind_from_word = kind, True
    return out


def _ranged(text: str, c: Cite, sofar: list[Cite]) -> list[Cite]:
    """ "từ Nghị quyết số 42-NQ/TW đến 45-NQ/TW": the documents in between, same symbol."""
    if c.system != "party" or not c.number or not c.number.isdigit():
        return []
    before = text[max(0, c.start - 12) : c.start]
    if ("đến" not in before and "tới" not in before) or not _RANGE_TO.search(before):
        return []
    prev = next((p for p in reversed(sofar[:-1]) if p.system == "party" and p.symbol == c.symbol and not p.implied), None)
    if prev is None or not prev.number or not prev.number.isdigit() or c.start - prev.end > 40:
        return []
    if not re.search(r"(?:^|\W)[Tt]ừ\W", text[max(0, prev.start - BEFORE) : prev.start]):
        return []
    lo, hi = int(prev.number), int(c.number)
    if not 0 < hi - lo <= 20:
        return []
    return [_copy(c, f"{n}-{c.symbol}", prev.start, c.end, str(n), implied=True) for n in range(lo + 1, hi)]


def _copy(c: Cite, cid: str, s: int, e: int, number: str, implied: bool = False) -> Cite:
    return Cite(
        id=cid,
        start=s,
        end=e,
        system=c.system,
        kind=c.kind,
        kind_from_word=c.kind_from_word,
        number=number,
        symbol=c.symbol,
        year=c.year,
        issuer=c.issuer,
        date=None,
        body=c.body,
        term=c.term,
        implied=implied,
    )


def _dangling(text: str, m: re.Match[str], reg: Registry) -> Cite | None:
    """A symbol cut at a line end in a table cell: its issuer is the first known code on the next line."""
    nl = text.find("\n", m.end())
    if nl < 0:
        return None
    line_end = text.find("\n", nl + 1)
    line_end = len(text) if line_end < 0 else line_end
    line = text[nl + 1 : line_end]
    for tm in re.finditer(rf"(?<!\S)({rx.CODE})(?=\s+ngày|\s*$)", line):
        code = tm.group(1)
        if reg.state_issuer(code) or code in reg.party_issuers:
            sym = f"{m.group('dsym')}-{code}"
            c = Cite(
                id=_state_id(m.group("dnum"), m.group("dyear"), sym),
                start=m.start(),
                end=m.end(),
                system="state",
                kind=reg.state_types.get(m.group("dsym").split("-")[0]),
                number=m.group("dnum"),
                symbol=sym,
                year=int(m.group("dyear")) if m.group("dyear") else None,
                issuer=reg.state_issuer(code),
            )
            c.extra["tail_end"] = nl + 1 + tm.end()
            return c
    return None
