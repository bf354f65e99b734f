"""Vietnamese numbers: ``3.182`` is 3182, ``96,3`` is 96.3, ``01`` is 1.

A stated number keeps its written form, so its rounding interval is known:
``96,3`` stands for [96.25, 96.35) under half-up rounding. Values are
``Decimal``; no float ever decides whether two figures agree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache

# A number as written in a report: thousands grouped by dots (or spaces in
# some PDFs are not supported: too ambiguous), decimals after a comma.
NUMBER_PATTERN = r"(?<![\d.,])(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?(?![\d])"
NUMBER_RE = re.compile(NUMBER_PATTERN)
# A thousands group or decimals ("2.538", "3.798,254"): an amount, never a label's or a grade's number ("tháng 3").
GROUPED_RE = re.compile(r"\d\.\d{3}(?!\d)|,\d")
_WRITTEN = re.compile(r"[+-]?\d[\d.,]*")


@dataclass(frozen=True)
class Number:
    written: str
    value: Decimal
    decimals: int

    @property
    def as_json(self) -> int | float:
        """The JSON value: an int when the written form has no decimals."""
        if self.decimals == 0 and self.value == self.value.to_integral_value():
            return int(self.value)
        return float(self.value)

    def interval(self, approx_widen: Decimal = Decimal(0)) -> tuple[Decimal, Decimal]:
        """The half-open interval [lo, hi) of true values that round (half-up) to this one."""
        half = Decimal(5) * Decimal(10) ** (-(self.decimals + 1))
        lo, hi = self.value - half, self.value + half
        if approx_widen:
            lo, hi = lo - abs(self.value) * approx_widen, hi + abs(self.value) * approx_widen
        return lo, hi


@lru_cache(maxsize=8192)
def parse_number(written: str) -> Number | None:
    """Parse Vietnamese notation. ``None`` for text that is not one number.

    Cached: a report writes the same figures many times ("2025", "100"), and several
    stages read each one; a ``Number`` is immutable, so one instance serves every reader.
    """
    s = written.strip().replace("\u00a0", "")
    if s.isdecimal():  # the common case, digits only (what the pattern below calls \d)
        return Number(written=written.strip(), value=Decimal(s), decimals=0)
    if not s or not _WRITTEN.fullmatch(s):
        return None
    sign = -1 if s[0] == "-" else 1
    s = s.lstrip("+-")
    int_part, _, frac = s.partition(",")
    if "," in frac:
        return None
    if "." in int_part:
        groups = int_part.split(".")
        if all(len(g) == 3 for g in groups[1:]) and 1 <= len(groups[0]) <= 3:
            int_digits = "".join(groups)
        elif len(groups) == 2 and not frac:
            # "2.5": a decimal point in English style; keep it, it is what was written
            int_digits, frac = groups[0], groups[1]
        else:
            return None
    else:
        int_digits = int_part
    try:
        value = Decimal(int_digits + ("." + frac if frac else ""))
    except InvalidOperation:
        return None
    return Number(written=written.strip(), value=sign * value, decimals=len(frac))


def to_json_number(value: Decimal) -> int | float:
    if value == value.to_integral_value():
        return int(value)
    return float(value)
