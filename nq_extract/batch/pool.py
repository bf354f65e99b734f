"""A process pool that survives its documents.

Each worker is a process (forked from a clean fork server) fed through its own pipe, a few tasks ahead.
The parent watches every worker: one past its document's hard time limit, or
above the memory cap, is killed with SIGKILL and its document recorded as
``timeout`` or ``too_large``; a worker that dies on its own loses only the
document it held, which is retried once on a fresh worker (``crashed`` after
the second death). Tasks queued behind the lost one go back to the queue
untouched. ``concurrent.futures`` cannot do this: one dead worker breaks its
whole pool.
"""

from __future__ import annotations

import contextlib
import multiprocessing as mp
import os
import selectors
import signal
import sqlite3
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sized
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from typing import Any

from .rowstore import RowStore
from .worker import DEFAULT_PROCESSOR, Limits, Outcome, Task, failure_outcome, rss_bytes, run_document

PREFETCH = 2  # fewest tasks queued in each worker's pipe
MAX_PREFETCH = 32
QUEUED_SECONDS = 0.5  # keep about this much work queued per worker, so that it never waits for a parent busy syncing
HEALTH_SECONDS = 0.2  # how often the parent checks each worker's time, memory and pulse
READY = "ready"  # a worker's first message: it started
START_FAILURES = 3  # workers in a row that die before they are ready: the pool gives up


class WorkerStartError(RuntimeError):
    """The pool's workers die before they can take any document (a broken install, an unimportable module)."""


def queue_depth(avg_seconds: float, left: int | None, workers: int) -> int:
    """Tasks to keep queued per worker: :func:`prefetch`, but near the end no more than a fair share
    of what is left, so that the workers finish together instead of one draining a long queue alone."""
    depth = prefetch(avg_seconds)
    if left is not None:
        depth = min(depth, max(PREFETCH, -(-left // max(1, workers))))
    return depth


def prefetch(avg_seconds: float) -> int:
    """How many tasks to keep queued per worker given the recent seconds per document."""
    if avg_seconds <= 0:
        return PREFETCH
    return max(PREFETCH, min(MAX_PREFETCH, int(QUEUED_SECONDS / avg_seconds) + 1))


def default_workers() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def hard_seconds(limits: Limits) -> float | None:
    """When the parent kills a worker: the soft limit plus a grace for the watchdog to act."""
    if not limits.seconds:
        return None
    return limits.seconds + max(2.0, 0.25 * limits.seconds)


def _worker_main(
    conn: Connection,
    options: dict[str, Any],
    limits: Limits,
    processor: str,
    rows: bool,
    with_text: bool,
    html: bool,
    row_dir: str | None = None,
) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides when to stop
    if limits.memory_mb:
        try:  # a hard backstop: allocations past twice the cap fail with MemoryError
            import resource

            cap = int(limits.memory_mb * 2 * 1024 * 1024)
            _, hard = resource.getrlimit(resource.RLIMIT_DATA)
            resource.setrlimit(resource.RLIMIT_DATA, (cap if hard == resource.RLIM_INFINITY else min(cap, hard), hard))
        except (ValueError, OSError, ImportError):
            pass
    warm_up()
    try:
        conn.send(READY)
    except OSError:
        return
    store: RowStore | None = None
    try:
        while True:
            try:
                task = conn.recv()
            except (EOFError, OSError):
                return
            if task is None:
                return
            if store is None and row_dir is not None and rows:
                try:
                    store = RowStore(row_dir)
                except (OSError, sqlite3.Error):  # no row file: the rows travel with each outcome
                    row_dir = None
            out = run_document(task, options, limits, processor, rows=rows, with_text=with_text, html=html, store=store)
            conn.send(out)
            if out.status == "too_large":
                return  # start afresh rather than keep a bloated heap
    finally:
        if store is not None:
            store.close()  # folds its log into the file here, in parallel, rather than in the parent's merge


@contextlib.contextmanager
def _unimportable_main_hidden() -> Iterator[None]:
    """Start a worker without the caller's ``__main__`` when that cannot be re-imported.

    A new worker re-imports the caller's main script by its file name; a
    script read from stdin (``python - <<EOF``) has ``<stdin>`` for a file
    name, and every worker would die trying. The workers never need it.
    """
    main = sys.modules.get("__main__")
    path = getattr(main, "__file__", None)
    if main is None or not isinstance(path, str) or os.path.exists(path):
        yield
        return
    del main.__file__
    try:
        yield
    finally:
        main.__file__ = path


def _context() -> Any:
    """Workers come from a fork server: a clean single-threaded process with the pipeline preloaded.

    Forking the caller directly would copy whatever threads and locks it holds
    (pyarrow's pools, a notebook's kernel threads) and can deadlock a worker.
    """
    if "forkserver" not in mp.get_all_start_methods():
        return mp.get_context("spawn")
    ctx = mp.get_context("forkserver")
    ctx.set_forkserver_preload(["nq_extract.batch.warm"])  # the pipeline loaded and warmed once, shared by every worker
    return ctx


_warm = False


def warm_up() -> None:
    """Load what the pipeline loads on first use (stages, patterns, the gazetteer, the text loader),
    outside any document's time limit: one small report (``data/warm_up.txt``) read as a file's bytes.
    Once per process: a worker forked from the warm fork server skips it."""
    global _warm
    if _warm:
        return
    from importlib import resources

    from .. import gazetteer, pipeline
    from ..export.tables import report_rows
    from ..load import load_bytes

    for name in pipeline.STAGES:
        pipeline._stage(name)
    gazetteer.load()
    sample = resources.files("nq_extract.data").joinpath("warm_up.txt").read_bytes()
    for _ in range(2):  # the second pass meets what the first one cached lazily
        report = pipeline.from_loaded(load_bytes(sample, "warm_up.txt"))
        report.to_json(indent=None)
        report_rows(report)
    _warm = True


@dataclass
class _Slot:
    proc: Any
    conn: Connection
    queue: deque[tuple[Task, int]] = field(default_factory=deque)
    since: float = 0.0  # when the head of the queue started
    retiring: bool = False  # the worker said it will exit (after a too_large document)
    started: bool = False  # the worker said it is ready (its imports and warm-up went through)
    broken: bool = False  # a task could not be written to its pipe: the worker is gone


class Pool:
    """``Pool(workers, options, limits).run(tasks)`` yields one :class:`Outcome` per task, as they finish."""

    worker_main = staticmethod(_worker_main)  # what each worker process runs

    def __init__(
        self,
        workers: int | None = None,
        options: dict[str, Any] | None = None,
        limits: Limits | None = None,
        processor: str = DEFAULT_PROCESSOR,
        *,
        rows: bool = True,
        with_text: bool = False,
        html: bool = False,
        row_dir: str | os.PathLike[str] | None = None,
    ) -> None:
        """``row_dir``: where each worker writes its table rows (``rowstore.py``); without it they travel with the outcomes."""
        self.workers = workers or default_workers()
        self.options = dict(options or {})
        self.limits = limits or Limits()
        self.processor = processor
        self.rows = rows
        self.with_text = with_text
        self.html = html
        self.row_dir = os.fspath(row_dir) if row_dir is not None else None
        self._ctx = _context()
        self._slots: list[_Slot] = []
        self._selector: selectors.BaseSelector  # the workers' pipes and sentinels, made by run()
        self.crashes = 0
        self.kills = 0
        self._start_failures = 0

    # -- workers ---------------------------------------------------------
    def _spawn(self) -> _Slot:
        parent, child = self._ctx.Pipe(duplex=True)
        proc = self._ctx.Process(
            target=self.worker_main,
            args=(child, self.options, self.limits, self.processor, self.rows, self.with_text, self.html, self.row_dir),
            daemon=True,
            name="nq-extract-worker",
        )
        with _unimportable_main_hidden():
            proc.start()
        child.close()
        return _Slot(proc=proc, conn=parent)

    def _bury(self, slot: _Slot) -> None:
        try:
            if slot.proc.is_alive():
                os.kill(slot.proc.pid, signal.SIGKILL)
        except (ProcessLookupError, OSError):
            pass
        slot.proc.join(timeout=5)
        slot.conn.close()

    def close(self) -> None:
        for slot in self._slots:
            with contextlib.suppress(OSError, ValueError):
                slot.conn.send(None)
        deadline = time.monotonic() + 2
        for slot in self._slots:
            slot.proc.join(timeout=max(0.0, deadline - time.monotonic()))
            if slot.proc.is_alive():
                self._bury(slot)
            else:
                slot.conn.close()
        self._slots = []

    # -- the loop ----------------------------------------------------------
    def run(self, tasks: Iterable[Task], on_idle: Callable[[], None] | None = None) -> Iterator[Outcome]:
        source = iter(tasks)
        left: int | None = len(tasks) if isinstance(tasks, Sized) else None  # tasks not yet sent
        retry: deque[tuple[Task, int]] = deque()
        exhausted = False
        hard = hard_seconds(self.limits)
        cap = self.limits.memory_mb * 1024 * 1024 if self.limits.memory_mb else 0
        self._slots = [self._spawn() for _ in range(self.workers)]
        self._selector = selectors.DefaultSelector()
        for i in range(len(self._slots)):
            self._watch(i)
        try:
            avg = 0.0  # moving average of seconds per document
            checked = time.monotonic()
            while True:
                now = time.monotonic()
                depth = queue_depth(avg, left, len(self._slots))
                for slot in self._slots:
                    while len(slot.queue) < depth and not slot.retiring and not slot.broken:
                        if retry:
                            item = retry.popleft()
                        elif not exhausted:
                            nxt = next(source, None)
                            if nxt is None:
                                exhausted = True
                                break
                            item = (nxt, 1)
                            if left is not None:
                                left = max(0, left - 1)
                        else:
                            break
                        try:
                            slot.conn.send(item[0])
                        except OSError:  # the worker is gone; the task never reached it
                            retry.appendleft(item)
                            slot.broken = True
                            break
                        if not slot.queue:
                            slot.since = now
                        slot.queue.append(item)
                if exhausted and not retry and not any(s.queue for s in self._slots):
                    return
                ready = {key.data for key, _ in self._selector.select(timeout=0.1)}
                now = time.monotonic()
                health = now - checked >= HEALTH_SECONDS  # a worker's pulse and memory, a few times a second
                if health:
                    checked = now
                for i, slot in enumerate(self._slots):
                    dead = False
                    if ("conn", i) in ready:  # one outcome per wake: the selector is level-triggered, more come next round
                        try:
                            out = slot.conn.recv()
                        except (EOFError, OSError):
                            dead = True
                        else:
                            if isinstance(out, str) and out == READY:
                                slot.started = True
                                slot.since = now
                                self._start_failures = 0
                                continue
                            task, attempt = slot.queue.popleft()
                            out.attempts = attempt
                            slot.since = now
                            slot.retiring = slot.retiring or out.status == "too_large"
                            avg = out.seconds if avg == 0 else 0.9 * avg + 0.1 * out.seconds
                            yield out
                    if dead or slot.broken or ("proc", i) in ready or (health and not slot.proc.is_alive()):
                        yield from self._replace(i, retry, reason=None)
                        continue
                    if slot.queue and health:
                        age = now - slot.since
                        if hard and age > hard:
                            yield from self._replace(i, retry, reason="timeout")
                        elif cap and rss_bytes(slot.proc.pid) > cap * 1.25:
                            yield from self._replace(i, retry, reason="too_large")
                if on_idle is not None:
                    on_idle()
        finally:
            self._selector.close()
            self.close()

    def _watch(self, i: int) -> None:
        slot = self._slots[i]
        self._selector.register(slot.conn, selectors.EVENT_READ, ("conn", i))
        self._selector.register(slot.proc.sentinel, selectors.EVENT_READ, ("proc", i))

    def _unwatch(self, i: int) -> None:
        slot = self._slots[i]
        for obj in (slot.conn, slot.proc.sentinel):
            with contextlib.suppress(KeyError, ValueError, OSError):
                self._selector.unregister(obj)

    def _replace(self, i: int, retry: deque[tuple[Task, int]], reason: str | None) -> Iterator[Outcome]:
        """Kill (if needed) and replace worker ``i``; settle the document it held."""
        slot = self._slots[i]
        # results already in the pipe are still good
        try:
            while slot.queue and slot.conn.poll():
                out = slot.conn.recv()
                _, attempt = slot.queue.popleft()
                out.attempts = attempt
                yield out
        except (EOFError, OSError):
            pass
        self._unwatch(i)
        self._bury(slot)
        if reason is None and not slot.started:  # died before it was ready: nothing it held was started
            retry.extendleft(reversed(slot.queue))
            self._start_failures += 1
            if self._start_failures >= START_FAILURES:
                code = slot.proc.exitcode
                how = f"signal {-code}" if code is not None and code < 0 else f"exit status {code}"
                raise WorkerStartError(
                    f"{self._start_failures} batch workers in a row exited before they were ready ({how}); "
                    "check that nq_extract imports in a fresh interpreter (python -c 'import nq_extract.pipeline')"
                )
        elif slot.queue and slot.retiring and reason is None:  # a planned exit: what it held was never started
            retry.extend(slot.queue)
        elif slot.queue:
            (task, attempt), rest = slot.queue[0], list(slot.queue)[1:]
            seconds = time.monotonic() - slot.since
            if reason == "timeout":
                self.kills += 1
                yield failure_outcome(
                    task, "timeout", f"killed after {seconds:.0f} s (per-document time limit)", seconds, attempt, self.rows
                )
            elif reason == "too_large":
                self.kills += 1
                mb = self.limits.memory_mb
                yield failure_outcome(
                    task, "too_large", f"worker killed above {mb} MB (per-document memory cap)", seconds, attempt, self.rows
                )
            else:
                self.crashes += 1
                code = slot.proc.exitcode
                how = f"signal {-code}" if code is not None and code < 0 else f"exit status {code}"
                if attempt < 2:
                    retry.appendleft((task, attempt + 1))
                else:
                    yield failure_outcome(
                        task, "crashed", f"the worker process died twice on this document ({how})", seconds, attempt, self.rows
                    )
            retry.extend(rest)
        self._slots[i] = self._spawn()
        self._watch(i)
