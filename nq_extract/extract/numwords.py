"""Vietnamese number words: "hai" is 2, "mười lăm" is 15, "hai mươi mốt" is 21,
"ba trăm" is 300, "1,5 triệu" is 1500000.

Pure functions over words; the vocabulary lives in ``data/count_units.json``.
"""

from __future__ import annotations

from decimal import Decimal

from .. import data


def _table() -> dict[str, object]:
    return data.load("count_units.json")  # type: ignore[no-any-return]


def number_words() -> dict[str, int]:
    return dict(_table()["number_words"])  # type: ignore[call-overload]


def multipliers() -> dict[str, int]:
    return dict(_table()["multipliers"])  # type: ignore[call-overload]


def parse_words(words: list[str]) -> int | None:
    """The value of a run of number words, or ``None`` when they are not one number.

    >>> parse_words(["hai", "mươi", "mốt"])
    21
    >>> parse_words(["mười", "lăm"])
    15
    >>> parse_words(["ba", "trăm"])
    300
    """
    digits = number_words()
    mult = multipliers()
    if not words:
        return None
    total = 0  # completed groups (thousands and above)
    group = 0  # the group being read (below a thousand)
    tens_seen = False
    last: int | None = None
    for raw in words:
        w = raw.lower()
        if w == "mười":
            group += 10
            tens_seen = True
            last = 10
        elif w == "mươi":
            if last is None or last >= 10:
                return None
            group += last * 10 - last
            tens_seen = True
            last = 10
        elif w in ("trăm",):
            if last is None:
                return None
            group = group - (last if last < 10 else 0) + (last if last < 10 else 1) * 100
            tens_seen = False
            last = 100
        elif w in mult:
            factor = mult[w]
            total += (group or 1) * factor
            group = 0
            tens_seen = False
            last = factor
        elif w in digits:
            d = digits[w]
            if w in ("lăm",) and not tens_seen:
                return None
            if w in ("mốt",) and not tens_seen:
                return None
            group += d
            last = d
        else:
            return None
    return total + group


def scale(value: Decimal, word: str) -> Decimal | None:
    """``1,5`` with ``triệu`` -> 1500000."""
    m = multipliers().get(word.lower())
    return None if m is None else value * m
