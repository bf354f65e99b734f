"""Rounding intervals for stated figures: Decimal, half-up, never float equality.

A figure written with ``d`` decimals stands for every true value that rounds
half-up to it: ``96,3`` for [96.25, 96.35). Counts of things (people, sessions,
cases) written without decimals are exact. Amounts in rounded units (money in
billions, hectares, kilograms) and percentages stand for their interval even
without decimals. An approximate figure ("khoảng", "gần", "trên") is widened.
Truncation (cutting instead of rounding) gives [p, p + one unit of the last
place): ``96,2`` truncated stands for [96.2, 96.3).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..numbers import Number

# Relative widening of an approximate figure ("khoảng 3.000 tỷ đồng": +-5 %).
APPROX_WIDEN = Decimal("0.05")


@dataclass(frozen=True)
class Interval:
    """A closed-open range [lo, hi) of true values; ``lo == hi`` is an exact value."""

    lo: Decimal
    hi: Decimal

    @property
    def exact(self) -> bool:
        return self.lo == self.hi

    def contains(self, x: Decimal) -> bool:
        return x == self.lo if self.exact else self.lo <= x < self.hi

    def meets(self, other: Interval) -> bool:
        """Whether the two ranges share a value (a closed computed range against a stated one)."""
        if self.exact and other.exact:
            return self.lo == other.lo
        if self.exact:
            return other.contains(self.lo)
        if other.exact:
            return self.contains(other.lo)
        return self.lo < other.hi and other.lo < self.hi

    def __add__(self, other: Interval) -> Interval:
        return Interval(self.lo + other.lo, self.hi + other.hi)

    def __sub__(self, other: Interval) -> Interval:
        return Interval(self.lo - other.hi, self.hi - other.lo)

    @property
    def width(self) -> Decimal:
        return self.hi - self.lo


def unit_of_last_place(number: Number) -> Decimal:
    return Decimal(1).scaleb(-number.decimals)


def stated_interval(number: Number, *, exact: bool, approx: bool = False) -> Interval:
    """The values a stated figure stands for under half-up rounding (a point when exact)."""
    if exact and number.decimals == 0 and not approx:
        return Interval(number.value, number.value)
    lo, hi = number.interval()
    if approx:
        widen = abs(number.value) * APPROX_WIDEN + unit_of_last_place(number)
        lo, hi = lo - widen, hi + widen
    return Interval(lo, hi)


def truncation_interval(number: Number) -> Interval:
    """The values a figure stands for when it was cut, not rounded: [p, p + ulp)."""
    return Interval(number.value, number.value + unit_of_last_place(number))


def ratio_percent(num: Interval, den: Interval) -> Interval | None:
    """The range of 100 * num / den over both intervals (positive denominators only)."""
    if den.lo <= 0:
        return None
    lo_num = max(num.lo, Decimal(0))
    return Interval(lo_num * 100 / den.hi, num.hi * 100 / den.lo)


def sum_interval(parts: list[Interval]) -> Interval:
    total = Interval(Decimal(0), Decimal(0))
    for p in parts:
        total = total + p
    return total


def show(value: Decimal, decimals: int = 2) -> str:
    """A value in Vietnamese notation, rounded half-up for display only."""
    from decimal import ROUND_HALF_UP

    q = value.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP) if decimals >= 0 else value
    sign = "-" if q < 0 else ""
    q = abs(q)
    int_part, _, frac = f"{q:f}".partition(".")
    groups: list[str] = []
    while len(int_part) > 3:
        groups.insert(0, int_part[-3:])
        int_part = int_part[:-3]
    groups.insert(0, int_part)
    out = ".".join(groups)
    frac = frac.rstrip("0")
    return sign + out + ("," + frac if frac else "")
