"""A short human summary of one report, for the terminal."""

from __future__ import annotations

from collections import Counter

from ..models import Report


def render_summary(report: Report) -> str:
    src, doc = report.source, report.document
    lines = [f"{src.path or '<text>'}  [{src.format}, status {src.status}]"]
    if src.message:
        lines.append(f"  {src.message}")
    head = " ".join(x for x in (doc.kind, doc.id, doc.date and f"({doc.date})") if x)
    if head:
        lines.append(f"  {head}")
    if doc.title:
        lines.append(f"  {doc.title[:110]}")
    if doc.signer:
        lines.append(f"  signed: {doc.signer.name}" + (f", {doc.signer.position}" if doc.signer.position else ""))
    lines.append(
        f"  references {len(report.references)}, dates {len(report.dates)}, quantities {len(report.quantities)}, ratios {len(report.ratios)}, percentages {len(report.percentages)}, units {len(report.units)}, people {len(report.people)}, footnotes {len(report.footnotes)}"
    )
    if report.references:
        ids = ", ".join(r.id for r in report.references[:12])
        more = "" if len(report.references) <= 12 else f" (+{len(report.references) - 12})"
        lines.append(f"  cited: {ids}{more}")
    statuses = Counter(c.status for c in report.checks)
    lines.append(
        "  checks {n}: {c} consistent, {i} inconsistent, {u} unverifiable (coverage {k}/{m})".format(
            n=len(report.checks),
            c=statuses["consistent"],
            i=statuses["inconsistent"],
            u=statuses["unverifiable"],
            k=report.coverage.checked,
            m=report.coverage.numeric_claims,
        )
    )
    for check in sorted(report.checks, key=lambda c: c.status != "inconsistent")[:8]:
        lines.append(f"    [{check.status}] {check.message}")
    if report.warnings:
        lines.append(f"  warnings {len(report.warnings)}: " + ", ".join(sorted({w.code for w in report.warnings})))
    return "\n".join(lines)
