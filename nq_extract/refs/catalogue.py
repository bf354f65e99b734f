"""Linking entries to the catalogue of central documents (``data/catalogue.json``).

Party numbering restarts with every term, so an id alone is not enough: an entry
links only when what the text says agrees with the catalogue's term: the term it
names (``khóa XII``), the date it gives (inside the term), or the title. An entry
that says nothing either way links when the report itself falls in that term (the
latest term's entry when the report has no date).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache
from typing import Any

from .. import data


@dataclass(frozen=True)
class Entry:
    id: str
    term: str
    date: str | None
    title: str | None
    issuer: str | None
    conference: int | None
    verified: bool


@cache
def catalogue() -> dict[str, list[Entry]]:
    raw = data.load("catalogue.json")
    out: dict[str, list[Entry]] = {}
    for d in raw["documents"]:
        out.setdefault(d["id"], []).append(
            Entry(d["id"], d["term"], d.get("date"), d.get("title"), d.get("issuer"), d.get("conference"), bool(d.get("verified")))
        )
    for entries in out.values():  # the latest term first: what a citation that says nothing most likely names
        entries.sort(key=lambda e: e.date or "", reverse=True)
    return out


@cache
def terms() -> dict[str, dict[str, Any]]:
    return dict(data.load("catalogue.json")["terms"])


def conference(term: str, number: int) -> dict[str, Any] | None:
    for c in data.load("catalogue.json")["conferences"]:
        if c["term"] == term and c["number"] == number:
            return dict(c)
    return None


def in_term(date: str | None, term: str) -> bool:
    t = terms().get(term)
    if not t or not date:
        return False
    return t["start"] <= date and (t["end"] is None or date <= t["end"])


def _words(s: str) -> set[str]:
    s = unicodedata.normalize("NFC", s.lower())
    return {w.strip(',.;:()“”"') for w in s.split() if len(w) > 1}


def title_agrees(stated: str, known: str) -> bool:
    a, b = _words(stated), _words(known)
    if not a or not b:
        return False
    return len(a & b) / min(len(a), len(b)) >= 0.6


def link(cid: str, *, term: str | None, date: str | None, title: str | None, report_date: str | None) -> Entry | None:
    """The catalogue entry this citation names, or None."""
    for e in catalogue().get(cid, []):
        if term:
            if term == e.term:
                return e
            continue
        if date:
            if in_term(date, e.term):
                return e
            continue
        if title:
            if title_agrees(title, e.title or ""):
                return e
            continue
        if report_date is None or in_term(report_date, e.term):
            return e
    return None
