"""Groups, aliases and short forms, resolved against the full citations.

Like eyecite's ``resolve``: a short form ("Hướng dẫn 35", "Kế hoạch trên", an
alias defined by "gọi tắt là") joins the full citation it points to when exactly
one earlier entry fits; otherwise it is left out and a warning says why. A short
form naming a Party body ("Chỉ thị 05 của Bộ Chính trị") gets the symbol that
body always uses (``05-CT/TW``).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from .. import data
from . import regexes as rx
from .parse import Cite, context
from .registry import fold_name, registry

GROUP_KIND = "Nghị quyết"
GROUP_ISSUER = "Ban Chấp hành Trung ương Đảng"


def group_id(number: int, term: str) -> str:
    """The id of a conference's resolutions: ``NQ-HNTW8/XIII`` (no document carries such a symbol)."""
    return f"NQ-HNTW{number}/{term}"


@dataclass
class Resolved:
    cites: list[Cite]
    aliases: dict[str, list[str]] = field(default_factory=dict)  # id -> aliases
    warnings: list[tuple[str, str, int, int]] = field(default_factory=list)


class Taken:
    """Spans already claimed by a citation; mentions are short, so an overlap is looked for
    among the spans that start at most ``REACH`` characters earlier. Spans added later come
    in text order, so they are appended to a second sorted list rather than inserted."""

    REACH = 300

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.lists: tuple[list[tuple[int, int]], list[tuple[int, int]]] = (sorted(spans), [])

    def overlaps(self, s: int, e: int) -> bool:
        for spans in self.lists:
            lo = bisect.bisect_left(spans, (s - self.REACH, -1))
            hi = bisect.bisect_left(spans, (e, -1))
            if any(b > s for _, b in spans[lo:hi]):
                return True
        return False

    def add(self, s: int, e: int) -> None:
        added = self.lists[1]
        if not added or (s, e) >= added[-1]:
            added.append((s, e))
        else:
            bisect.insort(added, (s, e))


def _ordinal(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    ords = data.load("catalogue.json")["ordinals"]
    return ords.get(" ".join(word.split()).lower())


def _groups(text: str, skip: tuple[int, int] | None) -> list[Cite]:
    out = []
    for m in rx.group_re().finditer(text):
        if skip and skip[0] <= m.start() < skip[1]:
            continue
        n = _ordinal(m.group("ord") or m.group("num") or "")
        if n is None:
            continue
        term = m.group("term")
        c = Cite(
            id=group_id(n, term) if term else "", start=m.start(), end=m.end(), system="group", kind=GROUP_KIND, number=str(n), term=term
        )
        c.issuer = GROUP_ISSUER
        out.append(c)
    return out


def _fold(s: str) -> str:
    return " ".join(s.lower().split())


def resolve(text: str, full: list[Cite], skip: tuple[int, int] | None = None) -> Resolved:
    reg = registry()
    groups = _groups(text, skip)
    res = Resolved(cites=list(full))
    # aliases: "(gọi tắt là X)" names the citation that ends right before it
    alias_target: dict[str, Cite] = {}
    anchors = sorted([c for c in full if not c.implied] + groups, key=lambda c: c.end)
    ends = [c.end for c in anchors]
    for am in rx.ALIAS_RE.finditer(text):
        i = bisect.bisect_right(ends, am.start()) - 1
        if i < 0 or am.start() - ends[i] > 300:
            continue
        target = anchors[i]
        alias = " ".join(am.group("alias").split())
        alias_target[_fold(alias)] = target
        target.extra.setdefault("aliases", []).append(alias)  # type: ignore[union-attr,attr-defined]
    # groups without a term: through an alias, or the same conference named with its term
    terms_of: dict[str | None, set[str]] = {}
    for x in groups:
        if x.term:
            terms_of.setdefault(x.number, set()).add(x.term)
    for g in groups:
        if g.id:
            continue
        phrase = _fold(text[g.start : g.end])
        t = alias_target.get(phrase)
        if t is not None and t.system == "group" and t.id:
            g.id, g.term = t.id, t.term
            continue
        terms = terms_of.get(g.number, set())
        if len(terms) == 1:
            g.term = next(iter(terms))
            g.id = group_id(int(g.number or 0), g.term)
        else:
            res.warnings.append(("reference.unresolved", f"group '{text[g.start : g.end]}' names no term (khóa)", g.start, g.end))
    res.cites.extend(g for g in groups if g.id)
    for c in res.cites:
        for a in c.extra.get("aliases", []):  # type: ignore[union-attr,attr-defined]
            res.aliases.setdefault(c.id, [])
            if a not in res.aliases[c.id]:
                res.aliases[c.id].append(a)
    taken = Taken([(c.start, c.end) for c in res.cites])
    # later uses of a non-group alias
    for target in {id(t): t for t in alias_target.values()}.values():
        if target.system == "group" or not target.id:
            continue
        for alias in target.extra.get("aliases", []):  # type: ignore[union-attr,attr-defined]
            for m in re.finditer(r"\s+".join(re.escape(w) for w in alias.split()), text):
                if m.start() > target.end and not taken.overlaps(m.start(), m.end()):
                    use = _short(target, m.start(), m.end())
                    use.extra["target"] = target  # an alias names the very document it was defined on
                    res.cites.append(use)
                    taken.add(m.start(), m.end())
    _short_forms(text, res, taken, skip, reg)
    res.cites.sort(key=lambda c: (c.start, c.implied))
    return res


def _short(target: Cite, s: int, e: int, pinpoint: str | None = None) -> Cite:
    c = Cite(id=target.id, start=s, end=e, system="short", kind=target.kind, number=target.number)
    c.pinpoint = pinpoint
    return c


_YEAR_AFTER = re.compile(r"[ \t]{1,3}(?:năm|ngày[ \t]{1,3}\d{1,2}[/.-]\d{1,2}[/.-])[ \t]{0,2}(?P<y>(?:19|20)\d\d)(?!\d)")


def _dated(text: str, c: Cite) -> Cite:
    """A short form followed by the year of the document it names ("Chỉ thị số 35 năm 2019",
    "Chỉ thị số 35 ngày 30/5/2019"): kept to tell apart documents of one symbol in two terms."""
    ym = _YEAR_AFTER.match(text, c.end)
    if ym:
        c.extra["year"] = ym.group("y")
    return c


def _num_key(n: str | None) -> int | None:
    if not n:
        return None
    head = n.split(".")[0]
    return int(head) if head.isdigit() else None


def _short_forms(text: str, res: Resolved, taken: Taken, skip: tuple[int, int] | None, reg) -> None:  # noqa: ANN001
    events: list[tuple[int, str, re.Match[str], re.Match[str]]] = []
    short_tail, anaphor_tail = rx.short_tail_re(), rx.anaphor_tail_re()
    for km in rx.kind_word_re().finditer(text):
        tm = short_tail.match(text, km.end())
        if tm is not None:
            events.append((km.start(), "short", km, tm))
            continue
        tm = anaphor_tail.match(text, km.end())
        if tm is not None:
            events.append((km.start(), "anaphor", km, tm))
    pool = sorted((c for c in res.cites if c.id and not c.implied), key=lambda c: c.start)
    seen_ids: dict[tuple[str | None, int | None], dict[str, Cite]] = {}  # (kind, number) -> id -> first cite
    last_of_kind: dict[str | None, Cite] = {}
    later: dict[tuple[str | None, int | None], dict[str, Cite]] = {}  # every full citation, for a short form before it
    for c in pool:
        if c.system != "group":
            later.setdefault((c.kind, _num_key(c.number)), {}).setdefault(c.id, c)
    i = 0

    def see(c: Cite) -> None:
        last_of_kind[c.kind] = c
        if c.system != "group":
            seen_ids.setdefault((c.kind, _num_key(c.number)), {}).setdefault(c.id, c)

    for pos, what, km, m in events:
        while i < len(pool) and pool[i].start < pos:
            see(pool[i])
            i += 1
        start = km.start()
        if skip and skip[0] <= start < skip[1]:
            continue
        kind = " ".join(km.group("kind").split())
        kind = reg.kind_by_lower.get(kind.lower(), kind)
        if what == "anaphor":
            target = last_of_kind.get(kind)
            if target is not None and not taken.overlaps(start, m.end()):
                res.cites.append(_short(target, start, m.end()))
                taken.add(start, m.end())
            continue
        ns, ne = m.start("num"), m.end("num")
        if taken.overlaps(ns, ne):
            continue
        num = m.group("num")
        if len(num) == 4 and num[:2] in ("19", "20"):
            continue  # a year ("Chương trình 2030")
        ids = seen_ids.get((kind, int(num)), {})
        if len(ids) == 1:
            target = next(iter(ids.values()))
            res.cites.append(_dated(text, _short(target, start, ne)))
            taken.add(start, ne)
            continue
        if len(ids) > 1:
            res.warnings.append(("reference.ambiguous", f"'{text[start:ne]}' may be {', '.join(sorted(ids))}", start, ne))
            continue
        built = _with_issuer(text, start, m, kind, num, reg)
        if built is not None:
            res.cites.append(built)
            taken.add(built.start, built.end)
            see(built)
            continue
        ahead = later.get((kind, int(num)), {})
        if len(ahead) == 1:  # a heading names the document the text then cites in full ("... thực hiện Nghị quyết số 57")
            res.cites.append(_dated(text, _short(next(iter(ahead.values())), start, ne)))
            taken.add(start, ne)
            continue
        if m.group("so") or (num.startswith("0") and len(num) > 1):
            written = " ".join(text[start:ne].split())
            res.warnings.append(("reference.unresolved", f"'{written}' has no symbol and matches no full citation", start, ne))


def _with_issuer(text: str, start: int, m: re.Match[str], kind: str, num: str, reg) -> Cite | None:  # noqa: ANN001
    """ "Chỉ thị 05 của Bộ Chính trị", "Tỉnh ủy ban hành Kế hoạch số 19": the Party symbol of that body."""
    abbr = reg.party_kind_abbr.get(kind)
    if abbr is None:
        return None
    ne = m.end("num")
    code = None
    named = None
    am = rx.issuer_after_re().match(text, ne, min(len(text), ne + 80))
    if am:
        code = reg.party_code_for(am.group("name"))
        named = am.group("name")
    if code is None:
        bm = rx.issuer_before_re().search(text, max(0, start - 120), start)
        if bm:
            code = reg.party_code_for(bm.group("name"))
            named = bm.group("name")
    if code is None:
        return None
    c = Cite(
        id=f"{num}-{abbr}/{code}",
        start=start,
        end=ne,
        system="party",
        kind=kind,
        kind_from_word=True,
        number=num,
        symbol=f"{abbr}/{code}",
    )
    c.issuer = reg.party_issuers.get(code)
    context(text, c, reg)
    c.kind, c.kind_from_word = kind, True
    if named:
        c.body = " ".join(named.split())
    c.extra["constructed"] = True
    return c


def fold_alias(s: str) -> str:
    return fold_name(s)
