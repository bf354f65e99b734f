"""The final summary of a batch output folder: statuses, slowest, most cited, inconsistencies."""

from __future__ import annotations

import os
import sqlite3
from typing import Any

from .ledger import _q


def _tables(db: sqlite3.Connection) -> set[str]:
    return {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}


def summarize(db: sqlite3.Connection, version: str | None = None, top: int = 5) -> dict[str, Any]:
    """Figures of the documents done with ``version`` (all versions when None)."""
    where, args = ("WHERE version=?", (version,)) if version else ("", ())
    tables = _tables(db)
    statuses = dict(db.execute(f"SELECT status, COUNT(*) FROM ledger {where} GROUP BY status ORDER BY COUNT(*) DESC", args).fetchall())
    slowest = [
        {"path": p, "seconds": round(s or 0.0, 3), "status": st, "pages": pg}
        for p, s, st, pg in db.execute(
            f"SELECT path, seconds, status, pages FROM ledger {where} ORDER BY seconds DESC LIMIT ?", (*args, top)
        )
    ]
    cited: list[dict[str, Any]] = []
    if "references" in tables:
        cited = [
            {"id": i, "documents": n}
            for i, n in db.execute(
                f"SELECT id, COUNT(DISTINCT doc) AS n FROM {_q('references')} GROUP BY id ORDER BY n DESC, id LIMIT ?", (top,)
            )
        ]
    inconsistent = {"checks": 0, "documents": 0, "top": []}
    if "checks" in tables:
        n_checks, n_docs = db.execute("SELECT COUNT(*), COUNT(DISTINCT doc) FROM checks WHERE status='inconsistent'").fetchone()
        rows = db.execute(
            "SELECT l.path, COUNT(*) AS n FROM checks c JOIN ledger l ON l.key=c.doc WHERE c.status='inconsistent' "
            "GROUP BY c.doc ORDER BY n DESC, l.path LIMIT ?",
            (top,),
        ).fetchall()
        inconsistent = {"checks": n_checks, "documents": n_docs, "top": [{"path": p, "inconsistent": n} for p, n in rows]}
    return {
        "documents": sum(statuses.values()),
        "statuses": statuses,
        "slowest": slowest,
        "most_cited": cited,
        "inconsistencies": inconsistent,
    }


def _relative(paths: list[str]) -> tuple[str, dict[str, str]]:
    """The folder the paths share, and each path relative to it (unchanged when they share none)."""
    absolute = [p for p in paths if p and os.path.isabs(p)]
    if len(absolute) < 2 or len(absolute) != len(paths):
        return "", {p: p for p in paths}
    common = os.path.commonpath(absolute)
    if common == os.sep:
        return "", {p: p for p in paths}
    return common, {p: os.path.relpath(p, common) for p in paths}


def render(summary: dict[str, Any], stats: Any = None, console: Any = None) -> None:
    """Print the summary as rich tables; paths relative to the folder they share, folded rather than cut."""
    from rich.console import Console
    from rich.table import Table

    console = console or Console()
    if stats is not None:
        rate = stats.done / stats.wall if stats.wall else 0.0
        console.print(
            f"[bold]{stats.inputs}[/] inputs ({stats.duplicates} duplicate contents), "
            f"{stats.done} processed, {stats.skipped} already done; {stats.wall:.1f} s, {rate:.1f} docs/s"
        )
    inc = summary["inconsistencies"]
    common, shown = _relative([r["path"] for r in summary["slowest"]] + [r["path"] for r in inc["top"]])
    if common:
        console.print(f"paths below are relative to {common}")
    t = Table(title="documents by status")
    t.add_column("status")
    t.add_column("documents", justify="right")
    for status, n in summary["statuses"].items():
        t.add_row(status, str(n))
    console.print(t)
    if summary["slowest"]:
        t = Table(title="slowest documents")
        for c in ("seconds", "pages", "status"):
            t.add_column(c, justify="right" if c != "status" else "left", no_wrap=True)
        t.add_column("path", overflow="fold")
        for r in summary["slowest"]:
            t.add_row(f"{r['seconds']:.2f}", str(r["pages"] or ""), r["status"], shown[r["path"]])
        console.print(t)
    if summary["most_cited"]:
        t = Table(title="most-cited documents")
        t.add_column("id", no_wrap=True)
        t.add_column("cited by", justify="right")
        for r in summary["most_cited"]:
            t.add_row(r["id"], str(r["documents"]))
        console.print(t)
    title = f"inconsistencies: {inc['checks']} inconsistent checks in {inc['documents']} documents"
    if not inc["top"]:
        console.print(title)
        return
    t = Table(title=title)
    t.add_column("checks", justify="right", no_wrap=True)
    t.add_column("path", overflow="fold")
    for r in inc["top"]:
        t.add_row(str(r["inconsistent"]), shown[r["path"]])
    console.print(t)
