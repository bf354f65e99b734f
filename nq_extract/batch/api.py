"""``nq_extract.parse_many``: many files in a process pool, reports in input order."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Iterator
from typing import Any

from ..models import Report
from .worker import Limits, Task, run_document


def _tasks(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Task]:
    for i, p in enumerate(paths):
        # the index keeps equal paths apart; the pipeline hashes the content itself
        yield Task(key=f"{i}:{hashlib.sha256(os.fsencode(p)).hexdigest()[:16]}", path=os.fspath(p))


def parse_many(
    paths: Iterable[str | os.PathLike[str]],
    workers: int | None = None,
    *,
    timeout: float | None = 300.0,
    max_memory_mb: int | None = 2048,
    **options: Any,
) -> Iterator[Report]:
    """Parse files in ``workers`` processes (default: the cores; 0: in this process), yielding in input order.

    Each report carries its normalized text. A bad file is a report with its
    ``source.status``; a document past ``timeout`` seconds or ``max_memory_mb``
    is ``timeout`` / ``too_large`` and the others go on.
    """
    limits = Limits(seconds=timeout, memory_mb=max_memory_mb)
    if workers == 0:
        for task in _tasks(paths):
            yield _report(run_document(task, options, limits, rows=False, with_text=True).line, task)
        return
    from .pool import Pool

    pool = Pool(workers, options, limits, rows=False, with_text=True)
    order: dict[str, int] = {}

    def numbered() -> Iterator[Task]:
        for n, task in enumerate(_tasks(paths)):
            order[task.key] = n
            yield task

    waiting: dict[int, Report] = {}
    nxt = 0
    for out in pool.run(numbered()):
        task = Task(key=out.key, path=out.path)
        waiting[order.pop(out.key)] = _report(out.line, task)
        while nxt in waiting:
            yield waiting.pop(nxt)
            nxt += 1


def _report(line: bytes, task: Task) -> Report:
    report = Report.model_validate_json(line)
    if report.source.sha256 == task.key:  # a placeholder key, not a content hash
        report.source.sha256 = None
    return report
