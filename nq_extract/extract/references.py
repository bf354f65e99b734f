"""Referenced documents (contract ``references``): the pipeline stage.

Finds full citations in both symbol grammars (``nq_extract.refs.parse``),
resolves groups, aliases and short forms (``refs.resolve``), merges them into one
entry per document with every mention as a Span, links central documents to
the catalogue (``refs.catalogue``) and appends reference checks
(``refs.checks``) to ``ctx.report.checks``. The report's own number is
``document.id``, never a reference.
"""

from __future__ import annotations

from ..context import Context
from ..models import Reference
from ..refs import catalogue as cat
from ..refs import checks
from ..refs.parse import Cite, canonical_id, find_cites
from ..refs.regexes import TERM_RE
from ..refs.resolve import GROUP_ISSUER, Resolved, resolve

__all__ = ["canonical_id", "run"]


def run(ctx: Context) -> None:
    text = ctx.doc.text
    own = ctx.report.document.id
    skip = ctx.seg.number if ctx.seg.number else None
    res = resolve(text, find_cites(text, skip), skip)
    for code, message, s, e in res.warnings:
        ctx.warn(code, message, s, e)
    refs, known = _entries(ctx, res, own)
    ctx.report.references = refs
    _check(ctx, refs, known)


def _entries(ctx: Context, res: Resolved, own: str | None) -> tuple[list[Reference], list[tuple[Reference, cat.Entry]]]:
    by_id: dict[str, list[Cite]] = {}
    for c in res.cites:
        if c.id and c.id != own:
            by_id.setdefault(c.id, []).append(c)
    report_date = ctx.report.document.date
    out = []
    known: list[tuple[Reference, cat.Entry]] = []
    for cid, all_cites in by_id.items():
        for cites in documents(all_cites):
            ref, entry = _entry(ctx, res, cid, cites, report_date)
            if entry is not None:
                known.append((ref, entry))
            out.append(ref)
    out.sort(key=lambda r: r.mentions[0].start)
    return out, known


def documents(cites: list[Cite]) -> list[list[Cite]]:
    """The cites of one id parted by the document they name. Party numbering restarts with
    every term and a letter's every year, so an id without its year cited with dates of two
    years names two documents ("Chỉ thị 35-CT/TW ngày 14/6/2019", "... ngày 30/6/2024"). A
    mention without a date goes with its alias's target, else the document of the term it
    names, the year written after it ("Chỉ thị số 35 năm 2019") or the title of one dated mention,
    else the nearest mention before it that says its document (the first dated one when none does)."""
    dated = [c for c in cites if c.date and c.system in ("party", "state")]
    years = list(dict.fromkeys(c.date[:4] for c in dated if c.date))
    if len(years) < 2 or any(c.year for c in dated):
        return [cites]
    parts: dict[str, list[Cite]] = {y: [] for y in years}
    dates = {y: next(c.date for c in dated if c.date and c.date[:4] == y) for y in years}
    placed: dict[int, str] = {}
    with_date = {id(c) for c in dated}
    last: str | None = None  # the year of the nearest mention before that says which document it names
    for c in sorted(cites, key=lambda c: c.start):
        y = (c.date or "")[:4] if id(c) in with_date else _year_for(c, placed, dates, dated)
        if y is None:
            y = last or (min(dated, key=lambda d: d.start).date or "")[:4]
        else:
            last = y
        placed[id(c)] = y
        parts[y].append(c)
    return [sorted(p, key=lambda c: (c.start, c.implied)) for p in parts.values() if p]


def _year_for(c: Cite, placed: dict[int, str], dates: dict[str, str], dated: list[Cite]) -> str | None:
    """The year of the document a mention without a date names, when the mention says it."""
    target = c.extra.get("target")
    if isinstance(target, Cite) and id(target) in placed:
        return placed[id(target)]
    if c.extra.get("year") in dates:  # "Chỉ thị số 35 năm 2019"
        return str(c.extra["year"])
    if c.title:  # the same title as one dated mention
        same = {(d.date or "")[:4] for d in dated if d.title and _fold(d.title) == _fold(c.title)}
        if len(same) == 1:
            return same.pop()
    if c.term:
        inside = [y for y, d in dates.items() if cat.in_term(d, c.term)]
        if len(inside) == 1:
            return inside[0]
    return None


def _fold(s: str) -> str:
    return " ".join(s.casefold().split())


def _entry(ctx: Context, res: Resolved, cid: str, cites: list[Cite], report_date: str | None) -> tuple[Reference, cat.Entry | None]:
    full = [c for c in cites if c.system in ("party", "state")] or cites
    first = full[0]
    kind = next((c.kind for c in full if c.kind_from_word and c.kind), None) or next((c.kind for c in cites if c.kind), None)
    date = next((c.date for c in full if c.date), None)
    title = next((c.title for c in full if c.title), None)
    body = next((c.body for c in full if c.body), None)
    term = next((c.term for c in cites if c.term), None)
    year = first.year or (int(date[:4]) if date else None)
    aliases = res.aliases.get(cid, [])
    if len(aliases) > 1:  # an id parted into documents: each keeps the aliases defined on its own cites
        own_aliases = [a for c in cites for a in c.extra.get("aliases", [])]  # type: ignore[attr-defined]
        aliases = [a for a in aliases if a in own_aliases] or aliases
    ref = Reference(
        id=cid,
        kind=kind,
        number=first.number,
        symbol=first.symbol,
        year=year,
        issuer=_without_term(body) or first.issuer,
        date=date,
        title=title,
        aliases=list(aliases),
        mentions=[ctx.span(c.start, c.end) for c in cites if not c.implied] or [ctx.span(cites[0].start, cites[0].end)],
        issuing_body=body,
        pinpoints=list(dict.fromkeys(c.pinpoint for c in cites if c.pinpoint)),
    )
    if first.system == "group":
        _group(ref, first)
        return ref, None
    entry = cat.link(cid, term=term, date=date, title=title, report_date=report_date)
    if entry is not None:
        ref.catalogue = True
        ref.date = ref.date or entry.date
        ref.title = ref.title or entry.title
        ref.issuer = _without_term(body) or entry.issuer or ref.issuer  # the catalogue knows better than the code
        ref.year = ref.year or (int(entry.date[:4]) if entry.date else None)
    return ref, entry


def _without_term(body: str | None) -> str | None:
    """ "Ban Chấp hành Trung ương Đảng khóa XIII" -> "Ban Chấp hành Trung ương Đảng"."""
    if not body:
        return None
    m = TERM_RE.search(body)
    return (body[: m.start()].rstrip(" (") or None) if m else body


def _group(ref: Reference, c: Cite) -> None:
    conf = cat.conference(c.term or "", int(c.number or 0))
    ref.kind = "Nghị quyết"
    ref.issuer = GROUP_ISSUER
    ref.number = None
    ref.symbol = None
    ref.members = list(conf["members"]) if conf else []
    ref.title = f"Nghị quyết Hội nghị lần thứ {c.number} Ban Chấp hành Trung ương Đảng khóa {c.term}"
    ref.catalogue = conf is not None


def _check(ctx: Context, refs: list[Reference], known: list[tuple[Reference, cat.Entry]]) -> None:
    report_date = ctx.report.document.date
    report_year = int(report_date[:4]) if report_date else None
    for r in refs:
        span = r.mentions[0] if r.mentions else None
        found = [
            checks.impossible_year(r.id, _symbol_year(r), span, report_year),
            checks.dated_after_report(r.id, r.date, report_date, span),
        ]
        entry = next((e for x, e in known if x is r), None)
        if entry is not None and entry.verified:
            found.append(checks.catalogue_date(r.id, r.date, entry.date, span))
        for chk in found:
            if chk is not None:
                ctx.report.checks.append(chk)
                ctx.warn(
                    f"reference.{chk.finding}", chk.message_en or chk.message, span.start if span else None, span.end if span else None
                )


def _symbol_year(r: Reference) -> int | None:
    parts = r.id.split("/")
    if len(parts) == 3 and parts[1].isdigit():
        return int(parts[1])
    return None
