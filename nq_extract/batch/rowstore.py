"""Table rows written by the worker that made them, merged into the run's database when it ends.

A pool worker writes the flat-table rows of each document it finishes into a
SQLite file of its own (``OUT/.rows/<id>.sqlite``), one transaction per
document, and sends back only a token naming that transaction; the parent
records the token in the document's ledger row. The parent then never
unpickles or inserts table rows one by one, which is most of what a busy
parent costs; the files share nothing, so workers never wait for each other.

:func:`merge` moves the rows into the main tables, in SQL, when a run ends
and, for files left by a killed run, when the next one starts. It keeps only
the rows of documents whose ledger row holds the same token: rows of a
document whose outcome never reached the ledger (its worker or the run was
killed after the rows were written) are dropped, as that document is done
again. A ledger token whose rows are found in no file (lost with the machine)
makes its document not done, so the next run does it again.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import uuid
from pathlib import Path
from typing import Any

ROWS_DIR = ".rows"
_DOCS = "_docs"  # the token and document key of each transaction in a row file

Parts = list[tuple[list[str], list[tuple[Any, ...]]]]  # (columns, rows) pieces of one table


def quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def table_columns(db: sqlite3.Connection, table: str, schema: str = "main") -> list[str]:
    return [r[1] for r in db.execute(f"PRAGMA {schema}.table_info({quote(table)})")]


def insert(db: sqlite3.Connection, columns: dict[str, list[str]], table: str, parts: Parts) -> None:
    """Insert (columns, rows) pieces into ``table``, creating it or adding columns as the rows need.

    ``columns`` caches each table's columns for this connection.
    """
    cols = columns.get(table)
    if cols is None:
        cols = columns[table] = table_columns(db, table)
    if not cols:
        db.execute(f"CREATE TABLE {quote(table)} ({', '.join(quote(c) for c in parts[0][0])})")
        cols = columns[table] = list(parts[0][0])
    grouped: dict[tuple[str, ...], list[tuple[Any, ...]]] = {}
    for names, rows in parts:
        grouped.setdefault(tuple(names), []).extend(rows)
    for names_t, rows in grouped.items():
        for c in names_t:
            if c not in cols:
                db.execute(f"ALTER TABLE {quote(table)} ADD COLUMN {quote(c)}")
                cols.append(c)
        sql = f"INSERT INTO {quote(table)} ({', '.join(quote(c) for c in names_t)}) VALUES ({', '.join('?' * len(names_t))})"
        db.executemany(sql, rows)


class RowStore:
    """One worker's row file; :meth:`put` writes one document's rows and returns their token."""

    def __init__(self, folder: str | os.PathLike[str]) -> None:
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.id = uuid.uuid4().hex[:16]
        self.path = self.folder / f"{self.id}.sqlite"
        self.db = sqlite3.connect(self.path, isolation_level=None)
        self.db.execute("PRAGMA journal_mode=WAL")  # a worker killed mid-write leaves its last commit whole
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.execute(f"CREATE TABLE IF NOT EXISTS {_DOCS} (doc TEXT PRIMARY KEY, token TEXT NOT NULL)")
        self._columns: dict[str, list[str]] = {}
        self._seq = 0

    def put(self, doc: str, rows: dict[str, tuple[list[str], list[tuple[Any, ...]]]]) -> str:
        """Write one document's rows in one transaction; its token is unique to this file and document."""
        self._seq += 1
        token = f"{self.id}:{self._seq}"
        db = self.db
        db.execute("BEGIN IMMEDIATE")
        try:
            if db.execute(f"SELECT 1 FROM {_DOCS} WHERE doc=?", (doc,)).fetchone():  # the same document again: rare
                for table in self._columns:
                    db.execute(f"DELETE FROM {quote(table)} WHERE doc=?", (doc,))
            db.execute(f"INSERT OR REPLACE INTO {_DOCS}(doc, token) VALUES(?, ?)", (doc, token))
            for table, part in rows.items():
                insert(db, self._columns, table, [part])
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        return token

    def close(self) -> None:
        self.db.close()


def files(out: str | os.PathLike[str]) -> list[Path]:
    """The row files waiting in an output folder."""
    folder = Path(out) / ROWS_DIR
    return sorted(folder.glob("*.sqlite")) if folder.is_dir() else []


def _remove(path: Path) -> None:
    for p in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        with contextlib.suppress(FileNotFoundError):
            p.unlink()


def merge(db: sqlite3.Connection, out: str | os.PathLike[str], columns: dict[str, list[str]]) -> int:
    """Move the rows of every row file whose token the ledger holds into the main tables; returns documents merged.

    No worker may be writing: call it before the workers start or after they stopped.
    Afterwards, documents whose token is still pending lost their rows and are made not done.
    """
    merged = 0
    for path in files(out):
        merged += _merge_one(db, path, columns)
        _remove(path)
    lost = db.execute("SELECT COUNT(*) FROM ledger WHERE token IS NOT NULL").fetchone()[0]
    if lost:
        db.execute("BEGIN IMMEDIATE")
        db.execute("UPDATE ledger SET version = '', token = NULL WHERE token IS NOT NULL")  # done again next run
        db.execute("COMMIT")
    with contextlib.suppress(OSError):
        (Path(out) / ROWS_DIR).rmdir()
    return merged


def _merge_one(db: sqlite3.Connection, path: Path, columns: dict[str, list[str]]) -> int:
    try:
        db.execute("ATTACH DATABASE ? AS shard", (str(path),))
    except sqlite3.DatabaseError:
        return 0  # not a database: its documents stay pending and are done again
    try:
        try:
            names = [r[0] for r in db.execute("SELECT name FROM shard.sqlite_master WHERE type='table'")]
        except sqlite3.DatabaseError:
            return 0
        if _DOCS not in names:
            return 0
        db.execute("BEGIN IMMEDIATE")
        try:
            db.execute("DROP TABLE IF EXISTS temp.kept")
            db.execute(
                f"CREATE TEMP TABLE kept AS SELECT d.doc FROM shard.{_DOCS} d JOIN main.ledger l ON l.key = d.doc AND l.token = d.token"
            )
            db.execute("CREATE INDEX temp.kept_doc ON kept(doc)")
            for table in names:
                if table == _DOCS:
                    continue
                cols = table_columns(db, table, "shard")
                main_cols = columns.get(table) or table_columns(db, table)
                if not main_cols:
                    db.execute(f"CREATE TABLE main.{quote(table)} ({', '.join(quote(c) for c in cols)})")
                    main_cols = list(cols)
                for c in cols:
                    if c not in main_cols:
                        db.execute(f"ALTER TABLE main.{quote(table)} ADD COLUMN {quote(c)}")
                        main_cols.append(c)
                columns[table] = main_cols
                names_sql = ", ".join(quote(c) for c in cols)
                db.execute(
                    f"INSERT INTO main.{quote(table)} ({names_sql}) SELECT {names_sql} FROM shard.{quote(table)} "
                    "WHERE doc IN (SELECT doc FROM temp.kept)"
                )
            db.execute("UPDATE main.ledger SET token = NULL WHERE key IN (SELECT doc FROM temp.kept)")
            merged = db.execute("SELECT COUNT(*) FROM temp.kept").fetchone()[0]
            db.execute("DROP TABLE temp.kept")
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        return int(merged)
    finally:
        db.execute("DETACH DATABASE shard")
