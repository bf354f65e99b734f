"""HTML review view (minimal first version; everything escaped)."""

from __future__ import annotations

import html

from ..models import Report


def render_html(report: Report) -> str:
    body = html.escape(report.text or "")
    title = html.escape(report.document.title or report.source.path or "nq_extract report")
    return f"<!doctype html><html lang=vi><meta charset=utf-8><title>{title}</title><pre>{body}</pre></html>"
