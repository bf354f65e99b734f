"""Dates: a table of real report sentences, positive, negative and impossible."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from nq_extract.extract.dates import find
from nq_extract.models import Report
from nq_extract.pipeline import process_text

from .helpers import assert_valid

DATA = Path(__file__).parent / "data"
STAGES = ["nq_extract.extract.dates", "nq_extract.extract.quantities"]


def table(name: str) -> dict[str, Any]:
    """A corpus table of tests/data: (sentence, expected) rows."""
    return json.loads((DATA / name).read_text(encoding="utf-8"))


def figures(sentence: str) -> Report:
    """The report of the figure stages alone (dates, quantities) over one sentence."""
    return process_text(sentence, stages=STAGES, errors="raise")


def subset(item: dict[str, Any], expected: dict[str, Any]) -> bool:
    """Every key the table gives matches the item."""
    return all(item.get(k) == v for k, v in expected.items())


T = table("dates.json")


@pytest.mark.parametrize(("sentence", "expected"), T["positive"], ids=[s[:40] for s, _ in T["positive"]])
def test_dates_found(sentence: str, expected: list[dict]) -> None:
    report = figures(sentence)
    got = [d.model_dump() for d in report.dates]
    assert len(got) == len(expected), got
    for item, exp in zip(got, expected):
        assert subset(item, exp), (item, exp)
    assert not report.warnings
    assert_valid(report)


@pytest.mark.parametrize("sentence", T["negative"], ids=[s[:40] for s in T["negative"]])
def test_no_dates(sentence: str) -> None:
    assert figures(sentence).dates == []


@pytest.mark.parametrize(("sentence", "written"), T["impossible"], ids=[s[:40] for s, _ in T["impossible"]])
def test_impossible_dates_warn(sentence: str, written: str) -> None:
    report = figures(sentence)
    assert report.dates == []
    assert [w.span.text for w in report.warnings if w.span] == [written]
    checks = [c for c in report.checks if c.kind == "date"]
    assert len(checks) == 1 and checks[0].status == "inconsistent" and checks[0].stated == written
    assert_valid(report)


def test_year_carried_from_the_date_before() -> None:
    found = find("Ngày 28/11/2023 ban hành kế hoạch; ngày 4/12 tổ chức hội nghị")
    assert [f.value for f in found] == ["2023-11-28", "2023-12-04"]


def test_year_unknown_leaves_the_day_out() -> None:
    assert find("Điển hình, ngày 22/2, Ban Thường vụ Tỉnh ủy tổ chức Hội nghị") == []


def test_header_date_fills_document() -> None:
    report = figures("UBND HUYỆN TAM ĐƯỜNG\nSố: 12/BC-UBND      Tam Đường, ngày 15 tháng 01 năm 2024\n\nBÁO CÁO\nKết quả năm 2023\n")
    assert report.document.place == "Tam Đường"
    assert report.document.date == "2024-01-15"
    header = [d for d in report.dates if d.value == "2024-01-15"]
    assert header and header[0].role == "issued"


def test_seed_dates(seed_report) -> None:
    days = [d.value for d in seed_report.dates if d.grain == "day"]
    months = [d.value for d in seed_report.dates if d.grain == "month"]
    assert sorted(days) == sorted(["2023-11-28", "2023-12-08", "2023-12-01", "2023-11-24", "2023-12-04"])
    assert months == ["2023-12", "2024-01"]


def test_linear_time_inputs_finish() -> None:
    # a pathological input must not hang: many short fragments, one long line
    for text in ("1." * 20_000, "ngày 1/" * 5_000, "năm " * 20_000, "1" * 100_000):
        find(text)
