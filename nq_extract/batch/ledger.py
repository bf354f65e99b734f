"""The ledger: an embedded SQLite database that knows what is done.

One row per document in ``ledger``, keyed by the sha256 of its content; a row
is *done* when its ``version`` is the run's version (``PIPELINE_VERSION``,
plus a fingerprint of non-default options). It also records where the
document's line sits in ``results.jsonl`` (``offset``, ``length``) and, in
``meta``, how many bytes of that file are committed: lines past that size
were written by a run killed before its commit and are cut on the next open.
``inputs`` caches (path, size, mtime) -> sha256 so that a re-run does not
hash every file again. The flat tables of ``export/tables.py`` live in the
same database, written in the same transaction as the ledger rows.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..version import PIPELINE_VERSION

DB_NAME = "corpus.sqlite"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (k TEXT PRIMARY KEY, v TEXT);
CREATE TABLE IF NOT EXISTS ledger (
    key TEXT PRIMARY KEY,
    version TEXT NOT NULL,
    path TEXT,
    status TEXT,
    message TEXT,
    "offset" INTEGER,
    length INTEGER,
    seconds REAL,
    pages INTEGER,
    attempts INTEGER,
    rss_mb REAL,
    worker TEXT,
    finished_at REAL
);
CREATE TABLE IF NOT EXISTS inputs (path TEXT PRIMARY KEY, size INTEGER, mtime_ns INTEGER, key TEXT);
CREATE INDEX IF NOT EXISTS inputs_key ON inputs(key);
"""

# columns worth an index, by table: queries of Corpus and the summary use them
_INDEXES = {"references": ("doc", "id"), "units": ("doc", "name", "canonical"), "checks": ("doc", "status")}


def run_version(options: dict[str, Any] | None = None) -> str:
    """``PIPELINE_VERSION``, plus a short fingerprint of the options that change outputs."""
    opts = {k: v for k, v in sorted((options or {}).items()) if k not in ("errors", "password") and v is not None}
    if not opts:
        return PIPELINE_VERSION
    digest = hashlib.sha256(json.dumps(opts, sort_keys=True, default=str).encode()).hexdigest()[:8]
    return f"{PIPELINE_VERSION}+{digest}"


def file_sha256(path: str | os.PathLike[str]) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        while chunk := f.read(1 << 20):
            h.update(chunk)
    return h.hexdigest()


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


class Ledger:
    """The SQLite side of a batch output folder."""

    def __init__(self, out: str | os.PathLike[str], version: str = PIPELINE_VERSION) -> None:
        self.out = Path(out)
        self.out.mkdir(parents=True, exist_ok=True)
        self.version = version
        self.db = sqlite3.connect(self.out / DB_NAME, isolation_level=None, timeout=30)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.executescript(_SCHEMA)
        self._columns: dict[str, list[str]] = {}
        self.seconds = 0.0  # time spent in ledger calls (for the overhead figure)

    def close(self) -> None:
        self.db.close()

    # -- meta --------------------------------------------------------------
    def meta(self, k: str, default: str | None = None) -> str | None:
        row = self.db.execute("SELECT v FROM meta WHERE k=?", (k,)).fetchone()
        return row[0] if row else default

    def set_meta(self, k: str, v: str | int | None) -> None:
        self.db.execute("INSERT INTO meta(k, v) VALUES(?, ?) ON CONFLICT(k) DO UPDATE SET v=excluded.v", (k, None if v is None else str(v)))

    @property
    def committed_size(self) -> int:
        return int(self.meta("committed_size", "0") or 0)

    # -- keys --------------------------------------------------------------
    def key_of(self, path: str) -> str:
        """sha256 of a file's content, from the cache when size and mtime have not changed."""
        t0 = time.perf_counter()
        st = os.stat(path)
        row = self.db.execute("SELECT size, mtime_ns, key FROM inputs WHERE path=?", (path,)).fetchone()
        if row and row[0] == st.st_size and row[1] == st.st_mtime_ns:
            self.seconds += time.perf_counter() - t0
            return str(row[2])
        key = file_sha256(path)
        self.db.execute(
            "INSERT INTO inputs(path, size, mtime_ns, key) VALUES(?,?,?,?) "
            "ON CONFLICT(path) DO UPDATE SET size=excluded.size, mtime_ns=excluded.mtime_ns, key=excluded.key",
            (path, st.st_size, st.st_mtime_ns, key),
        )
        self.seconds += time.perf_counter() - t0
        return key

    def remember_path(self, path: str, key: str) -> None:
        """Record a path whose key was computed elsewhere (a file that could not be read)."""
        self.db.execute("INSERT OR IGNORE INTO inputs(path, size, mtime_ns, key) VALUES(?, NULL, NULL, ?)", (path, key))

    def done_keys(self) -> set[str]:
        t0 = time.perf_counter()
        keys = {r[0] for r in self.db.execute('SELECT key FROM ledger WHERE version=? AND "offset" IS NOT NULL', (self.version,))}
        self.seconds += time.perf_counter() - t0
        return keys

    def begin_inputs(self) -> None:
        self.db.execute("BEGIN")

    def end_inputs(self) -> None:
        self.db.execute("COMMIT")

    # -- writing -----------------------------------------------------------
    def record(self, entries: Iterable[tuple[Any, int, int]], committed_size: int) -> None:
        """In one transaction: ledger rows, table rows, and the committed size of results.jsonl.

        ``entries`` are (outcome, offset, length) for lines already written and synced.
        """
        t0 = time.perf_counter()
        db = self.db
        db.execute("BEGIN IMMEDIATE")
        try:
            now = time.time()
            by_table: dict[str, list[dict[str, Any]]] = {}
            for out, offset, length in entries:
                old = db.execute('SELECT "offset" FROM ledger WHERE key=?', (out.key,)).fetchone()
                if old is not None:  # a redo: its old rows go, its old line becomes stale
                    for table in self.tables():
                        db.execute(f"DELETE FROM {_q(table)} WHERE doc=?", (out.key,))
                    if old[0] is not None:
                        db.execute("INSERT INTO meta(k, v) VALUES('stale_lines', '1') ON CONFLICT(k) DO UPDATE SET v=CAST(v AS INTEGER)+1")
                db.execute(
                    'INSERT OR REPLACE INTO ledger(key, version, path, status, message, "offset", length, seconds, pages, attempts, rss_mb, worker, finished_at) '
                    "VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    (
                        out.key,
                        self.version,
                        out.path,
                        out.status,
                        out.message,
                        offset,
                        length,
                        out.seconds,
                        out.pages,
                        out.attempts,
                        out.rss_mb,
                        out.worker,
                        now,
                    ),
                )
                for table, rows in out.rows.items():
                    if rows:
                        by_table.setdefault(table, []).extend(rows)
            for table, rows in by_table.items():
                self._insert(table, rows)
            self.set_meta("committed_size", committed_size)
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        finally:
            self.seconds += time.perf_counter() - t0

    def tables(self) -> list[str]:
        """Names of the flat tables present (every table but the ledger's own)."""
        names = [r[0] for r in self.db.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
        return [n for n in names if n not in ("meta", "ledger", "inputs")]

    def _table_columns(self, table: str) -> list[str]:
        cols = self._columns.get(table)
        if cols is None:
            cols = [r[1] for r in self.db.execute(f"PRAGMA table_info({_q(table)})")]
            self._columns[table] = cols
        return cols

    def _insert(self, table: str, rows: list[dict[str, Any]]) -> None:
        cols = self._table_columns(table)
        wanted = list(rows[0].keys())
        for r in rows[1:]:
            for k in r:
                if k not in wanted:
                    wanted.append(k)
        if not cols:
            self.db.execute(f"CREATE TABLE {_q(table)} ({', '.join(_q(c) for c in wanted)})")
            for col in _INDEXES.get(table, ("doc",)):
                if col in wanted:
                    self.db.execute(f"CREATE INDEX IF NOT EXISTS {_q(table + '_' + col)} ON {_q(table)}({_q(col)})")
            cols = self._columns[table] = list(wanted)
        else:
            for c in wanted:
                if c not in cols:
                    self.db.execute(f"ALTER TABLE {_q(table)} ADD COLUMN {_q(c)}")
                    cols.append(c)
        sql = f"INSERT INTO {_q(table)} ({', '.join(_q(c) for c in wanted)}) VALUES ({', '.join('?' * len(wanted))})"
        self.db.executemany(sql, [tuple(r.get(c) for c in wanted) for r in rows])

    def reset(self) -> None:
        """Forget everything done (``--force``); the inputs' hash cache stays."""
        db = self.db
        db.execute("BEGIN IMMEDIATE")
        for table in self.tables():
            db.execute(f"DROP TABLE {_q(table)}")
        db.execute("DELETE FROM ledger")
        self.set_meta("committed_size", 0)
        self.set_meta("stale_lines", 0)
        db.execute("COMMIT")
        self._columns.clear()

    # -- reading -----------------------------------------------------------
    def live_lines(self) -> list[tuple[str, int, int]]:
        """(key, offset, length) of every current line of results.jsonl, in file order."""
        return [
            (str(k), int(o), int(n))
            for k, o, n in self.db.execute('SELECT key, "offset", length FROM ledger WHERE "offset" IS NOT NULL ORDER BY "offset"')
        ]

    def move_lines(self, moves: list[tuple[int, int, str]], committed_size: int) -> None:
        """After a compaction: new (offset, length) per key, the new size, and a pending rename."""
        self.db.execute("BEGIN IMMEDIATE")
        self.db.executemany('UPDATE ledger SET "offset"=?, length=? WHERE key=?', moves)
        self.set_meta("committed_size", committed_size)
        self.set_meta("stale_lines", 0)
        self.set_meta("compact_pending", 1)
        self.db.execute("COMMIT")
