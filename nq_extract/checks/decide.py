"""Pure decision functions: stated figures in, a verdict out.

Each function takes the stated figures (as :class:`Fig`: the parsed number,
whether it is an exact count, whether it was marked approximate) and returns a
:class:`Decision`. A relation is ``inconsistent`` only when no values inside
the operands' rounding intervals give the stated result (interval arithmetic,
as scrutiny and the GRIM test do).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from ..numbers import Number
from .rounding import Interval, ratio_percent, stated_interval, sum_interval, truncation_interval

CONSISTENT = "consistent"
INCONSISTENT = "inconsistent"
UNVERIFIABLE = "unverifiable"

TRUNCATION = "truncation"
REVERSED = "reversed"  # the ratio agrees only when read the other way round
APPROXIMATE = "approximate"
ROUNDING = "rounding"  # agrees only through the rounding of figures with decimals: the written values do not add up


@dataclass(frozen=True)
class Fig:
    """A stated figure: its number as written, and how to read its rounding."""

    number: Number
    exact: bool = True
    approx: bool = False

    @property
    def interval(self) -> Interval:
        return stated_interval(self.number, exact=self.exact, approx=self.approx)


@dataclass(frozen=True)
class Decision:
    status: str
    computed: Interval | None  # every result the operands' rounding intervals allow
    tolerance: Decimal | None
    finding: str | None = None
    value: Decimal | None = None  # the result of the figures as written (inside ``computed``): what a reader recomputes

    @property
    def shown(self) -> Decimal | None:
        """The computed value to report: the figures as written, else the middle of what their rounding allows."""
        if self.value is not None:
            return self.value
        return None if self.computed is None else (self.computed.lo + self.computed.hi) / 2


def _share(part: Decimal, whole: Decimal) -> Decimal | None:
    return None if whole == 0 else part / whole * 100


def _finding(figs: list[Fig]) -> str | None:
    return APPROXIMATE if any(f.approx for f in figs) else None


def _tolerance(*intervals: Interval) -> Decimal:
    return sum((i.width / 2 for i in intervals), Decimal(0))


def percentage(num: Fig, den: Fig, pct: Fig) -> Decision:
    """``num / den`` stated as ``pct`` percent."""
    computed = ratio_percent(num.interval, den.interval)
    if computed is None:
        return Decision(UNVERIFIABLE, None, None)
    value = _share(num.number.value, den.number.value)
    stated = pct.interval
    tol = _tolerance(stated)
    if computed.meets(stated):
        return Decision(CONSISTENT, computed, tol, _finding([num, den, pct]), value)
    if not pct.approx and computed.meets(truncation_interval(pct.number)):
        return Decision(CONSISTENT, computed, tol, TRUNCATION, value)
    flipped = ratio_percent(den.interval, num.interval)
    if flipped is not None and flipped.meets(stated):
        return Decision(INCONSISTENT, computed, tol, REVERSED, value)
    return Decision(INCONSISTENT, computed, tol, _finding([num, den, pct]), value)


def total(total_fig: Fig, parts: list[Fig]) -> Decision:
    """``total`` stated as the sum of ``parts``."""
    if not parts:
        return Decision(UNVERIFIABLE, None, None)
    computed = sum_interval([p.interval for p in parts])
    stated = total_fig.interval
    tol = _tolerance(stated, computed)
    status = CONSISTENT if computed.meets(stated) else INCONSISTENT
    finding = _finding([total_fig, *parts])
    value = sum((p.number.value for p in parts), Decimal(0))
    if status == CONSISTENT and finding is None and value != total_fig.number.value:
        finding = ROUNDING  # 33,3 + 33,3 + 33,3 for 100: fine if each was rounded, worth a look if they are exact scores
    return Decision(status, computed, tol, finding, value)


def difference(after: Fig, before: Fig, diff: Fig) -> Decision:
    """``diff`` stated as the change from ``before`` to ``after`` (its absolute value)."""
    d = after.interval - before.interval
    computed = Interval(min(abs(d.lo), abs(d.hi)), max(abs(d.lo), abs(d.hi)))
    if d.lo <= 0 <= d.hi:
        computed = Interval(Decimal(0), computed.hi)
    stated = diff.interval
    tol = _tolerance(stated, computed)
    status = CONSISTENT if computed.meets(stated) else INCONSISTENT
    return Decision(status, computed, tol, _finding([after, before, diff]), abs(after.number.value - before.number.value))


def count(stated: Fig, items: int) -> Decision:
    """A stated count against the number of items the text names."""
    computed = Interval(Decimal(items), Decimal(items))
    status = CONSISTENT if computed.meets(stated.interval) else INCONSISTENT
    return Decision(status, computed, Decimal(0), _finding([stated]), Decimal(items))


def same(first: Fig, second: Fig) -> Decision:
    """The same figure stated twice."""
    a, b = first.interval, second.interval
    status = CONSISTENT if a.meets(b) else INCONSISTENT
    return Decision(status, a, _tolerance(a, b), _finding([first, second]), first.number.value)


def growth(after: Fig, diff: Fig, pct: Fig, sign: int) -> Decision:
    """An increase (``sign`` 1) or decrease (-1) of ``diff`` reaching ``after``, stated as ``pct`` percent.

    The earlier figure is ``after - diff`` for an increase, ``after + diff`` for a decrease.
    """
    base = after.interval - diff.interval if sign > 0 else after.interval + diff.interval
    computed = ratio_percent(diff.interval, base)
    if computed is None:
        return Decision(UNVERIFIABLE, None, None)
    value = _share(diff.number.value, after.number.value - sign * diff.number.value)
    stated = pct.interval
    tol = _tolerance(stated)
    if computed.meets(stated):
        return Decision(CONSISTENT, computed, tol, _finding([after, diff, pct]), value)
    if not pct.approx and computed.meets(truncation_interval(pct.number)):
        return Decision(CONSISTENT, computed, tol, TRUNCATION, value)
    return Decision(INCONSISTENT, computed, tol, _finding([after, diff, pct]), value)


def times(after: Fig, before: Fig, factor: Fig) -> Decision:
    """``after`` stated as ``factor`` times ``before`` ("tăng 2,5 lần")."""
    scaled = Number(factor.number.written, factor.number.value * 100, factor.number.decimals - 2)
    return percentage(after, before, Fig(scaled, exact=False, approx=factor.approx))
