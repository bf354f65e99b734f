"""The registry of document kinds and issuer codes, read once from the data files."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, cached_property

from .. import data


@dataclass(frozen=True)
class Registry:
    kind_names: tuple[str, ...]  # longest first
    party_types: dict[str, str]  # symbol abbreviation -> kind name
    state_types: dict[str, str]
    party_kind_abbr: dict[str, str]  # kind name -> its Party abbreviation
    party_issuers: dict[str, str]  # code -> body name
    state_issuers: dict[str, str]
    state_issuer_patterns: tuple[tuple[re.Pattern[str], str], ...]
    party_names: tuple[tuple[str, str], ...]  # (name as written, code), longest first
    body_names: tuple[str, ...] = ()  # every issuer's full name as running text writes it, longest first
    party_units: frozenset[str] = frozenset()  # Party-style issuers whose symbols may end in a department's code

    @cached_property
    def kind_by_lower(self) -> dict[str, str]:
        """Kind names by their lower case (of names equal but for case, the first in ``kind_names``)."""
        out: dict[str, str] = {}
        for name in self.kind_names:
            out.setdefault(name.lower(), name)
        return out

    @cached_property
    def known_codes(self) -> dict[str, str]:
        """Kind and issuer codes of symbols by their upper case, where it differs ("TTG": "TTg")."""
        codes = {*self.state_types, *self.state_issuers, *self.party_types}
        return {c.upper(): c for c in codes if c != c.upper()}

    def code_as_known(self, code: str) -> str:
        return self.known_codes.get(code, code)

    def state_issuer(self, code: str) -> str | None:
        if code in self.state_issuers:
            return self.state_issuers[code]
        for rx, name in self.state_issuer_patterns:
            if rx.fullmatch(code):
                return name
        return None

    def party_code_for(self, name: str) -> str | None:
        """The Party issuer code of a body named in running text (``Bộ Chính trị`` -> ``TW``)."""
        key = fold_name(name)
        for written, code in self.party_names:
            if key == fold_name(written):
                return code
        return None


def fold_name(text: str) -> str:
    """Case- and spacing-insensitive form of a body's name; ``uỷ`` and ``ủy`` agree."""
    return " ".join(text.replace("uỷ", "ủy").replace("Uỷ", "Ủy").lower().split())


@cache
def registry() -> Registry:
    kinds = data.document_kinds()
    party_types: dict[str, str] = {}
    state_types: dict[str, str] = {}
    party_abbr: dict[str, str] = {}
    for k in kinds:
        for a in k["party"]:
            party_types.setdefault(a, k["name"])
            party_abbr.setdefault(k["name"], a)
        for a in k["state"]:
            state_types.setdefault(a, k["name"])
    issuers = data.load("issuers.json")["issuers"]
    party = {i["code"]: i["name"] for i in issuers if i["system"] == "party"}
    state = {i["code"]: i["name"] for i in issuers if i["system"] == "state"}
    patterns = tuple((re.compile(i["pattern"]), i["name"]) for i in issuers if i.get("pattern"))
    names = sorted(((n, i["code"]) for i in issuers if i["system"] == "party" for n in i.get("names", [])), key=lambda p: -len(p[0]))
    bodies = {n for i in issuers for n in (i["name"], *i.get("names", []), *i.get("variants", [])) if " " in n}
    return Registry(
        kind_names=tuple(sorted({k["name"] for k in kinds}, key=lambda n: (-len(n), n))),
        party_types=party_types,
        state_types=state_types,
        party_kind_abbr=party_abbr,
        party_issuers=party,
        state_issuers=state,
        state_issuer_patterns=patterns,
        party_names=tuple(names),
        body_names=tuple(sorted(bodies, key=lambda n: (-len(n), n))),
        party_units=frozenset(i["code"] for i in issuers if i["system"] == "party" and i.get("units")),
    )
