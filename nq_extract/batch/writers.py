"""The files of a batch output folder: results.jsonl and the Parquet/CSV tables.

``results.jsonl`` is only ever appended to, in whole lines, and each append is
followed by an fsync and then by the ledger transaction that counts it
(:meth:`Ledger.record`). On opening, whatever lies past the committed size (a
torn line, or lines of a run killed before its commit) is cut off, so those
documents are done again and each appears exactly once. When documents are
redone (new pipeline version), their old lines are dropped by a compaction
that writes a new file and renames it over the old one, journaled in the
ledger so that a crash at any point leaves one consistent file.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

from .ledger import Ledger, _q

RESULTS = "results.jsonl"
TABLES_DIR = "tables"
HTML_DIR = "html"


class ResultsFile:
    def __init__(self, out: Path, ledger: Ledger, *, durable: bool = True) -> None:
        self.path = Path(out) / RESULTS
        self.ledger = ledger
        self.durable = durable
        self.seconds = 0.0
        self._recover()
        self._f = open(self.path, "ab")  # noqa: SIM115 - kept open for the run
        self.size = self._f.seek(0, os.SEEK_END)

    def _recover(self) -> None:
        tmp = self.path.with_name(self.path.name + ".compact")
        if self.ledger.meta("compact_pending") == "1":
            if tmp.exists():
                os.replace(tmp, self.path)
            self.ledger.set_meta("compact_pending", 0)
        elif tmp.exists():
            tmp.unlink()
        committed = self.ledger.committed_size
        if not self.path.exists():
            self.path.touch()
        if self.path.stat().st_size != committed:
            with open(self.path, "r+b") as f:
                f.truncate(committed)

    def reset(self) -> None:
        self._f.truncate(0)
        self._f.seek(0)
        self.size = 0

    def append(self, lines: list[bytes]) -> list[tuple[int, int]]:
        """Write whole lines (UTF-8 JSON); returns (offset, length) of each. Synced before returning."""
        t0 = time.perf_counter()
        spans = []
        chunks = []
        offset = self.size
        for line in lines:
            data = line.replace(b"\n", b" ") + b"\n"
            spans.append((offset, len(data)))
            offset += len(data)
            chunks.append(data)
        self._f.write(b"".join(chunks))
        self._f.flush()
        if self.durable:
            os.fsync(self._f.fileno())
        self.size = offset
        self.seconds += time.perf_counter() - t0
        return spans

    def close(self) -> None:
        self._f.close()

    def compact(self) -> int:
        """Drop lines no longer current; returns how many were dropped."""
        live = self.ledger.live_lines()
        self._f.flush()
        total_lines = 0
        with open(self.path, "rb") as f:
            for _ in f:
                total_lines += 1
        dropped = total_lines - len(live)
        if dropped <= 0:
            self.ledger.set_meta("stale_lines", 0)
            return 0
        tmp = self.path.with_name(self.path.name + ".compact")
        moves = []
        pos = 0
        with open(self.path, "rb") as src, open(tmp, "wb") as dst:
            for key, offset, length in live:
                src.seek(offset)
                dst.write(src.read(length))
                moves.append((pos, length, key))
                pos += length
            dst.flush()
            os.fsync(dst.fileno())
        self._f.close()
        self.ledger.move_lines(moves, pos)
        os.replace(tmp, self.path)
        self.ledger.set_meta("compact_pending", 0)
        self._f = open(self.path, "ab")  # noqa: SIM115
        self.size = pos
        return dropped


EXPORT_CHUNK = 20_000  # rows held in memory at a time while exporting a table


def export_tables(out: Path, ledger: Ledger, formats: tuple[str, ...] = ("parquet", "csv"), chunk: int = EXPORT_CHUNK) -> list[Path]:
    """Every flat table of the ledger database as Parquet and CSV files in ``OUT/tables/``.

    Tables are streamed ``chunk`` rows at a time, so memory does not grow with
    the corpus. SQLite is loosely typed: each column gets one Arrow type from
    the storage classes its values use (:func:`arrow_type`).
    """
    import pyarrow as pa
    import pyarrow.csv as pacsv
    import pyarrow.parquet as pq

    folder = Path(out) / TABLES_DIR
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name in [*ledger.tables(), "ledger", "inputs"]:
        db = ledger.db
        columns = [r[1] for r in db.execute(f"PRAGMA table_info({_q(name)})")]
        kinds = [arrow_type({k for (k,) in db.execute(f"SELECT DISTINCT typeof({_q(c)}) FROM {_q(name)}")}) for c in columns]
        schema = pa.schema([pa.field(c, pa_type) for c, (pa_type, _) in zip(columns, kinds)])
        targets = {fmt: (folder / f"{name}.{fmt}", folder / f".{name}.{fmt}.tmp") for fmt in formats}
        sinks: dict[str, Any] = {}
        try:
            if "parquet" in targets:
                sinks["parquet"] = pq.ParquetWriter(targets["parquet"][1], schema)
            if "csv" in targets:
                sinks["csv"] = pacsv.CSVWriter(targets["csv"][1], schema)
            cur = db.execute(f"SELECT {', '.join(_q(c) for c in columns)} FROM {_q(name)}")
            while rows := cur.fetchmany(chunk):
                arrays = []
                for i, (pa_type, as_text) in enumerate(kinds):
                    values = [r[i] for r in rows]
                    if as_text:
                        values = [None if v is None else v if isinstance(v, str) else str(v) for v in values]
                    arrays.append(pa.array(values, type=pa_type))
                batch = pa.RecordBatch.from_arrays(arrays, schema=schema)
                for sink in sinks.values():
                    sink.write_batch(batch)
        finally:
            for sink in sinks.values():
                sink.close()
        for target, tmp in targets.values():
            os.replace(tmp, target)
            written.append(target)
    return written


def arrow_type(storage: set[str]) -> tuple[Any, bool]:
    """The Arrow type for a column whose values use these SQLite storage classes, and whether to write them as text."""
    import pyarrow as pa

    kinds = storage - {"null"}
    if kinds == {"integer"}:
        return pa.int64(), False
    if kinds and kinds <= {"integer", "real"}:
        return pa.float64(), False
    if kinds == {"blob"}:
        return pa.binary(), False
    return pa.string(), kinds != {"text"} and bool(kinds)


def read_line(out: Path, offset: int, length: int) -> str:
    with open(Path(out) / RESULTS, "rb") as f:
        f.seek(offset)
        return f.read(length).decode("utf-8")
