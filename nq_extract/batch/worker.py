"""The per-document function, shared by the process pool and Dask.

:func:`run_document` turns one :class:`Task` into one :class:`Outcome`: the
contract object as a JSON line, its flat table rows, and what it cost. It
never raises for a bad document. A watchdog thread enforces the soft limits:
past ``Limits.seconds`` it raises :class:`DocTimeout` inside the working
thread, above ``Limits.memory_mb`` of resident memory it raises
:class:`DocTooLarge`. Both derive from ``BaseException`` so that the
pipeline's own ``except Exception`` cannot swallow them. Code stuck inside C
(a regex, a PDF library) does not see them: the process pool then kills the
whole worker process (see ``pool.py``).
"""

from __future__ import annotations

import ctypes
import importlib
import os
import resource
import sqlite3
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from .rowstore import RowStore

DEFAULT_PROCESSOR = "nq_extract.pipeline:process_path"


@dataclass(frozen=True)
class Limits:
    """Per-document limits: wall-clock seconds and resident memory in MB (None: no limit)."""

    seconds: float | None = 300.0
    memory_mb: int | None = 2048


@dataclass(frozen=True)
class Task:
    """One document to do: its content key (sha256), its path, and optionally its bytes."""

    key: str
    path: str
    data: bytes | None = None


@dataclass
class Outcome:
    """What one document gave: the JSON line, table rows (or the token of rows written by the worker) and costs."""

    key: str
    path: str
    status: str
    line: bytes  # the contract object, UTF-8 JSON on one line
    rows: dict[str, tuple[list[str], list[tuple[Any, ...]]]] = field(default_factory=dict)  # table -> (columns, rows)
    token: str | None = None  # rows written to the worker's own row file instead (rowstore.py)
    message: str | None = None
    seconds: float = 0.0
    pages: int = 0
    rss_mb: float = 0.0
    attempts: int = 1
    worker: str = ""
    html: str | None = None
    cpu: float = 0.0  # CPU seconds of the worker process on this document


class DocTimeout(BaseException):
    """Raised inside the working thread when a document runs past its time limit."""


class DocTooLarge(BaseException):
    """Raised inside the working thread when the process grows past its memory cap."""


# --- watchdog ----------------------------------------------------------------

_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096


def rss_bytes(pid: int | str = "self") -> int:
    """Resident set size of a process (Linux ``/proc``; 0 when unknown)."""
    try:
        with open(f"/proc/{pid}/statm", "rb") as f:
            return int(f.read().split()[1]) * _PAGE
    except (OSError, ValueError, IndexError):
        return 0


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far, in MB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


class _Watchdog:
    """One daemon thread per process watching the threads that are working on a document."""

    interval = 0.05

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._armed: dict[int, tuple[float, int]] = {}
        self._thread: threading.Thread | None = None

    def arm(self, tid: int, limits: Limits) -> None:
        deadline = time.monotonic() + limits.seconds if limits.seconds else float("inf")
        cap = int(limits.memory_mb * 1024 * 1024) if limits.memory_mb else 0
        with self._lock:
            self._armed[tid] = (deadline, cap)
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._loop, name="nq-extract-watchdog", daemon=True)
                self._thread.start()

    def disarm(self, tid: int) -> None:
        with self._lock:
            self._armed.pop(tid, None)

    def _loop(self) -> None:
        while True:
            time.sleep(self.interval)
            with self._lock:
                if not self._armed:
                    continue
                now = time.monotonic()
                rss = rss_bytes() if any(cap for _, cap in self._armed.values()) else 0
                for tid, (deadline, cap) in list(self._armed.items()):
                    exc: type[BaseException] | None = None
                    if now > deadline:
                        exc = DocTimeout
                    elif cap and rss > cap:
                        exc = DocTooLarge
                    if exc is not None:
                        del self._armed[tid]
                        ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(tid), ctypes.py_object(exc))


_watchdog = _Watchdog()


# --- the per-document function ---------------------------------------------


def _resolve(processor: str | Callable[..., Any]) -> Callable[..., Any]:
    if callable(processor):
        return processor
    module, _, name = processor.partition(":")
    return getattr(importlib.import_module(module), name)


def failure_outcome(task: Task, status: str, message: str, seconds: float = 0.0, attempts: int = 1, rows: bool = True) -> Outcome:
    """The outcome of a document that gave no report: a contract object carrying only its status."""
    from ..models import Report, Source
    from ..pipeline import format_of_name

    source = Source(path=task.path, sha256=task.key, format=format_of_name(task.path), status=status, message=message)
    report = Report(source=source)
    return _outcome(task, report, seconds, rows=rows, with_text=False, attempts=attempts)


def as_tuples(rows: list[dict[str, Any]]) -> tuple[list[str], list[tuple[Any, ...]]]:
    """Rows as (columns, tuples): cheaper to send and to insert than dicts."""
    cols = list(rows[0])
    for r in rows[1:]:
        if len(r) != len(cols) or any(c not in r for c in cols):
            cols += [c for c in r if c not in cols]
    return cols, [tuple(r.get(c) for c in cols) for r in rows]


def _outcome(
    task: Task,
    report: Any,
    seconds: float,
    *,
    rows: bool,
    with_text: bool,
    attempts: int = 1,
    html: bool = False,
    store: RowStore | None = None,
) -> Outcome:
    from ..pipeline import utf8_safe_source

    src = report.source
    if not src.sha256:
        src.sha256 = task.key
    if not src.path:
        src.path = task.path
    report.source = src = utf8_safe_source(src)
    table_rows: dict[str, tuple[list[str], list[tuple[Any, ...]]]] = {}
    if rows:
        from ..export.tables import report_rows

        table_rows = {name: as_tuples(dicts) for name, dicts in report_rows(report).items() if dicts}
    token = None
    if store is not None and rows:
        try:
            token = store.put(task.key, table_rows)
            table_rows = {}
        except sqlite3.Error:  # the row file failed (a full disk): the rows travel with the outcome instead
            token = None
    return Outcome(
        key=task.key,
        path=task.path,
        status=src.status,
        line=report.to_json(with_text=with_text, indent=None).encode("utf-8"),
        rows=table_rows,
        token=token,
        message=src.message,
        seconds=seconds,
        pages=int(src.pages or 0),
        rss_mb=peak_rss_mb(),
        attempts=attempts,
        worker=f"{os.uname().nodename}:{os.getpid()}",
        html=report.to_html() if html and report.text else None,
    )


def run_document(
    task: Task,
    options: dict[str, Any] | None = None,
    limits: Limits | None = None,
    processor: str | Callable[..., Any] = DEFAULT_PROCESSOR,
    *,
    rows: bool = True,
    with_text: bool = False,
    html: bool = False,
    store: RowStore | None = None,
) -> Outcome:
    """Parse one document under its limits; every failure becomes the outcome's status.

    With ``store``, the document's table rows go to that row file and the outcome carries their token.
    """
    from ..errors import Timeout, TooLarge
    from ..pipeline import failed

    options = dict(options or {})
    limits = limits or Limits()
    fn = _resolve(processor)
    tid = threading.get_ident()
    c0 = time.process_time()
    t0 = time.perf_counter()
    report: Any = None
    err: BaseException | None = None
    try:
        _watchdog.arm(tid, limits)
        try:
            if task.data is not None:
                import nq_extract

                report = nq_extract.parse(task.data, name=task.path, **options)
            else:
                report = fn(task.path, **options)
        finally:
            _watchdog.disarm(tid)
    except DocTimeout:
        err = Timeout(f"gave up after {limits.seconds:g} s (per-document time limit)")
    except (DocTooLarge, MemoryError):
        err = TooLarge(f"needed more than {limits.memory_mb} MB of memory (per-document cap)")
    except Exception as e:  # noqa: BLE001 - a processor that raises is that document's error
        err = e
    seconds = time.perf_counter() - t0
    try:
        if err is not None or report is None:
            from ..models import Source
            from ..pipeline import format_of_name

            source = Source(path=task.path, sha256=task.key, format=format_of_name(task.path))
            report = failed(source, err or RuntimeError("no report"))
        elif report.source.status == "error" and (report.source.message or "").startswith("internal error: MemoryError"):
            report = failed(report.source, TooLarge(f"needed more than {limits.memory_mb} MB of memory (per-document cap)"))
        out = _outcome(task, report, seconds, rows=rows, with_text=with_text, html=html, store=store)
        out.cpu = time.process_time() - c0
        return out
    except (DocTimeout, DocTooLarge):  # a late signal from the watchdog: the document is done anyway
        return _outcome(task, report, seconds, rows=rows, with_text=with_text, html=html, store=store)
