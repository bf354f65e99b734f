"""Rounding intervals and the pure decision functions: Decimal, half-up, interval arithmetic."""

from __future__ import annotations

from decimal import Decimal

import pytest

from nq_extract.checks import decide
from nq_extract.checks.rounding import Interval, show, stated_interval, truncation_interval
from nq_extract.numbers import parse_number


def fig(written: str, exact: bool = True, approx: bool = False) -> decide.Fig:
    n = parse_number(written)
    assert n is not None
    return decide.Fig(n, exact=exact, approx=approx)


def pct(written: str, approx: bool = False) -> decide.Fig:
    return fig(written, exact=False, approx=approx)


@pytest.mark.parametrize(
    ("written", "exact", "lo", "hi"),
    [
        ("96,3", False, "96.25", "96.35"),
        ("8,67", False, "8.665", "8.675"),
        ("100", False, "99.5", "100.5"),
        ("2.443", True, "2443", "2443"),
        ("22.143", False, "22142.5", "22143.5"),  # an amount in rounded units (tỷ đồng)
    ],
)
def test_stated_intervals(written, exact, lo, hi):
    n = parse_number(written)
    assert n is not None
    iv = stated_interval(n, exact=exact)
    assert (iv.lo, iv.hi) == (Decimal(lo), Decimal(hi))
    assert isinstance(iv.lo, Decimal)


def test_half_open_and_truncation_intervals():
    n = parse_number("96,2")
    assert n is not None
    t = truncation_interval(n)
    assert (t.lo, t.hi) == (Decimal("96.2"), Decimal("96.3"))
    iv = Interval(Decimal("96.25"), Decimal("96.35"))
    assert iv.contains(Decimal("96.25")) and not iv.contains(Decimal("96.35"))


@pytest.mark.parametrize(
    ("value", "shown"), [("0.125", "0,13"), ("0.135", "0,14"), ("2.5", "2,5"), ("96.2569", "96,26"), ("3182", "3.182")]
)
def test_show_is_half_up_never_half_even(value, shown):
    assert show(Decimal(value), 2) == shown


@pytest.mark.parametrize(
    ("num", "den", "p", "status", "finding"),
    [
        ("2.443", "2.538", "96,3", "consistent", None),
        ("2.443", "2.538", "96,26", "consistent", None),
        ("2.443", "2.538", "96,2", "consistent", "truncation"),
        ("2.443", "2.538", "96,4", "inconsistent", None),
        ("1.204", "1.250", "96,32", "consistent", None),
        ("1.204", "1.250", "97,12", "inconsistent", None),
        ("739", "760", "97,2", "consistent", None),
        ("45", "45", "100", "consistent", None),
        ("513.672", "552.693", "92,94", "consistent", None),
        ("552.693", "513.672", "92,94", "inconsistent", "reversed"),
    ],
)
def test_percentage_of_counts(num, den, p, status, finding):
    d = decide.percentage(fig(num), fig(den), pct(p))
    assert (d.status, d.finding) == (status, finding)


def test_scores_are_intervals_too():
    # 8,67/9,5 = 91,26%; with both scores rounded the range covers 91,2
    assert decide.percentage(fig("8,67", exact=False), fig("9,5", exact=False), pct("91,2")).status == "consistent"
    assert decide.percentage(fig("8,67", exact=False), fig("9,5", exact=False), pct("93,2")).status == "inconsistent"


def test_approximate_widens_and_is_labelled():
    d = decide.percentage(fig("2.443"), fig("2.538"), pct("94", approx=True))
    assert (d.status, d.finding) == ("consistent", "approximate")
    assert decide.percentage(fig("2.443"), fig("2.538"), pct("94")).status == "inconsistent"


def test_sums():
    assert decide.total(fig("3.182"), [fig("2.443"), fig("739")]).status == "consistent"
    assert decide.total(fig("3.183"), [fig("2.443"), fig("739")]).status == "inconsistent"
    # billions of đồng: 19.596 + 2.548 = 22.144 against a stated 22.143 is within rounding
    assert decide.total(fig("22.143", exact=False), [fig("19.596", exact=False), fig("2.548", exact=False)]).status == "consistent"
    assert decide.total(fig("22.146", exact=False), [fig("19.596", exact=False), fig("2.548", exact=False)]).status == "inconsistent"


@pytest.mark.parametrize(
    ("total", "parts", "status", "finding"),
    [
        ("3.182", ["2.443", "739"], "consistent", None),  # counts add up exactly
        ("23.997", ["22.143", "1.855"], "consistent", "rounding"),  # billions of đồng, each rounded
        ("100", ["33,3", "33,3", "33,3"], "consistent", "rounding"),
        ("8,00", ["1,50", "0,50", "6,00"], "consistent", None),
        ("8,01", ["1,50", "0,50", "6,00"], "consistent", "rounding"),  # a score table's last digit changed
        ("8,10", ["1,50", "0,50", "6,00"], "inconsistent", None),
    ],
)
def test_sums_that_agree_only_through_rounding_are_labelled(total, parts, status, finding):
    d = decide.total(fig(total, exact=False), [fig(x, exact=False) for x in parts])
    assert (d.status, d.finding) == (status, finding)


def test_differences_counts_growth():
    assert decide.difference(fig("766"), fig("1122"), fig("356")).status == "consistent"
    assert decide.difference(fig("766"), fig("1122"), fig("365")).status == "inconsistent"
    assert decide.count(fig("05"), 5).status == "consistent"
    assert decide.count(fig("04"), 3).status == "inconsistent"
    assert decide.growth(fig("1.080"), fig("120"), pct("12,5"), 1).status == "consistent"
    assert decide.growth(fig("840"), fig("120"), pct("12,5"), -1).status == "consistent"
    assert decide.growth(fig("1.080"), fig("120"), pct("11,1"), 1).status == "inconsistent"
