"""How a predicted item matches a gold one, per field, strictly and softly.

Each field maps an item (a dict in contract shape, or a gold dict) to a key;
items match when keys are equal. Strict keys compare every annotated part;
soft keys compare the core (the id folded, the value without its unit, the
name without accents and case).
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Callable, Hashable
from typing import Any

Key = Callable[[dict[str, Any]], Hashable]


def fold(text: Any) -> str:
    """Case-, accent- and space-insensitive form of a string."""
    if text is None:
        return ""
    s = unicodedata.normalize("NFD", str(text).replace("đ", "d").replace("Đ", "D"))
    s = "".join(c for c in s if not unicodedata.combining(c))
    return "".join(s.casefold().split())


def num(value: Any) -> Any:
    if value is None:
        return None
    try:
        f = float(value)
    except (TypeError, ValueError):
        return str(value)
    return int(f) if f == int(f) else round(f, 6)


def _ref_id(d: dict[str, Any]) -> str:
    return str(d.get("id", "")).replace("TƯ", "TW")


KEYS: dict[str, tuple[Key, Key]] = {
    "references": (lambda d: _ref_id(d), lambda d: fold(_ref_id(d))),
    "dates": (lambda d: (d.get("value"), d.get("grain"), d.get("end")), lambda d: d.get("value")),
    "quantities": (lambda d: (num(d.get("value")), fold(d.get("unit"))), lambda d: num(d.get("value"))),
    "ratios": (
        lambda d: (num(d.get("numerator")), num(d.get("denominator")), num(d.get("percent"))),
        lambda d: (num(d.get("numerator")), num(d.get("denominator"))),
    ),
    "percentages": (lambda d: num(d.get("value")), lambda d: num(d.get("value"))),
    "units": (lambda d: " ".join(str(d.get("name", "")).split()), lambda d: fold(d.get("name"))),
    "people": (lambda d: (d.get("name"), fold(d.get("position"))), lambda d: fold(d.get("name"))),
    "footnotes": (lambda d: (str(d.get("marker")), fold(d.get("text"))[:40]), lambda d: str(d.get("marker"))),
    "checks": (
        lambda d: (d.get("kind"), d.get("status"), num(d.get("stated"))),
        lambda d: (d.get("kind"), num(d.get("stated"))),
    ),
}

# Fields whose items are deduplicated entries: compare as sets, not multisets.
SET_FIELDS = {"references", "units", "people"}


def count(field: str, gold: list[dict[str, Any]], pred: list[dict[str, Any]], soft: bool) -> tuple[int, int, int]:
    """(true positives, false positives, false negatives)."""
    key = KEYS[field][1 if soft else 0]
    g = Counter(key(d) for d in gold)
    p = Counter(key(d) for d in pred)
    if field in SET_FIELDS:
        g = Counter(set(g))
        p = Counter(set(p))
    tp = sum((g & p).values())
    return tp, sum(p.values()) - tp, sum(g.values()) - tp
