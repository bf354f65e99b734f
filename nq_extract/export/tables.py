"""Reports as flat rows: one table per kind of item, keyed by document.

``report_rows`` is pure Python (used by the batch writer for CSV, Parquet and
SQLite); ``report_frames`` wraps the same rows in pandas DataFrames.
"""

from __future__ import annotations

import json
from typing import Any

from ..models import Report, Span

TABLES = (
    "documents",
    "references",
    "mentions",
    "dates",
    "quantities",
    "ratios",
    "percentages",
    "units",
    "people",
    "footnotes",
    "checks",
    "warnings",
)


def _span_cols(span: Span | None, prefix: str = "") -> dict[str, Any]:
    if span is None:
        return {f"{prefix}start": None, f"{prefix}end": None, f"{prefix}page": None}
    return {f"{prefix}start": span.start, f"{prefix}end": span.end, f"{prefix}page": span.page}


def doc_key(report: Report) -> str:
    return report.source.sha256 or report.source.path or ""


def report_rows(report: Report) -> dict[str, list[dict[str, Any]]]:
    key = doc_key(report)
    src, doc = report.source, report.document
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
    rows["documents"].append(
        {
            "doc": key,
            "path": src.path,
            "format": src.format,
            "status": src.status,
            "message": src.message,
            "pages": src.pages,
            "ocr": src.ocr,
            "kind": doc.kind,
            "id": doc.id,
            "issuer": doc.issuer,
            "place": doc.place,
            "date": doc.date,
            "title": doc.title,
            "signer": doc.signer.name if doc.signer else None,
            "signer_position": doc.signer.position if doc.signer else None,
            "recipients": json.dumps(doc.recipients, ensure_ascii=False),
            "n_references": len(report.references),
            "n_checks": len(report.checks),
            "n_inconsistent": sum(c.status == "inconsistent" for c in report.checks),
            "numeric_claims": report.coverage.numeric_claims,
            "checked": report.coverage.checked,
        }
    )
    for r in report.references:
        rows["references"].append(
            {
                "doc": key,
                "id": r.id,
                "kind": r.kind,
                "number": r.number,
                "symbol": r.symbol,
                "year": r.year,
                "issuer": r.issuer,
                "date": r.date,
                "title": r.title,
                "aliases": json.dumps(r.aliases, ensure_ascii=False),
                "members": json.dumps(r.members, ensure_ascii=False) if r.members is not None else None,
                "n_mentions": len(r.mentions),
            }
        )
        for m in r.mentions:
            rows["mentions"].append({"doc": key, "id": r.id, "text": m.text, **_span_cols(m)})
    for d in report.dates:
        rows["dates"].append(
            {"doc": key, "value": d.value, "grain": d.grain, "end_value": d.end, "role": d.role, "text": d.text, **_span_cols(d.span)}
        )
    for q in report.quantities:
        rows["quantities"].append(
            {
                "doc": key,
                "value": q.value,
                "unit": q.unit,
                "subject": q.subject,
                "actor": q.actor,
                "approx": q.approx,
                "text": q.text,
                **_span_cols(q.span),
            }
        )
    for ra in report.ratios:
        rows["ratios"].append(
            {
                "doc": key,
                "numerator": ra.numerator,
                "denominator": ra.denominator,
                "percent": ra.percent,
                "text": ra.text,
                **_span_cols(ra.span),
            }
        )
    for p in report.percentages:
        rows["percentages"].append({"doc": key, "value": p.value, "text": p.text, **_span_cols(p.span)})
    for u in report.units:
        rows["units"].append(
            {
                "doc": key,
                "name": u.name,
                "canonical": u.canonical,
                "kind": u.kind,
                "level": u.level,
                "admin_code": u.admin_code,
                "match_score": u.match_score,
                "n_mentions": len(u.mentions),
            }
        )
    for pe in report.people:
        rows["people"].append({"doc": key, "name": pe.name, "position": pe.position, **_span_cols(pe.span)})
    for f in report.footnotes:
        rows["footnotes"].append({"doc": key, "marker": f.marker, "text": f.text, "n_anchors": len(f.anchors), **_span_cols(f.span)})
    for c in report.checks:
        first = next((o.span for o in c.operands if o.span is not None), None)
        rows["checks"].append(
            {
                "doc": key,
                "kind": c.kind,
                "status": c.status,
                "stated": None if c.stated is None else str(c.stated),
                "computed": None if c.computed is None else str(c.computed),
                "tolerance": c.tolerance,
                "finding": c.finding,
                "message": c.message,
                **_span_cols(first),
            }
        )
    for w in report.warnings:
        rows["warnings"].append({"doc": key, "code": w.code, "message": w.message, **_span_cols(w.span)})
    return rows


def report_frames(report: Report) -> dict[str, Any]:
    import pandas as pd

    return {name: pd.DataFrame(rows) for name, rows in report_rows(report).items()}
