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


def _entries(ctx: Context, res: Resolved, own: str | None) -> tuple[list[Reference], dict[str, cat.Entry]]:
    by_id: dict[str, list[Cite]] = {}
    for c in res.cites:
        if c.id and c.id != own:
            by_id.setdefault(c.id, []).append(c)
    report_date = ctx.report.document.date
    out = []
    known: dict[str, cat.Entry] = {}
    for cid, cites in by_id.items():
        full = [c for c in cites if c.system in ("party", "state")] or cites
        first = full[0]
        kind = next((c.kind for c in full if c.kind_from_word and c.kind), None) or next((c.kind for c in cites if c.kind), None)
        date = next((c.date for c in full if c.date), None)
        title = next((c.title for c in full if c.title), None)
        body = next((c.body for c in full if c.body), None)
        term = next((c.term for c in cites if c.term), None)
        year = first.year or (int(date[:4]) if date else None)
        ref = Reference(
            id=cid,
            kind=kind,
            number=first.number,
            symbol=first.symbol,
            year=year,
            issuer=_without_term(body) or first.issuer,
            date=date,
            title=title,
            aliases=res.aliases.get(cid, []),
            mentions=[ctx.span(c.start, c.end) for c in cites if not c.implied] or [ctx.span(cites[0].start, cites[0].end)],
            issuing_body=body,
            pinpoints=list(dict.fromkeys(c.pinpoint for c in cites if c.pinpoint)),
        )
        if first.system == "group":
            _group(ref, first)
        else:
            entry = cat.link(cid, term=term, date=date, title=title, report_date=report_date)
            if entry is not None:
                ref.catalogue = True
                ref.date = ref.date or entry.date
                ref.title = ref.title or entry.title
                ref.issuer = _without_term(body) or entry.issuer or ref.issuer  # the catalogue knows better than the code
                ref.year = ref.year or (int(entry.date[:4]) if entry.date else None)
                known[cid] = entry
        out.append(ref)
    out.sort(key=lambda r: r.mentions[0].start)
    return out, known


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


def _check(ctx: Context, refs: list[Reference], known: dict[str, cat.Entry]) -> None:
    report_date = ctx.report.document.date
    report_year = int(report_date[:4]) if report_date else None
    for r in refs:
        span = r.mentions[0] if r.mentions else None
        found = [
            checks.impossible_year(r.id, _symbol_year(r), span, report_year),
            checks.dated_after_report(r.id, r.date, report_date, span),
        ]
        entry = known.get(r.id)
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
