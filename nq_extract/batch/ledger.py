"""The ledger: an embedded SQLite database that knows what is done.

One row per document in ``ledger``, keyed by the sha256 of its content; a row
is *done* when its ``version`` is the run's version (``PIPELINE_VERSION``,
plus a fingerprint of non-default options). It also records where the
document's line sits in ``results.jsonl`` (``offset``, ``length``) and, in
``meta``, how many bytes of that file are committed: lines past that size
were written by a run killed before its commit and are cut on the next open.
``inputs`` caches (path, size, mtime) -> sha256 so that a re-run does not
hash every file again. The flat tables of ``export/tables.py`` live in the
same database: rows shipped with an outcome are written in the same
transaction as its ledger row; rows a pool worker wrote into its own file
(``rowstore.py``) are merged when the run ends, kept by the ledger row's ``token``.
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
from . import rowstore

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
    finished_at REAL,
    token TEXT
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


def storable(text: str | None) -> str | None:
    """A path as SQLite can store it: undecodable bytes (surrogate escapes) shown as U+FFFD."""
    if text is None or text.isascii():
        return text
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


_q = rowstore.quote


class Ledger:
    """The SQLite side of a batch output folder."""

    def __init__(self, out: str | os.PathLike[str], version: str = PIPELINE_VERSION) -> None:
        self.out = Path(out)
        self.out.mkdir(parents=True, exist_ok=True)
        self.version = version
        self.db = sqlite3.connect(
            self.out / DB_NAME, isolation_level=None, timeout=30, check_same_thread=False
        )  # the batch writer thread commits; one user at a time
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.execute("PRAGMA cache_size=-65536")  # up to 64 MB: a batch's rows stay in memory until its commit
        self.db.executescript(_SCHEMA)
        if "token" not in rowstore.table_columns(self.db, "ledger"):  # a ledger from before row files
            self.db.execute("ALTER TABLE ledger ADD COLUMN token TEXT")
        self._columns: dict[str, list[str]] = {}
        self.seconds = 0.0  # time spent in the ledger's bookkeeping (for the overhead figure)
        self.table_seconds = 0.0  # time spent writing the flat tables

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
        name = storable(path)
        row = self.db.execute("SELECT size, mtime_ns, key FROM inputs WHERE path=?", (name,)).fetchone()
        if row and row[0] == st.st_size and row[1] == st.st_mtime_ns:
            self.seconds += time.perf_counter() - t0
            return str(row[2])
        key = file_sha256(path)
        self.db.execute(
            "INSERT INTO inputs(path, size, mtime_ns, key) VALUES(?,?,?,?) "
            "ON CONFLICT(path) DO UPDATE SET size=excluded.size, mtime_ns=excluded.mtime_ns, key=excluded.key",
            (name, st.st_size, st.st_mtime_ns, key),
        )
        self.seconds += time.perf_counter() - t0
        return key

    def remember_path(self, path: str, key: str) -> None:
        """Record a path whose key was computed elsewhere (a file that could not be read)."""
        self.db.execute("INSERT OR IGNORE INTO inputs(path, size, mtime_ns, key) VALUES(?, NULL, NULL, ?)", (storable(path), key))

    def done_keys(self, redo: frozenset[str] = frozenset()) -> set[str]:
        """Keys done with this version, except those whose status is in ``redo``."""
        t0 = time.perf_counter()
        rows = self.db.execute('SELECT key, status FROM ledger WHERE version=? AND "offset" IS NOT NULL', (self.version,))
        keys = {k for k, status in rows if status not in redo}
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
        ``self.seconds`` counts the ledger's own bookkeeping, ``self.table_seconds``
        the rows of the flat tables.
        """
        t0 = time.perf_counter()
        db = self.db
        entries = list(entries)
        db.execute("BEGIN IMMEDIATE")
        try:
            keys = [out.key for out, _, _ in entries]
            old: dict[str, int | None] = {}
            for i in range(0, len(keys), 500):
                chunk = keys[i : i + 500]
                marks = ",".join("?" * len(chunk))
                old.update(db.execute(f'SELECT key, "offset" FROM ledger WHERE key IN ({marks})', chunk).fetchall())
            if old:  # redone documents: their old rows go, their old lines become stale
                stale = len([v for v in old.values() if v is not None])
                if stale:
                    db.execute(
                        "INSERT INTO meta(k, v) VALUES('stale_lines', ?) ON CONFLICT(k) DO UPDATE SET v=CAST(v AS INTEGER)+?",
                        (stale, stale),
                    )
            now = time.time()
            db.executemany(
                'INSERT OR REPLACE INTO ledger(key, version, path, status, message, "offset", length, seconds, pages, attempts, rss_mb, worker, finished_at, token) '
                "VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                [
                    (
                        o.key,
                        self.version,
                        storable(o.path),
                        o.status,
                        o.message,
                        off,
                        n,
                        o.seconds,
                        o.pages,
                        o.attempts,
                        o.rss_mb,
                        o.worker,
                        now,
                        o.token,
                    )
                    for o, off, n in entries
                ],
            )
            self.set_meta("committed_size", committed_size)
            t1 = time.perf_counter()
            if old:
                for table in self.tables():
                    db.executemany(f"DELETE FROM {_q(table)} WHERE doc=?", [(k,) for k in old])
            by_table: dict[str, list[tuple[list[str], list[tuple[Any, ...]]]]] = {}
            for out, _, _ in entries:
                for table, part in out.rows.items():
                    by_table.setdefault(table, []).append(part)
            for table, parts in by_table.items():
                self._insert(table, parts)
            t2 = time.perf_counter()
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        t3 = time.perf_counter()
        self.table_seconds += t2 - t1
        self.seconds += (t1 - t0) + (t3 - t2)

    def tables(self) -> list[str]:
        """Names of the flat tables present (every table but the ledger's own)."""
        names = [r[0] for r in self.db.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
        return [n for n in names if n not in ("meta", "ledger", "inputs")]

    def _table_columns(self, table: str) -> list[str]:
        cols = self._columns.get(table)
        if cols is None:
            cols = self._columns[table] = rowstore.table_columns(self.db, table)
        return cols

    def _insert(self, table: str, parts: rowstore.Parts) -> None:
        rowstore.insert(self.db, self._columns, table, parts)

    def merge_rows(self) -> int:
        """Merge the rows pool workers wrote into their own files (none may be running); documents merged."""
        t0 = time.perf_counter()
        try:
            return rowstore.merge(self.db, self.out, self._columns)
        finally:
            self.table_seconds += time.perf_counter() - t0

    def index(self) -> None:
        """Indexes for queries and for redoing documents; built once, after the first run's inserts."""
        for table in self.tables():
            cols = self._table_columns(table)
            for col in _INDEXES.get(table, ("doc",)):
                if col in cols:
                    self.db.execute(f"CREATE INDEX IF NOT EXISTS {_q(table + '_' + col)} ON {_q(table)}({_q(col)})")

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
