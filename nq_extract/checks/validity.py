"""``nq-extract validate``: a validity study of the check engine.

Like statcheck's validation, on real reports: for every relation a gold
document states (``corpora/gold/<doc>/checks.json``) that the engine finds
consistent, change one stated figure at a time (the total, each part, the
stated percentage, the count ...) and measure the share of changes the engine
flags. On the unmodified documents, count the false alarms: "inconsistent"
checks that the gold does not list as inconsistent.

A change rewrites one digit in place, so offsets do not move:

- ``leading``: the first non-zero digit goes up by one (9 goes down to 8):
  ``2.443`` -> ``3.443``, ``96,3`` -> ``86,3``, ``01`` -> ``02``;
- ``last``: the last digit goes up by one (9 down to 8): ``2.443`` -> ``2.444``.
  Many such changes stay inside a rounding interval and are undetectable by
  any checker; the figure is reported to show the engine's resolution.

The changed text keeps every other figure's reading (the scan is not redone),
so a study of a few hundred changes takes seconds.

A change is *flagged* when a check on the changed figure says
``inconsistent``, or reports a labelled finding (truncation, reversed ratio).
It is *labelled* when the check stays consistent only within rounding (the
written figures do not add up exactly, finding ``rounding``): counted apart,
since unmodified reports carry that label too when their figures are rounded.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .admin_counts import ADMIN_COUNT, Setting
from .decide import CONSISTENT, INCONSISTENT, REVERSED, ROUNDING, TRUNCATION
from .relations import COUNT, DIFFERENCE, GROWTH, PERCENTAGE, REPEAT, SUM, TIMES, NoteRef, Relation, Text

CHANGED_ROLES = {
    PERCENTAGE: ("percent", "numerator", "denominator"),
    SUM: ("total", "part"),
    COUNT: ("count",),
    DIFFERENCE: ("difference", "after", "before"),
    GROWTH: ("percent", "difference", "after"),
    REPEAT: ("second",),
    TIMES: ("times", "after", "before"),
    ADMIN_COUNT: ("count",),
}
FLAG_FINDINGS = {TRUNCATION, REVERSED}


def change_digit(written: str, where: str = "leading") -> str:
    """One digit of a written figure changed, same length: the first non-zero one, or the last."""
    idx = [i for i, c in enumerate(written) if c.isdigit()]
    if where == "leading":
        idx = [i for i in idx if written[i] != "0"][:1]
    else:
        idx = idx[-1:]
    if not idx:
        return written
    i = idx[0]
    d = int(written[i])
    new = d - 1 if d == 9 else d + 1
    return written[:i] + str(new) + written[i + 1 :]


@dataclass
class DocStudy:
    name: str
    relations: int = 0
    gold: int = 0
    inconsistent: int = 0
    false_alarms: int = 0
    changes: Counter[str] = field(default_factory=Counter)  # "<where>:<outcome>"
    misses: list[str] = field(default_factory=list)


def _key(kind: str, status: str, stated: Any) -> tuple[str, str, Any]:
    from ..evaluate.match import num

    return kind, status, num(stated)


def _judged(rels: Iterable[Relation]) -> list[tuple[Relation, Any]]:
    from . import judge

    return [(r, judge(r)) for r in rels]


def _relations(
    text: str, notes: list[NoteRef], tables: Sequence[Any], setting: Setting | None, t: Text | None = None
) -> tuple[list[Relation], Text]:
    """What the checks stage finds: the text's relations, and with the report's setting its counts of units."""
    from . import admin_counts, check_text

    rels, t = check_text(text, notes, tables, t=t)
    if setting is not None:
        rels += admin_counts.find(text, setting, t)
    return rels, t


def study_text(
    name: str,
    text: str,
    notes: list[NoteRef],
    gold: list[dict[str, Any]],
    where: tuple[str, ...] = ("leading", "last"),
    tables: Sequence[Any] = (),
    setting: Setting | None = None,
) -> DocStudy:
    res = DocStudy(name)
    rels, base = _relations(text, notes, tables, setting)
    judged = _judged(rels)
    res.relations = len(rels)
    res.gold = len(gold)
    gold_keys = Counter(_key(g["kind"], g["status"], g.get("stated")) for g in gold)
    gold_bad = Counter(k for k in gold_keys.elements() if k[1] == INCONSISTENT)
    found_bad = Counter(_key(r.kind, d.status, stated) for r, (d, stated, _, _) in judged if d.status == INCONSISTENT)
    res.inconsistent = sum(found_bad.values())
    res.false_alarms = sum((found_bad - gold_bad).values())
    # the true relations the engine finds consistent: change each of their figures
    remaining = Counter(k for k in gold_keys.elements() if k[1] != INCONSISTENT)
    for rel, (d, stated, _, _) in judged:
        k = _key(rel.kind, d.status, stated)
        if d.status != CONSISTENT or remaining[k] <= 0:  # an unverifiable relation cannot be flagged
            continue
        remaining[k] -= 1
        for role, tok in rel.operands:
            if role not in CHANGED_ROLES.get(rel.kind, ()):
                continue
            for w in where:
                new = change_digit(tok.written, w)
                if new == tok.written:
                    continue
                outcome = _outcome(base, notes, tok.start, tok.end, new, tables, setting)
                res.changes[f"{w}:{outcome}"] += 1
                if w == "leading" and outcome != "flagged":
                    res.misses.append(f"{rel.kind} {tok.written}->{new} ({role}): {outcome}")
    return res


def _outcome(
    base: Text, notes: list[NoteRef], start: int, end: int, new: str, tables: Sequence[Any] = (), setting: Setting | None = None
) -> str:
    changed = base.with_digit_changed(start, end, new)
    rels, _ = _relations(changed.text, notes, tables, setting, t=changed)
    hits = [r for r in rels if any(t.start == start for _, t in r.operands)]
    if not hits:
        return "lost"
    decisions = [d for _r, (d, _s, _vi, _en) in _judged(hits)]
    if any(d.status == INCONSISTENT or d.finding in FLAG_FINDINGS for d in decisions):
        return "flagged"
    if any(d.finding == ROUNDING for d in decisions):
        return "labelled"  # consistent, with the label that the written figures do not add up exactly
    return "passed"


def study(gold_dir: Path, variant: str = "text", where: tuple[str, ...] = ("leading", "last")) -> dict[str, Any]:
    """The validity study over every gold document that has a checks.json."""
    from .. import parse
    from ..evaluate.gold import load_dir
    from ..pipeline import STAGES

    docs: list[DocStudy] = []
    skipped: list[str] = []
    for g in load_dir(gold_dir):
        if "checks" not in g.fields:
            continue
        path = g.source_path(variant)
        if path is None or not path.exists():
            skipped.append(g.name)
            continue
        capture: dict[str, Setting] = {}
        report = parse(path, stages=[*STAGES, __name__], capture=capture)
        text = report.text or ""
        notes = [NoteRef(f.span.start, f.span.end, tuple((a.start, a.end) for a in f.anchors)) for f in report.footnotes]
        docs.append(study_text(g.name, text, notes, g.fields["checks"], where, report.tables, capture.get("setting")))
    return summarise(docs, skipped)


def run(ctx: Any) -> None:
    """A last pipeline stage for :func:`study`: keeps the report's setting (its own area and date), which
    the counts of units against the gazetteer need, in the ``capture`` dict passed as an option."""
    from .admin_counts import setting_of

    capture = ctx.options.get("capture")
    if isinstance(capture, dict):
        capture["setting"] = setting_of(ctx)


def summarise(docs: list[DocStudy], skipped: list[str]) -> dict[str, Any]:
    changes: Counter[str] = Counter()
    for d in docs:
        changes.update(d.changes)

    def share(w: str) -> dict[str, Any]:
        n = sum(v for k, v in changes.items() if k.startswith(w + ":"))
        flagged = changes[f"{w}:flagged"]
        return {
            "changes": n,
            "flagged": flagged,
            "labelled": changes[f"{w}:labelled"],
            "passed": changes[f"{w}:passed"],
            "lost": changes[f"{w}:lost"],
            "share_flagged": round(flagged / n, 4) if n else None,
        }

    n_docs = len(docs)
    false_alarms = sum(d.false_alarms for d in docs)
    return {
        "documents": n_docs,
        "skipped": skipped,
        "relations_found": sum(d.relations for d in docs),
        "inconsistent_found": sum(d.inconsistent for d in docs),
        "false_alarms": false_alarms,
        "false_alarms_per_10_documents": round(10 * false_alarms / n_docs, 3) if n_docs else None,
        "leading_digit": share("leading"),
        "last_digit": share("last"),
        "per_document": [
            {
                "name": d.name,
                "relations": d.relations,
                "gold": d.gold,
                "inconsistent": d.inconsistent,
                "false_alarms": d.false_alarms,
                "changes": dict(d.changes),
                "missed_changes": d.misses,
            }
            for d in docs
        ],
    }


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("gold", nargs="?", default="corpora/gold", help="gold folder (documents with a checks.json)")
    p.add_argument("--variant", default="text", help="which source of each gold document to read (default: text)")
    p.add_argument("--json", action="store_true", help="print the full result as JSON")
    p.add_argument("--leading-only", action="store_true", help="only the leading-digit changes (faster)")


def render(result: dict[str, Any]) -> str:
    lines = [
        f"validity study over {result['documents']} gold documents ({result['relations_found']} relations found)",
        f"unmodified documents: {result['inconsistent_found']} inconsistent, {result['false_alarms']} false alarms "
        f"({result['false_alarms_per_10_documents']} per 10 documents)",
    ]
    for label, key in (("leading digit changed", "leading_digit"), ("last digit changed", "last_digit")):
        s = result[key]
        if not s["changes"]:
            continue
        lines.append(
            f"{label}: {s['flagged']}/{s['changes']} flagged ({s['share_flagged']:.1%}); "
            + (f"{s['labelled']} more consistent only within rounding (labelled), " if s["labelled"] else "")
            + f"{s['passed']} passed as consistent, {s['lost']} no longer found"
        )
    for d in result["per_document"]:
        for m in d["missed_changes"]:
            lines.append(f"  not flagged: {d['name']}: {m}")
    if result["skipped"]:
        lines.append(f"skipped (source not found): {', '.join(result['skipped'])}")
    return "\n".join(lines)


def main(args: argparse.Namespace) -> int:
    gold = Path(args.gold)
    if not gold.exists():
        print(f"nq-extract validate: gold folder not found: {gold}", file=sys.stderr)
        return 2
    where = ("leading",) if args.leading_only else ("leading", "last")
    result = study(gold, args.variant, where)
    print(json.dumps(result, ensure_ascii=False, indent=2) if args.json else render(result))
    return 0
