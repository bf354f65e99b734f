"""Referenced documents (contract ``references``). Minimal first version."""

from __future__ import annotations

import re

from ..context import Context
from ..models import Reference

_PARTY = re.compile(r"(?<![\w/])(?P<num>\d{1,5})\s*-\s*(?P<type>[A-ZĐ][A-Za-zĐđ]{0,5})\s*/\s*(?P<iss>[A-ZĐƯ][A-ZĐƯa-z]{1,10})(?![\w/])")
_STATE = re.compile(r"(?<![\w/])(?P<num>\d{1,5})\s*/\s*(?:(?P<year>\d{4})\s*/\s*)?(?P<sym>[A-ZĐ][A-Za-zĐđ]{0,6}(?:-[A-ZĐ][A-Za-zĐđ0-9]{0,12}){1,3})(?![\w-])")


def canonical_id(text: str) -> str | None:
    """The canonical id of a symbol as written (``329 /BC-UBND`` -> ``329/BC-UBND``)."""
    s = "".join(text.split()).replace("TƯ", "TW")
    if _PARTY.fullmatch(s) or _STATE.fullmatch(s):
        return s
    return None


def run(ctx: Context) -> None:
    text = ctx.doc.text
    own = ctx.report.document.id
    by_id: dict[str, Reference] = {}
    for rx in (_PARTY, _STATE):
        for m in rx.finditer(text):
            if ctx.seg.number and ctx.seg.number[0] <= m.start() < ctx.seg.number[1]:
                continue
            cid = canonical_id(m.group())
            if not cid or cid == own:
                continue
            ref = by_id.get(cid)
            if ref is None:
                ref = by_id[cid] = Reference(id=cid, number=m.group("num"), year=int(m.group("year")) if m.groupdict().get("year") else None)
            ref.mentions.append(ctx.span(*m.span()))
    ctx.report.references = sorted(by_id.values(), key=lambda r: r.mentions[0].start)
