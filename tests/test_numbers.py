"""Vietnamese notation: dots group thousands, the comma is the decimal mark."""

from __future__ import annotations

from decimal import Decimal

import pytest

from nq_extract.numbers import parse_number

CASES = [
    ("3.182", 3182, 0),
    ("1.234.567", 1234567, 0),
    ("96,3", 96.3, 1),
    ("0,19", 0.19, 2),
    ("01", 1, 0),
    ("05", 5, 0),
    ("5362", 5362, 0),
    ("2.443", 2443, 0),
]


@pytest.mark.parametrize(("written", "value", "decimals"), CASES)
def test_parse(written: str, value: float, decimals: int) -> None:
    n = parse_number(written)
    assert n is not None and n.as_json == value and n.decimals == decimals and n.written == written


@pytest.mark.parametrize("written", ["3.18.2", "1,2,3", "abc", "", "12.34.5"])
def test_not_numbers(written: str) -> None:
    assert parse_number(written) is None


def test_interval_from_written_decimals() -> None:
    n = parse_number("96,3")
    assert n is not None and n.interval() == (Decimal("96.25"), Decimal("96.35"))
