"""One batch run: inputs -> keys -> what is left to do -> engine -> results.jsonl, SQLite, tables.

The engine is the local process pool (``pool.Pool``) or a Dask cluster
(``dask_engine.run``); both run ``worker.run_document`` and yield outcomes
that are written here, in the parent, by one writer: lines first (synced),
then the ledger transaction that counts them. Pool workers write their
table rows into row files of their own, merged into the tables when the run
ends; a Dask worker's rows travel back with its outcome.
"""

from __future__ import annotations

import hashlib
import os
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .inputs import expand
from .ledger import Ledger, run_version
from .rowstore import ROWS_DIR
from .worker import DEFAULT_PROCESSOR, Limits, Outcome, Task
from .writers import HTML_DIR, ResultsFile, export_tables

FLUSH_SECONDS = 1.0
FLUSH_COUNT = 256
QUEUE_MAX = 4 * FLUSH_COUNT  # outcomes waiting for the writer before the loop waits for it


@dataclass
class RunStats:
    inputs: int = 0
    unique: int = 0
    skipped: int = 0
    todo: int = 0
    done: int = 0
    pages: int = 0
    duplicates: int = 0
    wall: float = 0.0
    ledger_seconds: float = 0.0
    table_seconds: float = 0.0
    write_seconds: float = 0.0
    export_seconds: float = 0.0
    compacted: int = 0
    peak_rss_mb: float = 0.0
    worker_cpu: float = 0.0
    worker_peaks: dict[str, float] = field(default_factory=dict)
    interrupted: bool = False


def _missing_key(path: str) -> str:
    return "path:" + hashlib.sha256(os.path.abspath(path).encode("utf-8", "surrogatepass")).hexdigest()


def plan(paths: list[str], ledger: Ledger, stats: RunStats, redo: frozenset[str] = frozenset()) -> list[Task]:
    """Hash every input (cached by size and mtime), drop duplicates and what is already done."""
    keys: dict[str, str] = {}
    ledger.begin_inputs()
    try:
        for path in paths:
            try:
                key = ledger.key_of(path)
            except OSError:  # missing or unreadable: the worker will say which, keyed by the path
                key = _missing_key(path)
                ledger.remember_path(path, key)
            keys.setdefault(key, path)
    finally:
        ledger.end_inputs()
    stats.inputs = len(paths)
    stats.unique = len(keys)
    stats.duplicates = len(paths) - len(keys)
    done = ledger.done_keys(redo)
    tasks = [Task(key=k, path=p) for k, p in keys.items() if k not in done]
    stats.skipped = len(keys) - len(tasks)
    stats.todo = len(tasks)
    return tasks


class _Writer:
    """Commits outcomes from a thread of its own: lines (synced), then one ledger transaction.

    The run's loop only hands outcomes over, so a slow disk (an fsync, a
    SQLite commit) never keeps it from feeding the workers. Commits come in
    batches of up to ``FLUSH_COUNT`` outcomes or ``FLUSH_SECONDS``, in the
    order the outcomes arrived; :meth:`close` commits what is left and
    re-raises, in the caller, an error the thread met.
    """

    def __init__(self, results: ResultsFile, ledger: Ledger) -> None:
        from ..io import atomic_write_text

        self._write_page = atomic_write_text
        self.results = results
        self.ledger = ledger
        self._pending: list[Outcome] = []  # handed over, not yet taken by the thread
        self._cond = threading.Condition()
        self._closing = False
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._loop, name="nq-extract-writer", daemon=True)
        self._thread.start()

    def add(self, out: Outcome) -> None:
        """Hand one outcome over; the thread is woken only when a batch is full (or by its timer)."""
        with self._cond:
            while len(self._pending) >= QUEUE_MAX and self._error is None and self._thread.is_alive():
                self._cond.wait(0.5)  # the disk is slower than the workers: wait for it
            if self._error is not None or not self._thread.is_alive():
                self._raise()
            self._pending.append(out)
            if len(self._pending) >= FLUSH_COUNT:
                self._cond.notify_all()

    def close(self) -> None:
        """Commit everything handed over so far and stop the thread."""
        if self._thread.is_alive():
            with self._cond:
                self._closing = True
                self._cond.notify_all()
            self._thread.join()
        self._raise()

    def _raise(self) -> None:
        if self._error is not None:
            err, self._error = self._error, None
            raise err
        if not self._thread.is_alive() and self._pending:
            raise RuntimeError("the batch writer stopped before committing every outcome")

    def _loop(self) -> None:
        try:
            while True:
                with self._cond:
                    self._cond.wait_for(lambda: self._closing or len(self._pending) >= FLUSH_COUNT, timeout=FLUSH_SECONDS)
                    batch, self._pending = self._pending, []
                    closing = self._closing
                    self._cond.notify_all()  # room again for a waiting add()
                for item in batch:
                    if item.html is not None:  # the review page first: a committed line always has its page
                        self._write_page(self.results.path.parent / HTML_DIR / f"{item.key}.html", item.html)
                        item.html = None
                self._flush(batch)
                if closing:
                    return
        except BaseException as e:  # noqa: BLE001 - handed to the caller by close()/add()
            self._error = e

    def _flush(self, buffer: list[Outcome]) -> None:
        if not buffer:
            return
        spans = self.results.append([o.line for o in buffer])
        self.ledger.record([(o, off, n) for o, (off, n) in zip(buffer, spans)], self.results.size)


def engine_outcomes(
    tasks: list[Task],
    *,
    workers: int | None,
    dask: str | None,
    options: dict[str, Any],
    limits: Limits,
    processor: str,
    with_text: bool,
    ship_bytes: bool,
    html: bool,
    on_idle: Callable[[], None] | None,
    row_dir: Path | None = None,
) -> Iterator[Outcome]:
    if dask:
        from .dask_engine import run as run_dask

        return run_dask(
            tasks,
            dask,
            workers=workers,
            options=options,
            limits=limits,
            processor=processor,
            with_text=with_text,
            ship_bytes=ship_bytes,
            html=html,
        )
    from .pool import Pool

    return Pool(workers, options, limits, processor, with_text=with_text, html=html, row_dir=row_dir).run(tasks, on_idle=on_idle)


def run_batch(
    inputs: Iterable[str | os.PathLike[str]],
    out: str | os.PathLike[str],
    *,
    workers: int | None = None,
    force: bool = False,
    redo: Iterable[str] = (),
    dask: str | None = None,
    options: dict[str, Any] | None = None,
    limits: Limits | None = None,
    processor: str = DEFAULT_PROCESSOR,
    with_text: bool = False,
    ship_bytes: bool = False,
    html: bool = False,
    formats: tuple[str, ...] = ("parquet", "csv"),
    progress: Any = None,
    durable: bool = True,
) -> RunStats:
    """Process every input into ``out``; resumable: a re-run does only what is left."""
    t0 = time.perf_counter()
    options = dict(options or {})
    limits = limits or Limits()
    out_p = Path(out)
    stats = RunStats()
    paths = expand(inputs, skip=out_p)
    ledger = Ledger(out_p, version=run_version(options))
    results = ResultsFile(out_p, ledger, durable=durable)
    try:
        ledger.merge_rows()  # rows left by a run killed before its merge; documents whose rows were lost are done again
        if force:
            ledger.reset()
            results.reset()
        if progress is not None:
            progress.planning(len(paths))
        tasks = plan(paths, ledger, stats, frozenset(redo))
        writer = _Writer(results, ledger)
        if progress is not None:
            progress.start(stats)
        idle = progress.refresh if progress is not None else None
        stopped = True  # by an error or an interrupt: the writer's own error must not hide it
        try:
            outcomes = (
                engine_outcomes(
                    tasks,
                    workers=workers,
                    dask=dask,
                    options=options,
                    limits=limits,
                    processor=processor,
                    with_text=with_text,
                    ship_bytes=ship_bytes,
                    html=html,
                    on_idle=idle,
                    row_dir=out_p / ROWS_DIR,
                )
                if tasks
                else iter(())
            )
            for outcome in outcomes:
                writer.add(outcome)
                stats.done += 1
                stats.pages += outcome.pages
                stats.worker_cpu += outcome.cpu
                stats.worker_peaks[outcome.worker] = max(stats.worker_peaks.get(outcome.worker, 0.0), outcome.rss_mb)
                if progress is not None:
                    progress.advance(outcome)
            stopped = False
        except KeyboardInterrupt:
            stats.interrupted = True
            raise
        finally:
            try:
                writer.close()  # commit what was handed over, whatever ended the loop
            except BaseException:
                if not stopped:
                    raise
            finally:
                if progress is not None:
                    progress.stop()
        if int(ledger.meta("stale_lines", "0") or 0) > 0:
            stats.compacted = results.compact()
        t1 = time.perf_counter()
        ledger.merge_rows()  # the rows the workers wrote
        ledger.index()
        if formats:
            export_tables(out_p, ledger, formats)
        if html or (out_p / HTML_DIR).is_dir():  # the review pages' index, as with --html
            _index_page(out_p, ledger)
        stats.export_seconds = time.perf_counter() - t1
    finally:
        stats.ledger_seconds = ledger.seconds
        stats.table_seconds = ledger.table_seconds
        stats.write_seconds = results.seconds
        stats.peak_rss_mb = max(stats.worker_peaks.values(), default=0.0)
        results.close()
        ledger.close()
        stats.wall = time.perf_counter() - t0
    return stats


def _index_page(out: Path, ledger: Ledger) -> None:
    """``OUT/index.html`` through the HTML exporter, linking the review pages of ``OUT/html/``."""
    try:
        from ..export.html import render_index
    except ImportError:  # an exporter without a batch index
        return
    from ..io import atomic_write_text

    if "documents" not in ledger.tables():
        return
    cur = ledger.db.execute("SELECT d.*, l.version FROM documents d JOIN ledger l ON l.key = d.doc ORDER BY d.path")
    names = [c[0] for c in cur.description]
    entries = []
    for row in cur:
        doc = dict(zip(names, row))
        page = out / HTML_DIR / f"{doc['doc']}.html"
        entries.append((doc, f"{HTML_DIR}/{page.name}" if page.exists() else None))
    atomic_write_text(out / "index.html", render_index(entries, title=f"nq_extract batch: {out.name}"))
