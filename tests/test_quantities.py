"""Quantities, ratios and percentages: tables of real report sentences."""

from __future__ import annotations

import re

import pytest

from nq_extract.extract.numwords import parse_words

from .helpers import assert_valid
from .test_dates import figures, subset, table

Q = table("quantities.json")
R = table("ratios.json")


@pytest.mark.parametrize(("sentence", "expected"), Q["positive"], ids=[s[:40] for s, _ in Q["positive"]])
def test_quantities_found(sentence: str, expected: list[dict]) -> None:
    report = figures(sentence)
    got = [q.model_dump() for q in report.quantities]
    assert len(got) == len(expected), [(q["value"], q["unit"]) for q in got]
    for item, exp in zip(got, expected):
        assert subset(item, exp), (item, exp)
    assert_valid(report)


@pytest.mark.parametrize("sentence", Q["negative"], ids=[s[:40] for s in Q["negative"]])
def test_no_quantities(sentence: str) -> None:
    report = figures(sentence)
    assert [(q.value, q.unit) for q in report.quantities] == []


@pytest.mark.parametrize(("sentence", "ratios", "percents"), R["positive"], ids=[s[:40] for s, _, _ in R["positive"]])
def test_ratios_and_percentages(sentence: str, ratios: list[dict], percents: list[float]) -> None:
    report = figures(sentence)
    got = [r.model_dump() for r in report.ratios]
    assert len(got) == len(ratios), got
    for item, exp in zip(got, ratios):
        assert subset(item, exp), (item, exp)
    assert [p.value for p in report.percentages] == percents
    # figures of a ratio are not counted again as quantities
    for r in report.ratios:
        core = re.match(r"[\d.,]+\s?/\s?[\d.,]+", r.text)
        assert core is not None
        assert all(not (r.span.start <= q.span.start < r.span.start + core.end()) for q in report.quantities)
    assert_valid(report)


@pytest.mark.parametrize("sentence", R["negative"], ids=[s[:40] for s in R["negative"]])
def test_no_ratios(sentence: str) -> None:
    assert figures(sentence).ratios == []


def test_percentage_approx() -> None:
    (p,) = figures("tỷ lệ đảng viên hoàn thành tốt nhiệm vụ trên 85%").percentages
    assert p.approx and p.value == 85


def test_written_form_kept() -> None:
    (q,) = figures("với 1.300 lượt đoàn viên").quantities
    assert q.written == "1.300" and q.value == 1300 and q.text == "1.300 lượt đoàn viên"


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("hai", 2),
        ("mười", 10),
        ("mười lăm", 15),
        ("hai mươi mốt", 21),
        ("ba trăm", 300),
        ("hai nghìn", 2000),
        ("chín trăm năm mươi", 950),
        ("hai ngàn", 2000),
    ],
)
def test_number_words(words: str, value: int) -> None:
    assert parse_words(words.split()) == value


@pytest.mark.parametrize("words", ["lăm", "mốt", "mươi", "trăm", "cán bộ"])
def test_not_number_words(words: str) -> None:
    assert parse_words(words.split()) is None


SEED_QUANTITIES = [
    (97, "người"), (14, "điểm cầu"), (640, "người"), (42, "hội nghị"), (142, "buổi"), (3182, "người"), (214, "buổi"), (2691, "lượt người"),
    (7, "tin"), (2, "bài"), (20, "phút"), (102, "buổi"), (6912, "lượt người"), (13, "buổi"), (360, "lượt người"), (20, "buổi"),
    (981, "lượt người"), (1, "hội nghị"), (50, "cán bộ đoàn, đoàn viên thanh niên"), (180, "buổi"), (1300, "lượt đoàn viên thanh niên"),
]  # fmt: skip


def test_seed_figures(seed_report) -> None:
    assert sorted((q.value, q.unit) for q in seed_report.quantities) == sorted(SEED_QUANTITIES)
    assert [(r.numerator, r.denominator, r.percent) for r in seed_report.ratios] == [(2443, 2538, 96.3), (739, 760, 97.2), (11, 13, None)]
    assert [p.value for p in seed_report.percentages] == [100, 96.3, 97.2]
    assert_valid(seed_report)
