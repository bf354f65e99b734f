"""Linking a name scores the whole group in C and the rest only above a floor: the same links as scoring every unit.

The plain form below is the loop :meth:`Gazetteer.link` replaced; names are the
gazetteer's own, with one letter changed, upper-cased or stripped of marks
(fixed seed), looked up with and without a parent and a type.
"""

from __future__ import annotations

import random

from rapidfuzz import fuzz

from nq_extract import gazetteer as gz


def _plain_link(g: gz.Gazetteer, name: str, level: str, era: str, within: str = "", type_: str | None = None) -> gz.Link | None:
    key = g._key(era, level, within)
    pool = g._group(key)
    if not pool:
        return None
    aware, stripped = gz._lower(name), gz.strip_marks(name)
    want_type = gz.strip_marks(type_) if type_ else None
    scored: list[tuple[float, gz.Place]] = []
    for p, (p_aware, p_stripped, p_type) in zip(pool, g._fold(key), strict=True):
        s = (fuzz.ratio(aware, p_aware) + fuzz.ratio(stripped, p_stripped)) / 200
        if want_type and want_type != p_type:
            s -= 0.05
        if s >= gz.THRESHOLD:
            scored.append((s, p))
    if not scored:
        return None
    scored.sort(key=lambda t: -t[0])
    best, place = scored[0]
    if not within and len(scored) > 1 and scored[1][0] >= best - 1e-9:
        return None
    return gz.Link(place, round(best, 3))


def test_link_equals_scoring_every_unit() -> None:
    g = gz.load()
    rng = random.Random(2)
    small = [p for p in g.places if p.parent]  # lookups within a parent: small groups, quick to score plainly
    linked = missed = 0
    for i in range(300):
        p = rng.choice(g.places if i % 10 == 0 else small)
        name, r = p.name, rng.random()
        if r < 0.3 and len(name) > 2:
            k = rng.randrange(len(name))
            name = name[:k] + rng.choice("aăâeêioôơuưyđ ") + name[k + 1 :]
        elif r < 0.5:
            name = name.upper()
        elif r < 0.6:
            name = gz.strip_marks(name)
        within = p.parent if i % 10 and p.parent else ""
        if within and p.level == "commune" and p.era == "2019" and rng.random() < 0.5:
            within = "p" + (g.province_of(p) or p).code
        type_ = rng.choice([None, p.type, "xã", "phường"])
        got = g.link(name, p.level, p.era, within, type_)
        assert got == _plain_link(g, name, p.level, p.era, within, type_), (name, p, within, type_)
        linked += got is not None
        missed += got is None
    assert linked > 100 and missed > 10  # both outcomes are exercised
