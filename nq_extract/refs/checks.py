"""Reference checks: pure decisions over one entry, each giving a contract ``Check`` or None."""

from __future__ import annotations

from ..models import Check, Operand, Span

FIRST_YEAR = 1945  # the first documents of the Democratic Republic


def impossible_year(cid: str, year: int | None, span: Span | None, report_year: int | None) -> Check | None:
    """A symbol's year that no document can carry ("45/25010/NĐ-CP")."""
    if year is None:
        return None
    latest = (report_year or 2100) + 1
    if FIRST_YEAR <= year <= latest:
        return None
    return Check(
        kind="reference",
        status="inconsistent",
        stated=cid,
        computed=None,
        message=f"Số hiệu {cid} có năm {year} không thể có",
        message_en=f"id {cid} carries the impossible year {year}",
        finding="impossible_id",
        operands=[Operand(value=year, role="year", span=span)],
    )


def catalogue_date(cid: str, stated: str | None, known: str | None, span: Span | None) -> Check | None:
    """The date a report gives for a central document, against the catalogue."""
    if not stated or not known or stated == known or len(stated) != len(known):
        return None
    return Check(
        kind="reference",
        status="inconsistent",
        stated=stated,
        computed=known,
        message=f"{cid}: báo cáo ghi ngày {stated}, danh mục văn bản Trung ương ghi ngày {known}",
        message_en=f"{cid}: the report dates it {stated}, the catalogue {known}",
        finding="catalogue_date",
        operands=[Operand(value=None, role="mention", span=span)],
    )


def dated_after_report(cid: str, date: str | None, report_date: str | None, span: Span | None) -> Check | None:
    """A cited document dated after the report that cites it."""
    if not date or not report_date or len(date) < 10 or len(report_date) < 10 or date <= report_date:
        return None
    return Check(
        kind="reference",
        status="inconsistent",
        stated=date,
        computed=report_date,
        message=f"{cid} ghi ngày {date}, sau ngày của báo cáo ({report_date})",
        message_en=f"{cid} is dated {date}, after the report itself ({report_date})",
        finding="dated_after_report",
        operands=[Operand(value=None, role="mention", span=span)],
    )
