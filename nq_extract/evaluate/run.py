"""Run the pipeline over gold documents and score every field."""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .gold import GoldDoc, load_dir
from .match import KEYS, count, fold

GRAINS = ("day", "month", "quarter", "year")


@dataclass
class FieldScore:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: FieldScore) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass
class DocResult:
    name: str
    source: str
    status: str
    seconds: float
    strict: dict[str, FieldScore] = field(default_factory=dict)
    soft: dict[str, FieldScore] = field(default_factory=dict)
    errors: dict[str, dict[str, list[Any]]] = field(default_factory=dict)


@dataclass
class EvalResult:
    docs: list[DocResult]
    skipped: list[tuple[str, str]]

    def total(self, mode: str = "strict") -> dict[str, FieldScore]:
        out: dict[str, FieldScore] = {}
        for d in self.docs:
            for name, score in getattr(d, mode).items():
                out.setdefault(name, FieldScore()).add(score)
        return dict(sorted(out.items()))

    def as_dict(self) -> dict[str, Any]:
        return {
            "total": {m: {k: v.as_dict() for k, v in self.total(m).items()} for m in ("strict", "soft")},
            "documents": [
                {
                    "name": d.name,
                    "source": d.source,
                    "status": d.status,
                    "seconds": round(d.seconds, 3),
                    "strict": {k: v.as_dict() for k, v in d.strict.items()},
                    "soft": {k: v.as_dict() for k, v in d.soft.items()},
                    "errors": d.errors,
                }
                for d in self.docs
            ],
            "skipped": [{"name": n, "reason": r} for n, r in self.skipped],
        }


def _document_items(doc: dict[str, Any]) -> list[dict[str, Any]]:
    items = []
    for k in ("kind", "id", "date", "place", "title"):
        if doc.get(k) is not None:
            items.append({"key": k, "value": doc[k]})
    signer = doc.get("signer") or {}
    for k in ("name", "position", "on_behalf_of"):
        if signer.get(k):
            items.append({"key": f"signer.{k}", "value": signer[k]})
    for r in doc.get("recipients") or []:
        items.append({"key": "recipient", "value": r})
    return items


def _score(name: str, gold: list[dict[str, Any]], pred: list[dict[str, Any]]) -> tuple[FieldScore, FieldScore, dict[str, list[Any]]]:
    strict = FieldScore(*count(name, gold, pred, soft=False))
    soft = FieldScore(*count(name, gold, pred, soft=True))
    key = KEYS[name][0]
    gk = {key(d) for d in gold}
    pk = {key(d) for d in pred}
    errors = {"missed": sorted(repr(k) for k in gk - pk), "spurious": sorted(repr(k) for k in pk - gk)}
    return strict, soft, errors


def evaluate(golds: Iterable[GoldDoc], variant: str = "text", **options: Any) -> EvalResult:
    from .. import parse

    KEYS.setdefault("document", (lambda d: (d["key"], fold(d["value"])), lambda d: (d["key"], fold(d["value"])[:30])))
    docs: list[DocResult] = []
    skipped: list[tuple[str, str]] = []
    for g in golds:
        path = g.source_path(variant)
        if path is None:
            skipped.append((g.name, f"no '{variant}' source"))
            continue
        if not path.exists():
            skipped.append((g.name, f"source not found: {path}"))
            continue
        t0 = time.perf_counter()
        report = parse(path, **options)
        seconds = time.perf_counter() - t0
        out = report.to_dict()
        res = DocResult(g.name, str(path), report.source.status, seconds)
        for name, gold_items in g.fields.items():
            if name == "document":
                gold_items = _document_items(gold_items[0] if gold_items else {})
                pred_items = _document_items(out["document"])
                pred_items = [p for p in pred_items if any(p["key"] == gi["key"] for gi in gold_items)]
            else:
                pred_items = out.get(name, [])
            s, so, err = _score(name, gold_items, pred_items)
            res.strict[name], res.soft[name], res.errors[name] = s, so, err
            if name == "dates":
                for grain in GRAINS:
                    gg = [d for d in gold_items if d.get("grain") == grain]
                    pg = [d for d in pred_items if d.get("grain") == grain]
                    if gg or pg:
                        s, so, _ = _score(name, gg, pg)
                        res.strict[f"dates:{grain}"], res.soft[f"dates:{grain}"] = s, so
        docs.append(res)
    return EvalResult(docs, skipped)


def evaluate_dir(root: str | Path, variant: str = "text", **options: Any) -> EvalResult:
    return evaluate(load_dir(Path(root)), variant=variant, **options)


def format_table(result: EvalResult, per_doc: bool = True) -> str:
    lines: list[str] = []
    header = f"{'field':<16}{'mode':<8}{'tp':>6}{'fp':>6}{'fn':>6}{'prec':>8}{'rec':>8}{'f1':>8}"

    def block(title: str, strict: dict[str, FieldScore], soft: dict[str, FieldScore]) -> None:
        lines.append(title)
        lines.append(header)
        for name in strict:
            for mode, sc in (("strict", strict[name]), ("soft", soft[name])):
                lines.append(f"{name:<16}{mode:<8}{sc.tp:>6}{sc.fp:>6}{sc.fn:>6}{sc.precision:>8.3f}{sc.recall:>8.3f}{sc.f1:>8.3f}")
        lines.append("")

    if per_doc:
        for d in result.docs:
            block(f"== {d.name} ({d.status}, {d.seconds:.2f}s)", d.strict, d.soft)
    block(f"== total over {len(result.docs)} documents", result.total("strict"), result.total("soft"))
    for name, reason in result.skipped:
        lines.append(f"skipped {name}: {reason}")
    return "\n".join(lines)


def format_errors(result: EvalResult, fields: list[str] | None = None) -> str:
    """Each document's missed (in the gold, not found) and spurious (found, not in the gold) items, by field."""
    lines: list[str] = []
    for d in result.docs:
        for name, err in d.errors.items():
            if fields is not None and name not in fields:
                continue
            for what in ("missed", "spurious"):
                lines.extend(f"{d.name}\t{name}\t{what}\t{item}" for item in err.get(what, []))
    return "\n".join(lines) if lines else "no errors"
