"""HTML review view: the normalized text with every extracted item highlighted.

``render_html(report)`` returns one standalone page (inline CSS and JS, no
network: a Content-Security-Policy forbids any fetch) showing

- the normalized text (``report.text``) with references, dates, quantities,
  ratios, percentages, units and people highlighted by kind (a legend whose
  boxes hide a kind; colours that also differ by line style, so they read in
  print);
- footnote anchors linked to their notes and back;
- a panel of checks, inconsistencies first: clicking one highlights its
  operands in the text and scrolls to them; references, units and people
  work the same way.

Overlapping spans are nested, and a span that crosses another's end is split
into pieces that share its ``data-g`` groups. All document text and every
attribute is escaped. ``render_index(entries)`` builds the page of a batch that
links every document's page. ``render_iframe(report)`` wraps the page in an
``<iframe srcdoc>`` for notebooks.
"""

from __future__ import annotations

import html
import os
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any
from urllib.parse import quote, urlsplit

from ..models import Check, Report, Span

# kind -> (legend label, description); the order is the nesting order for equal ranges
KINDS: dict[str, tuple[str, str]] = {
    "ref": ("REF", "referenced document"),
    "unit": ("UNIT", "named unit"),
    "person": ("PERSON", "person"),
    "ratio": ("RATIO", "ratio"),
    "date": ("DATE", "date"),
    "quantity": ("QUANTITY", "quantity"),
    "pct": ("PERCENT", "percentage"),
}
_ORDER = {k: i for i, k in enumerate(("note", *KINDS, "anchor", "op"))}
_STATUS_ORDER = {"inconsistent": 0, "unverifiable": 1, "consistent": 2}
_CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"


def esc(value: Any) -> str:
    """Text or attribute value, escaped (quotes included)."""
    return html.escape("" if value is None else str(value), quote=True)


@cache
def asset(name: str) -> str:
    """The text of a packaged asset (``review.css``, ``review.js``)."""
    return resources.files(__package__).joinpath(name).read_text(encoding="utf-8")


@dataclass(frozen=True)
class Mark:
    """A highlighted range of the text: kind, groups for click targets, tooltip."""

    start: int
    end: int
    kind: str
    groups: tuple[str, ...] = ()
    title: str = ""

    def sort_key(self) -> tuple[int, int, int, tuple[str, ...]]:
        return (self.start, -self.end, _ORDER.get(self.kind, 99), self.groups)

    def open_tag(self) -> str:
        cls = "k-op" if self.kind == "op" else f"m k-{self.kind}"
        attrs = f' class="{cls}"'
        if self.groups:
            attrs += f' data-g="{esc(" ".join(self.groups))}"'
        if self.title:
            attrs += f' title="{esc(self.title)}"'
        return f"<span{attrs}>"


def fmt(value: Any) -> str:
    """A number as a reader writes it: no trailing ``.0``, at most four decimals."""
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return f"{round(value, 4):g}" if abs(value) < 1e6 else str(round(value, 4))
    return "" if value is None else str(value)


def _valid(span: Span | None, n: int) -> bool:
    return span is not None and 0 <= span.start < span.end <= n


def collect_marks(report: Report) -> list[Mark]:
    """Every highlighted range of a report's text, with its kind and click groups."""
    n = len(report.text or "")
    marks: list[Mark] = []

    def add(span: Span | None, kind: str, groups: tuple[str, ...], title: str) -> None:
        if _valid(span, n):
            assert span is not None
            if title and span.page is not None:
                title += f" · page {span.page}"
            marks.append(Mark(span.start, span.end, kind, groups, title))

    for i, ref in enumerate(report.references):
        bits = [ref.id, ref.kind, ref.date, ref.issuer, ref.title]
        if ref.members:
            bits.append("members: " + ", ".join(ref.members))
        title = "REF " + " · ".join(str(b) for b in bits if b)
        for m in ref.mentions:
            add(m, "ref", (f"r{i}",), title)
    for d in report.dates:
        rng = f"{d.value} to {d.end}" if d.end else d.value
        add(d.span, "date", (), f"DATE {rng} ({d.grain})" + (f", {d.role}" if d.role else ""))
    for q in report.quantities:
        unit = f" {q.unit}" if q.unit else ""
        extra = ", approx." if q.approx else ""
        subj = f" · {q.subject}" if q.subject else ""
        add(q.span, "quantity", (), f"QUANTITY {fmt(q.value)}{unit}{extra}{subj}")
    for r in report.ratios:
        pct = f", stated {fmt(r.percent)}%" if r.percent is not None else ""
        add(r.span, "ratio", (), f"RATIO {fmt(r.numerator)}/{fmt(r.denominator)}{pct}")
    for p in report.percentages:
        add(p.span, "pct", (), f"PERCENT {fmt(p.value)}%")
    for i, u in enumerate(report.units):
        bits = [u.name, u.canonical and f"→ {u.canonical}", u.kind, u.level, u.admin_code and f"code {u.admin_code}"]
        title = "UNIT " + " · ".join(str(b) for b in bits if b)
        for m in u.mentions:
            add(m, "unit", (f"u{i}",), title)
    for i, pe in enumerate(report.people):
        add(pe.span, "person", (f"p{i}",), "PERSON " + pe.name + (f", {pe.position}" if pe.position else ""))
    for i, f in enumerate(report.footnotes):
        add(f.span, "note", (f"f{i}",), "")
        for a in f.anchors:
            add(a, "anchor", (f"f{i}",), f"footnote {f.marker}")
    # operands: one element per distinct range, carrying every check that uses it
    ops: dict[tuple[int, int], list[str]] = {}
    for i, c in enumerate(report.checks):
        for o in c.operands:
            if _valid(o.span, n):
                assert o.span is not None
                groups = ops.setdefault((o.span.start, o.span.end), [])
                if f"c{i}" not in groups:
                    groups.append(f"c{i}")
    for (s, e), groups in ops.items():
        marks.append(Mark(s, e, "op", tuple(groups), ""))
    for i, w in enumerate(report.warnings):
        add(w.span, "op", (f"w{i}",), "")
    return marks


def _inserts(report: Report) -> dict[int, list[str]]:
    """Markup inserted between characters: footnote markers, note labels, a separator."""
    n = len(report.text or "")
    out: dict[int, list[str]] = {}
    notes = [f for f in report.footnotes if _valid(f.span, n)]
    if notes:
        first = min(f.span.start for f in notes)
        out.setdefault(first, []).append('<span class="notes-sep" role="separator" data-label="Footnotes"></span>')
    for i, f in enumerate(report.footnotes):
        marker = esc(f.marker)
        anchors = [a for a in f.anchors if 0 <= a.start <= a.end <= n]  # an empty anchor still gets its marker
        for k, a in enumerate(anchors):
            out.setdefault(a.end, []).append(
                f'<sup class="fn"><a href="#fn-{i}" id="fnref-{i}-{k}" title="footnote {marker}">{marker}</a></sup>'
            )
        if _valid(f.span, n):
            back = f"#fnref-{i}-0" if anchors else f"#fn-{i}"
            out.setdefault(f.span.start, []).append(f'<a class="fn-label" id="fn-{i}" href="{back}" title="back to the text">{marker}</a>')
    return out


def render_text(text: str, marks: Iterable[Mark], inserts: Mapping[int, list[str]] | None = None) -> str:
    """The text as HTML with ``marks`` as nested ``<span>`` elements.

    At every boundary the wanted stack of open marks is compared with the open
    one: marks past the common prefix are closed and the new ones opened, so
    a mark that crosses another's end is split into well-nested pieces.
    """
    inserts = inserts or {}
    pending = sorted(marks, key=Mark.sort_key)
    bounds = sorted({0, len(text), *inserts, *(m.start for m in pending), *(m.end for m in pending)})
    out: list[str] = []
    stack: list[Mark] = []
    active: list[Mark] = []
    j = 0
    for bi, b in enumerate(bounds):
        while j < len(pending) and pending[j].start <= b:
            active.append(pending[j])
            j += 1
        active = [m for m in active if m.end > b]
        wanted = sorted(active, key=Mark.sort_key)
        keep = 0
        while keep < len(stack) and keep < len(wanted) and stack[keep] is wanted[keep]:
            keep += 1
        out.append("</span>" * (len(stack) - keep))
        out.extend(inserts.get(b, ()))
        out.extend(m.open_tag() for m in wanted[keep:])
        stack = wanted
        nxt = bounds[bi + 1] if bi + 1 < len(bounds) else len(text)
        if nxt > b:
            out.append(html.escape(text[b:nxt], quote=False))
    out.append("</span>" * len(stack))
    return "".join(out)


def _check_item(i: int, c: Check) -> str:
    figs = []
    if c.stated is not None:
        figs.append(f"stated {esc(fmt(c.stated))}")
    if c.computed is not None:
        figs.append(f"computed {esc(fmt(c.computed))}")
    if c.tolerance is not None:
        figs.append(f"tolerance {esc(fmt(c.tolerance))}")
    ops = []
    for o in c.operands:
        where = f" «{esc(o.span.text)}»" if o.span is not None else ' <span class="empty">not found in the text</span>'
        ops.append(f"<li>{esc(o.role)}: {esc(fmt(o.value))}{where}</li>")
    title = esc(c.message_en or "")
    return (
        f'<li class="check st-{esc(c.status)}"><button type="button" class="target" data-target="c{i}" aria-pressed="false" title="{title}">'
        f'<span class="badge">{esc(c.status)}</span><b>{esc(c.kind)}</b> {esc(c.message)}'
        + (f'<span class="figs">{" · ".join(figs)}</span>' if figs else "")
        + (f'<ol class="ops">{"".join(ops)}</ol>' if ops else "")
        + "</button></li>"
    )


def _checks_panel(report: Report) -> str:
    order = sorted(range(len(report.checks)), key=lambda i: (_STATUS_ORDER.get(report.checks[i].status, 3), i))
    counts = {s: sum(c.status == s for c in report.checks) for s in _STATUS_ORDER}
    cov = report.coverage
    head = (
        f'<h2>Checks <span class="count">{len(report.checks)}: {counts["inconsistent"]} inconsistent, '
        f"{counts['unverifiable']} unverifiable, {counts['consistent']} consistent; "
        f"{cov.checked} of {cov.numeric_claims} numeric claims checked</span></h2>"
    )
    if not report.checks:
        return head + '<p class="empty">no checks</p>'
    return head + '<ol class="checks">' + "".join(_check_item(i, report.checks[i]) for i in order) + "</ol>"


def _list_panel(title: str, rows: list[tuple[str, str]]) -> str:
    if not rows:
        return f'<h2>{esc(title)} <span class="count">0</span></h2><p class="empty">none</p>'
    items = "".join(
        f'<li><button type="button" class="target" data-target="{esc(g)}" aria-pressed="false">{label}</button></li>' for g, label in rows
    )
    return f'<h2>{esc(title)} <span class="count">{len(rows)}</span></h2><ul class="items">{items}</ul>'


def _legend(report: Report, marks: list[Mark]) -> str:
    counts = {k: sum(m.kind == k for m in marks) for k in KINDS}
    items = "".join(
        f'<li><label><input type="checkbox" checked data-kind="{k}"> <span class="m k-{k} sw">{label}</span> '
        f'{esc(desc)} <span class="count">{counts[k]}</span></label></li>'
        for k, (label, desc) in KINDS.items()
    )
    return f'<h2>Legend</h2><ul class="legend">{items}</ul>'


def _header(report: Report) -> str:
    doc, src = report.document, report.source
    heading = " ".join(x for x in (doc.kind, doc.id) if x) or "Report"
    rows: list[tuple[str, str]] = []
    if doc.title:
        rows.append(("title", esc(doc.title)))
    for key, value in (("date", doc.date), ("issuer", doc.issuer), ("place", doc.place)):
        if value:
            rows.append((key, esc(value)))
    if doc.signer:
        rows.append(("signer", esc(doc.signer.name + (f", {doc.signer.position}" if doc.signer.position else ""))))
    if doc.recipients:
        rows.append(("recipients", esc("; ".join(doc.recipients))))
    status = esc(src.status) if src.status == "ok" else f'<span class="status-bad">{esc(src.status)}</span>'
    source = ", ".join(x for x in (esc(src.path or "text"), esc(src.format), src.pages and f"{src.pages} pages", src.ocr and "OCR") if x)
    rows.append(("source", f"{source}; status {status}" + (f": {esc(src.message)}" if src.message else "")))
    counts = (
        f"{len(report.references)} references, {len(report.dates)} dates, {len(report.quantities)} quantities, "
        f"{len(report.ratios)} ratios, {len(report.percentages)} percentages, {len(report.units)} units, "
        f"{len(report.people)} people, {len(report.footnotes)} footnotes"
    )
    rows.append(("found", counts))
    dl = "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in rows)
    return f'<header class="doc"><h1>{esc(heading)}</h1><dl>{dl}</dl></header>'


def _page(title: str, body: str) -> str:
    return (
        "<!doctype html>\n"
        '<html lang="vi"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta name="generator" content="nq_extract">'
        '<link rel="icon" href="data:,">'
        f"<title>{esc(title)}</title><style>{asset('review.css')}</style></head>"
        f'<body style="margin:0">{body}<script>{asset("review.js")}</script></body></html>\n'
    )


def render_body(report: Report) -> str:
    """The review markup (one ``<div class="nqx">``) without the page around it."""
    text = report.text or ""
    marks = collect_marks(report)
    if text:
        shown = f'<div class="doctext">{render_text(text, marks, _inserts(report))}</div>'
    else:
        shown = '<p class="empty">The report carries no text (parse the document, or keep the text with <code>with_text</code>).</p>'
    refs = [
        (f"r{i}", f"<b>{esc(r.id)}</b> {esc(r.kind or '')} <span class='count'>×{len(r.mentions)}</span>")
        for i, r in enumerate(report.references)
    ]
    units = [(f"u{i}", f"{esc(u.name)} <span class='count'>{esc(u.kind)} ×{len(u.mentions)}</span>") for i, u in enumerate(report.units)]
    people = [
        (f"p{i}", esc(p.name) + (f" <span class='count'>{esc(p.position)}</span>" if p.position else ""))
        for i, p in enumerate(report.people)
    ]
    warnings = [
        (f"w{i}", f"<b>{esc(w.code)}</b> {esc(w.message)}" + (f" «{esc(w.span.text[:80])}»" if w.span else ""))
        for i, w in enumerate(report.warnings)
    ]
    panel = (
        _legend(report, marks)
        + _checks_panel(report)
        + _list_panel("References", refs)
        + _list_panel("Units", units)
        + _list_panel("People", people)
        + (_list_panel("Warnings", warnings) if warnings else "")
    )
    return (
        f'<div class="nqx">{_header(report)}<div class="layout"><main class="text">{shown}</main>'
        f'<aside class="panel" aria-label="checks and items">{panel}</aside></div></div>'
    )


def render_html(report: Report) -> str:
    """One standalone HTML page reviewing ``report`` (needs ``report.text``)."""
    doc = report.document
    title = " ".join(x for x in (doc.kind, doc.id) if x) or report.source.path or "nq_extract report"
    return _page(f"{title} · nq_extract review", render_body(report))


def render_iframe(report: Report, height: int = 640) -> str:
    """The page inside an ``<iframe srcdoc>``: for notebooks, where the page's own CSS and JS stay isolated."""
    return (
        f'<div class="nqx-frame"><iframe srcdoc="{esc(render_html(report))}" style="width:100%;height:{int(height)}px;border:1px solid #ccc" '
        'sandbox="allow-scripts allow-same-origin" title="nq_extract review"></iframe></div>'
    )


# batch index ---------------------------------------------------------------

INDEX_COLUMNS: tuple[tuple[str, str, bool], ...] = (
    ("kind", "kind", False),
    ("id", "id", False),
    ("date", "date", False),
    ("title", "title", False),
    ("status", "status", False),
    ("n_references", "refs", True),
    ("n_checks", "checks", True),
    ("n_inconsistent", "inconsistent", True),
    ("checked", "checked", True),
    ("numeric_claims", "claims", True),
)


def index_entry(report: Report) -> dict[str, Any]:
    """The summary row of one report, as :func:`render_index` reads it (the ``documents`` table row)."""
    from .tables import report_rows

    return report_rows(report)["documents"][0]


def safe_href(href: str) -> str:
    """A link target made safe: relative paths and http(s)/file URLs only, percent-encoded."""
    parts = urlsplit(href)
    if parts.scheme and parts.scheme.lower() not in ("http", "https", "file"):
        return "#"
    return quote(href, safe="/#?&=.-_~%:+,;@")


def render_index(entries: Iterable[tuple[Mapping[str, Any] | Report, str | None]], *, title: str = "nq_extract batch") -> str:
    """A standalone page listing a batch, each row linking to that document's review page.

    ``entries`` yields ``(summary, href)`` pairs: ``summary`` is either a
    :class:`Report` or a mapping with the keys of the ``documents`` table
    (:func:`index_entry`: ``path``, ``kind``, ``id``, ``date``, ``title``,
    ``status``, ``message``, ``n_references``, ``n_checks``,
    ``n_inconsistent``, ``checked``, ``numeric_claims``; missing keys show
    empty), and ``href`` is the page's path relative to the index (``None``:
    no link). The filter box and the sortable columns work offline.
    """
    items = [(index_entry(summary) if isinstance(summary, Report) else dict(summary), href) for summary, href in entries]
    paths = [str(row["path"]) for row, _h in items if row.get("path")]
    common = os.path.commonpath(paths) if len(paths) > 1 and all(os.path.isabs(p) for p in paths) else ""
    rows: list[str] = []
    n = bad = incons = 0
    for row, href in items:
        n += 1
        status = row.get("status") or "ok"
        bad += status != "ok"
        incons += bool(row.get("n_inconsistent"))
        full = str(row.get("path") or row.get("id") or f"document {n}")
        shown = os.path.relpath(full, common) if common and row.get("path") else full
        link = (
            f'<a href="{esc(safe_href(href))}" title="{esc(full)}">{esc(shown)}</a>'
            if href
            else f'<span title="{esc(full)}">{esc(shown)}</span>'
        )
        cells = [f"<td>{link}</td>"]
        for key, _label, numeric in INDEX_COLUMNS:
            value = row.get(key)
            if key == "status" and status != "ok" and row.get("message"):
                cells.append(f'<td title="{esc(row["message"])}">{esc(status)}</td>')
            elif numeric:
                cells.append(f'<td class="num" data-v="{esc(fmt(value))}">{esc(fmt(value))}</td>')
            else:
                nowrap = ' class="nowrap"' if key in ("id", "date", "status") else ""
                cells.append(f"<td{nowrap}>{esc(value if value is not None else '')}</td>")
        cls = ' class="bad"' if status != "ok" else ""
        rows.append(f"<tr{cls}>{''.join(cells)}</tr>")
    head = "<th>document</th>" + "".join(f"<th>{esc(label)}</th>" for _k, label, _n in INDEX_COLUMNS)
    body = (
        f'<div class="nqx"><div class="index-wrap"><h1>{esc(title)}</h1>'
        f"<p>{n} documents, {n - bad} read, {bad} not read, {incons} with inconsistencies."
        + (f" Paths relative to <code>{esc(common)}</code>." if common else "")
        + "</p>"
        '<input class="filter" type="search" placeholder="filter rows" aria-label="filter rows">'
        f'<table class="index"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table></div></div>'
    )
    return _page(title, body)
