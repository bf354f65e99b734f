"""The check engine: numeric relations stated in a report, and whether they agree.

``run(ctx)`` is the pipeline stage: it finds the relations in the document's
text (:mod:`.relations`), decides each with interval arithmetic
(:mod:`.decide`, :mod:`.rounding`), words the verdict (:mod:`.messages`), and
appends the checks to ``ctx.report.checks`` (earlier stages put their
reference and date checks there) and sets ``ctx.report.coverage``.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from ..context import Context
from ..models import Check, Coverage, Operand
from . import admin_counts, decide, messages
from .relations import COUNT, DIFFERENCE, GROWTH, PERCENTAGE, REPEAT, SUM, TIMES, NoteRef, Relation, Text, find_all
from .scan import PERCENT, Tok

ARITHMETIC_KINDS = frozenset({PERCENTAGE, SUM, COUNT, DIFFERENCE, GROWTH, REPEAT, TIMES})


def _fig(tok: Tok) -> decide.Fig:
    return decide.Fig(tok.number, exact=tok.exact, approx=tok.approx)


def _json(value: Decimal | None, places: int = 4) -> int | float | None:
    if value is None:
        return None
    q = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    return int(q) if q == q.to_integral_value() else float(q)


def judge(rel: Relation) -> tuple[decide.Decision, Any, str, str]:
    """The decision for one relation, its stated value, and its messages (vi, en)."""
    if rel.kind == PERCENTAGE:
        num, den, pct = rel.tok("numerator"), rel.tok("denominator"), rel.tok("percent")
        assert num and den and pct
        d = decide.percentage(_fig(num), _fig(den), _fig(pct))
        vi, en = messages.percentage(num.written, den.written, pct.written, d, pct.number.decimals)
        return d, pct.number.as_json, vi, en
    if rel.kind == SUM:
        total, parts = rel.tok("total"), rel.toks("part")
        assert total
        d = decide.total(_fig(total), [_fig(p) for p in parts])
        vi, en = messages.total(total.written, [p.written for p in parts], d)
        return d, total.number.as_json, vi, en
    if rel.kind == COUNT:
        n = rel.tok("count")
        assert n
        d = decide.count(_fig(n), len(rel.items))
        if d.status == decide.INCONSISTENT and rel.alt_count is not None:
            alt = decide.count(_fig(n), rel.alt_count)
            if alt.status == decide.CONSISTENT:
                d = alt
        vi, en = messages.count(n.written, [i.text for i in rel.items], d)
        return d, n.number.as_json, vi, en
    if rel.kind == DIFFERENCE:
        a, b, diff = rel.tok("after"), rel.tok("before"), rel.tok("difference")
        assert a and b and diff
        d = decide.difference(_fig(a), _fig(b), _fig(diff))
        vi, en = messages.difference(a.written, b.written, diff.written, d)
        return d, diff.number.as_json, vi, en
    if rel.kind == GROWTH:
        after, diff, pct = rel.tok("after"), rel.tok("difference"), rel.tok("percent")
        assert diff and pct
        if after is None:
            d = decide.Decision(decide.UNVERIFIABLE, None, None)
            vi = f"mức thay đổi {diff.written} ({pct.written}%): không tìm thấy số liệu gốc, không kiểm tra được"
            en = f"change of {diff.written} ({pct.written}%): earlier figure not found, unverifiable"
            return d, pct.number.as_json, vi, en
        base_written = f"{after.written} {'-' if rel.sign > 0 else '+'} {diff.written}"
        d = decide.growth(_fig(after), _fig(diff), _fig(pct), rel.sign)
        vi, en = messages.growth(diff.written, base_written, pct.written, d, pct.number.decimals)
        return d, pct.number.as_json, vi, en
    if rel.kind == REPEAT:
        first, second = rel.tok("first"), rel.tok("second")
        assert first and second
        d = decide.same(_fig(first), _fig(second))
        label = rel.items[0].text if rel.items else ""
        vi, en = messages.same(first.written, second.written, label, d)
        return d, second.number.as_json, vi, en
    if rel.kind == TIMES:
        after, before, factor = rel.tok("after"), rel.tok("before"), rel.tok("times")
        assert after and before and factor
        d = decide.times(_fig(after), _fig(before), _fig(factor))
        vi, en = messages.times(after.written, before.written, factor.written, d, factor.number.decimals)
        return d, factor.number.as_json, vi, en
    if rel.kind == admin_counts.ADMIN_COUNT:
        return admin_counts.judge(rel)
    raise ValueError(rel.kind)


def _computed(rel: Relation, d: decide.Decision) -> Any:
    if rel.kind == COUNT:
        return len(rel.items) if d.computed is None else _json(d.computed.lo)
    mid = d.shown
    if rel.kind == TIMES and mid is not None:
        return _json(mid / 100)
    return _json(mid)


def to_check(rel: Relation, span: Any) -> Check:
    d, stated, vi, en = judge(rel)
    operands = [
        Operand(value=t.number.as_json, role=role, span=span(t.start, t.end), written=t.written + ("%" if t.kind == PERCENT else ""))
        for role, t in rel.operands
    ]
    operands += [Operand(value=None, role="item", span=span(i.start, i.end), written=i.text) for i in rel.items if rel.kind == COUNT]
    return Check(
        kind=rel.kind,
        status=d.status,  # type: ignore[arg-type]
        stated=stated,
        computed=_computed(rel, d),
        tolerance=_json(d.tolerance) if d.tolerance is not None else None,
        message=vi,
        message_en=en,
        finding=d.finding,
        approx=d.finding == decide.APPROXIMATE,
        operands=operands,
    )


def note_refs(doc: Any) -> list[NoteRef]:
    return [NoteRef(n.start, n.end, tuple(n.anchors)) for n in getattr(doc, "notes", ()) or ()]


def check_text(text: str, notes: Sequence[NoteRef] = (), tables: Sequence[Any] = (), t: Text | None = None) -> tuple[list[Relation], Text]:
    """The relations a text states (pure: no context needed)."""
    t = t or Text(text)
    rels = find_all(text, notes, t)
    if tables:
        from .outline import outline_relations
        from .tables import row_sums, table_sums

        rels += table_sums(tables, t.text)
        rels += row_sums(tables, t.text)
        seen = {r.key() for r in rels}
        rels += [r for r in outline_relations(tables, t) if r.key() not in seen]
    return rels, t


def run(ctx: Context) -> None:
    text = ctx.doc.text
    rels, t = check_text(text, note_refs(ctx.doc), ctx.report.tables)
    rels += admin_counts.find(text, admin_counts.setting_of(ctx), t)  # counts of units against the gazetteer
    checks = [to_check(rel, ctx.span) for rel in rels]
    ctx.report.checks.extend(checks)
    used = {tok.start for rel in rels for _, tok in rel.operands}
    orphans = orphan_claims(t, used)
    checked = sum(1 for c in checks if c.status != "unverifiable")
    ctx.report.coverage = Coverage(numeric_claims=len(checks) + orphans, checked=checked)


def orphan_claims(t: Text, used: set[int]) -> int:
    """Stated percentages introduced as a result ("đạt 82%", "tỷ lệ 0,9%") that no relation accounts for."""
    import re

    cue = re.compile(r"(?:đạt|bằng|chiếm|tỷ lệ|tỉ lệ|tương ứng|tương đương)\s*(?:tỷ lệ)?\s*$")
    n = 0
    for tok in t.toks:
        if tok.kind == PERCENT and tok.start not in used and cue.search(t.text[max(0, tok.start - 25) : tok.start]):
            n += 1
    return n
